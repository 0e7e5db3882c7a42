"""What an event needs before it is coded: a counterpart for acts done with someone, a target
for acts directed at someone.

The coder reads a source and a target for every predicate and, where the sentence names no
target, may read a country off the context (coding/arguments/target_context.py).  Some acts
are not worth a record without a party on the other side: "the ministry reiterated its
calls", "we are grateful for the years of work", "police spoke with a woman" (a consultation
with the source's own country read off the context).  On the cross-validated dev articles
such events were almost never right (docs/accuracy.md); these rules drop them.
"""

from __future__ import annotations

from collections.abc import Callable

from ...records import ActorRef
from ..candidates.predicate import Predicate

__all__ = ["has_counterpart", "may_lack_target"]

# Acts done *with* another party: consultations and material cooperation.  With no
# counterpart but the source's own country, which the context offers when the sentence
# names no other ("police spoke with a woman", "the company invested in e-commerce"), there
# is no act between two parties to record.
COUNTERPART_ROOTS = frozenset({"04", "06"})
# Comments coded only about a specific actor or relation: pessimistic, optimistic,
# considering a policy option (against someone), empathetic (coding guidelines §6.1).
ABOUT_SOMEONE_CODES = frozenset({"012", "013", "014", "018"})
# Acts directed at someone: promises, diplomatic and material cooperation, investigating,
# criticising, rejecting, threatening, reducing relations.  With no target in their sentence
# (named, or read off its words) they are not coded.  Appeals and demands (02, 10: "called
# for calm"), aid (07), yielding (08: "the troops later withdrew") and the other roots are
# coded with no target.
DIRECTED_ROOTS = frozenset({"03", "05", "06", "09", "11", "12", "13", "16"})


def has_counterpart(
    root: str,
    source: ActorRef,
    target: ActorRef | None,
    sentence_countries: Callable[[], frozenset[str]],
) -> bool:
    """Whether an act done with another party (COUNTERPART_ROOTS) has one.

    A target read off the context that is the source's own country is no counterpart: a
    state does not consult or cooperate with itself, and the guess is almost never right
    (cross-validated dev articles: none of 7 such events).  A meeting, talks or a visit is
    with someone: with no counterpart named in the sentence, the country the discourse offers
    is a guess too (the country of the place it is held in, "talks in Cairo", is kept; the
    sentence's countries are asked for only then)."""
    if root not in COUNTERPART_ROOTS:
        return True
    if target is None:
        return root != "04"
    if target.resolution != "context":
        return True
    if target.country is not None and target.country == source.country:
        return False
    return root != "04" or target.country in sentence_countries()


def may_lack_target(predicate: Predicate) -> bool:
    """Whether an event is coded with no target (DIRECTED_ROOTS, ABOUT_SOMEONE_CODES: "we
    hope the verdict brings peace" is a comment about no one)."""
    return predicate.root not in DIRECTED_ROOTS and predicate.code[:3] not in ABOUT_SOMEONE_CODES
