"""Issue 12: each input class that used to crash or hang a run is refused or repaired at the
ingest gate, by name (no spaCy model needed)."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from flashpoint.errors import InputError, InputTooLargeError, NotEnglishError
from flashpoint.ingest import article_from_text, decode_bytes, read_source
from flashpoint.ingest.article import check_date
from flashpoint.ingest.dateline import dateline_date
from flashpoint.ingest.documents import Document, Failure, iter_documents
from flashpoint.ingest.fetch import fetch_url

STORY = (
    "Egypt hosted talks with Qatar in Cairo on Monday about the Gaza ceasefire, officials "
    "said in a statement issued after the meeting."
)
CHINESE = (
    "中国外交部发言人周一表示，中方坚决反对美国对台湾出售武器，并敦促美方停止干涉中国内政。"
    "双方官员在北京举行了会谈，讨论了地区安全局势。"
)


def documents(*sources: object, date: str | None = "2025-12-30") -> list[Document | Failure]:
    return list(iter_documents([str(s) for s in sources], date=date))


# ---- text longer than the character limit ---------------------------------------------------


def test_text_over_the_character_limit_is_refused_by_name() -> None:
    prose = (STORY + " ") * (120_000 // len(STORY))  # ~120,000 characters, ~120 KB
    with pytest.raises(InputTooLargeError, match=r"^long\.txt has 1[0-9,]+ characters of text, "
                       r"over the 100,000-character limit"):  # fmt: skip
        article_from_text(prose, source="long.txt")
    one_line = "word " * 30_000
    with pytest.raises(InputTooLargeError, match="FLASHPOINT_MAX_CHARS"):
        article_from_text(one_line, source="line.txt")


def test_the_character_limit_is_a_setting_capped_at_spacys(monkeypatch) -> None:
    monkeypatch.setenv("FLASHPOINT_MAX_CHARS", "50")
    with pytest.raises(InputTooLargeError, match="over the 50-character limit"):
        article_from_text(STORY, source="x.txt")
    monkeypatch.setenv("FLASHPOINT_MAX_CHARS", "2000000")
    with pytest.raises(InputError, match=r"at most 1,000,000 \(spaCy's own limit\)"):
        article_from_text(STORY, source="x.txt")


# ---- NUL and lone surrogates -----------------------------------------------------------------


def test_a_lone_surrogate_and_nul_are_repaired_at_the_gate(tmp_path, caplog) -> None:
    lines = [
        {"text": STORY.replace("talks", "talks\ud800"), "title": "Cairo\ud800 talks"},
        {"text": STORY.replace("Qatar", "Qa\u0000tar")},
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))  # json escapes: \ud800, \u0000
    with caplog.at_level("WARNING", logger="flashpoint"):
        first, second = documents(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert "talks\ufffd" in first.article.text and "\ud800" not in first.article.text
    assert first.article.title == "Cairo\ufffd talks"
    assert second.article.text == STORY  # the NUL is dropped before any offset exists
    assert f"{path}:1: replaced 1 unpaired surrogate" in caplog.text
    assert f"{path}:2: dropped 1 NUL character" in caplog.text


# ---- dates at the edges of the calendar --------------------------------------------------------


@pytest.mark.parametrize("date", ["0001-01-01", "0001-01-01T00:00:00Z", "9999-12-31"])
def test_a_placeholder_date_in_jsonl_is_ignored_not_fatal(tmp_path, date) -> None:
    path = tmp_path / "zero.jsonl"
    path.write_text(json.dumps({"text": STORY, "date": date}))
    (document,) = documents(path, date="2025-12-30")
    assert isinstance(document, Document), document
    assert (document.article.date, document.date_source) == ("2025-12-30", "option")


def test_a_feed_entry_dated_year_one_keeps_the_feed(tmp_path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>A</title><description>{STORY}</description>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>"
        f"<item><title>B</title><description>{STORY} Qatar thanked Egypt.</description>"
        "<pubDate>Mon, 29 Dec 2025 08:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )
    first, second = documents(feed, date="2025-12-30")
    assert isinstance(first, Document) and first.article.date == "2025-12-30"
    assert isinstance(second, Document) and second.article.date == "2025-12-29"


def test_an_out_of_range_date_option_is_one_clear_error() -> None:
    import datetime as dt

    # The same bound for a date object (flashpoint.code(text, date=datetime.date(...))).
    for date in ("9999-12-31", "0001-01-01", dt.date(1, 1, 1), dt.datetime(9999, 12, 31)):
        with pytest.raises(InputError, match=r"outside the supported range 1800-01-01 to "):
            check_date(date)
    assert check_date(dt.datetime(2025, 12, 29, 23, 59)) == "2025-12-29"
    assert dateline_date("CAIRO, Dec 29, 0001 (Reuters) - Egypt hosted talks.") is None


# ---- a FIFO in a folder -----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(STORY + " Qatar thanked Egypt.")
    found: list[Document | Failure] = []
    walker = threading.Thread(target=lambda: found.extend(documents(tmp_path)), daemon=True)
    walker.start()
    walker.join(timeout=20)
    if walker.is_alive():  # unblock the reader so the test process can end
        with open(tmp_path / "b.txt", "w"):
            pass
        pytest.fail("the folder walk blocked on a FIFO")
    assert [type(item).__name__ for item in found] == ["Document", "Failure", "Document"]
    assert "is not a regular file" in found[1].reason


# ---- invalid UTF-8, non-English text -------------------------------------------------------------


def test_one_invalid_utf8_byte_does_not_switch_the_codec(caplog) -> None:
    data = ("Israel’s army said on Monday it had struck targets in Gaza. " * 3).encode()
    with caplog.at_level("WARNING", logger="flashpoint"):
        text = decode_bytes(data + b"\xff and more.", "story.txt")
    assert text.count("Israel’s") == 3 and "‚Äô" not in text
    assert text.endswith("\ufffd and more.")
    assert "story.txt: replaced 1 invalid UTF-8 byte sequence" in caplog.text


def test_legacy_code_pages_are_still_detected() -> None:
    text = decode_bytes("Israel’s army said on Monday it had struck".encode("cp1252"), "x")
    assert text == "Israel’s army said on Monday it had struck"


def test_chinese_is_refused_in_code_and_in_ingest(tmp_path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(CHINESE)
    with pytest.raises(NotEnglishError, match=r"zh\.txt is written mostly in CJK script"):
        read_source(str(path))  # what `flashpoint code` reads
    (failure,) = documents(path)  # what `flashpoint ingest` reads
    assert isinstance(failure, Failure) and "not English" in failure.reason
    # English quoting a line of Chinese is still English.
    article_from_text(STORY + " The banner read: 中国外交部发言人周一表示。", source="en.txt")


# ---- a server that trickles ----------------------------------------------------------------------


@pytest.fixture
def trickle(monkeypatch) -> Iterator[str]:
    """A local server that sends a byte every 50 ms: headers first, then the body, for 8 s."""
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    def drip(conn: socket.socket) -> None:
        request = conn.recv(4096).decode("latin-1")
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
        data = head + b"X-Slow: " if "/headers" in request else head + b"\r\n"
        try:
            conn.sendall(data)
            for _ in range(160):  # 8 s, then the server gives up and closes
                if stop.wait(0.05):
                    break
                conn.sendall(b"a")
        except OSError:
            pass
        finally:
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_trickling_server_meets_the_overall_deadline(trickle, path) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"no complete response within 1 s"):
        fetch_url(trickle + path, timeout=1.0, max_bytes=1_000_000)
    assert time.monotonic() - started < 3.0


def test_the_deadline_comes_from_the_setting(trickle, monkeypatch) -> None:
    monkeypatch.setenv("FLASHPOINT_FETCH_TIMEOUT", "0.5")
    started = time.monotonic()
    with pytest.raises(InputError, match=r"within 0\.5 s.*FLASHPOINT_FETCH_TIMEOUT"):
        read_source(trickle + "/body")
    assert time.monotonic() - started < 3.0
