"""``/v1/health`` and ``/metrics``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from flashpoint.api.deps import get_store
from flashpoint.api.responses import JSONResponse
from flashpoint.store import Store

router = APIRouter(tags=["health"])
metrics_router = APIRouter(tags=["health"])


@router.get("/health", summary="Is the server up and the store reachable")
def health(store: Annotated[Store, Depends(get_store)]) -> Any:
    from flashpoint import CODER_VERSION, __version__
    from flashpoint.errors import StoreError
    from flashpoint.store.browse import store_counts

    try:
        counts = store_counts(store)
    except Exception as exc:  # the store went away: say so, as a health check must
        raise StoreError(f"the event store cannot be read: {type(exc).__name__}") from None
    return JSONResponse(
        {
            "status": "ok",
            "version": __version__,
            "coder_version": CODER_VERSION,
            "store": {
                "dialect": store.dialect,
                "articles": counts.articles,
                "events": counts.events,
                "mentions": counts.mentions,
                "clusters": counts.clusters,
            },
        }
    )


@metrics_router.get("/metrics", summary="Prometheus metrics", include_in_schema=True)
def metrics(store: Annotated[Store, Depends(get_store)]) -> Response:
    from flashpoint.api.metrics import CONTENT_TYPE_LATEST, render_metrics

    return Response(render_metrics(store), media_type=CONTENT_TYPE_LATEST)
