"""Search the actor dictionaries by name, alias or code (for ``/v1/actors``).

This is the one place the API searches actors; it reads the loaded dictionaries
(:func:`flashpoint.actors.kb.load_kb`) and ranks exact matches first, then prefixes, then
other substrings.
"""

from __future__ import annotations

from typing import Any

__all__ = ["search_actors"]


def _role(role: Any) -> dict[str, Any]:
    return {
        "role": role.role,
        "country": role.country,
        "sector": role.sector,
        "start": role.start.isoformat() if role.start else None,
        "end": role.end.isoformat() if role.end else None,
    }


def search_actors(query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    from flashpoint.actors.kb import load_kb

    kb = load_kb()
    needle = query.strip().casefold()
    ranked: dict[tuple[str, str, str | None], tuple[int, str, dict[str, Any]]] = {}
    for surface, entry in kb.names.items():
        if entry.kind in ("adjective",):
            continue
        folded = surface.casefold()
        code = (entry.code or "").casefold()
        if needle in (folded, code):
            rank = 0
        elif folded.startswith(needle) or (code and code.startswith(needle)):
            rank = 1
        elif needle in folded:
            rank = 2
        else:
            continue
        kind = "country" if entry.kind in ("country", "capital", "metonym") else entry.kind
        if entry.kind in ("capital", "metonym"):
            kind = entry.kind
        key = (kind, entry.name, entry.code)
        record = {
            "name": entry.name,
            "kind": kind,
            "code": entry.code,
            "country": entry.country,
            "sector": entry.sector,
            "matched": surface,
        }
        if entry.kind == "person":
            record["roles"] = [_role(r) for r in kb.roles.get(entry.name, ())]
        best = ranked.get(key)
        if best is None or rank < best[0]:
            ranked[key] = (rank, entry.name, record)
    ordered = sorted(ranked.values(), key=lambda item: (item[0], item[1].casefold()))
    return [record for _, _, record in ordered[:limit]]
