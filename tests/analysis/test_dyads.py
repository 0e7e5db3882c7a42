"""Dyad series on the hand-built corpus (tests/analysis/corpus.py), where every number is known."""

from __future__ import annotations

import math

import pytest

from flashpoint.analysis import dyad_series, events_frame
from flashpoint.errors import AnalysisError
from flashpoint.store import EventFilter
from tests.analysis.corpus import build


@pytest.fixture
def corpus(store):
    build(store)
    return store


def rows(series, dyad):
    part = series[series["dyad"] == dyad]
    return {
        p.strftime("%Y-%m-%d"): r
        for p, r in zip(part["period"], part.to_dict("records"), strict=True)
    }


def test_weekly_clusters_by_default_both_directions(corpus):
    series = dyad_series(corpus, "USA", "ISR", flt=EventFilter(until=_day("2025-12-21")))
    out, back = rows(series, "USA->ISR"), rows(series, "ISR->USA")
    assert list(out) == ["2025-12-01", "2025-12-08", "2025-12-15"]
    # W1: the visit reported by two articles (three mentions) is one event; the negated
    # attack is left out.
    w1 = out["2025-12-01"]
    assert (w1["events"], w1["q1"], w1["q2"], w1["q3"], w1["q4"]) == (1, 1, 0, 0, 0)
    assert w1["goldstein_sum"] == pytest.approx(1.9)
    assert w1["goldstein_mean"] == pytest.approx(1.9)
    assert (w1["net_coop"], w1["articles"]) == (1, 2)
    w2 = out["2025-12-08"]
    assert (w2["events"], w2["q2"], w2["goldstein_sum"], w2["net_coop"]) == (1, 1, 7.0, 1)
    w3 = out["2025-12-15"]
    assert (w3["events"], w3["goldstein_sum"], w3["net_coop"], w3["articles"]) == (0, 0, 0, 2)
    assert math.isnan(w3["goldstein_mean"])
    # B -> A is kept apart; the hypothetical attack is left out.
    assert (back["2025-12-01"]["q3"], back["2025-12-01"]["net_coop"]) == (1, -1)
    assert back["2025-12-01"]["goldstein_sum"] == pytest.approx(-2.0)
    assert (back["2025-12-08"]["events"], back["2025-12-08"]["q1"]) == (1, 1)


def test_events_and_mentions_count_reports(corpus):
    events = rows(dyad_series(corpus, "USA", "ISR", unit="events"), "USA->ISR")["2025-12-01"]
    assert (events["events"], events["q1"]) == (2, 2)
    assert events["goldstein_sum"] == pytest.approx(3.8)
    mentions = rows(dyad_series(corpus, "USA", "ISR", unit="mentions"), "USA->ISR")
    w1 = mentions["2025-12-01"]
    assert (w1["events"], w1["q1"], w1["net_coop"]) == (3, 3, 3)
    assert w1["goldstein_sum"] == pytest.approx(5.7)
    assert w1["goldstein_mean"] == pytest.approx(1.9)


def test_all_modalities_counts_negated_and_hypothetical(corpus):
    series = dyad_series(corpus, "USA", "ISR", all_modalities=True)
    w1 = rows(series, "USA->ISR")["2025-12-01"]
    assert (w1["events"], w1["q1"], w1["q4"], w1["net_coop"]) == (2, 1, 1, 0)
    assert w1["goldstein_sum"] == pytest.approx(-8.1)
    assert w1["goldstein_mean"] == pytest.approx(-4.05)
    back = rows(series, "ISR->USA")["2025-12-08"]
    assert (back["events"], back["q1"], back["q4"]) == (2, 1, 1)
    # Asking for a modality explicitly overrides the default exclusion.
    negated = dyad_series(corpus, "USA", "ISR", flt=EventFilter(modalities=("negated",)))
    assert rows(negated, "USA->ISR")["2025-12-01"]["q4"] == 1


def test_normalise_divides_by_articles_in_the_period(corpus):
    series = dyad_series(corpus, "USA", "ISR", normalise=True)
    w1 = rows(series, "USA->ISR")["2025-12-01"]
    assert w1["articles"] == 2
    assert (w1["events"], w1["q1"], w1["net_coop"]) == (0.5, 0.5, 0.5)
    assert w1["goldstein_sum"] == pytest.approx(0.95)
    assert w1["goldstein_mean"] == pytest.approx(1.9)  # a mean is not normalised
    monthly = dyad_series(corpus, "USA", "ISR", freq="month", normalise=True)
    month = rows(monthly, "USA->ISR")["2025-12-01"]
    assert month["articles"] == 6
    assert month["events"] == pytest.approx(2 / 6, abs=1e-6)


def test_daily_and_monthly_periods(corpus):
    daily = rows(dyad_series(corpus, "USA", "ISR", freq="day"), "USA->ISR")
    assert list(daily)[:2] == ["2025-12-01", "2025-12-02"]
    assert len(daily) == 10  # 12-01 .. 12-10: from the first to the last event, either way
    assert daily["2025-12-09"]["q2"] == 1
    monthly = rows(dyad_series(corpus, "USA", "ISR", freq="month"), "ISR->USA")
    assert monthly["2025-12-01"]["events"] == 2
    assert monthly["2025-12-01"]["goldstein_sum"] == pytest.approx(-0.1)


def test_actor_codes_match_as_prefixes_and_filters_apply(corpus):
    military = dyad_series(corpus, "USAMIL", "ISR")
    assert military[military["dyad"] == "USAMIL->ISR"]["events"].sum() == 1
    assert military[military["dyad"] == "ISR->USAMIL"]["events"].sum() == 0
    aid = dyad_series(corpus, "USA", "ISR", flt=EventFilter(plover_types=("aid",)))
    assert aid["events"].sum() == 1
    gov = dyad_series(corpus, "USA", "ISR", flt=EventFilter(sectors=("GOV",)))
    assert gov["events"].sum() == 3  # the visit, the accusation, Israel's visit
    alpha = dyad_series(corpus, "USA", "ISR", flt=EventFilter(publisher="Alpha"))
    w1 = rows(alpha, "USA->ISR")["2025-12-01"]
    assert (w1["events"], w1["articles"]) == (1, 1)
    roots = dyad_series(corpus, "USA", "ISR", flt=EventFilter(roots=("11",)))
    assert roots["q3"].sum() == 1 and roots["events"].sum() == 1


def test_bad_requests_are_analysis_errors(corpus):
    with pytest.raises(AnalysisError, match="unknown country code 'XYZ'"):
        dyad_series(corpus, "USA", "XYZ")
    with pytest.raises(AnalysisError, match="not an actor code"):
        dyad_series(corpus, "US", "ISR")
    with pytest.raises(AnalysisError, match="no dated events between USA and FRA"):
        dyad_series(corpus, "USA", "FRA")
    with pytest.raises(AnalysisError, match="unknown period"):
        dyad_series(corpus, "USA", "ISR", freq="year")


def test_events_frame_dedupes_clusters_and_keeps_codes_as_strings(corpus):
    events = events_frame(corpus)
    assert len(events) == 9
    clusters = events_frame(corpus, unit="clusters")
    assert len(clusters) == 8  # the visit's two reports are one cluster
    visit = clusters[clusters["cameo_code"] == "042"].iloc[0]
    assert (visit["cluster_mentions"], visit["cluster_articles"], visit["cluster_sources"]) == (
        3,
        2,
        2,
    )
    assert visit["publisher"] == "Alpha"  # the earliest report represents the cluster
    assert set(events["cameo_code"]) >= {"0231", "042", "070"}
    assert str(events["date"].dtype).startswith("datetime64")
    mentions = events_frame(corpus, unit="mentions")
    assert mentions["weight"].sum() == 10


def _day(text):
    import datetime as dt

    return dt.date.fromisoformat(text)
