"""find_boilerplate: site furniture is marked, reporting never is."""

from __future__ import annotations

import pytest

from flashpoint.ingest import find_boilerplate
from flashpoint.ingest.boilerplate import is_boilerplate_line

FURNITURE = [
    "0 Comments",
    "12 comments",
    "Comments (3)",
    "Share",
    "Share this article",
    "Share on Facebook",
    "Tweet",
    "Email",
    "Print",
    "WhatsApp",
    "Copy link",
    "Facebook Twitter Email",
    "Follow us on Twitter",
    "By Jane Doe",
    "By Jane Doe and John Roe, Reuters",
    "BY JANE DOE",
    "By The Associated Press",
    "By Jane Doe - Staff Writer",
    "Jane Doe | Reuters",
    "By Jane Doe | Updated 3:15 PM | 5 min read",
    "Reporting by Jane Doe; Editing by John Roe",
    "(Reporting by Jane Doe in Kyiv and the Moscow newsroom; Writing by Ann Poe; "
    "Editing by Bob Lee)",
    "Additional reporting by Jane Doe in Nairobi",
    "Writing by Ann Poe",
    "Associated Press writer Jane Doe in Cairo contributed to this report.",
    "Advertisement",
    "ADVERTISEMENT",
    "Sponsored",
    "Read more: Why the ceasefire matters",
    "Related: Talks collapse in Geneva",
    "Click here to read the full report",
    "Sign up for our newsletter to get the top stories every morning.",
    "Subscribe to our daily briefing",
    "© 2025 Daily Ledger Media Group",
    "© 2024 Daily Ledger Media Group. All rights reserved.",
    "All rights reserved",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "Photo: Jane Doe/AFP",
    "Image caption, Protesters gathered outside parliament",
    "Getty Images",
    "Protesters gather in Tahrir Square on Tuesday. (AP Photo/Amr Nabil)",
    "A man walks past a damaged building in Kharkiv, March 12, 2024. REUTERS/Jane Doe/File Photo",
    "Protesters in Tehran. AFP via Getty Images",
    "Updated 3:15 PM",
    "Updated March 12, 2024 at 3:15 p.m. ET",
    "Published 12 March 2024",
    "Last updated 2 hours ago",
    "5 min read",
    "March 12, 2024 · 4 min read",
    "Loading...",
]

REPORTING = [
    "By Tuesday, troops had withdrawn from the town.",
    "By Jane Doe's account, the talks collapsed.",
    "By contrast, Kenya said it would stay in the talks.",
    "By Monday Russia had responded.",
    "Share prices fell sharply after the announcement.",
    "Print media in the country face heavy censorship.",
    "Email records show the minister approved the deal.",
    "Comments by the foreign minister angered Beijing.",
    "Subscribers to the state broadcaster protested the fee rise.",
    "Copyright law was at the centre of the dispute.",
    "Published reports said 12 people were killed on March 3.",
    "Updated figures released on Monday showed 40 dead.",
    "Reporting by the Guardian revealed the minister's links.",
    "Related talks in Geneva ended without agreement.",
    "Photo evidence presented in court showed the suspect.",
    "Advertisement campaigns by the ruling party were banned.",
    "Follow-up talks are scheduled for next week.",
    "Loading of aid trucks began at dawn.",
    "Jane Doe, a Reuters correspondent, was detained in Minsk.",
    "The deal was backed by 62% of voters, according to a Reuters/Ipsos poll.",
    "The company said the licence left it with all rights reserved under the 1994 treaty.",
    "Troops withdraw from border town after ceasefire talks",
    "Ukraine war: Russia strikes Kyiv | BBC News",
    '"We will not retreat," the minister said.',
    "(c) withdraw all forces from the territory within 30 days;",
    "May 12 was chosen as the date for the vote.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_flagged(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", REPORTING)
def test_reporting_line_is_not_flagged(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_spans_cover_whole_lines_without_newlines() -> None:
    text = (
        "By Jane Doe, Reuters\n"
        "By Tuesday, troops had withdrawn from the town.\n"
        "\n"
        "  Share on Facebook  \n"
        "Comments by the foreign minister angered Beijing.\n"
        "12 Comments"
    )
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == [
        "By Jane Doe, Reuters",
        "  Share on Facebook  ",
        "12 Comments",
    ]
    assert all("\n" not in text[s:e] for s, e in spans)


def test_text_without_furniture_has_no_spans() -> None:
    assert find_boilerplate("\n".join(REPORTING)) == ()
