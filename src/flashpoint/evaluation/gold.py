"""Readers for the gold formats flashpoint is scored against.

- PLOVER gold-standard JSON (OEDA): an array of records with ``text``, ``event``, ``source``
  and ``target`` actor lists (``code`` = CAMEO country code).
- CAMEO codebook TSV: ``code, name, example, description, usage_notes`` with a header.
- Sentence + quad TSV: ``sentence<TAB>label`` with Phoenix quad labels 0-4, no header.
- Actor-span CoNLL: ``token TAG`` per line, blank line between sentences, BIO tags ``S``
  (source), ``T`` (target) and ``R`` (reciprocal actor: both source and target).

Each reader yields :class:`GoldSentence` with a label set per metric; metrics a format does not
annotate are absent, and reported as n/a rather than as zero.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..actors.kb import GROUP_PREFIXES
from ..coding.cameo import cameo_table, phoenix_quad, plover_quad
from ..errors import GoldFormatError

__all__ = ["GoldSentence", "country_label", "detect_format", "read_gold"]

# PLOVER v0.5 names in the 2016 gold file -> current ontology.
_PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                   "FIGHT": "ASSAULT"}  # fmt: skip
# Legacy CAMEO country codes -> ISO-3.
_LEGACY_COUNTRY = {"ROM": "ROU", "JAP": "JPN", "TMP": "TLS", "KOS": "XKX", "ZAR": "COD",
                   "BUR": "MMR", "GER": "DEU", "UK": "GBR", "ITL": "ITA", "VTN": "VNM"}  # fmt: skip


@dataclass
class GoldSentence:
    text: str
    labels: dict[str, set[str]] = field(default_factory=dict)
    id: str = ""
    # Actor-span gold only: character offsets of each token and its role (S, T, R or "").
    tokens: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


def normalise_plover(event: str) -> str:
    event = event.strip().upper()
    return _PLOVER_RENAMES.get(event, event)


def normalise_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    code = _LEGACY_COUNTRY.get(code, code)
    return code if len(code) == 3 and code.isalpha() else None


def detect_format(path: Path) -> str:
    if path.suffix.lower() == ".json":
        return "plover-json"
    if path.suffix.lower() == ".conll":
        return "actor-spans-conll"
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}") from exc
    columns = first.rstrip("\n").split("\t")
    if columns[:3] == ["code", "name", "example"]:
        return "cameo-codebook"
    if len(columns) == 2 and columns[1].strip() in {"0", "1", "2", "3", "4"}:
        return "quad-tsv"
    if [c.strip().lower() for c in columns] == ["sentence", "quad"]:
        return "un-quad-tsv"
    raise GoldFormatError(
        f"{path}: not a known gold format (PLOVER .json, CAMEO codebook TSV with a "
        f"'code<TAB>name<TAB>example' header, 'sentence<TAB>quad' TSV (Phoenix labels, no "
        f"header; or with a 'sentence<TAB>quad' header, the UN labels), or actor-span .conll)"
    )


def _actors(value: object) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _read_plover(path: Path) -> Iterator[GoldSentence]:
    try:
        records = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldFormatError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(records, list):
        raise GoldFormatError(f"{path}: expected a JSON array of PLOVER records")
    for record in records:
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            continue
        text = record.get("text")
        if not text or not record.get("event"):
            continue
        event = normalise_plover(record["event"])
        labels: dict[str, set[str]] = {"plover": {event}}
        quad = plover_quad(event)
        if quad is not None:
            labels["quad"] = {str(quad)}
        for role in ("source", "target"):
            countries = {normalise_country(a.get("code")) for a in _actors(record.get(role))}
            labels[f"{role}_country"] = {c for c in countries if c}
        yield GoldSentence(text.strip(), labels, record.get("id", ""))


def _read_codebook(path: Path) -> Iterator[GoldSentence]:
    table = cameo_table()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = (row.get("code") or "").strip()
            text = (row.get("example") or "").strip()
            if code not in table or not text:
                continue
            # Codebook examples append coder notes ("Note: Two reciprocal events ...").
            text = text.split(" Note:")[0].strip()
            entry = table[code]
            labels = {"code": {code}, "root": {code[:2]}, "quad": {str(entry.quad_class)}}
            if entry.plover_event:
                labels["plover"] = {entry.plover_event}
            yield GoldSentence(text, labels, code)


def _read_quad(path: Path) -> Iterator[GoldSentence]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            text, _, label = line.rstrip("\n").rpartition("\t")
            label = label.strip()
            if not text or label not in {"0", "1", "2", "3", "4"}:
                raise GoldFormatError(f"{path}:{number}: expected 'sentence<TAB>0-4'")
            yield GoldSentence(text.strip(), {"phoenix_quad": {label}}, str(number))


# GDELT quad class (1 verbal cooperation .. 4 material conflict) -> the UN file's label order
# (0 no political interaction, 1 material conflict, 2 material cooperation, 3 verbal conflict,
# 4 verbal cooperation; see shared/eval/train/README.md).
UN_QUAD = {1: "4", 2: "2", 3: "3", 4: "1"}


def _read_un_quad(path: Path, split: str | None = None) -> Iterator[GoldSentence]:
    """UN sentences with the "Keep it Local" quad labels; ``split`` keeps the project's fixed
    held-out part (``heldout``) or its training part (``train``) only."""
    from ..training.splits import un_quad_held_out

    with path.open(encoding="utf-8", newline="") as handle:
        handle.readline()  # header
        for number, line in enumerate(handle, start=2):
            text, _, label = line.rstrip("\n").rpartition("\t")
            label = label.strip()
            if not text or label not in {"0", "1", "2", "3", "4"}:
                raise GoldFormatError(f"{path}:{number}: expected 'sentence<TAB>0-4'")
            if split is not None and un_quad_held_out(text) != (split == "heldout"):
                continue
            yield GoldSentence(text.strip(), {"un_quad": {label}}, str(number))


# Tokens written without a space before them, and after them, when rebuilding the sentence.
_NO_SPACE_BEFORE = {".", ",", ";", ":", "?", "!", ")", "]", "%", "'s", "’", "'", "n't", "-", "”"}
_NO_SPACE_AFTER = {"(", "[", "$", "€", "£", "-", "“", "’", "\u202a"}


def _detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Rebuild running text from CoNLL tokens, keeping each token's character offsets.

    The coder parses text, so feeding it "government 's request ." would test the tokenizer's
    tolerance rather than the coder; this restores ordinary spacing.
    """
    text, offsets = "", []
    for index, token in enumerate(tokens):
        glue = (
            index == 0
            or token in _NO_SPACE_BEFORE
            or tokens[index - 1] in _NO_SPACE_AFTER
            or _inside_number(tokens, index)
        )
        if not glue:
            text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def _inside_number(tokens: list[str], index: int) -> bool:
    """The digits after a thousands comma or decimal point: "1 , 086" was "1,086", "2 . 5"
    was "2.5" ("July 7 , 2017" keeps its space: a year is no thousands group)."""
    if index < 2 or not tokens[index].isdigit() or not tokens[index - 2][-1:].isdigit():
        return False
    mark = tokens[index - 1]
    return mark == "." or (mark == "," and len(tokens[index]) == 3)


_CONLL_TAGS = {"O"} | {f"{b}-{r}" for b in "BI" for r in "STR"}


def _read_conll(path: Path) -> Iterator[GoldSentence]:
    tokens: list[str] = []
    roles: list[str] = []

    def flush() -> GoldSentence:
        text, offsets = _detokenise(tokens)
        sentence = GoldSentence(text, {"spans": set()}, str(len(sentences) + 1), offsets, roles[:])
        tokens.clear()
        roles.clear()
        return sentence

    sentences: list[GoldSentence] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    sentences.append(flush())
                continue
            token, _, tag = line.rpartition(" ")
            if not token or tag not in _CONLL_TAGS:
                raise GoldFormatError(f"{path}:{number}: expected 'token TAG' with O/B-S/I-T/...")
            tokens.append(token)
            roles.append("" if tag == "O" else tag[2:])
    if tokens:
        sentences.append(flush())
    yield from sentences


def read_gold(path: str | Path, split: str | None = None) -> tuple[str, list[GoldSentence]]:
    path = Path(path)
    if not path.is_file():
        raise GoldFormatError(f"no such gold file: {path}")
    fmt = detect_format(path)
    if fmt == "un-quad-tsv":
        return fmt, list(_read_un_quad(path, split))
    reader = {
        "plover-json": _read_plover,
        "cameo-codebook": _read_codebook,
        "quad-tsv": _read_quad,
        "actor-spans-conll": _read_conll,
    }[fmt]
    return fmt, list(reader(path))


def predicted_labels(events: list, metrics: set[str]) -> dict[str, set[str]]:
    """The same label sets, read off the coder's events for one sentence."""
    out: dict[str, set[str]] = {m: set() for m in metrics}
    for event in events:
        code = event.cameo.code
        values = {
            "code": code,
            "root": code[:2],
            "quad": str(event.quad_class),
            "phoenix_quad": str(phoenix_quad(code)),
            "un_quad": UN_QUAD.get(event.quad_class),
            "plover": event.plover.event,
            "source_country": country_label(event.source),
            "target_country": country_label(event.target) if event.target else None,
        }
        for metric in metrics:
            value = values.get(metric)
            if value:
                out[metric].add(value)
    return out


def country_label(actor) -> str | None:  # type: ignore[no-untyped-def]
    """The actor's country, or for international actors the CAMEO prefix gold files use."""
    if actor.country:
        return actor.country
    if actor.code and actor.code[:3] in GROUP_PREFIXES:
        return actor.code[:3]
    return None
