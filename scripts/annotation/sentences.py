"""Print an article's sentences, numbered, with their character offsets: the units annotators code.

    python scripts/annotation/sentences.py ../shared/eval/articles/wikinews-010.txt

Sentences come from flashpoint's own spaCy pipeline (the same segmentation the coder sees), so
gold sentences and coded sentences line up; annotators refer to a sentence by its number ``S<n>``.
Only the segmentation is shown: annotators never see the coder's events.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from flashpoint.nlp.pipeline import load_nlp


def article_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, trailing whitespace excluded."""
    doc = load_nlp()(text)
    spans = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--json", action="store_true", help="one JSON object per sentence")
    args = parser.parse_args()
    text = args.article.read_text(encoding="utf-8")
    for n, (start, end) in enumerate(article_sentences(text)):
        if args.json:
            print(json.dumps({"s": n, "start": start, "end": end, "text": text[start:end]}))
        else:
            print(f"S{n} [{start}-{end}] {text[start:end]}")


if __name__ == "__main__":
    main()
