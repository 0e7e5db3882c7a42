"""read_source: files, stdin and URLs, with size limits and format detection."""

from __future__ import annotations

import codecs
import io
import re
import socket
import sys
from pathlib import Path

import pytest

from flashpoint.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputError,
    InputTooLargeError,
)
from flashpoint.ingest import fetch_url, read_source
from tests.ingest.ingest_http import LocalServer, Route
from tests.ingest.ingest_samples import ENGLISH, NEWS_PAGE, visible


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


# ---- files --------------------------------------------------------------------------------


def test_text_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", ENGLISH)
    article = read_source(path, date="2024-03-12")
    assert article.text == ENGLISH
    assert article.source == path
    assert article.date == "2024-03-12"
    assert article.url is None


def test_html_file_is_extracted_by_extension(tmp_path: Path) -> None:
    article = read_source(write(tmp_path, "story.htm", NEWS_PAGE))
    assert article.title == "Troops withdraw from border town after ceasefire talks"
    assert "<p>" not in article.text and "Share on Facebook" not in article.text


def test_html_is_sniffed_in_a_file_without_html_extension(tmp_path: Path) -> None:
    article = read_source(write(tmp_path, "story.txt", "\ufeff\n  " + NEWS_PAGE))
    assert article.date == "2024-03-12"
    assert "<!DOCTYPE" not in article.text


def test_bare_paragraph_markup_is_sniffed_as_html(tmp_path: Path) -> None:
    fragment = f"<p>{ENGLISH}</p>\n<p>{ENGLISH}</p>\n"
    article = read_source(write(tmp_path, "story", fragment))
    assert "<p>" not in article.text


def test_explicit_text_format_keeps_markup(tmp_path: Path) -> None:
    fragment = f"<p>{ENGLISH}</p>\n<p>{ENGLISH}</p>\n"
    assert read_source(write(tmp_path, "story", fragment), fmt="text").text == fragment


def test_unknown_format_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown input format 'pdf'"):
        read_source(write(tmp_path, "story.txt", ENGLISH), fmt="pdf")


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=rf"^no such file: {re.escape(missing)}"):
        read_source(missing)


def test_directory_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_source(str(tmp_path))


def test_empty_source_string_is_rejected() -> None:
    with pytest.raises(InputError, match="no input given"):
        read_source("")


@pytest.mark.parametrize("content", ["", " \n\n\t "])
def test_empty_file_is_reported_by_name(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "empty.txt", content)
    with pytest.raises(EmptyInputError, match=rf"^{re.escape(path)} is empty"):
        read_source(path)


def test_binary_file_is_reported_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "story.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(BinaryInputError, match=rf"^{re.escape(path)} looks like a PDF document"):
        read_source(path)


def test_utf16_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"))
    assert read_source(path).text == ENGLISH


def test_too_large_file_is_refused_with_size_limit_and_setting(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", ENGLISH)
    with pytest.raises(InputTooLargeError) as info:
        read_source(path, max_bytes=100)
    message = str(info.value)
    assert f"is {len(ENGLISH.encode())} bytes" in message
    assert "over the 100-byte limit" in message
    assert "FLASHPOINT_MAX_BYTES" in message


def test_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "story.txt", ENGLISH)
    monkeypatch.setenv("FLASHPOINT_MAX_BYTES", "50")
    with pytest.raises(InputTooLargeError, match="50-byte limit"):
        read_source(path)
    monkeypatch.setenv("FLASHPOINT_MAX_BYTES", "lots")
    with pytest.raises(InputError, match=r"^FLASHPOINT_MAX_BYTES must be a positive whole number"):
        read_source(path)


def test_file_exactly_at_the_limit_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", ENGLISH)
    assert read_source(path, max_bytes=len(ENGLISH.encode())).text == ENGLISH


def test_bad_date_fails_before_reading(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^bad date '12 March'"):
        read_source(str(tmp_path / "not-even-there.txt"), date="12 March")


# ---- stdin --------------------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Latin-1 bytes would break a text-mode read; the bytes path detects the encoding.
    text = ENGLISH + " The café owner in Zürich was très surpris."
    fake_stdin(monkeypatch, text.encode("latin-1"))
    article = read_source("-")
    assert article.text == text
    assert article.source == "-"


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, NEWS_PAGE.encode("utf-8"))
    assert read_source("-").date == "2024-03-12"


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, ENGLISH.encode("utf-8"))
    with pytest.raises(InputTooLargeError, match=r"^stdin is larger than the 64-byte limit"):
        read_source("-", max_bytes=64)


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"")
    with pytest.raises(EmptyInputError, match=r"^stdin is empty"):
        read_source("-")


def test_text_only_stdin_replacement_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ENGLISH))
    assert read_source("-").text == ENGLISH


# ---- URLs ---------------------------------------------------------------------------------


def test_url_is_fetched_and_extracted(local_server: LocalServer) -> None:
    local_server.routes["/world/kelmar"] = Route(body=NEWS_PAGE.encode("utf-8"))
    url = local_server.url("/world/kelmar")
    article = read_source(url)
    assert article.url == url and article.source == url
    assert article.date == "2024-03-12"
    assert "Government troops withdrew from the border town" in visible(article)
    assert "Share on Facebook" not in visible(article)
    assert local_server.requests[0]["User-Agent"] == "flashpoint/0.1"


def test_url_content_type_decides_format(local_server: LocalServer) -> None:
    # The path says .html but the server says plain text: the server wins.
    local_server.routes["/story.html"] = Route(
        body=ENGLISH.encode("utf-8"), content_type="text/plain; charset=utf-8"
    )
    assert read_source(local_server.url("/story.html")).text == ENGLISH


def test_url_declared_charset_is_used(local_server: LocalServer) -> None:
    text = ENGLISH + " He called it a “fragile” truce."
    local_server.routes["/story"] = Route(
        body=text.encode("cp1252"), content_type="text/plain; charset=ISO-8859-1"
    )
    assert read_source(local_server.url("/story")).text == text


def test_fetch_returns_body_and_content_type(local_server: LocalServer) -> None:
    local_server.routes["/a"] = Route(body=b"hello", content_type="text/plain")
    assert fetch_url(local_server.url("/a"), timeout=5, max_bytes=100) == (b"hello", "text/plain")


def test_http_404_is_a_fetch_error(local_server: LocalServer) -> None:
    url = local_server.url("/missing")
    with pytest.raises(FetchError) as info:
        read_source(url)
    assert str(info.value).startswith(f"could not fetch {url}: HTTP 404 Not Found;")
    assert "\n" not in str(info.value)


def test_connection_refused_is_a_fetch_error(closed_port: int) -> None:
    with pytest.raises(FetchError, match=rf"connection refused by 127\.0\.0\.1:{closed_port}"):
        read_source(f"http://127.0.0.1:{closed_port}/story")


def test_unknown_host_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate the resolver's answer so the test sends no DNS query at all.
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match=r"host 'no-such-host\.invalid' not found"):
        read_source("http://no-such-host.invalid/story")


def test_slow_server_times_out(local_server: LocalServer) -> None:
    local_server.routes["/slow"] = Route(body=b"late", delay=5)
    with pytest.raises(FetchError, match=r"no complete response within 0\.2 s"):
        fetch_url(local_server.url("/slow"), timeout=0.2, max_bytes=100)


def test_oversized_response_is_refused(local_server: LocalServer) -> None:
    local_server.routes["/big"] = Route(body=b"x" * 500)
    with pytest.raises(InputTooLargeError, match=r"is 500 bytes, over the 100-byte limit"):
        read_source(local_server.url("/big"), max_bytes=100)


def test_oversized_response_without_length_is_refused(local_server: LocalServer) -> None:
    # Nothing announces the size: the bounded read must stop at the limit by itself.
    local_server.routes["/big"] = Route(body=b"x" * 500, send_length=False)
    with pytest.raises(InputTooLargeError, match="larger than the 100-byte limit"):
        fetch_url(local_server.url("/big"), timeout=5, max_bytes=100)


def test_binary_response_is_refused(local_server: LocalServer) -> None:
    local_server.routes["/doc"] = Route(body=b"%PDF-1.7\n", content_type="application/pdf")
    url = local_server.url("/doc")
    with pytest.raises(BinaryInputError, match=rf"^{re.escape(url)} looks like a PDF document"):
        read_source(url)


@pytest.mark.parametrize("url", ["ftp://example.invalid/story.txt", "file:///etc/hostname"])
def test_non_http_urls_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="only http:// and https:// URLs"):
        read_source(url)


@pytest.mark.parametrize(
    "url", ["file:///etc/hostname", "http://127.0.0.1:99999/", "http:///no-host", "http://[::1"]
)
def test_fetch_url_refuses_invalid_urls(url: str) -> None:
    with pytest.raises(FetchError, match="not a valid http:// or https:// URL"):
        fetch_url(url, timeout=1, max_bytes=100)


def test_redirect_to_http_is_followed(local_server: LocalServer) -> None:
    local_server.routes["/story"] = Route(body=ENGLISH.encode(), content_type="text/plain")
    local_server.routes["/old"] = Route(
        status=301, headers={"Location": local_server.url("/story")}
    )
    assert read_source(local_server.url("/old")).text == ENGLISH


def test_redirect_to_another_scheme_is_refused(local_server: LocalServer) -> None:
    local_server.routes["/old"] = Route(status=302, headers={"Location": "ftp://127.0.0.1/x"})
    with pytest.raises(FetchError, match=r"HTTP 302 redirect to a ftp: URL refused"):
        read_source(local_server.url("/old"))


def test_bad_timeout_setting_fails_before_fetching(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_FETCH_TIMEOUT", "soon")
    with pytest.raises(InputError, match=r"^FLASHPOINT_FETCH_TIMEOUT must be a positive number"):
        read_source("http://127.0.0.1:9/never-contacted")


def test_the_story_date_comes_from_the_dateline(tmp_path: Path) -> None:
    import datetime as dt

    from tests.ingest.test_documents import STORY

    path = tmp_path / "story.txt"
    path.write_text(STORY.replace("Dec 29", "Dec 29, 2025"))
    assert read_source(str(path)).date == "2025-12-29"
    path.write_text(STORY)  # "CAIRO, Dec 29": the year from a reference day, never the clock
    assert read_source(str(path)).date is None
    assert read_source(str(path), reference_date=dt.date(2026, 1, 3)).date == "2025-12-29"
    assert read_source(str(path), date=dt.datetime(2025, 12, 30, 9)).date == "2025-12-30"
