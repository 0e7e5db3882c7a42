"""First-person words in quoted or reported speech stand for the speaker.

'"We condemn the strikes," the French foreign minister said' is the minister's (France's)
condemnation; '"They attacked us," the mayor said' an attack on the mayor's side.  The
resolver knows no antecedent for "I" or "we", so without this such events were lost or
given no source — and direct quotes are where news carries most of its statements,
appeals, threats and accusations.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..context.reporting import find_frame

__all__ = ["speaker_for_first_person"]

_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def speaker_for_first_person(heads: list[Token], trigger: Token, sent: Span) -> list[Token]:
    """``heads`` with each first-person pronoun replaced by the speaker of the reporting
    frame that governs ``trigger`` (when there is one and it is not itself first person)."""
    if not any(h.lower_ in _FIRST_PERSON for h in heads):
        return heads
    frame = find_frame(trigger, sent)
    speaker = frame.speaker if frame is not None else None
    if speaker is None or speaker.lower_ in _FIRST_PERSON:
        return heads  # "he said" is left to the resolver's coreference
    return [speaker if h.lower_ in _FIRST_PERSON else h for h in heads]
