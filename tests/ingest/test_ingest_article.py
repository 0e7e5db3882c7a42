"""article_from_text: emptiness, language, date and doc_id checks, and offset-stable text."""

from __future__ import annotations

import pytest

from flashpoint.errors import EmptyInputError, InputError, NotEnglishError
from flashpoint.ingest import article_from_text
from flashpoint.ingest import language as language_module
from tests.ingest.ingest_samples import ENGLISH

FRENCH = (
    "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs "
    "touchés par la sécheresse, selon un communiqué du ministère de l'Agriculture publié à "
    "Paris. Les syndicats ont jugé ces mesures insuffisantes et appellent à manifester."
)
SPANISH = (
    "El presidente del gobierno se reunió el lunes con los líderes de la oposición para "
    "discutir la reforma de la ley electoral, informaron fuentes oficiales en Madrid. Los "
    "partidos acordaron volver a reunirse la próxima semana para continuar las negociaciones."
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag neue Maßnahmen zur Unterstützung der Landwirte "
    "angekündigt, die von der Dürre betroffen sind, teilte das Ministerium in Berlin mit. "
    "Die Bauernverbände kritisierten die Hilfen als völlig unzureichend und kündigten Proteste an."
)
# English, but dense with foreign names: exactly what a naive language check rejects.
ENGLISH_WITH_NAMES = (
    "Vladimir Putin met Recep Tayyip Erdoğan and Volodymyr Zelenskyy in Istanbul on Tuesday, "
    "while Emmanuel Macron, Olaf Scholz and Xi Jinping issued statements from Paris, Berlin "
    "and Beijing. Mohammed bin Salman, Benjamin Netanyahu and Abdel Fattah el-Sisi discussed "
    "Gaza with Jean-Yves Le Drian, Sergei Lavrov and Wang Yi in Riyadh."
)


def test_english_text_becomes_an_article() -> None:
    article = article_from_text(ENGLISH, date="2024-03-12", source="story.txt")
    assert article.text == ENGLISH
    assert article.date == "2024-03-12"
    assert article.source == "story.txt"
    assert article.skip_spans == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [(FRENCH, "French (fr)"), (SPANISH, "Spanish (es)"), (GERMAN, "German (de)")],
)
def test_non_english_is_rejected_with_the_language_named(text: str, language: str) -> None:
    with pytest.raises(NotEnglishError) as info:
        article_from_text(text, source="story.txt")
    assert str(info.value) == (
        f"story.txt looks like {language}, not English; flashpoint codes English news only"
    )


def test_english_dense_with_foreign_names_is_accepted() -> None:
    assert article_from_text(ENGLISH_WITH_NAMES).text == ENGLISH_WITH_NAMES


def test_short_texts_skip_the_language_check() -> None:
    # Too few words for a trustworthy guess; refusing would be a coin toss.
    assert article_from_text("Ministre démissionne.").text == "Ministre démissionne."


def test_language_model_is_loaded_once() -> None:
    article_from_text(FRENCH + " " + ENGLISH * 3)
    article_from_text(ENGLISH)
    assert language_module._identifier.cache_info().currsize == 1
    assert language_module._identifier() is language_module._identifier()


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_or_whitespace_text_is_rejected(text: str) -> None:
    with pytest.raises(EmptyInputError, match=r"^story.txt is empty"):
        article_from_text(text, source="story.txt")


def test_text_without_words_is_rejected() -> None:
    with pytest.raises(EmptyInputError, match=r"^input holds no words"):
        article_from_text("-- ... !! ?? --")


def test_words_after_long_whitespace_are_found() -> None:
    text = " " * 5000 + "Troops withdrew."
    assert article_from_text(text).text == text


def test_doc_id_is_deterministic_and_content_based() -> None:
    first = article_from_text(ENGLISH)
    again = article_from_text(ENGLISH, source="elsewhere.txt")
    other = article_from_text(ENGLISH + " More news.")
    assert first.doc_id == again.doc_id
    assert first.doc_id != other.doc_id
    assert first.doc_id.startswith("doc-") and len(first.doc_id) == 20


def test_explicit_doc_id_is_kept() -> None:
    assert article_from_text(ENGLISH, doc_id="reuters-123").doc_id == "reuters-123"


def test_blank_doc_id_is_rejected() -> None:
    with pytest.raises(InputError, match="doc_id is empty"):
        article_from_text(ENGLISH, doc_id=" ")


@pytest.mark.parametrize("date", ["12/03/2024", "2024-3-12", "20240312", "yesterday", "2024-13-01"])
def test_malformed_date_is_rejected(date: str) -> None:
    with pytest.raises(InputError, match=r"^bad date .*YYYY-MM-DD"):
        article_from_text(ENGLISH, date=date)


def test_impossible_calendar_date_is_rejected() -> None:
    with pytest.raises(InputError, match="no such day"):
        article_from_text(ENGLISH, date="2023-02-29")


def test_crlf_is_normalised_so_offsets_match_the_text() -> None:
    article = article_from_text("Share\r\n" + ENGLISH + "\r\n")
    assert article.text == "Share\n" + ENGLISH + "\n"
    assert article.skip_spans == ((0, 5),)


def test_boilerplate_lines_become_skip_spans_and_text_is_unchanged() -> None:
    text = "By Jane Doe, Reuters\n" + ENGLISH + "\nAdvertisement\n" + ENGLISH
    article = article_from_text(text)
    assert article.text == text
    assert [text[s:e] for s, e in article.skip_spans] == ["By Jane Doe, Reuters", "Advertisement"]
