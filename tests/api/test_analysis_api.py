"""``/v1/dyads`` and ``/v1/network`` equal ``flashpoint dyad`` and ``flashpoint network``."""

from __future__ import annotations

import json

import pytest

from tests.api.helpers import invoke


@pytest.mark.parametrize(
    ("params", "options"),
    [
        ({}, []),
        ({"freq": "day", "unit": "mentions"}, ["--freq", "day", "--unit", "mentions"]),
        ({"normalise": "true", "all_modalities": "true"}, ["--normalise", "--all-modalities"]),
        ({"publisher": "Alpha", "freq": "month"}, ["--publisher", "Alpha", "--freq", "month"]),
    ],
)
def test_dyad_series_equals_the_command(corpus_api, corpus_db, params, options):
    expected = [json.loads(line) for line in
                invoke("dyad", "USA", "ISR", "--db", corpus_db, "--format", "jsonl", *options)
                .splitlines()]  # fmt: skip
    body = corpus_api.get("/v1/dyads/USA/ISR", params=params).json()
    assert body["series"] == expected
    assert (body["a"], body["b"]) == ("USA", "ISR")
    csv = corpus_api.get("/v1/dyads/USA/ISR", params={**params, "format": "csv"})
    assert csv.text == invoke("dyad", "USA", "ISR", "--db", corpus_db, "--format", "csv", *options)


def test_network_equals_the_command(corpus_api, corpus_db, tmp_path):
    out = tmp_path / "net.json"
    invoke("network", "--db", corpus_db, "--node", "code", "-o", out)
    network = corpus_api.get("/v1/network", params={"node": "code"}).json()
    assert network == json.loads(out.read_text())
    edges = tmp_path / "edges.csv"
    invoke("network", "--db", corpus_db, "--since", "2025-12-05", "-o", edges)
    response = corpus_api.get("/v1/network", params={"since": "2025-12-05", "format": "csv"})
    assert response.text == edges.read_text()


def test_unknown_actor_is_a_400_naming_it(corpus_api):
    response = corpus_api.get("/v1/dyads/USA/QQQ")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["param"] == "b" and "QQQ" in error["message"]


def test_no_events_is_a_404_with_the_reason(corpus_api):
    response = corpus_api.get("/v1/dyads/FRA/DEU")
    assert response.status_code == 404
    assert "no dated events between FRA and DEU" in response.json()["error"]["message"]
    assert corpus_api.get("/v1/network", params={"source": "FRA"}).status_code == 404


def test_actor_search_finds_people_with_dated_roles(corpus_api):
    body = corpus_api.get("/v1/actors", params={"q": "netanyahu"}).json()
    person = next(a for a in body["actors"] if a["kind"] == "person")
    assert person["country"] == "ISR" and person["roles"]
    assert all({"role", "start", "end", "sector"} <= set(r) for r in person["roles"])
    country = corpus_api.get("/v1/actors", params={"q": "ISR"}).json()["actors"][0]
    assert (country["code"], country["kind"]) == ("ISR", "country")
    assert corpus_api.get("/v1/actors", params={"q": ""}).status_code == 422
