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

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from .ents import sentence_ents as _sentence_ents

__all__ = [
    "children",
    "coding",
    "doc_text",
    "doc_tokens",
    "doc_words",
    "head_indices",
    "memo",
    "per_token",
    "remembered",
    "sent_ents",
    "sent_text",
    "sent_tokens",
    "sentence_of",
    "subtree",
]

_local = threading.local()


@contextmanager
def coding(doc: Doc, *, text: str | None = None) -> Iterator[None]:
    """Memoise facts about ``doc`` until the block ends.  ``text``: the text the Doc was made
    from, when the caller knows it (spaCy's tokenization keeps every character, so it is the
    Doc's text, which otherwise takes a pass over every token to rebuild)."""
    previous = getattr(_local, "current", None)
    _local.current = (doc, {} if text is None else {"text": text})
    try:
        yield
    finally:
        _local.current = previous


def memo(doc: Doc) -> dict[Any, Any]:
    """The memo of the document being coded; a throwaway dict for any other document."""
    store = _open_memo(doc)
    return {} if store is None else store


def _open_memo(doc: Doc) -> dict[Any, Any] | None:
    """The memo of ``doc`` if it is the document being coded, else None."""
    current = getattr(_local, "current", None)
    return current[1] if current is not None and current[0] is doc else None


def remembered(doc: Doc, key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()``, once per key for the document being coded (a fact about the document or
    one of its sentences; ``None`` is not remembered, so a computation that may answer None
    keeps its own entry)."""
    store = memo(doc)
    value = store.get(key)
    if value is None:
        value = store[key] = compute()
    return value


def doc_text(doc: Doc) -> str:
    # Doc.text joins every token's text and whitespace, building each Token anew.
    return remembered(doc, "text", lambda: "".join(t.text_with_ws for t in doc_tokens(doc)))


def doc_tokens(doc: Doc) -> list[Token]:
    """The document's tokens, built once: ``doc[i]`` and iterating a span build a new Token
    object on every access, a large share of the coder's time (a shared list: callers must
    not change it)."""
    return remembered(doc, "tokens", lambda: list(doc))


def doc_words(doc: Doc) -> list[str]:
    """Each token's text, by index (a shared list: callers must not change it)."""
    return remembered(doc, "words", lambda: [t.text for t in doc_tokens(doc)])


def sent_text(sent: Span) -> str:
    # Span.text joins the span's tokens; the document's text holds the same characters.
    key = ("sent-text", sent.start, sent.end)
    return remembered(sent.doc, key, lambda: doc_text(sent.doc)[sent.start_char : sent.end_char])


def sent_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens (a shared list: callers must not change it)."""
    key = ("sent-tokens", sent.start, sent.end)
    return remembered(sent.doc, key, lambda: doc_tokens(sent.doc)[sent.start : sent.end])


def children(token: Token) -> list[Token]:
    """``list(token.children)``.  spaCy's ``Token.children`` scans every word between the
    token's left and right edges and builds a new Token for each child on every call (a verb's
    children: its whole clause); the coder asks for children everywhere.  While a document is
    coded, every token's children are found in one pass over the heads instead, in the same
    order (left to right).  A shared list: callers must not change it."""
    store = _open_memo(token.doc)
    if store is None:
        return list(token.children)
    found = store.get("children")
    if found is None:
        found = store["children"] = _children_lists(token.doc)
    return found[token.i]


def subtree(token: Token) -> list[Token]:
    """``list(token.subtree)``, in spaCy's order (each left child's subtree, the token, each
    right child's subtree), from the children lists and remembered per token while a document
    is coded.  A shared list: callers must not change it."""
    facts = _open_memo(token.doc)
    if facts is None:
        return list(token.subtree)
    store = facts.setdefault("subtrees", {})
    found = store.get(token.i)
    if found is None:
        found = []
        kids = children(token)
        for child in kids:
            if child.i < token.i:
                found += subtree(child)
        found.append(token)
        for child in kids:
            if child.i > token.i:
                found += subtree(child)
        store[token.i] = found
    return found


def _children_lists(doc: Doc) -> list[list[Token]]:
    tokens = doc_tokens(doc)
    out: list[list[Token]] = [[] for _ in tokens]
    for i, head in enumerate(head_indices(doc)):
        if head != i:  # a sentence root is its own head
            out[head].append(tokens[i])
    return out


def head_indices(doc: Doc) -> list[int]:
    """Each token's head index (``token.head.i`` without building the head Token); a shared
    list: callers must not change it."""

    def compute() -> list[int]:
        offsets = doc.to_array(HEAD).astype("int64")  # head minus token index
        return (offsets + numpy.arange(len(doc), dtype="int64")).tolist()

    return remembered(doc, "heads", compute)


def sentence_of(token: Token) -> Span:
    """``token.sent``, which scans the parse for the sentence's boundaries on every call."""
    store = _open_memo(token.doc)
    if store is None:
        return token.sent
    sentences = store.get("sentences")
    if sentences is None:
        sentences = store["sentences"] = [
            sent for sent in token.doc.sents for _ in range(sent.start, sent.end)
        ]
    return sentences[token.i]


def sent_ents(sent: Span) -> list[Span]:
    """``sentence_ents(sent)``, a fresh list each call."""
    key = ("sent-ents", sent.start, sent.end)
    return list(remembered(sent.doc, key, lambda: _sentence_ents(sent)))


_T = TypeVar("_T")


def per_token(fn: Callable[[Token], _T]) -> Callable[[Token], _T]:
    """Memoise a function of one token (its dependents, its phrases) for the document being
    coded.  A list result is copied on every call, so a caller may change its own copy."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def cached(token: Token) -> _T:
        facts = _open_memo(token.doc)
        if facts is None:
            return fn(token)
        store = facts.get(name)
        if store is None:
            store = facts[name] = {}  # this function's answers, by token index
        i = token.i
        if i in store:
            found = store[i]
        else:
            found = store[i] = fn(token)
        return list(found) if isinstance(found, list) else found  # type: ignore[return-value]

    return cached
