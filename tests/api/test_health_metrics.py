"""``/v1/health``, ``/metrics`` and the OpenAPI schema."""

from __future__ import annotations

import re

from tests.api.helpers import client


def test_health_and_metrics(corpus_api):
    health = corpus_api.get("/v1/health").json()
    assert health["status"] == "ok"
    assert health["store"]["events"] == 9 and health["store"]["articles"] == 6
    assert corpus_api.get("/v1/events/999999").status_code == 404
    corpus_api.get("/v1/events", params={"limit": 1})
    text = corpus_api.get("/metrics").text
    assert re.search(
        r'flashpoint_http_requests_total\{method="GET",route="/v1/events/\{event_id\}",'
        r'status="404"\} [1-9]',
        text,
    )
    assert re.search(r'flashpoint_http_request_duration_seconds_count\{method="GET",'
                     r'route="/v1/events"\} [1-9]', text)  # fmt: skip
    assert 'flashpoint_store_rows{kind="events"} 9.0' in text
    assert 'flashpoint_store_rows{kind="clusters"}' in text


def test_openapi_documents_every_endpoint(tmp_path):
    with client(str(tmp_path / "empty.db")) as api:
        schema = api.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/v1/code", "/v1/articles", "/v1/events", "/v1/events/{event_id}", "/v1/clusters",
        "/v1/clusters/{cluster_id}", "/v1/dyads/{a}/{b}", "/v1/network", "/v1/actors",
        "/v1/health", "/metrics",
    } <= paths  # fmt: skip
    assert not any(p.startswith(("/events", "/articles", "/dyad")) for p in paths)


def test_each_request_thread_has_a_connection_kept_open(store_url):
    """A worker computes at most REQUEST_THREADS requests at once, and its store keeps that
    many connections (and one for the change counter) open: a smaller pool opens and closes
    a PostgreSQL connection, a new server process, for most requests under load."""
    import anyio.to_thread
    from fastapi import APIRouter

    from flashpoint.api.app import REQUEST_THREADS, create_app
    from flashpoint.api.config import ServeConfig

    app = create_app(ServeConfig(db=store_url))
    assert app.state.store.engine.pool.size() >= REQUEST_THREADS + 1
    probe = APIRouter()

    @probe.get("/probe-threads")
    async def threads() -> dict[str, float]:
        return {"tokens": anyio.to_thread.current_default_thread_limiter().total_tokens}

    app.include_router(probe)
    from fastapi.testclient import TestClient

    with TestClient(app) as api:
        assert api.get("/probe-threads").json() == {"tokens": REQUEST_THREADS}
    app.state.store.close()
