"""What the event model sees of a candidate word: sparse clause features and dense vectors.

A *candidate* is a word that may express an event: every verb, and every noun the model or the
lexicon knows as an event noun ("talks", "airstrike", "sanctions").  Its features describe the
clause around it the way a coder reads it — the word and its lemma, its particle, object and
prepositional phrases, the verb governing it ("urged ... to release": release under urge), its
subject's kind, negation, modals and voice, what the rule lexicon makes of it — plus dense
vectors: the word's meaning, its object's, its governor's and the sentence's (static
vectors distilled from MiniLM, see word_vectors.py).

Training (flashpoint.training) and coding call the same functions, so the model is scored on
exactly the features it was trained on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from ...nlp.docmemo import children, sent_tokens
from ..syntax import direct_objects, is_passive, particle_of, prep_phrases, subject_of
from .lexicon import Lexicon
from .word_vectors import WordVectors

__all__ = ["DENSE_PARTS", "Candidate", "candidates", "dense_features", "sparse_features"]

# Dense parts, in order: the word, its object (or prepositional object), its governor, and the
# sentence's content words.
DENSE_PARTS = ("word", "object", "governor", "sentence")
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ"})
_GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "advcl", "dobj", "pobj", "conj", "acl", "relcl"})


@dataclass(frozen=True, slots=True)
class Candidate:
    token: Token
    sentence: Span


def candidates(sent: Span, event_nouns: frozenset[str], lexicon: Lexicon) -> list[Candidate]:
    """The words of a sentence that may express an event."""
    out = []
    for token in sent_tokens(sent):
        if token.pos_ == "VERB" or (
            token.pos_ == "NOUN"
            and (token.lemma_.lower() in event_nouns or lexicon.has("N", token.lemma_.lower()))
        ):
            out.append(Candidate(token, sent))
    return out


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _object_of(token: Token) -> Token | None:
    if token.pos_ == "VERB":
        objects = direct_objects(token)
        if objects:
            return objects[0]
    phrases = prep_phrases(token)
    return phrases[0][1] if phrases else None


def _kind(token: Token | None) -> str:
    """A coarse kind for an argument: its entity type, pronoun, or part of speech."""
    if token is None:
        return "none"
    if token.ent_type_:
        return token.ent_type_
    if token.pos_ == "PRON":
        return "PRON"
    return token.pos_


def sparse_features(candidate: Candidate, lexicon: Lexicon) -> list[str]:
    token = candidate.token
    lemma = _lemma(token)
    pos = "V" if token.pos_ == "VERB" else "N"
    feats = [
        f"l={lemma}",
        f"w={token.lower_}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"l|d={lemma}|{token.dep_}",
    ]
    particle = particle_of(token) if pos == "V" else None
    if particle:
        feats.append(f"lp={lemma} {particle}")
    objects = direct_objects(token) if pos == "V" else []
    for obj in objects[:2]:
        feats += [f"o={_lemma(obj)}", f"l|o={lemma}|{_lemma(obj)}", f"ok={_kind(obj)}"]
    preps = prep_phrases(token)
    for prep, pobj in preps[:3]:
        feats += [f"pp={prep}", f"l|pp={lemma}|{prep}", f"l|pp|po={lemma}|{prep}|{_lemma(pobj)}"]
        feats.append(f"pk={prep}|{_kind(pobj)}")
    for child in children(token):
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            feats += [f"x={_lemma(child)}", f"l|x={lemma}|{_lemma(child)}"]
        elif child.dep_ == "neg":
            feats.append("neg")
        elif child.dep_ == "aux" and child.lower_ in _MODALS:
            feats.append(f"modal={child.lower_}")
        elif child.dep_ == "amod" and pos == "N":
            feats.append(f"a={_lemma(child)}")
        elif child.dep_ == "compound" and pos == "N":
            feats.append(f"c={_lemma(child)}")
        elif child.dep_ == "poss":
            feats.append(f"poss={_kind(child)}")
    head = token.head
    if head is not token and token.dep_ in _GOVERNING_DEPS:
        feats += [f"g={token.dep_}|{_lemma(head)}", f"gl={_lemma(head)}"]
        if head.dep_ == "prep":
            feats.append(f"gp={head.lower_}|{_lemma(head.head)}")
    if pos == "V":
        subject = subject_of(token)
        feats.append(f"sk={_kind(subject)}")
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            feats.append(f"s={_lemma(subject)}")
        if is_passive(token):
            feats.append("passive")
    match = lexicon.match(
        pos,
        lemma,
        particle=particle,
        objects=[_lemma(o) for o in objects],
        preps=[(p, _lemma(o)) for p, o in preps],
    )
    if match is not None:
        code = match.pattern.code
        feats += [f"lex={code[:2]}", f"lexc={code}"]
    elif lexicon.has(pos, lemma):
        feats.append("lex=partial")
    return feats


def sentence_vector(sentence: Span, vectors: WordVectors) -> np.ndarray:
    return vectors.mean([t.lemma_ for t in sent_tokens(sentence) if t.pos_ in _CONTENT_POS])


def dense_features(
    candidate: Candidate, vectors: WordVectors, sentence: np.ndarray | None = None
) -> np.ndarray:
    """The dense parts (DENSE_PARTS) of one candidate; ``sentence``: its sentence's vector,
    when the caller has it already (one per sentence, not one per candidate)."""
    token = candidate.token
    obj = _object_of(token)
    head = token.head if token.head is not token else None
    parts = [
        vectors.vector(token.lemma_),
        vectors.vector(obj.lemma_) if obj is not None else vectors.vector(""),
        vectors.vector(head.lemma_) if head is not None else vectors.vector(""),
        sentence if sentence is not None else sentence_vector(candidate.sentence, vectors),
    ]
    return np.concatenate(parts)


def feature_rows(
    items: Iterable[Candidate], lexicon: Lexicon, vectors: WordVectors
) -> tuple[list[list[str]], np.ndarray]:
    """Sparse feature lists and the dense matrix for several candidates."""
    items = list(items)
    sparse = [sparse_features(c, lexicon) for c in items]
    dense = (
        np.vstack([dense_features(c, vectors) for c in items])
        if items
        else np.zeros((0, vectors.dims * len(DENSE_PARTS)), dtype=np.float32)
    )
    return sparse, dense
