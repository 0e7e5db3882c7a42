"""Alert rules from a TOML file.

.. code-block:: toml

    [webhook]                      # optional: POST each alert here as JSON
    url = "https://hooks.example.org/flashpoint"
    secret_env = "FLASHPOINT_WEBHOOK_SECRET"   # optional: sign bodies (HMAC-SHA256)

    [[rule]]
    name = "violence-iran"         # any event with root 18-20 involving Iran
    kind = "match"
    roots = ["18-20"]
    actor = "IRN"

    [[rule]]
    name = "usa-irn-material-conflict"
    kind = "count"                 # >= 3 material-conflict clusters USA->IRN in a day
    source = "USA"
    target = "IRN"
    quads = [4]
    min_count = 3
    window = "24h"

    [[rule]]
    name = "usa-irn-goldstein"
    kind = "goldstein"             # daily Goldstein sum 3 sd below its 30-day mean
    source = "USA"
    target = "IRN"
    z = -3
    baseline = "30d"

    [[rule]]
    name = "widely-reported"
    kind = "new_cluster"           # a new cluster reported by >= 5 sources
    min_sources = 5

Every rule takes the event filters of the commands (``source``, ``target``, ``actor``,
``roots``, ``codes``, ``quads``, ``modalities``, ``sectors``, ``source_sectors``,
``target_sectors``, ``plover``, ``publisher``, ``min_confidence``), checked as the commands
check them; negated and hypothetical events are left out unless ``all_modalities = true``.
A mistake is a :class:`~flashpoint.errors.DataFileError` naming the rule and the key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flashpoint.durations import parse_duration
from flashpoint.errors import DataFileError, FilterError
from flashpoint.filters import default_modalities
from flashpoint.store import EventFilter

__all__ = ["KINDS", "Rule", "RuleSet", "Webhook", "load_rules", "parse_rules"]

KINDS = ("match", "count", "goldstein", "new_cluster")
_DAY = 86400.0
_FILTER_KEYS = {
    "source": "source",
    "target": "target",
    "actor": "actor",
    "roots": "roots",
    "codes": "codes",
    "quads": "quad_classes",
    "modalities": "modalities",
    "sectors": "sectors",
    "source_sectors": "source_sectors",
    "target_sectors": "target_sectors",
    "plover": "plover_types",
    "publisher": "publisher",
    "min_confidence": "min_confidence",
}
_LIST_KEYS = {"roots", "codes", "quads", "modalities", "sectors", "source_sectors",
              "target_sectors", "plover"}  # fmt: skip
_KIND_KEYS = {
    "match": {"lookback"},
    "count": {"min_count", "window"},
    "goldstein": {"z", "baseline", "min_std"},
    "new_cluster": {"min_sources", "lookback"},
}
_COMMON_KEYS = {"name", "kind", "description", "webhook", "all_modalities"}


@dataclass(frozen=True, slots=True)
class Rule:
    """One alert rule (see the module docstring for each kind)."""

    name: str
    kind: str
    filter: EventFilter
    description: str | None = None
    webhook: bool = True  # False: store the alerts only
    lookback_days: int = 2  # match, new_cluster: how far back events are considered
    window_days: int = 1  # count
    min_count: int = 1  # count
    z: float = -3.0  # goldstein: below (negative) or above (positive) the mean
    baseline_days: int = 30  # goldstein
    min_std: float = 1.0  # goldstein: the spread assumed at least (a quiet dyad)
    min_sources: int = 1  # new_cluster
    settings: Mapping[str, Any] = field(default_factory=dict)  # as written, for payloads


@dataclass(frozen=True, slots=True)
class Webhook:
    url: str
    timeout: float = 10.0
    max_attempts: int = 8
    backoff: float = 30.0  # first retry after this many seconds, doubling each time
    headers: Mapping[str, str] = field(default_factory=dict)
    secret: str | None = None  # signs each body: X-Flashpoint-Signature: sha256=<hex>


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    webhook: Webhook | None = None
    path: str | None = None


def load_rules(path: str) -> RuleSet:
    """The rules of the TOML file ``path``; DataFileError naming the problem otherwise."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise DataFileError(f"no such alert rules file: {path}") from None
    except OSError as exc:
        raise DataFileError(f"cannot read alert rules {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path} is not valid TOML: {exc}") from None
    return parse_rules(data, path)


def parse_rules(data: Mapping[str, Any], path: str = "alert rules") -> RuleSet:
    unknown = set(data) - {"rule", "webhook"}
    if unknown:
        raise DataFileError(
            f"{path}: unknown section {sorted(unknown)[0]!r}; use [[rule]] and [webhook]"
        )
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise DataFileError(f"{path}: no rules; add at least one [[rule]] table")
    rules: list[Rule] = []
    for number, table in enumerate(tables, start=1):
        rule = _rule(table, f"{path}: rule {number}")
        if any(r.name == rule.name for r in rules):
            raise DataFileError(f"{path}: two rules are named {rule.name!r}; names must differ")
        rules.append(rule)
    webhook = _webhook(data["webhook"], path) if "webhook" in data else None
    return RuleSet(tuple(rules), webhook, path)


def _rule(table: Any, where: str) -> Rule:
    if not isinstance(table, dict):
        raise DataFileError(f"{where}: not a table")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise DataFileError(f"{where}: needs a name (text, up to 200 characters)")
    where = f"{where.rsplit(': ', 1)[0]}: rule {name!r}"
    kind = table.get("kind")
    if kind not in KINDS:
        raise DataFileError(f"{where}: kind must be one of {', '.join(KINDS)}, got {kind!r}")
    allowed = _COMMON_KEYS | set(_FILTER_KEYS) | _KIND_KEYS[kind]
    for key in table:
        if key not in allowed:
            raise DataFileError(
                f"{where}: unknown key {key!r} for a {kind} rule; allowed: "
                + ", ".join(sorted(allowed))
            )
    flt = _filter(table, where)
    values: dict[str, Any] = {
        "name": name.strip(),
        "kind": kind,
        "filter": flt,
        "description": _text(table, "description", where),
        "webhook": _bool(table, "webhook", where, True),
        "settings": dict(table),
    }
    if kind in ("match", "new_cluster"):
        values["lookback_days"] = _days(table, "lookback", where, "2d")
    if kind == "count":
        values["min_count"] = _positive_int(table, "min_count", where)
        values["window_days"] = _days(table, "window", where, "1d")
    if kind == "goldstein":
        if not flt.source or not flt.target:
            raise DataFileError(f"{where}: a goldstein rule needs a source and a target")
        values["z"] = _number(table, "z", where, -3.0)
        if values["z"] == 0:
            raise DataFileError(f"{where}: z must not be 0 (negative: below the mean)")
        values["baseline_days"] = _days(table, "baseline", where, "30d")
        if values["baseline_days"] < 2:
            raise DataFileError(f"{where}: baseline must be at least 2 days")
        values["min_std"] = _number(table, "min_std", where, 1.0)
        if values["min_std"] <= 0:
            raise DataFileError(f"{where}: min_std must be positive")
    if kind == "new_cluster":
        values["min_sources"] = _positive_int(table, "min_sources", where)
    return Rule(**values)


def _filter(table: dict[str, Any], where: str) -> EventFilter:
    values: dict[str, Any] = {}
    for key, field_name in _FILTER_KEYS.items():
        if key not in table:
            continue
        value = table[key]
        if key in _LIST_KEYS:
            value = [value] if isinstance(value, str | int) else value
            if not isinstance(value, list) or not value:
                raise DataFileError(f"{where}: {key} must be a list of values")
            if key == "roots":
                value = _roots(value, where)
            elif key == "quads":
                value = [int(v) if isinstance(v, int) else v for v in value]
            else:
                value = [str(v) for v in value]
        elif key == "min_confidence":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DataFileError(f"{where}: min_confidence must be a number from 0 to 1")
            value = float(value)
            if not 0 <= value <= 1:
                raise DataFileError(f"{where}: min_confidence must be a number from 0 to 1")
        elif not isinstance(value, str) or not value.strip():
            raise DataFileError(f"{where}: {key} must be text")
        values[field_name] = value
    try:
        flt = EventFilter(**values)
    except FilterError as exc:
        raise DataFileError(f"{where}: {exc}") from None
    return default_modalities(flt, all_modalities=_bool(table, "all_modalities", where, False))


def _roots(values: list[Any], where: str) -> list[str]:
    """CAMEO roots, a range such as "18-20" standing for each root in it."""
    out: list[str] = []
    for value in values:
        text = str(value).strip()
        low, dash, high = text.replace("–", "-").partition("-")
        if dash and low.strip().isdigit() and high.strip().isdigit():
            first, last = int(low), int(high)
            if not 1 <= first <= last <= 20:
                raise DataFileError(f"{where}: root range {text!r} must lie within 01-20")
            out.extend(f"{n:02d}" for n in range(first, last + 1))
        else:
            out.append(text)
    return out


def _webhook(table: Any, path: str) -> Webhook:
    where = f"{path}: [webhook]"
    if not isinstance(table, dict):
        raise DataFileError(f"{where} must be a table")
    allowed = {"url", "timeout", "max_attempts", "backoff", "headers", "secret_env"}
    for key in table:
        if key not in allowed:
            raise DataFileError(
                f"{where}: unknown key {key!r}; allowed: {', '.join(sorted(allowed))}"
            )
    url = table.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise DataFileError(f"{where}: url must be an http(s) URL")
    headers = table.get("headers", {})
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise DataFileError(f"{where}: headers must be a table of text values")
    secret = None
    if "secret_env" in table:
        env = table["secret_env"]
        secret = os.environ.get(env) if isinstance(env, str) else None
        if not secret:
            raise DataFileError(
                f"{where}: secret_env names {env!r}, which is not set in the environment"
            )
    return Webhook(
        url=url,
        timeout=_seconds(table, "timeout", where, "10s"),
        max_attempts=_positive_int(table, "max_attempts", where, 8),
        backoff=_seconds(table, "backoff", where, "30s"),
        headers=dict(headers),
        secret=secret,
    )


def _text(table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise DataFileError(f"{where}: {key} must be text")
    return value


def _bool(table: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise DataFileError(f"{where}: {key} must be true or false")
    return value


def _number(table: dict[str, Any], key: str, where: str, default: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFileError(f"{where}: {key} must be a number")
    return float(value)


def _positive_int(table: dict[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = table.get(key, default)
    if value is None:
        raise DataFileError(f"{where}: needs {key} (a whole number, 1 or more)")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DataFileError(f"{where}: {key} must be a whole number, 1 or more")
    return value


def _seconds(table: dict[str, Any], key: str, where: str, default: str) -> float:
    try:
        return parse_duration(table.get(key, default))
    except ValueError as exc:
        raise DataFileError(f"{where}: {key}: {exc}") from None


def _days(table: dict[str, Any], key: str, where: str, default: str) -> int:
    """A duration in whole days: event dates are days, so windows are too."""
    seconds = _seconds(table, key, where, default)
    days = seconds / _DAY
    if abs(days - round(days)) > 1e-9 or round(days) < 1:
        raise DataFileError(
            f"{where}: {key} must be a whole number of days (24h, 2d, 7d): event dates are days"
        )
    return round(days)
