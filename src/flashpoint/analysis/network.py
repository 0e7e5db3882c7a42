"""The actor network: a networkx DiGraph of who did what to whom.

Nodes are countries (``node="country"``: an actor's country, else its actor code, as for
IGOs) or full actor codes (``node="code"``: the code, else the country).  Events without a
target, or whose actors have neither, are left out.  Each directed edge source→target carries
``events`` (the count under the chosen unit, also as ``weight``), ``q1`` … ``q4``,
``goldstein_sum``, ``goldstein_mean`` and ``net_coop`` ((q1 + q2) − (q3 + q4)); each node its
``label`` (country or actor name), ``events_out`` and ``events_in``.  Attribute values are
plain int, float and str, never None, so GraphML and GEXF writers accept the graph.

Over a date range (``since``/``until``) only events dated inside it count (a month-dated event
only when the whole month is inside); events without a date are left out, and the graph's
``undated`` attribute says how many matched otherwise.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.analysis.actors import country_names
from flashpoint.analysis.frames import aggregate_filter, check_unit, events_frame
from flashpoint.errors import AnalysisError
from flashpoint.filters import describe_modalities
from flashpoint.store import EventFilter, Store, undated_count

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["EDGE_COLUMNS", "NODE_KINDS", "edge_table", "event_network", "write_graph"]

NODE_KINDS = ("country", "code")
EDGE_COLUMNS = (
    "source", "target", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
    "net_coop",
)  # fmt: skip
GRAPH_FORMATS = (".graphml", ".gexf", ".json", ".csv")


def _node_keys(frame: pd.DataFrame, side: str, node: str) -> pd.Series:
    country, code = frame[f"{side}_country"], frame[f"{side}_code"]
    return country.fillna(code) if node == "country" else code.fillna(country)


def edge_table(frame: pd.DataFrame, node: str = "country") -> pd.DataFrame:
    """Per directed pair of nodes: the counts and scores of ``frame``'s events."""
    import pandas as pd

    if node not in NODE_KINDS:
        raise AnalysisError(f"unknown node kind {node!r}; choose one of {', '.join(NODE_KINDS)}")
    w = frame["weight"].astype("float64")
    parts = pd.DataFrame(
        {
            "source": _node_keys(frame, "source", node),
            "target": _node_keys(frame, "target", node),
            "events": w,
            **{f"q{k}": w.where(frame["quad_class"] == k, 0.0) for k in (1, 2, 3, 4)},
            "goldstein_sum": frame["goldstein"] * w,
        }
    ).dropna(subset=["source", "target"])
    edges = parts.groupby(["source", "target"], as_index=False).sum()
    for column in ("events", "q1", "q2", "q3", "q4"):
        edges[column] = edges[column].round().astype("int64")
    edges["goldstein_sum"] = edges["goldstein_sum"].round(6)
    edges["goldstein_mean"] = (edges["goldstein_sum"] / edges["events"]).round(6)
    edges["net_coop"] = edges["q1"] + edges["q2"] - edges["q3"] - edges["q4"]
    edges = edges.sort_values(["events", "source", "target"], ascending=[False, True, True])
    return edges[list(EDGE_COLUMNS)].reset_index(drop=True)


# Nodes that stand for a kind of actor rather than one actor: never labelled with the name of
# whichever member happened to be seen first ("IGO" is not "Antonio Guterres").
_GENERIC_LABELS = {
    "IGO": "Intergovernmental organisations",
    "NGO": "Non-governmental organisations",
    "IMG": "International militarised groups",
    "MNC": "Multinational corporations",
    "NGM": "Non-governmental movements",
}


def _labels(frame: pd.DataFrame, node: str) -> dict[str, str]:
    """Node -> a readable label: the country's (or region's) name, a generic label for a bare
    international prefix, else the actor's most frequent name."""
    from flashpoint.actors.regions import REGIONS

    counts: dict[str, Counter] = {}
    for side in ("source", "target"):
        keys = _node_keys(frame, side, node)
        names = frame[f"{side}_name"]
        for key, name in zip(keys, names, strict=True):
            if isinstance(key, str) and isinstance(name, str):
                counts.setdefault(key, Counter())[name] += 1
    labels = {key: names.most_common(1)[0][0] for key, names in counts.items()}
    regions = {code: name for code, name in REGIONS.values()}
    for key in labels:
        if key in _GENERIC_LABELS:
            labels[key] = _GENERIC_LABELS[key]
        elif key in regions:
            labels[key] = regions[key]
    if node == "country":
        labels.update({k: v for k, v in country_names().items() if k in labels})
    return labels


def event_network(
    store: Store,
    flt: EventFilter | None = None,
    *,
    unit: str = "clusters",
    node: str = "country",
    min_events: int = 1,
    all_modalities: bool = False,
) -> nx.DiGraph:
    """The network of the events matching ``flt`` (negated and hypothetical events left out
    unless ``all_modalities``); edges with fewer than ``min_events`` are dropped."""
    import networkx as nx

    check_unit(unit)
    base = aggregate_filter(flt, all_modalities=all_modalities)
    frame = events_frame(store, base, unit=unit)
    edges = edge_table(frame, node)
    edges = edges[edges["events"] >= min_events]
    if edges.empty:
        raise AnalysisError("no events with a source and a target match the filters")
    labels = _labels(frame, node)
    dates = frame["date"].dropna()
    first = base.since.isoformat() if base.since else _day(dates.min()) if len(dates) else ""
    last = base.until.isoformat() if base.until else _day(dates.max()) if len(dates) else ""
    graph = nx.DiGraph(unit=unit, node_kind=node, first_day=first, last_day=last,
                       modalities=describe_modalities(base))  # fmt: skip
    if base.since or base.until:
        graph.graph["undated"] = undated_count(store, base)
    for row in edges.itertuples(index=False):
        attrs: dict[str, Any] = {c: _plain(getattr(row, c)) for c in EDGE_COLUMNS[2:]}
        graph.add_edge(row.source, row.target, weight=attrs["events"], **attrs)
    for key in graph.nodes:
        graph.nodes[key]["label"] = labels.get(key, key)
        graph.nodes[key]["events_out"] = int(edges.loc[edges["source"] == key, "events"].sum())
        graph.nodes[key]["events_in"] = int(edges.loc[edges["target"] == key, "events"].sum())
    return graph


def _day(value: Any) -> str:
    return value.date().isoformat()


def _plain(value: Any) -> Any:
    """numpy scalars -> int/float (GraphML writers want Python types)."""
    return value.item() if hasattr(value, "item") else value


def write_graph(graph: nx.DiGraph, path: str | Path) -> None:
    """Write ``graph`` as GraphML, GEXF, node-link JSON or an edge-list CSV, by extension."""
    import json

    import networkx as nx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(graph, path)
    elif suffix == ".gexf":
        nx.write_gexf(graph, path)
    elif suffix == ".json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    elif suffix == ".csv":
        graph_edges(graph).to_csv(path, index=False)
    else:
        raise AnalysisError(
            f"cannot tell the graph format of {path.name!r}: use a name ending in "
            + ", ".join(GRAPH_FORMATS)
        )


def graph_edges(graph: nx.DiGraph) -> pd.DataFrame:
    """The edges of ``graph`` as a table (columns :data:`EDGE_COLUMNS`)."""
    import pandas as pd

    rows = [
        {"source": s, "target": t, **{c: d[c] for c in EDGE_COLUMNS[2:]}}
        for s, t, d in graph.edges(data=True)
    ]
    return pd.DataFrame(rows, columns=list(EDGE_COLUMNS))
