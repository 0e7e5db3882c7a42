import io
import json

import pytest

from flashpoint.export import TSV_COLUMNS, write_events

pytestmark = pytest.mark.slow


def test_tsv_rows_stay_rectangular_with_tabs_and_newlines_in_text(code):
    events = code("Egypt condemned\tIsrael on Tuesday.")
    out = io.StringIO()
    assert write_events(events, out, "tsv") == len(events) == 1
    lines = out.getvalue().splitlines()
    assert all(len(line.split("\t")) == len(TSV_COLUMNS) for line in lines)


def test_json_array_and_empty_output():
    out = io.StringIO()
    assert write_events([], out, "json") == 0
    assert json.loads(out.getvalue()) == []
    out = io.StringIO()
    write_events([], out, "jsonl")
    assert out.getvalue() == ""


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        write_events([], io.StringIO(), "xml")
