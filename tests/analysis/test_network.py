"""The actor network on the hand-built corpus, and its GraphML/GEXF round trips."""

from __future__ import annotations

import networkx as nx
import pytest

from flashpoint.analysis import event_network, write_graph
from flashpoint.errors import AnalysisError
from flashpoint.store import EventFilter
from tests.analysis.corpus import build


@pytest.fixture
def corpus(store):
    build(store)
    return store


def test_edges_carry_counts_and_scores(corpus):
    graph = event_network(corpus)
    assert set(graph.edges) == {("USA", "ISR"), ("ISR", "USA"), ("USA", "IRN"),
                                ("IGOUNOSEC", "ISR")}  # fmt: skip
    usa_isr = graph.edges["USA", "ISR"]
    assert (usa_isr["events"], usa_isr["q1"], usa_isr["q2"], usa_isr["net_coop"]) == (2, 1, 1, 2)
    assert usa_isr["goldstein_sum"] == pytest.approx(8.9)
    assert usa_isr["goldstein_mean"] == pytest.approx(4.45)
    assert usa_isr["weight"] == 2
    assert graph.nodes["USA"]["label"] == "United States"
    assert (graph.nodes["USA"]["events_out"], graph.nodes["USA"]["events_in"]) == (3, 2)
    assert graph.nodes["IGOUNOSEC"]["label"] == "United Nations Security Council"


def test_units_modalities_nodes_and_filters(corpus):
    raw = event_network(corpus, unit="mentions")
    assert raw.edges["USA", "ISR"]["events"] == 4  # 3 mentions of the visit + the aid
    everything = event_network(corpus, all_modalities=True)
    assert everything.edges["USA", "ISR"]["q4"] == 1
    by_code = event_network(corpus, node="code")
    assert ("USAMIL", "ISRMIL") in by_code.edges
    since = event_network(corpus, EventFilter(since=_day("2025-12-09")))
    assert ("USA", "IRN") in since.edges and ("IGOUNOSEC", "ISR") in since.edges
    assert since.edges["USA", "ISR"]["events"] == 1
    assert set(event_network(corpus, min_events=2).edges) == {("USA", "ISR"), ("ISR", "USA")}
    with pytest.raises(AnalysisError, match="no events"):
        event_network(corpus, EventFilter(actor="FRA"))


def test_graphml_and_gexf_round_trip(corpus, tmp_path):
    graph = event_network(corpus)
    write_graph(graph, tmp_path / "net.graphml")
    back = nx.read_graphml(tmp_path / "net.graphml")
    assert back.is_directed()
    assert back.edges["USA", "ISR"]["events"] == 2
    assert back.edges["USA", "ISR"]["goldstein_mean"] == pytest.approx(4.45)
    assert back.nodes["ISR"]["label"] == "Israel"
    write_graph(graph, tmp_path / "net.gexf")
    assert nx.read_gexf(tmp_path / "net.gexf").number_of_edges() == 4
    write_graph(graph, tmp_path / "net.csv")
    assert (tmp_path / "net.csv").read_text().startswith("source,target,events,q1")
    with pytest.raises(AnalysisError, match="graph format"):
        write_graph(graph, tmp_path / "net.png")


def _day(text):
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_a_bare_international_prefix_node_gets_a_generic_label():
    import pandas as pd

    from flashpoint.analysis.network import _labels

    frame = pd.DataFrame(
        {
            "source_code": ["IGO", "IGO", "USAGOV"],
            "source_country": [None, None, "USA"],
            "source_name": ["Antonio Guterres", "Antonio Guterres", "Joe Biden"],
            "target_code": ["USAGOV", "USAGOV", "IGO"],
            "target_country": ["USA", "USA", None],
            "target_name": ["Joe Biden", "Joe Biden", "UN"],
        }
    )
    labels = _labels(frame, "actor")
    assert labels.get("IGO") == "Intergovernmental organisations"
