"""Natural and accidental causes named where an attacker would stand.

"A landslide killed twelve villagers", "the crash injured four", "cholera has killed 300":
the subject of a violent verb is a hazard, not an unnamed armed force, and no event is coded.
Weapons and attacks in the same place ("a car bomb killed", "shelling killed") are acts by
someone unnamed and stay coded (coder._unidentified_attacker).

The test compares the noun's static word vector (candidates/word_vectors.py) with two sets of
prototype nouns, so hazards no list names ("mudslide", "dengue") are recognised too; a noun
must be clearly nearer the hazards (by a margin, word_vectors.Contrast) to count, which leaves
vehicles, fire and landmines (used in attacks as often as in accidents) with the attack
reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..candidates.word_vectors import Contrast

__all__ = ["is_hazard"]

_HAZARD_WORDS = (
    "landslide flood earthquake storm hurricane wildfire collision crash accident disease virus "
    "outbreak heatwave avalanche cyclone drought famine"
)
_ATTACK_WORDS = (
    "bomb missile rocket shell grenade mine drone bullet mortar airstrike gunfire explosive "
    "attack gunman militants soldiers artillery"
)
# Hazards rather than weapons and attackers, by a clear margin (docstring).
_HAZARDS = Contrast(_HAZARD_WORDS, _ATTACK_WORDS, margin=0.1)


def is_hazard(word: Token) -> bool:
    """Whether a noun names a natural or accidental cause of harm rather than an attack
    ("a collision which killed ...": a relative pronoun stands for the noun it modifies)."""
    if word.lower_ in ("which", "that") and word.head.dep_ == "relcl":
        word = word.head.head
    if word.pos_ not in ("NOUN", "PROPN") or word.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return False
    return _HAZARDS(word.lemma_.lower())
