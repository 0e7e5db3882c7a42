"""``POST /v1/code``: text, HTML or a URL in, the records of ``flashpoint code`` out."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from flashpoint.api.config import ServeConfig
from flashpoint.api.deps import coder, get_config
from flashpoint.api.errors import ApiError
from flashpoint.api.responses import JSONResponse

router = APIRouter(tags=["code"])

_HTTP = re.compile(r"^https?://", re.I)


class CodeRequest(BaseModel):
    """Exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text of one article.")
    html: str | None = Field(None, description="An HTML page; the article is extracted.")
    url: str | None = Field(None, description="An http(s) URL to fetch (public hosts only).")
    date: str | None = Field(None, description="Story date YYYY-MM-DD.")
    reference_date: str | None = Field(
        None, description="A day on or shortly after the story's: the year of a yearless dateline."
    )
    doc_id: str | None = Field(None, description="Document id (default: hash of the text).")
    min_confidence: float = Field(0.0, ge=0.0, le=1.0)


def read_request(body: CodeRequest, config: ServeConfig) -> Any:
    """The Article ``flashpoint code`` would read from the same input."""
    from flashpoint.ingest.read import read_source, read_text

    given = [name for name in ("text", "html", "url") if getattr(body, name) is not None]
    if len(given) != 1:
        raise ApiError(422, "invalid_request", "give exactly one of text, html or url", "text")
    if body.url is not None:
        if not _HTTP.match(body.url.strip()):
            raise ApiError(
                422, "invalid_request", "url: only http:// and https:// URLs can be fetched",
                "url",
            )  # fmt: skip
        return read_source(
            body.url.strip(),
            date=body.date,
            doc_id=body.doc_id,
            reference_date=body.reference_date,
            allow_private_urls=config.allow_private_urls,
        )
    fmt = "html" if body.html is not None else "text"
    return read_text(
        body.html or body.text or "",
        date=body.date,
        doc_id=body.doc_id,
        fmt=fmt,
        reference_date=body.reference_date,
    )


def code_events(article: Any, config: ServeConfig, min_confidence: float = 0.0) -> list[Any]:
    with coder(config) as loaded:
        events = loaded.code(article)
    return [e for e in events if e.confidence >= min_confidence]


@router.post("/code", summary="Code one article (nothing is stored)")
def code(body: CodeRequest, config: Annotated[ServeConfig, Depends(get_config)]) -> Any:
    """The event records ``flashpoint code --format json`` prints for the same input."""
    article = read_request(body, config)
    events = code_events(article, config, body.min_confidence)
    return JSONResponse([e.to_dict() for e in events])
