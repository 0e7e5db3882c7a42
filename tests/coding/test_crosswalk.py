"""The CAMEO table's PLOVER columns are the official crosswalk, read by one stated rule."""

from __future__ import annotations

import re

import pytest

from flashpoint.coding.cameo import PLOVER_QUAD, cameo_table
from flashpoint.coding.plover import crosswalk_entry, plover_modes, plover_score
from flashpoint.filters import PLOVER_TYPES
from tests.conftest import REPO

CROSSWALK = REPO.parent / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
ANALYSIS_DOC = (REPO / "docs" / "analysis.md").read_text()
# CAMEO 2012 codes the 2021 crosswalk does not list; flashpoint's mapping is its own.
INFERRED = {"155", "176", "1834", "1951", "1952"}


def crosswalk() -> dict[str, tuple[str, str, str]]:
    if not CROSSWALK.exists():
        pytest.skip("the reference crosswalk (../shared/reference) is not here")
    lines = {}
    for line in CROSSWALK.read_text().splitlines():
        match = re.match(r"^(\d+):\s*(.*)$", line.split("#")[0].strip())
        if match:
            parts = [p.strip() for p in match.group(2).split(",")] + ["", ""]
            lines[match.group(1)] = (parts[0], parts[1], parts[2])
    return lines


def test_every_mapped_code_is_the_crosswalk_s():
    official = crosswalk()
    table = cameo_table()
    changed = []
    for code, (event, mode, context) in official.items():
        if code == "08" or code not in table:  # 08 heads two sections; 1214 is not CAMEO
            continue
        entry = table[code]
        expected = crosswalk_entry(event, mode or None, context or None)
        assert (entry.plover_event, entry.plover_mode, entry.plover_context) == expected, code
        if (mode or None) != expected[1]:
            changed.append(code)
    # The codes whose crosswalk mode is not a mode of its type, each stated in the docs.
    assert sorted(changed) == ["085", "1321", "1712", "175"]
    for code in changed:
        assert f"`{code}`" in ANALYSIS_DOC, code


def test_175_and_1321():
    entry = cameo_table()["175"]
    assert (entry.plover_event, entry.plover_mode, entry.plover_context) == (
        "ASSAULT", None, "pro_autocracy;military"
    )  # fmt: skip
    entry = cameo_table()["1321"]
    assert (entry.plover_mode, entry.plover_context) == (None, "political;human_rights")


def test_roots_01_and_02_have_no_plover_type_and_the_rest_are_stated():
    official = crosswalk()
    for entry in cameo_table():
        if entry.code[:2] in ("01", "02"):
            assert entry.code not in official and entry.plover_event is None, entry.code
        elif entry.code not in official and entry.code != "08":
            assert entry.code in INFERRED, entry.code
    for code in INFERRED:
        assert f"`{code}`" in ANALYSIS_DOC


def test_the_plover_vocabulary():
    assert set(PLOVER_TYPES) == set(PLOVER_QUAD)
    for entry in cameo_table():
        if entry.plover_mode:
            assert entry.plover_mode in plover_modes(entry.plover_event), entry.code
    assert plover_score("ASSAULT", "unconventional") == -10
    assert plover_score("ASSAULT", "assassinate") == -9  # no score of its own: the type's
    assert plover_score("ACCUSE") == -3 and plover_score(None) is None
