"""``/v1/dyads/{a}/{b}`` and ``/v1/network``: the aggregates of ``flashpoint dyad`` and
``flashpoint network``, computed by the same functions."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from flashpoint.api.deps import get_store
from flashpoint.api.filters import actor_param, dyad_filter, event_filter
from flashpoint.api.responses import JSONResponse
from flashpoint.store import EventFilter, Store

router = APIRouter(tags=["analysis"])

Unit = Literal["clusters", "events", "mentions"]


def series_records(series: Any) -> list[dict[str, Any]]:
    """The rows ``flashpoint dyad --format jsonl`` prints, as JSON values."""
    rows = series.assign(period=series["period"].dt.strftime("%Y-%m-%d"))
    return list(json.loads(rows.to_json(orient="records")))


@router.get("/dyads/{a}/{b}", summary="The directed dyad series A→B and B→A")
def dyad(
    a: str,
    b: str,
    flt: Annotated[EventFilter, Depends(dyad_filter)],
    store: Annotated[Store, Depends(get_store)],
    freq: Literal["day", "week", "month"] = "week",
    unit: Unit = "clusters",
    normalise: bool = False,
    all_modalities: bool = False,
    format: Literal["json", "csv"] = "json",
) -> Any:
    """Per period and direction: counts per quad class, Goldstein sum and mean, net
    cooperation and the articles stored (``flashpoint dyad A B``).  ``a`` and ``b`` are
    countries (USA) or actor-code prefixes (USAGOV)."""
    from flashpoint.analysis import dyad_series

    a, b = actor_param(a, "a"), actor_param(b, "b")
    series = dyad_series(
        store, a, b, freq=freq, unit=unit, normalise=normalise, flt=flt,
        all_modalities=all_modalities,
    )  # fmt: skip
    if format == "csv":
        rows = series.assign(period=series["period"].dt.strftime("%Y-%m-%d"))
        return Response(rows.to_csv(index=False, lineterminator="\n"), media_type="text/csv")
    return JSONResponse(
        {
            "a": a,
            "b": b,
            "freq": freq,
            "unit": unit,
            "normalised": normalise,
            "series": series_records(series),
        }
    )


@router.get("/network", summary="The actor network")
def network(
    flt: Annotated[EventFilter, Depends(event_filter)],
    store: Annotated[Store, Depends(get_store)],
    node: Literal["country", "code"] = "country",
    min_events: Annotated[int, Query(ge=1)] = 1,
    unit: Unit = "clusters",
    all_modalities: bool = False,
    format: Literal["json", "csv"] = "json",
) -> Any:
    """Directed edges weighted by events, with quad-class counts, Goldstein sum and mean and
    net cooperation (``flashpoint network``): networkx node-link JSON, as ``network -o
    FILE.json`` writes it, or the edge table as CSV (``-o FILE.csv``)."""
    import networkx as nx

    from flashpoint.analysis import event_network
    from flashpoint.analysis.network import graph_edges

    graph = event_network(
        store, flt, unit=unit, node=node, min_events=min_events, all_modalities=all_modalities
    )
    if format == "csv":
        return Response(graph_edges(graph).to_csv(index=False), media_type="text/csv")
    return JSONResponse(nx.node_link_data(graph, edges="edges"))
