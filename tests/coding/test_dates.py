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


@pytest.mark.parametrize(
    ("story", "text", "expected"),
    [
        (date(2025, 12, 29), "last January", "2025-01-01"),  # the January before the story
        (date(2026, 1, 15), "last January", "2025-01-01"),  # not the one the story is in
        (date(2026, 3, 10), "next March", "2027-03-01"),
        (date(2025, 12, 29), "in June", "2025-06-01"),  # a past June in a December story
        (date(2025, 12, 29), "in May", "2025-05-01"),  # the month, not the modal
    ],
)
def test_named_months_resolve_against_the_story(story, text, expected):
    info = resolve_expression(text, story)
    assert (info.granularity, info.start) == ("month", expected)


# ---- the coder: every event carries the date its text gives, with its precision ------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("Israel struck Iranian nuclear sites in June.", date(2025, 6, 1), "month"),
        ("Israel struck Iranian nuclear sites last year.", date(2024, 1, 1), "year"),
        ("Israel struck Gaza last week.", date(2025, 12, 22), "week"),
        # A date in a clause that times its head dates the head's event too.
        (
            "When he returned to office in January, Trump revoked sanctions on Syria.",
            date(2025, 1, 1),
            "month",
        ),
        # Placed in the past with no date: no date at all, never the story's.
        ("Iran once attacked Israel.", None, None),
        ("Russia attacked Ukraine in the 1990s.", None, None),
    ],
)
def test_the_event_date_is_the_one_the_text_gives(code, text, day, precision):
    (event,) = [e for e in code(text, date="2025-12-29") if e.cameo.root in ("08", "19")]
    assert (event.date, event.date_precision) == (day, precision)
    record = event.to_dict()
    assert record["date"] == (day.isoformat() if day else None)
    assert record["date_precision"] == precision


@pytest.mark.slow
def test_the_story_date_may_be_a_date_or_datetime_object(code):
    import datetime as dt
    import json

    import flashpoint

    text = "Israel struck Gaza on Monday."
    for story in (date(2025, 12, 31), dt.datetime(2025, 12, 31, 23, 59)):
        (event,) = flashpoint.code(text, date=story)
        assert isinstance(event.date, date) and event.date == date(2025, 12, 29)
        assert json.loads(json.dumps(event.to_dict()))["date"] == "2025-12-29"


@pytest.mark.slow
def test_code_reads_the_story_date_off_a_dateline(code):
    import flashpoint

    (event,) = flashpoint.code("GAZA, Dec 29, 2025 (Reuters) - Israel struck Gaza.")
    assert (event.date, event.date_info.reason) == (date(2025, 12, 29), "story-date")
    # Without a year, and with nothing else giving one, the story date is unknown.
    (event,) = flashpoint.code("GAZA, Dec 29 (Reuters) - Israel struck Gaza.")
    assert (event.date, event.date_info.reason) == (None, "no-story-date")
