from datetime import date

import pytest

from flashpoint.coding.context.dates import is_historical, resolve_expression

STORY = date(2025, 12, 31)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", "2025-12-29"),
        ("Monday", "2025-12-29"),
        ("last Wednesday", "2025-12-24"),
        ("yesterday", "2025-12-30"),
        ("Nov. 11", "2025-11-11"),
        ("December 30", "2025-12-30"),
        ("three days ago", "2025-12-28"),
        ("March 3, 2024", "2024-03-03"),
    ],
)
def test_day_expressions(text, expected):
    info = resolve_expression(text, STORY)
    assert info is not None and info.granularity == "day"
    assert info.start == expected


def test_future_weekday_looks_forward():
    info = resolve_expression("on Friday", STORY, future=True)
    assert info.start == "2026-01-02"


def test_month_without_year_prefers_the_past():
    info = resolve_expression("in March", STORY)
    assert (info.granularity, info.start, info.end) == ("month", "2025-03-01", "2025-03-31")


def test_last_year_is_a_period_and_historical():
    info = resolve_expression("last year", STORY)
    assert (info.granularity, info.start, info.end) == ("year", "2024-01-01", "2024-12-31")
    assert is_historical(info, STORY)


def test_vague_past():
    info = resolve_expression("in the past", STORY)
    assert info.reason == "vague-past" and info.start is None
    assert is_historical(info, STORY)


def test_recent_day_is_not_historical():
    assert not is_historical(resolve_expression("on Monday", STORY), STORY)


def test_not_a_date():
    assert resolve_expression("the talks", STORY) is None
