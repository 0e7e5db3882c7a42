"""Charts say what they show: period, unit and modalities in the title; an empty direction
says "no events"; domestic events are drawn; labels do not overlap."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from matplotlib.patches import FancyArrowPatch

import flashpoint.plots.network as network_plot
from flashpoint.analysis import dyad_series, event_network
from flashpoint.plots.dyad import dyad_figure
from flashpoint.plots.network import network_figure
from flashpoint.store import EventFilter, write_article
from tests.analysis.corpus import build
from tests.store.helpers import VERSION, document, event


@pytest.fixture
def corpus(store):
    build(store)
    doc = document("Domestic.", url="https://delta.example/7", publisher="Delta",
                   date="2025-12-19")  # fmt: skip
    home = event(doc.article.doc_id, source="USAGOV", target="USACVL", code="190",
                 date="2025-12-19")  # fmt: skip
    write_article(store, doc, [home], coder_version=VERSION)
    return store


def test_dyad_title_and_an_empty_direction(corpus):
    series = dyad_series(corpus, "USA", "IRN")
    figure = dyad_figure(series, freq="week")
    title = figure.axes[0].get_title()
    assert "USA → IRN and IRN → USA" in title
    assert "2025-12-08 to 2025-12-14" in title  # the weeks shown, Monday to Sunday
    assert "counting events (clusters of reports)" in title
    assert "negated and hypothetical left out" in title
    empty = next(ax for ax in figure.axes[1:] if ax.get_ylabel().startswith("IRN → USA"))
    assert [t.get_text() for t in empty.texts] == ["no events"]
    assert empty.get_ylim() == (0.0, 1.0)
    busy = next(ax for ax in figure.axes[1:] if ax.get_ylabel().startswith("USA → IRN"))
    assert len(busy.texts) == 0 and busy.get_ylim()[1] >= 1
    mentions = dyad_series(corpus, "USA", "ISR", unit="mentions",
                           flt=EventFilter(modalities=["asserted"]))  # fmt: skip
    title = dyad_figure(mentions).axes[0].get_title()
    assert "counting mentions" in title and "modalities: asserted" in title


def test_network_draws_domestic_events_and_says_the_period(corpus):
    graph = event_network(corpus)
    assert graph.has_edge("USA", "USA")
    figure = network_figure(graph)
    ax = figure.axes[0]
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == graph.number_of_edges()  # the USA -> USA loop included
    assert "2025-12-01 to 2025-12-19" in ax.get_title()
    assert "counting events (clusters of reports)" in ax.get_title()
    assert "1 domestic (self-loop)" in ax.get_xlabel()


def _crowded() -> nx.DiGraph:
    graph = nx.DiGraph(unit="clusters", first_day="2025-01-01", last_day="2025-01-31",
                       modalities="negated and hypothetical left out")  # fmt: skip
    names = [f"Ministry of Foreign Affairs of Country {i}" for i in range(24)]
    for a, b in itertools.combinations(range(24), 2):
        if (a * 7 + b) % 5 == 0:
            graph.add_edge(a, b, events=1 + (a + b) % 4, goldstein_mean=float(a - b) / 3)
    for node in graph.nodes:
        graph.nodes[node].update(label=names[node], events_out=graph.out_degree(node),
                                 events_in=graph.in_degree(node))  # fmt: skip
    return graph


def _overlaps(figure) -> int:
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts]
    return sum(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


def test_network_labels_do_not_overlap(monkeypatch):
    assert _overlaps(network_figure(_crowded())) == 0
    monkeypatch.setattr(network_plot, "_separate_labels", lambda *a, **k: None)
    assert _overlaps(network_figure(_crowded())) > 0  # the layout alone would overlap
