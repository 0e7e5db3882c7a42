"""``/v1/events`` and ``/v1/clusters`` answer as ``flashpoint events`` and ``export`` do, on
SQLite and PostgreSQL (the hand-built corpus: no spaCy)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from tests.api.helpers import invoke

FILTERS = [
    ({}, []),
    ({"source": "USA"}, ["--source", "USA"]),
    ({"actor": "IRN", "since": "2025-12-05"}, ["--actor", "IRN", "--since", "2025-12-05"]),
    ({"root": ["04", "19"], "modality": "negated"}, ["--root", "04", "--root", "19",
                                                      "--modality", "negated"]),
    ({"quad": "1,2", "publisher": "Alpha"}, ["--quad", "1", "--quad", "2", "--publisher", "Alpha"]),
    ({"sector": "MIL"}, ["--sector", "MIL"]),
    ({"plover": "CONSULT", "until": "2025-12-09"},
     ["--plover", "CONSULT", "--until", "2025-12-09"]),
]  # fmt: skip


@pytest.mark.parametrize(("params", "options"), FILTERS)
def test_json_page_and_jsonl_equal_the_cli_listing(corpus_api, corpus_db, params, options):
    cli_records = json.loads(invoke("events", "--db", corpus_db, "--format", "json", *options))
    page = corpus_api.get("/v1/events", params=params)
    assert page.status_code == 200, page.text
    body = page.json()
    assert body["next_cursor"] is None and body["count"] == len(cli_records)
    assert [{k: v for k, v in e.items() if k != "id"} for e in body["events"]] == cli_records
    lines = corpus_api.get("/v1/events", params={**params, "format": "jsonl"})
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    assert lines.text == invoke("events", "--db", corpus_db, "--format", "jsonl", *options)


def test_cursor_pages_walk_the_whole_listing_once(corpus_api, corpus_db):
    listing = json.loads(invoke("events", "--db", corpus_db, "--format", "json"))
    everything = [e["event_id"] for e in listing]
    assert len(everything) > 4
    seen, cursor, pages = [], None, 0
    while True:
        body = corpus_api.get("/v1/events", params={"limit": 2, "cursor": cursor} if cursor else
                       {"limit": 2}).json()  # fmt: skip
        seen += [e["event_id"] for e in body["events"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    assert pages == -(-len(everything) // 2)


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "gdelt-mentions", "plover", "polecat"])
def test_text_exports_equal_the_export_command(corpus_api, corpus_db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    invoke("export", "--db", corpus_db, "--format", fmt, "--source", "USA", "-o", out)
    response = corpus_api.get("/v1/events", params={"format": fmt, "source": "USA"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.content == out.read_bytes()


def test_parquet_export_equals_the_export_command(corpus_api, corpus_db, tmp_path):
    out = tmp_path / "out.parquet"
    invoke("export", "--db", corpus_db, "--format", "parquet", "-o", out)
    response = corpus_api.get("/v1/events", params={"format": "parquet"})
    assert response.status_code == 200
    streamed = pd.read_parquet(io.BytesIO(response.content))
    pd.testing.assert_frame_equal(streamed, pd.read_parquet(out))
    assert len(streamed) > 4


def test_export_with_nothing_matching_is_a_json_404(corpus_api):
    response = corpus_api.get("/v1/events", params={"format": "csv", "source": "FRA"})
    assert response.status_code == 404
    assert "no stored events match" in response.json()["error"]["message"]


def test_one_event_with_its_mentions_and_article(corpus_api, corpus_db):
    params = {"source": "USAGOV", "root": "04"}
    listed = corpus_api.get("/v1/events", params=params).json()["events"]
    event = max(listed, key=lambda e: e["num_mentions"])
    detail = corpus_api.get(f"/v1/events/{event['id']}").json()
    assert detail["event_id"] == event["event_id"]
    assert len(detail["mentions"]) == event["num_mentions"] == 2
    assert detail["article"]["text"] == "Article one."
    assert detail["cluster"]["num_articles"] == 2
    missing = corpus_api.get("/v1/events/999999")
    assert missing.status_code == 404 and missing.json()["error"]["param"] == "event_id"


def test_clusters_list_and_detail(corpus_api):
    clusters = corpus_api.get("/v1/clusters", params={"source": "USA"}).json()["clusters"]
    assert clusters and all(c["source_code"].startswith("USA") for c in clusters)
    visit = next(c for c in clusters if c["num_articles"] == 2)
    detail = corpus_api.get(f"/v1/clusters/{visit['id']}").json()
    assert len(detail["events"]) == 2
    assert {e["article"]["publisher"] for e in detail["events"]} == {"Alpha", "Beta"}
    assert corpus_api.get("/v1/clusters/424242").status_code == 404


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"source": "XXQ"}, "source"),
        ({"actor": "US"}, "actor"),
        ({"since": "2025-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"quad": "7"}, "quad"),
        ({"root": "abc"}, "root"),
        ({"modality": "maybe"}, "modality"),
        ({"min_confidence": "2"}, "min_confidence"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"limit": "5000"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"format": "xml"}, "format"),
    ],
)
def test_bad_filters_are_4xx_json_naming_the_parameter(corpus_api, params, param):
    response = corpus_api.get("/v1/events", params=params)
    assert 400 <= response.status_code < 500
    error = response.json()["error"]
    assert error["param"] == param
    assert error["message"] and "Traceback" not in response.text
