"""Refuse documents that are clearly not English.

The coder's patterns, dictionaries and parser are English-only; on other languages it would
quietly find nothing, or find nonsense.  The check is deliberately lopsided: it rejects only
when the identifier is confident, because English news dense with foreign names (places,
ministers, parties) can look "foreign" to a character n-gram model.

A text written mostly in another script (Chinese, Arabic, Cyrillic ...) is refused before the
identifier is asked: it cannot be English whatever the model's confidence, and scripts
written without spaces hold too few "words" for the n-gram check to run at all.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from flashpoint.errors import NotEnglishError

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["check_english", "detect_language"]

SAMPLE_CHARS = 2500  # ~400 words: a confident guess; more text is no more informative (and
# the identifier reads every byte in Python, ~1 ms per 1,000 characters)
MIN_WORDS = 12  # below this, n-gram statistics are too thin to trust
REJECT_PROBABILITY = 0.9

# Labels that are not grounds for rejection: English itself, Nigerian Pidgin (English-based,
# and the model's usual runner-up for name-heavy English), and "no linguistic content".
_ACCEPTED = frozenset({"en", "pcm", "zxx"})

_WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 20  # fewer letters than this say nothing about the script
MIN_LATIN_SHARE = 0.5  # English quoting a foreign phrase stays far above this
_LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B
_LATIN_ADDITIONAL = ("\u1e00", "\u1eff")  # Latin Extended Additional (Vietnamese ...)


@functools.cache
def _identifier() -> LanguageIdentifier:
    """Load the py3langid model once, on first use: it takes most of a second."""
    from py3langid import langid

    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The likeliest ISO 639 language code of ``text`` and its probability (0-1)."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def check_english(text: str, name: str) -> None:
    """Raise NotEnglishError when ``text`` is confidently in another language."""
    sample = text[:SAMPLE_CHARS]
    script = _foreign_script(sample)
    if script is not None:
        lang, _ = detect_language(sample)
        what = f"{language_name(lang)} ({lang})" if lang not in _ACCEPTED else "another language"
        raise NotEnglishError(
            f"{name} is written mostly in {script} script and looks like {what}, not English; "
            "flashpoint codes English news only"
        )
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return
    lang, prob = detect_language(sample)
    if lang in _ACCEPTED or prob <= REJECT_PROBABILITY:
        return
    raise NotEnglishError(
        f"{name} looks like {language_name(lang)} ({lang}), not English; "
        "flashpoint codes English news only"
    )


def _foreign_script(sample: str) -> str | None:
    """The main script of ``sample`` when most of its letters are not Latin, else None."""
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    others = [
        c
        for c in letters
        if c >= _LATIN_END and not _LATIN_ADDITIONAL[0] <= c <= _LATIN_ADDITIONAL[1]
    ]
    if len(others) <= len(letters) * (1 - MIN_LATIN_SHARE):
        return None
    # Unicode names begin with the script: "CJK UNIFIED IDEOGRAPH-4E2D", "ARABIC LETTER ALEF".
    scripts = Counter(unicodedata.name(c, "OTHER ?").split()[0] for c in others)
    return scripts.most_common(1)[0][0].title().replace("Cjk", "CJK")


def language_name(code: str) -> str:
    """English name of an ISO 639 code, falling back to the code itself."""
    try:
        import pycountry
    except ImportError:  # a declared dependency, but a name is only cosmetic
        return code
    lookup = {"alpha_2": code} if len(code) == 2 else {"alpha_3": code}
    record = pycountry.languages.get(**lookup)
    return getattr(record, "name", code) if record is not None else code
