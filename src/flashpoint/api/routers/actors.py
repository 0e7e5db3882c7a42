"""``/v1/actors?q=``: search the actor dictionaries, as ``flashpoint actors search``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from flashpoint.api.errors import ApiError
from flashpoint.api.responses import JSONResponse

router = APIRouter(tags=["actors"])


@router.get("/actors", summary="Search the actor dictionaries")
def actors(
    q: Annotated[str, Query(min_length=1, max_length=200)],
    date: Annotated[str | None, Query(description="Code people by their role that day.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Any:
    """Countries, organisations and people whose names match ``q`` (case does not matter),
    best first: name, kind, the actor code the coder writes, country, sector, the form that
    matched, and for people their dated roles (``flashpoint actors search --json``)."""
    from flashpoint.actors import search

    try:
        found = search(q, date=date, limit=limit)
    except ValueError as exc:
        param = "date" if date and "date" in str(exc).lower() else "q"
        raise ApiError(400, "bad_parameter", f"{param}: {exc}", param) from None
    records = [match.to_dict() for match in found]
    return JSONResponse({"query": q, "actors": records, "count": len(records)})
