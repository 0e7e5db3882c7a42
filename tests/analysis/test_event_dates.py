"""Dated aggregates (dyad series, networks over a date range) and exports (GDELT, PLOVER,
POLECAT, CSV) take each event on the date its text gives, never the story date in its place,
and leave out, and count, those they cannot place."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from flashpoint.analysis import dyad_series, event_network
from flashpoint.cli import cli
from flashpoint.export.stored import export_events
from flashpoint.records import DateInfo
from flashpoint.store import EventFilter, open_store
from tests.store.helpers import event
from tests.store.test_event_dates import story, strike_in_june, undated_attack

LAST_MONDAY = DateInfo("last Monday", "day", "2025-12-22", "2025-12-22", "weekday")


def _build(store):
    """One Dec 29 story: an attack last Monday, a strike "in June", an attack "previously"."""

    def monday(doc_id):
        return event(doc_id, code="195", date="2025-12-22", date_info=LAST_MONDAY)

    story("Israel was struck last Monday, in June and previously.",
          [monday, strike_in_june, undated_attack], store=store)  # fmt: skip


@pytest.fixture
def dated(store):
    _build(store)
    return store


def counts(series):
    return {p.strftime("%Y-%m-%d"): n for p, n in zip(series["period"], series["events"],
                                                      strict=True) if n}  # fmt: skip


def test_monthly_series_counts_each_event_in_its_own_month(dated):
    series = dyad_series(dated, "USA", "ISR", freq="month")
    assert counts(series) == {"2025-06-01": 1, "2025-12-01": 1}
    assert (series.attrs["undated"], series.attrs["too_coarse"]) == (1, 0)


def test_weekly_series_leaves_out_what_it_cannot_place(dated):
    series = dyad_series(dated, "USA", "ISR", freq="week")
    assert counts(series) == {"2025-12-22": 1}  # never the June strike or the undated attack
    assert (series.attrs["undated"], series.attrs["too_coarse"]) == (1, 1)


def test_a_network_over_a_range_counts_only_events_dated_inside(dated):
    december = EventFilter(since=dt.date(2025, 12, 1), until=dt.date(2025, 12, 31))
    graph = event_network(dated, december)
    assert graph.edges["USA", "ISR"]["events"] == 1
    assert graph.graph["undated"] == 1
    assert event_network(dated).edges["USA", "ISR"]["events"] == 3  # no range: every event


def test_gdelt_rows_are_on_the_day_the_text_gives(dated, tmp_path):
    path = tmp_path / "g.tsv"
    assert export_events(dated, "gdelt", path) == 1  # June and "previously" have no day
    (row,) = [line.split("\t") for line in path.read_text().splitlines()]
    assert row[1:5] == ["20251222", "202512", "2025", "2025.9644"]  # not the story's day


def test_the_cli_says_what_a_series_left_out(store_url):
    with open_store(store_url) as store:
        _build(store)
    result = CliRunner().invoke(cli, ["dyad", "USA", "ISR", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert (
        "events left out: 1 without a date, 1 dated only to a longer period than a week"
        in result.stderr
    )


def test_plover_polecat_and_csv_never_put_the_story_date_in(dated, tmp_path):
    import json

    import pandas as pd

    plover = tmp_path / "p.jsonl"
    assert export_events(dated, "plover", plover) == 3
    records = [json.loads(line) for line in plover.read_text().splitlines()]
    assert sorted(((r["date"] or ""), r["date_precision"]) for r in records) == [
        ("", None),  # "previously": no date, not the story's Dec 29
        ("2025-06-01", "month"),
        ("2025-12-22", "day"),
    ]
    polecat = tmp_path / "p.tsv"
    assert export_events(dated, "polecat", polecat) == 3
    frame = pd.read_csv(polecat, sep="\t", dtype=str, keep_default_na=False)
    # Event Date is a day: June has none (nor a column for its precision), "previously" none.
    assert sorted(frame["Event Date"]) == ["", "", "2025-12-22"]
    assert set(frame["Publication Date"]) == {"2025-12-29"}
    flat = tmp_path / "e.csv"
    export_events(dated, "csv", flat)
    frame = pd.read_csv(flat, dtype=str, keep_default_na=False)
    assert sorted(zip(frame["date"], frame["date_precision"], strict=True)) == [
        ("", ""),
        ("2025-06-01", "month"),
        ("2025-12-22", "day"),
    ]


def test_gdelt_mentions_are_those_of_the_rows_written(dated, tmp_path):
    path = tmp_path / "m.tsv"
    assert export_events(dated, "gdelt-mentions", path) == 1  # the Monday attack's only
