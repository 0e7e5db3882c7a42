"""A filter value that can match nothing is an error naming it and the allowed values."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.errors import FilterError, FlashpointError
from flashpoint.store import EventFilter, open_store
from tests.analysis.corpus import build


@pytest.mark.parametrize(
    ("field", "value", "named", "allowed"),
    [
        ("modalities", ["negatd"], "'negatd'", "asserted, reported, negated, hypothetical"),
        ("plover_types", ["DEMAND"], "'DEMAND'", "REQUEST"),
        ("sectors", ["GOVT"], "'GOVT'", "GOV, MIL"),
        ("source_sectors", ["army"], "'army'", "MIL"),
        ("roots", ["21"], "'21'", "from 01 to 20"),
        ("codes", ["0299"], "'0299'", "0242"),
        ("quad_classes", [5], "5", "4 (material conflict)"),
        ("source", "XYZ", "'XYZ'", "ISO 3166-1 alpha-3"),
        ("target", "US", "'US'", "3-letter parts"),
    ],
)
def test_a_value_that_cannot_match_is_a_value_error(field, value, named, allowed):
    with pytest.raises(ValueError) as caught:
        EventFilter(**{field: value})
    assert isinstance(caught.value, FilterError) and isinstance(caught.value, FlashpointError)
    assert named in str(caught.value) and allowed in str(caught.value)


def test_values_are_stored_in_the_store_s_spelling():
    flt = EventFilter(modalities=["Negated"], roots=["2"], sectors=["gov"], plover_types=["aid"],
                      source="usa", codes=["0242"], quad_classes=["3"])  # fmt: skip
    assert (flt.modalities, flt.roots, flt.sectors, flt.plover_types, flt.source) == (
        ("negated",),
        ("02",),
        ("GOV",),
        ("AID",),
        "USA",
    )
    assert flt.quad_classes == (3,) and flt.codes == ("0242",)
    with pytest.raises(FilterError, match="takes a list"):
        EventFilter(roots="19")


def test_a_name_given_as_actor_points_to_its_code():
    with pytest.raises(FilterError) as caught:
        EventFilter(source="Netanyahu")
    message = str(caught.value)
    assert "Benjamin Netanyahu is ISRGOV" in message
    assert "flashpoint actors search Netanyahu" in message


@pytest.fixture
def db(store_url):
    with open_store(store_url) as store:
        build(store)
    return store_url


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--modality", "negatd"),
        ("export", "--format", "csv", "--plover", "DEMAND"),
        ("network", "--sector", "GOVT"),
        ("dyad", "USA", "ISR", "--code", "0299"),
        ("dyad", "USA", "XYZ"),
        ("plot", "dyad", "USA", "ISR", "-o", "x.png", "--root", "21"),
        ("events", "--source", "Netanyahu"),
    ],
)
def test_the_cli_makes_it_a_usage_error(db, args):
    result = CliRunner().invoke(cli, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert "Error: unknown" in result.output or "Error: 'Netanyahu'" in result.output
