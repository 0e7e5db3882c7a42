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


def doc_text(doc: Doc) -> str:
    store = memo(doc)
    text = store.get("text")
    if text is None:
        text = store["text"] = doc.text
    return text


def sent_text(sent: Span) -> str:
    store = memo(sent.doc)
    key = ("sent-text", sent.start, sent.end)
    text = store.get(key)
    if text is None:
        text = store[key] = sent.text
    return text


def sent_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens (a shared list: callers must not change it)."""
    store = memo(sent.doc)
    key = ("sent-tokens", sent.start, sent.end)
    tokens = store.get(key)
    if tokens is None:
        tokens = store[key] = list(sent)
    return tokens


def sent_ents(sent: Span) -> list[Span]:
    """``sentence_ents(sent)``, a fresh list each call."""
    store = memo(sent.doc)
    key = ("sent-ents", sent.start, sent.end)
    ents = store.get(key)
    if ents is None:
        ents = store[key] = _sentence_ents(sent)
    return list(ents)


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
