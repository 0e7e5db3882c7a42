"""sentence_ents returns exactly what Span.ents does, without walking the whole document."""

from __future__ import annotations

import pytest

from flashpoint.nlp.ents import sentence_ents
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def _key(ents):
    return [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in ents]


def test_sentence_ents_equals_span_ents(coder):
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = coder.nlp(path.read_text("utf-8"))
        spans = [*doc.sents, doc[:], doc[len(doc) - 3 :]]
        # spans cutting through entities, at either end
        spans += [doc[e.start + 1 : e.end + 12] for e in doc.ents if len(e) > 1]
        spans += [doc[max(0, e.start - 5) : e.end - 1] for e in doc.ents if len(e) > 1]
        for span in spans:
            assert _key(sentence_ents(span)) == _key(span.ents), span.text
