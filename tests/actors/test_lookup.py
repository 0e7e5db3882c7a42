"""``flashpoint.actors.search`` and ``flashpoint actors search``: names to codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from flashpoint.actors import search
from flashpoint.cli import cli


def test_a_person_with_dated_roles():
    [match] = [m for m in search("Netanyahu") if m.kind == "person"]
    assert (match.name, match.code, match.country, match.sector) == (
        "Benjamin Netanyahu",
        "ISRGOV",
        "ISR",
        "GOV",
    )
    roles = match.to_dict()["roles"]
    assert roles[0] == {"role": "prime minister", "country": "ISR", "sector": "GOV",
                        "code": "ISRGOV", "start": "1996-06-18", "end": "1999-07-06"}  # fmt: skip
    assert roles[-1]["end"] is None


def test_people_are_coded_by_the_role_held_on_the_date():
    def biden(day):
        return next(m for m in search("Joe Biden", date=day) if m.kind == "person")

    assert biden("2022-06-01").code == "USAGOV"
    assert biden("2025-06-01").code == "USAELI"  # out of office: an elite


def test_organisations_countries_and_institutions():
    eu = search("EU")[0]
    assert (eu.name, eu.code, eu.kind) == ("European Union", "IGOEEC", "organization")
    israel = search("israeli")
    assert israel[0].code == "ISR" and israel[0].kind == "demonym"
    assert search("Kremlin")[0].code == "RUSGOV"
    assert search("zzzz-no-such-actor") == []
    with pytest.raises(ValueError):
        search("  ")


def test_cli():
    result = CliRunner().invoke(cli, ["actors", "search", "Netanyahu"])
    assert result.exit_code == 0
    assert result.output.split()[:4] == ["ISRGOV", "ISR", "GOV", "person"]
    assert "prime minister, 2022-12-29–" in result.output
    result = CliRunner().invoke(cli, ["actors", "search", "UNHCR", "--json"])
    record = json.loads(result.output.splitlines()[0])
    assert record["code"] == "IGOUNOHCR" and record["kind"] == "organization"
    missing = CliRunner().invoke(cli, ["actors", "search", "zzzz-no-such-actor"])
    assert missing.exit_code == 1 and "no actor in the dictionaries matches" in missing.output
