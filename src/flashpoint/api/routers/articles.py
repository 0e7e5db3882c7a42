"""``POST /v1/articles``: ingest one article or a JSON Lines batch, as ``flashpoint ingest``."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from flashpoint.api.config import ServeConfig
from flashpoint.api.deps import coder, get_config, get_store, require_write_key
from flashpoint.api.errors import ApiError
from flashpoint.api.responses import JSONResponse
from flashpoint.store import Store

router = APIRouter(tags=["articles"])

_JSON = ("application/json",)
_JSONL = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")


def _documents(lines: list[bytes], date: str | None, limit: int) -> list[Any]:
    """A Document or Failure per non-blank line, read as ``ingest`` reads a .jsonl file."""
    from flashpoint.errors import InputError
    from flashpoint.ingest.documents import Failure
    from flashpoint.ingest.jsonl import _document

    items: list[Any] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        name = f"line {number}"
        try:
            items.append(_document(raw, name, date, limit))
        except InputError as exc:
            items.append(Failure(name, str(exc)))
    return items


@router.post(
    "/articles",
    summary="Ingest articles into the store",
    dependencies=[Depends(require_write_key)],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["text"],
                        "properties": {
                            k: {"type": "string"}
                            for k in ("text", "url", "title", "date", "publisher")
                        },
                    }
                },
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
)
async def ingest(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    config: Annotated[ServeConfig, Depends(get_config)],
    date: Annotated[str | None, Query(description="Story date if an article has none.")] = None,
    window: Annotated[int | None, Query(ge=0)] = None,
) -> Any:
    """Code and store articles: one JSON object ``{"text", "url", "title", "date",
    "publisher"}`` (``Content-Type: application/json``) or one such object a line
    (``application/x-ndjson``).  Idempotent like ``flashpoint ingest``: an article already
    stored is skipped.  Needs an API key when the server has keys."""
    from starlette.concurrency import run_in_threadpool

    from flashpoint.ingest import limits
    from flashpoint.ingest.article import check_date

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    # Only JSON types: a form on another site cannot send them without the browser asking
    # first, so a loopback server without keys cannot be written to from a web page.
    if kind not in _JSON + _JSONL:
        raise ApiError(
            415, "unsupported_media_type",
            "send application/json (one article) or application/x-ndjson (one a line)",
        )  # fmt: skip
    body = await request.body()
    check_date(date)
    limit = limits.max_bytes()
    if kind in _JSON:
        try:
            record = json.loads(body or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ApiError(400, "bad_input", f"the body is not valid JSON: {exc}") from None
        if not isinstance(record, dict):
            raise ApiError(400, "bad_input", 'the body must be one JSON object {"text": ...}')
        lines = [json.dumps(record).encode()]
    else:
        lines = body.splitlines()
    items = _documents(lines, date, limit)
    if not items:
        raise ApiError(400, "bad_input", "no article in the body")
    if kind in _JSON and not hasattr(items[0], "article"):
        raise ApiError(400, "bad_input", items[0].reason.removeprefix("line 1: "))
    return await run_in_threadpool(_store, store, config, items, window)


def _store(store: Store, config: ServeConfig, items: list[Any], window: int | None) -> Any:
    from flashpoint import CODER_VERSION
    from flashpoint.ingest.documents import Failure
    from flashpoint.store import ingest_documents

    results: list[dict[str, Any]] = []

    def on_item(item: Any, result: Any) -> None:
        if isinstance(item, Failure):
            results.append({"item": item.name, "status": "failed", "reason": item.reason})
        else:
            results.append(
                {
                    "item": item.name,
                    "status": result.status,
                    "article_id": result.article_id,
                    "events": result.events,
                    "mentions": result.mentions,
                }
            )

    with coder(config) as loaded:
        summary = ingest_documents(
            store, items, loaded, coder_version=CODER_VERSION, window=window, on_item=on_item
        )
    results.sort(key=lambda r: int(r["item"].split()[-1]))
    status = 201 if summary.new or summary.versions else 200
    return JSONResponse(
        {
            "articles": summary.articles,
            "new": summary.new,
            "versions": summary.versions,
            "skipped": summary.skipped,
            "failed": summary.failed,
            "events": summary.events,
            "mentions": summary.mentions,
            "results": results,
        },
        status_code=status,
    )
