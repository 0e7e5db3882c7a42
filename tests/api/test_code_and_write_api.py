"""``POST /v1/code`` and ``POST /v1/articles`` with the real coder, on SQLite and PostgreSQL:
the same records as the commands, API keys for writes, size limits, no SSRF."""

from __future__ import annotations

import json

import pytest

from tests.api.helpers import KEY, client, invoke, local_site
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

STORY = (
    "JERUSALEM, Dec 29 (Reuters) - Israeli Prime Minister Benjamin Netanyahu met U.S. "
    "Secretary of State Marco Rubio in Jerusalem on Monday to discuss the ceasefire in Gaza."
)


@pytest.fixture
def api(store_url, coder):
    with client(store_url, keys=(KEY,)) as test_client:
        yield test_client


def test_code_text_and_html_equal_the_command(api):
    for name, field in (("diplomacy.txt", "text"), ("diplomacy.html", "html")):
        path = EXAMPLES / name
        expected = json.loads(invoke("code", path, "--date", "2025-12-29", "--format", "json"))
        body = {field: path.read_text(encoding="utf-8"), "date": "2025-12-29"}
        response = api.post("/v1/code", json=body)
        assert response.status_code == 200, response.text
        assert response.json() == expected and expected


def test_code_url_refuses_private_addresses_unless_allowed(api, store_url):
    story = (EXAMPLES / "diplomacy.txt").read_bytes()
    routes = {"/story.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, story)}
    with local_site(routes) as site:
        refused = api.post("/v1/code", json={"url": f"{site}/story.txt", "date": "2025-12-29"})
        assert refused.status_code == 422
        assert "loopback" in refused.json()["error"]["message"]
        with client(store_url, allow_private_urls=True) as trusting:
            allowed = trusting.post(
                "/v1/code", json={"url": f"{site}/story.txt", "date": "2025-12-29"}
            )
        expected = json.loads(
            invoke("code", f"{site}/story.txt", "--date", "2025-12-29", "--format", "json")
        )
    assert allowed.status_code == 200 and allowed.json() == expected and expected
    for url in ("file:///etc/passwd", "ftp://example.org/x", "/etc/passwd"):
        response = api.post("/v1/code", json={"url": url})
        assert response.status_code == 422 and response.json()["error"]["param"] == "url"


def test_code_body_errors_are_json(api, monkeypatch):
    assert api.post("/v1/code", json={}).status_code == 422
    both = api.post("/v1/code", json={"text": "a", "url": "http://example.org"})
    assert both.status_code == 422 and "exactly one" in both.json()["error"]["message"]
    bad_date = api.post("/v1/code", json={"text": STORY, "date": "29/12/2025"})
    assert bad_date.status_code == 400 and "date" in bad_date.json()["error"]["message"]
    unknown = api.post("/v1/code", json={"txt": STORY})
    assert unknown.status_code == 422 and unknown.json()["error"]["param"] == "txt"
    broken = api.post(
        "/v1/code", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422 and "error" in broken.json()
    monkeypatch.setenv("FLASHPOINT_MAX_BYTES", "100")
    large = api.post("/v1/code", json={"text": STORY})
    assert large.status_code == 413 and "100-byte limit" in large.json()["error"]["message"]


def test_bodies_over_the_limit_get_413_declared_or_streamed(store_url):
    with client(store_url, max_body=1000) as small:
        declared = small.post("/v1/code", json={"text": "x" * 2000})
        assert declared.status_code == 413
        assert declared.json()["error"]["type"] == "payload_too_large"

        def chunks():
            for _ in range(20):
                yield b"x" * 100

        streamed = small.post(
            "/v1/articles", content=chunks(), headers={"content-type": "application/x-ndjson"}
        )
        assert streamed.status_code == 413


def test_writes_need_a_valid_key_when_keys_are_configured(api):
    article = {"text": STORY, "publisher": "Wire"}
    assert api.post("/v1/articles", json=article).status_code == 401
    wrong = api.post("/v1/articles", json=article, headers={"x-api-key": "x" * 24})
    assert wrong.status_code == 401 and wrong.json()["error"]["type"] == "unauthorized"
    stored = api.post("/v1/articles", json=article, headers={"authorization": f"Bearer {KEY}"})
    assert stored.status_code == 201, stored.text
    body = stored.json()
    assert body["new"] == 1 and body["events"] >= 1
    assert body["results"][0]["status"] == "new"
    again = api.post("/v1/articles", json=article, headers={"x-api-key": KEY})
    assert again.status_code == 200 and again.json()["skipped"] == 1
    listed = api.get("/v1/events", params={"publisher": "Wire"}).json()
    assert listed["count"] == body["events"]


def test_jsonl_batch_reports_each_line_and_stores_like_ingest(api, store_url, tmp_path):
    lines = [
        json.dumps({"text": STORY, "url": "https://wire.example/1", "publisher": "Wire"}),
        "{broken",
        json.dumps({"title": "no text"}),
        json.dumps({"text": (EXAMPLES / "protest.txt").read_text(), "date": "2025-12-30"}),
    ]
    response = api.post(
        "/v1/articles",
        content="\n".join(lines).encode(),
        headers={"content-type": "application/x-ndjson", "x-api-key": KEY},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["new"], body["failed"]) == (2, 2)
    statuses = [r["status"] for r in body["results"]]
    assert statuses == ["new", "failed", "failed", "new"]
    assert "not valid JSON" in body["results"][1]["reason"]
    # The same lines through `flashpoint ingest` into a second store give the same events.
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines[:1] + lines[3:]) + "\n")
    other = f"sqlite:///{tmp_path / 'cli.db'}"
    invoke("ingest", batch, "--db", other)
    via_cli = json.loads(invoke("events", "--db", other, "--format", "json"))
    via_api = json.loads(invoke("events", "--db", store_url, "--format", "json"))
    assert [e["event_id"] for e in via_api] == [e["event_id"] for e in via_cli]


def test_writes_refuse_other_content_types_and_bad_bodies(api):
    headers = {"x-api-key": KEY}
    form = api.post("/v1/articles", data={"text": STORY}, headers=headers)
    assert form.status_code == 415
    not_object = api.post("/v1/articles", json=[STORY], headers=headers)
    assert not_object.status_code == 400
    no_text = api.post("/v1/articles", json={"title": "x"}, headers=headers)
    assert no_text.status_code == 400 and '"text"' in no_text.json()["error"]["message"]


def test_open_writes_without_keys(store_url, coder):
    with client(store_url) as open_api:
        assert open_api.post("/v1/articles", json={"text": STORY}).status_code == 201
