"""Bytes to text: refuse binary files, then find the encoding.

News arrives as UTF-8 almost always, sometimes as a legacy Windows code page, and now and then
as something that is not text at all (a PDF, a photo, a zipped export).  Binary input is refused
with a message that says what it looks like, because decoding it "successfully" would feed
garbage to the coder and produce nonsense events instead of an error.
"""

from __future__ import annotations

import codecs
import logging

import charset_normalizer

from flashpoint.errors import BinaryInputError, DecodeError

__all__ = ["decode_bytes"]

_log = logging.getLogger(__name__)

# Leading bytes of formats people plausibly mistake for an article.  ZIP covers .docx/.epub too.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (Word .docx and .epub files are ZIP archives too)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (.doc/.xls)"),
)

# UTF-32 first: its little-endian mark begins with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SNIFF = 8192  # bytes inspected for control characters
_MAX_CONTROL_RATIO = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")

# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding Standard);
# servers still send those labels for cp1252 text with curly quotes.
_WHATWG_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}

# Code pages that decode Western European text correctly.  Single-byte detection is a guess:
# English news with a few accented names decodes "cleanly" under many Latin code pages, and on
# short texts the detector's mess score barely separates them.  Among candidates within
# _WESTERN_MARGIN of the best score, a Western one is by far the likeliest for English sources;
# non-Latin scripts (Cyrillic, Greek) score far worse under these and are unaffected.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15"})
_WESTERN_MARGIN = 0.1

_ADVICE = "pass a .txt or .html news article"

# A text holding valid multi-byte UTF-8 is UTF-8: legacy code pages almost never form those
# sequences by chance.  A few invalid bytes in it (a truncated character, a stray Windows
# quote pasted in) are replaced by U+FFFD rather than the whole file being read in a wrong
# code page ("Israel’s" read as Mac Roman is "Israel‚Äôs" everywhere).  When bad sequences
# outnumber good characters the file is more likely in another encoding, and detection decides.


def decode_bytes(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """Decode a document's bytes to text with ``\\n`` newlines, or raise a one-line error.

    ``name`` is used only in messages.  ``encoding`` is a charset declared by the transport
    (an HTTP Content-Type); it is tried after strict UTF-8, never instead of it.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(
                f"{name} looks like {what}, not text or HTML; extract its text first or {_ADVICE}"
            )
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _normalise_newlines(_decode_with_bom(data, codec, name))
    _reject_binary(data, name)
    return _normalise_newlines(_decode_unmarked(data, name, encoding))


def _decode_with_bom(data: bytes, codec: str, name: str) -> str:
    try:
        # The "utf-16"/"utf-32" codecs read the byte-order mark and drop it.
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{name} starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()}"
            f" (bad bytes at offset {exc.start}); re-save it as UTF-8"
        ) from None


def _reject_binary(data: bytes, name: str) -> None:
    nul = data.find(b"\x00")
    if nul != -1:
        raise BinaryInputError(
            f"{name} looks like binary data (NUL bytes at offset {nul}), not text or HTML; "
            f"{_ADVICE}"
        )
    head = data[:_SNIFF]
    if not head:
        return
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    ratio = controls / len(head)
    if ratio > _MAX_CONTROL_RATIO:
        raise BinaryInputError(
            f"{name} looks like binary data ({ratio:.0%} control characters in the first "
            f"{len(head):,} bytes), not text or HTML; {_ADVICE}"
        )


def _decode_unmarked(data: bytes, name: str, declared: str | None) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _lookup(declared)
    if codec is not None and codec != "utf_8":
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass  # the label was wrong; fall back to detection
    mostly = _mostly_utf8(data, name)
    if mostly is not None:
        return mostly
    guessed = _guess(data)
    if guessed is None:
        raise DecodeError(
            f"{name} is not valid UTF-8 and no other text encoding fits it; "
            "re-save it as UTF-8 text"
        )
    return guessed


def _mostly_utf8(data: bytes, name: str) -> str | None:
    """``data`` as UTF-8 with its few invalid bytes replaced (and a note), when it is evidently
    UTF-8: it holds valid multi-byte characters, and no fewer of them than bad sequences."""
    text = data.decode("utf-8", errors="replace")
    # U+FFFD in the result: one per invalid sequence, less those the file itself spelled.
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if c > "\x7f") - bad
    if multibyte < 1 or bad > multibyte:
        return None
    _log.warning("%s: replaced %d invalid UTF-8 byte sequence%s by U+FFFD", name, bad,
                 "s"[: bad > 1])  # fmt: skip
    return text


def _lookup(label: str | None) -> str | None:
    if not label:
        return None
    try:
        codec = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(codec, codec)


def _guess(data: bytes) -> str | None:
    """Best legacy decoding by charset-normalizer, preferring Western code pages near a tie."""
    # charset-normalizer already drops candidates whose output is too "chaotic" (mojibake).
    # UTF-16/32 without a byte-order mark is excluded: real UTF-16 text holds NUL bytes and was
    # refused above, so such a guess is the detector misreading a short 8-bit text.
    matches = [m for m in charset_normalizer.from_bytes(data) if not m.encoding.startswith("utf_")]
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        # could_be_from_charset lists every code page giving this very same text.
        if match.chaos <= best.chaos + _WESTERN_MARGIN and _WESTERN.intersection(
            match.could_be_from_charset
        ):
            return str(match)
    return str(best)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
