"""``/v1/clusters``: real-world events, each reported by one or more articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from flashpoint.api.deps import get_store
from flashpoint.api.errors import ApiError
from flashpoint.api.filters import event_filter
from flashpoint.api.responses import JSONResponse
from flashpoint.api.routers.events import event_json
from flashpoint.store import EventFilter, Store, iter_events

router = APIRouter(tags=["clusters"])


@router.get("/clusters", summary="Clusters with an event matching the filters")
def list_clusters(
    flt: Annotated[EventFilter, Depends(event_filter)],
    store: Annotated[Store, Depends(get_store)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """The clusters (one per real-world event) with at least one event matching the
    filters, the most recently reported first."""
    from flashpoint.store.browse import iter_clusters

    clusters = [c.to_dict() for c in iter_clusters(store, flt, limit=limit, offset=offset)]
    return JSONResponse({"clusters": clusters, "count": len(clusters), "offset": offset})


@router.get("/clusters/{cluster_id}", summary="One cluster and the events in it")
def get_cluster(cluster_id: int, store: Annotated[Store, Depends(get_store)]) -> Any:
    from flashpoint.store.browse import get_cluster as lookup

    cluster = lookup(store, cluster_id)
    if cluster is None:
        raise ApiError(404, "not_found", f"no cluster with id {cluster_id}", "cluster_id")
    members = iter_events(store, EventFilter(cluster_id=cluster_id))
    return JSONResponse(
        {**cluster.to_dict(), "events": [{"id": e.id, **event_json(e)} for e in members]}
    )
