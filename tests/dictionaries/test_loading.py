"""Which dictionaries are loaded: settings, bundled sets, errors."""

from __future__ import annotations

import os

import pytest

from flashpoint.dictionaries import DictionaryError, dictionary_spec, load_dictionaries
from tests.conftest import REPO

DATA = REPO / "tests" / "dictionaries" / "data"


def test_nothing_asked_for_is_no_dictionaries(monkeypatch):
    for env in ("FLASHPOINT_ACTORS", "FLASHPOINT_DICTIONARIES"):
        monkeypatch.delenv(env, raising=False)
    assert dictionary_spec() is None
    assert load_dictionaries(None) is None


def test_settings_come_first_then_arguments(monkeypatch):
    monkeypatch.setenv("FLASHPOINT_ACTORS", os.pathsep.join(["a.txt", "b.txt"]))
    monkeypatch.setenv("FLASHPOINT_DICTIONARIES", "Phoenix")
    monkeypatch.setenv("FLASHPOINT_ONLY_GIVEN_DICTIONARIES", "1")
    spec = dictionary_spec(actors=["c.txt"])
    assert spec.actors == ("a.txt", "b.txt", "c.txt")
    assert spec.sets == ("phoenix",) and spec.only_given
    assert not dictionary_spec(bundled=True).only_given  # the argument wins over the setting


def test_an_unknown_set_is_an_error():
    with pytest.raises(DictionaryError, match="choose from phoenix"):
        dictionary_spec(sets=["icews"])


def test_the_bundled_phoenix_set_loads_without_errors():
    from flashpoint.dictionaries.loading import DictionarySpec

    dictionaries = load_dictionaries(DictionarySpec(sets=("phoenix",)))
    assert len(dictionaries.actor_entries) > 25_000
    assert len(dictionaries.agent_entries) > 1_000
    assert len(dictionaries.discards) > 300
    massoud = next(
        e
        for e in dictionaries.actor_entries.values()
        if e.line == 204 and e.origin == "phoenix:Phoenix.Countries.actors.txt:204"
    )
    assert massoud.primary == "AHMED_ZIA_MASSOUD_"
    # added to flashpoint's own, Phoenix's discards of dated sentences and of epidemics are
    # left out (flashpoint dates events itself; aid is reported around epidemics) ...
    assert not dictionaries.discarded("In 1998, Iraq expelled the inspectors.")
    assert not dictionaries.discarded("Germany sent aid to fight Ebola.")
    assert dictionaries.discarded("The World Cup final was played in Berlin.")
    # ... used alone, the set is read as PETRARCH reads it
    alone = load_dictionaries(DictionarySpec(sets=("phoenix",), only_given=True))
    assert alone.discarded("In 1998, Iraq expelled the inspectors.") == [(3, 7)]
    assert len(alone.discards) > len(dictionaries.discards)


def test_files_of_every_kind_load(tmp_path):
    from flashpoint.dictionaries.loading import DictionarySpec

    spec = DictionarySpec(
        actors=(str(DATA / "test.actors.txt"),),
        agents=(str(DATA / "test.agents.txt"),),
        verbs=(str(DATA / "test.verbs.txt"),),
        discards=(str(DATA / "test.discards.txt"),),
    )
    dictionaries = load_dictionaries(spec)
    assert {e.origin for e in dictionaries.actor_entries.values()} >= {"test.actors.txt:6"}
    assert dictionaries.paired["test.verbs.txt:19"].reverse == "043"
    assert dictionaries.discarded("We saw the grand regatta.") == [(0, 25)]
