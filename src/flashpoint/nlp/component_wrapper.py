"""A stand-in for a spaCy pipeline component that changes only how it annotates.

The fast paths in this package wrap the model's own components: everything they do not define
(labels, cfg, model, serialisation) is the wrapped component's, and batches go through its
error handler exactly as with the stock ``pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.util import minibatch

__all__ = ["ComponentWrapper"]


class ComponentWrapper:
    """Subclasses define ``_annotate(docs)``, which annotates a batch in place."""

    def __init__(self, component: Any):
        self.component = component

    def __getattr__(self, name: str) -> object:
        if name == "component":  # not yet set (copy, unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.component, name)

    def _annotate(self, docs: list[Doc]) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        error_handler = self.component.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            try:
                self._annotate(batch)
                yield from batch
            except Exception as e:
                error_handler(self.component.name, self.component, batch, e)
