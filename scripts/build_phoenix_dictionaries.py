"""Build the bundled Phoenix dictionary set (``--dictionaries phoenix``) from PETRARCH2's files.

    python scripts/build_phoenix_dictionaries.py [../shared/reference/petrarch]

reads PETRARCH2's production dictionaries (Phoenix actors, agents and discards, the CAMEO.2.0
verb dictionary; MIT licence, Open Event Data Alliance) and writes
``src/flashpoint/dictionaries/data/phoenix/``: each file gzipped, a MANIFEST.tsv naming its
kind, the licence, and CONVERSION.md.  The files are read with flashpoint's own parsers; a line
they reject (a malformed date such as ``2004017``, an unknown event code ``080!``, a pattern
using an undefined synonym set) is commented out with the reason, and listed in
CONVERSION.md, so the shipped set loads without errors.  A rejected code after a primary phrase
is removed from that line only, so the phrases that follow keep their record.  No other line
changes, so every line number, and therefore every event's provenance, is the original one.
The installed product reads only the converted copy, never the source folder.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flashpoint.dictionaries.actors import parse_actors  # noqa: E402
from flashpoint.dictionaries.agents import parse_agents  # noqa: E402
from flashpoint.dictionaries.discards import parse_discards  # noqa: E402
from flashpoint.dictionaries.verbs import parse_verbs, translate_verbs  # noqa: E402

OUT = ROOT / "src" / "flashpoint" / "dictionaries" / "data" / "phoenix"
FILES = (
    ("actors", "Phoenix.Countries.actors.txt"),
    ("actors", "Phoenix.International.actors.txt"),
    ("actors", "Phoenix.MilNonState.actors.txt"),
    ("agents", "Phoenix.agents.txt"),
    ("verbs", "CAMEO.2.0.txt"),
    ("discards", "Phoenix.discards.txt"),
)


def _problems(kind: str, text: str, name: str) -> list:
    if kind == "actors":
        return parse_actors(text, name)[1]
    if kind == "agents":
        return parse_agents(text, name)[1]
    if kind == "verbs":
        verbs, problems = parse_verbs(text, name)
        return problems + translate_verbs(verbs).notes
    return parse_discards(text, name)[1]


def convert(kind: str, text: str, name: str) -> tuple[str, list[tuple[int, str, str]], int]:
    """The text with rejected lines commented out, the changes, and the notes left."""
    lines = text.split("\n")
    changes: list[tuple[int, str, str]] = []
    for _ in range(5):  # commenting a line out can surface another problem; repeat to a fixpoint
        errors = [p for p in _problems(kind, "\n".join(lines), name) if p.error]
        if not errors:
            break
        for problem in errors:
            original = lines[problem.line - 1]
            stripped = original.strip()
            primary = kind == "actors" and not stripped.startswith(("[", "+"))
            if primary and "[" in stripped:
                # keep the phrase (it opens a record the next lines belong to); drop its codes
                kept = re.sub(r"\[[^\]]*\]?", "", original.split("#")[0]).rstrip()
                lines[problem.line - 1] = f"{kept}  # flashpoint: {problem.message}"
            else:
                lines[problem.line - 1] = f"# flashpoint: {problem.message}: {original}"
            changes.append((problem.line, problem.message, original))
    else:
        raise SystemExit(f"{name}: could not reach an error-free conversion")
    notes = [p for p in _problems(kind, "\n".join(lines), name) if not p.error]
    return "\n".join(lines), changes, len(notes)


def main(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    report = [
        "# Conversion of the Phoenix dictionaries",
        "",
        "Written by `scripts/build_phoenix_dictionaries.py` from PETRARCH2's dictionaries",
        "(openeventdata/petrarch2, `petrarch2/data/dictionaries`, MIT licence: see LICENSE).",
        "Lines flashpoint's parsers reject are commented out (a code after a primary phrase is",
        "removed from the line, keeping the phrase), and so are the discards of dated",
        'sentences (a year, "years ago"), which flashpoint codes with their dates; every',
        "other line is unchanged.",
        "",
        "| file | line | problem | original |",
        "|---|---|---|---|",
    ]
    manifest = ["# kind\tfile (gzipped)"]
    summary = []
    for kind, name in FILES:
        text = (source / name).read_text("utf-8")
        converted, changes, notes = convert(kind, text, name)
        data = gzip.compress(converted.encode("utf-8"), compresslevel=9, mtime=0)
        (OUT / f"{name}.gz").write_bytes(data)
        manifest.append(f"{kind}\t{name}")
        for line, message, original in changes:
            cell = original.strip().replace("|", "\\|")
            report.append(f"| {name} | {line} | {message} | `{cell}` |")
        summary.append(
            f"- {name} ({kind}): {len(changes)} lines changed, {notes} notes "
            f"(`flashpoint dictionaries check` lists them), {len(data):,} bytes"
        )
    report[9:9] = [*summary, ""]
    (OUT / "MANIFEST.tsv").write_text("\n".join(manifest) + "\n", "utf-8")
    (OUT / "CONVERSION.md").write_text("\n".join(report) + "\n", "utf-8")
    licence = (source / "LICENSE").read_text("utf-8")
    (OUT / "LICENSE").write_text(
        "The dictionaries in this folder are derived from PETRARCH2's Phoenix and CAMEO.2.0\n"
        "dictionaries (https://github.com/openeventdata/petrarch2), distributed under this\n"
        "licence:\n\n" + licence,
        "utf-8",
    )
    print("\n".join(summary))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/petrarch")
