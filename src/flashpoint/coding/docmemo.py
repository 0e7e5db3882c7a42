"""Facts about the document being coded, computed once instead of once per predicate or event.

The coder asks the same questions of a document many times: the text of a sentence (every
event's evidence), its tokens, its entities, the document's full text (spaCy re-joins every
token on each ``Doc.text``), the country a sentence names.  ``coding(doc)`` opens a memo for
one document while ``Coder.code_doc`` runs; the helpers below read from it and fill it.
Outside ``coding`` (a helper called on its own, e.g. from a test) every call computes afresh,
so a memo never outlives the document it describes, and a document changed after coding is
never read from a stale memo.  The memo is per thread, so concurrent coders do not share one.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

from ..nlp.ents import sentence_ents as _sentence_ents

__all__ = ["coding", "doc_text", "memo", "per_token", "sent_ents", "sent_text", "sent_tokens"]

_local = threading.local()


@contextmanager
def coding(doc: Doc) -> Iterator[None]:
    """Memoise facts about ``doc`` until the block ends."""
    previous = getattr(_local, "current", None)
    _local.current = (doc, {})
    try:
        yield
    finally:
        _local.current = previous


def memo(doc: Doc) -> dict[Any, Any]:
    """The memo of the document being coded; a throwaway dict for any other document."""
    current = getattr(_local, "current", None)
    if current is not None and current[0] is doc:
        return current[1]
    return {}


def _remembered(doc: Doc, key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per key for the document being coded."""
    store = memo(doc)
    value = store.get(key)
    if value is None:
        value = store[key] = compute()
    return value


def doc_text(doc: Doc) -> str:
    return _remembered(doc, "text", lambda: doc.text)


def sent_text(sent: Span) -> str:
    return _remembered(sent.doc, ("sent-text", sent.start, sent.end), lambda: sent.text)


def sent_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens (a shared list: callers must not change it)."""
    return _remembered(sent.doc, ("sent-tokens", sent.start, sent.end), lambda: list(sent))


def sent_ents(sent: Span) -> list[Span]:
    """``sentence_ents(sent)``, a fresh list each call."""
    key = ("sent-ents", sent.start, sent.end)
    return list(_remembered(sent.doc, key, lambda: _sentence_ents(sent)))


_T = TypeVar("_T")


def per_token(fn: Callable[[Token], _T]) -> Callable[[Token], _T]:
    """Memoise a function of one token (its dependents, its phrases) for the document being
    coded.  A list result is copied on every call, so a caller may change its own copy."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def cached(token: Token) -> _T:
        current = getattr(_local, "current", None)
        if current is None or current[0] is not token.doc:
            return fn(token)
        store = current[1]
        key = (name, token.i)
        if key in store:
            found = store[key]
        else:
            found = store[key] = fn(token)
        return list(found) if isinstance(found, list) else found  # type: ignore[return-value]

    return cached
