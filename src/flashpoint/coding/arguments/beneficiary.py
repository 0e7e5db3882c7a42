"""The beneficiary of a giving or helping act, named by a purpose clause or a "for" phrase.

Aid is directed at whom it helps, not at what is given: "donated 300 ambulances to assist
Nepal" and "is considering sending aid to help Myanmar cope with the floods" are directed at
Nepal and Myanmar, "sought aid for flood victims in Sindh" at the victims.  The thing given
(ambulances, aid, funds) is the theme, never the target, when the sentence names whom it is for.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...nlp.docmemo import children, subtree
from ..candidates.lexicon import Lexicon
from ..candidates.predicate import Predicate
from ..syntax import direct_objects, prep_phrases

__all__ = ["beneficiary_heads"]

_HELP_VERBS = frozenset("help assist support aid benefit relieve rebuild feed".split())
_AID_CLASSES = ("@AID", "@HUMAID", "@ECONAID", "@MILAID")
# Cooperative and aid roots: an attack "to help" its allies is still directed at its victim.
_HELPING_ROOTS = {"01", "02", "03", "05", "06", "07", "08"}


def _hosts(predicate: Predicate) -> list[Token]:
    """The trigger, its folded tokens, and the nouns of what it gives."""
    hosts = [predicate.trigger, *predicate.trigger_tokens]
    for verb in [h for h in hosts if h.pos_ == "VERB"]:
        hosts += [t for o in direct_objects(verb) for t in subtree(o) if t.pos_ == "NOUN"]
    return list(dict.fromkeys(hosts))


def _helped(verb: Token) -> list[Token]:
    """Whom a helping verb helps: its object, or the subject of its complement ("help Y cope")."""
    objects = direct_objects(verb)
    if objects:
        return objects
    return [
        s
        for c in children(verb)
        if c.dep_ in ("ccomp", "xcomp")
        for s in children(c)
        if s.dep_ == "nsubj"
    ]


def _purpose(host: Token) -> bool:
    """A "to"-infinitive purpose clause of a helping verb: "(sent aid) to help ..."."""
    return (
        host.dep_ in ("advcl", "xcomp", "acl", "relcl")
        and host.lemma_.lower() in _HELP_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(host))
    )


def beneficiary_heads(predicate: Predicate, lexicon: Lexicon) -> list[Token]:
    """Heads naming whom the act is for, nearest first; empty outside giving and helping acts."""
    if predicate.root not in _HELPING_ROOTS:
        return []
    hosts = _hosts(predicate)
    if any(p in ("to", "toward", "towards") for h in hosts for p, _ in prep_phrases(h)):
        return []  # "offered troops to Uganda to help ...": the named recipient is the target
    out: list[Token] = []
    for host in hosts:
        for clause in children(host):
            if _purpose(clause) and clause not in predicate.trigger_tokens:
                out += _helped(clause)
        if any(lexicon.in_class(host.lemma_.lower(), c) for c in _AID_CLASSES):
            out += [o for p, o in prep_phrases(host) if p == "for"]
    return [t for t in dict.fromkeys(out) if t not in predicate.sources and t.pos_ != "PRON"]
