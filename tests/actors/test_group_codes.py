"""One table of IGO/NGO codes: the dictionary's, and the docs use only codes from it."""

from __future__ import annotations

import re

from flashpoint.actors.lookup import GROUP_PREFIXES, group_codes, group_codes_markdown
from tests.conftest import REPO

# dictionaries.md shows codes from users' own PETRARCH dictionaries (NGOQRN), not flashpoint's.
DOCS = [
    REPO / "README.md",
    REPO / "examples" / "README.md",
    *sorted(p for p in (REPO / "docs").glob("*.md") if p.name != "dictionaries.md"),
]
CODE = re.compile(r"\b(?:" + "|".join(GROUP_PREFIXES) + r")(?:[A-Z]{3})+\b")


def test_the_docs_table_is_the_dictionary_s():
    page = (REPO / "docs" / "actor-codes.md").read_text()
    assert group_codes_markdown() in page


def test_docs_use_only_codes_the_coder_emits():
    known = {code for code, _, _ in group_codes()}
    assert {"IGOUNO", "IGOUNOSEC", "IGOEEC", "NGOMSF"} <= known
    for path in DOCS:
        for code in CODE.findall(path.read_text()):
            assert code in known, f"{path.name} uses {code}, which the coder never emits"
