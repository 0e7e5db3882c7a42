"""What an event needs before it is coded (coding/assembly/requirements.py)."""

from __future__ import annotations

from flashpoint.coding.assembly.requirements import has_counterpart, may_lack_target
from flashpoint.coding.candidates.lexicon import Pattern
from flashpoint.coding.candidates.predicate import Predicate
from flashpoint.records import ActorRef


def _ref(country: str | None, resolution: str) -> ActorRef:
    return ActorRef("x", None, country, None, country, None, None, resolution)


def _no_countries() -> frozenset[str]:
    raise AssertionError("the sentence's countries are asked for only for a guessed meeting")


def test_an_act_with_someone_needs_a_counterpart_other_than_the_source():
    kenya = _ref("KEN", "dictionary")
    assert not has_counterpart("06", kenya, _ref("KEN", "context"), _no_countries)
    assert has_counterpart("06", kenya, _ref("UGA", "context"), _no_countries)
    assert has_counterpart("06", kenya, None, _no_countries)  # cooperation may lack one
    assert not has_counterpart("04", kenya, None, _no_countries)  # a meeting may not
    assert has_counterpart("04", kenya, _ref("EGY", "context"), lambda: frozenset({"EGY"}))
    assert not has_counterpart("04", kenya, _ref("EGY", "context"), lambda: frozenset())
    assert has_counterpart("19", kenya, _ref("KEN", "context"), _no_countries)


def test_directed_acts_and_comments_about_someone_need_a_target():
    def predicate(code: str) -> Predicate:
        pattern = Pattern(code, "V", "x", "", "", "", "", "test")
        return Predicate(trigger=None, code=code, pattern=pattern, sources=[], targets=[])  # type: ignore[arg-type]

    assert not may_lack_target(predicate("111"))  # criticism of no one
    assert not may_lack_target(predicate("013"))  # optimism about no one
    assert may_lack_target(predicate("0252"))  # "appealed for calm"
    assert may_lack_target(predicate("0874"))  # "the troops later withdrew"
    assert may_lack_target(predicate("015"))  # "claimed responsibility"
