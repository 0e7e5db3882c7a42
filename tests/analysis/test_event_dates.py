"""Dated aggregates (dyad series, networks over a date range, the GDELT export) count each
event on the date its text gives, and leave out, and count, those they cannot place."""

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
