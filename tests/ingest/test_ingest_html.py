"""article_from_html: the story is kept, the page around it is not."""

from __future__ import annotations

import pytest

from flashpoint.errors import EmptyInputError, NotEnglishError
from flashpoint.ingest import article_from_html
from flashpoint.records import Article
from tests.ingest.ingest_samples import NEWS_PAGE, visible

BODY = [
    "Government troops withdrew from the border town of Kelmar on Tuesday",
    "Rebel commanders confirmed that their fighters had moved",
    "By Tuesday evening, aid convoys carrying food and medicine had entered Kelmar",
    '"This is a fragile but real step," the AU envoy told reporters',
    "Fighting around Kelmar had displaced more than 40,000 people",
]
FURNITURE = [
    "Share on Facebook",
    "Tweet",
    "12 Comments",
    "Great news, finally some peace",
    "Posted by",
    "Privacy policy",
    "All rights reserved",
    "Sign up for our newsletter",
    "Search the Ledger",
    "Sport",
    "Advertisement",
    "Read more:",
    "Reporting by Jane Doe",
    "By Jane Doe, Reuters",
]


@pytest.fixture(scope="module")
def article() -> Article:
    # Module scope: the page is extracted once for all the checks below.
    return article_from_html(NEWS_PAGE, url="https://news.example/world/kelmar", source="page")


def test_body_paragraphs_are_kept(article: Article) -> None:
    for sentence in BODY:
        assert sentence in visible(article)


@pytest.mark.parametrize("furniture", FURNITURE)
def test_page_furniture_is_dropped_or_skipped(article: Article, furniture: str) -> None:
    assert furniture not in visible(article)


def test_furniture_kept_by_the_extractor_is_marked_as_skip_spans(article: Article) -> None:
    skipped = [article.text[s:e] for s, e in article.skip_spans]
    assert "Advertisement" in skipped
    assert "Read more: Why the Kelmar ceasefire matters" in skipped
    assert "(Reporting by Jane Doe in Nairobi; Editing by John Roe)" in skipped


def test_title_url_and_source_are_recorded(article: Article) -> None:
    assert article.title == "Troops withdraw from border town after ceasefire talks"
    assert article.url == "https://news.example/world/kelmar"
    assert article.source == "page"


def test_published_time_meta_gives_the_date(article: Article) -> None:
    assert article.date == "2024-03-12"


def test_callers_date_wins_over_the_page_date() -> None:
    assert article_from_html(NEWS_PAGE, date="2024-03-13").date == "2024-03-13"


def test_copyright_year_is_not_mistaken_for_the_story_date() -> None:
    meta = '<meta property="article:published_time" content="2024-03-12T08:30:00Z">\n'
    page = NEWS_PAGE.replace(meta, "")
    assert page != NEWS_PAGE and "&copy; 2024" in page
    assert article_from_html(page).date is None


def test_page_without_article_text_is_rejected() -> None:
    page = "<html><head><title>Hi</title></head><body><script>var x = 1;</script></body></html>"
    with pytest.raises(EmptyInputError, match=r"^no article text found in the HTML of page\.html"):
        article_from_html(page, source="page.html")


def test_empty_html_is_reported_as_empty() -> None:
    with pytest.raises(EmptyInputError, match=r"^page\.html is empty"):
        article_from_html("  \n", source="page.html")


def test_non_english_page_is_rejected() -> None:
    page = (
        "<html><body><article><p>Le gouvernement a annoncé mardi de nouvelles mesures pour "
        "soutenir les agriculteurs touchés par la sécheresse, selon un communiqué du ministère "
        "de l'Agriculture publié à Paris.</p><p>Les syndicats ont jugé ces mesures insuffisantes "
        "et appellent à manifester dans toute la France la semaine prochaine.</p></article>"
        "</body></html>"
    )
    with pytest.raises(NotEnglishError, match=r"looks like French \(fr\)"):
        article_from_html(page)
