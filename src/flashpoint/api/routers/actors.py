"""``/v1/actors?q=``: search the actor dictionaries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(tags=["actors"])


@router.get("/actors", summary="Search the actor dictionaries")
def actors(
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Any:
    """Countries, organisations and people whose name, alias or code matches ``q`` (case
    does not matter): name, actor code, country, sector, and for people their dated roles."""
    from flashpoint.api.actor_lookup import search_actors

    found = search_actors(q, limit=limit)
    return JSONResponse({"query": q, "actors": found, "count": len(found)})
