"""decode_bytes: encodings are detected, binary input is refused with a useful message."""

from __future__ import annotations

import codecs

import pytest

from flashpoint.errors import BinaryInputError, DecodeError
from flashpoint.ingest import decode_bytes

SENTENCE = "The président of the Comité met officials in Zürich and São Paulo on Tuesday."


def test_utf8_is_decoded() -> None:
    assert decode_bytes(SENTENCE.encode("utf-8"), "story.txt") == SENTENCE


def test_utf8_bom_is_stripped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "story.txt") == SENTENCE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    assert decode_bytes(bom + SENTENCE.encode(codec), "story.txt") == SENTENCE


def test_latin1_is_decoded() -> None:
    text = "Le café était très bon, the minister told reporters in Zürich on Tuesday."
    assert decode_bytes(text.encode("latin-1"), "story.txt") == text


def test_short_latin1_is_not_misread_as_utf16() -> None:
    # charset-normalizer alone reads these four bytes as one CJK character of BOM-less UTF-16.
    assert decode_bytes(b"caf\xe9", "story.txt") == "café"


def test_cp1252_smart_quotes_are_decoded() -> None:
    text = "The minister said “we will not retreat” — and the crowd outside the café cheered."
    assert decode_bytes(text.encode("cp1252"), "story.txt") == text


def test_declared_latin1_charset_is_read_as_cp1252() -> None:
    # Servers label Windows-1252 pages "iso-8859-1"; browsers (and we) read them as cp1252.
    data = "He called it a “fragile” truce.".encode("cp1252")
    assert decode_bytes(data, "page", encoding="iso-8859-1") == "He called it a “fragile” truce."


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n", "story.txt") == "one\ntwo\nthree\n"


def test_nul_bytes_are_binary_and_message_names_file_and_offset() -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(b"Hello there\x00\x01\x02 world", "story.bin")
    message = str(info.value)
    assert message.startswith("story.bin looks like binary data (NUL bytes at offset 11)")
    assert "pass a .txt or .html news article" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"\x1f\x8b\x08\x00", "a gzip-compressed file"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError, match=f"^photo.dat looks like {what}"):
        decode_bytes(data, "photo.dat")


def test_many_control_characters_are_binary() -> None:
    data = b"ab\x01\x02\x03cd\x04\x05\x06ef" * 50
    with pytest.raises(BinaryInputError, match=r"control characters in the first"):
        decode_bytes(data, "dump.txt")


def test_text_with_tabs_and_form_feeds_is_not_binary() -> None:
    data = b"Column\tvalue\fNext page\n" * 40
    assert decode_bytes(data, "story.txt").startswith("Column\tvalue\fNext page")


def test_undecodable_bytes_raise_decode_error() -> None:
    # High bytes in no sensible order: no code page turns this into coherent text.
    data = bytes((i * 37 + 11) % 128 + 128 for i in range(3000))
    with pytest.raises(DecodeError, match=r"^blob.txt is not valid UTF-8"):
        decode_bytes(data, "blob.txt")


def test_bad_utf16_after_bom_raises_decode_error() -> None:
    with pytest.raises(DecodeError, match="UTF-16 byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "odd.txt")


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"", "empty.txt") == ""
