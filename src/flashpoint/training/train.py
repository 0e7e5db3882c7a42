"""Train the event model from the repository's training data and write its weights and metrics.

    python -m flashpoint.training [--config training/event_model.toml] [--out FILE]

Everything that decides the result is in the config file (data sources, held-out share,
regularisation, seed); the same config on the same data gives the same weights.  The metrics
of the held-out part are written next to the weights (``.metrics.json``).
"""

from __future__ import annotations

import argparse
import json
import time
import tomllib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse as sp

from ..coding.candidates.event_model import EventModel
from ..coding.candidates.lexicon import load_lexicon
from ..coding.candidates.word_vectors import load_word_vectors
from ..nlp import load_nlp
from .data import LabelledText, read_article_dev, read_synthetic
from .examples import NONE, Examples, build_examples, event_noun_vocabulary, parse
from .splits import held_out

REPO = Path(__file__).resolve().parents[3]
DEFAULT_CONFIG = REPO / "training" / "event_model.toml"
CLASSES = [NONE] + [f"{n:02d}" for n in range(1, 21)]


def load_items(config: dict) -> tuple[list[LabelledText], list[LabelledText]]:
    data = config["data"]
    seed, share = config["seed"], data["held_out_share"]
    train, test = [], []
    for item in read_synthetic(REPO / data["synthetic"]):
        (test if held_out(item.group, share, seed) else train).append(item)
    if data.get("article_dev"):
        gold = REPO / data["article_dev"]
        left_out = set(data.get("article_dev_left_out", ()))  # cross-validation folds
        train += [a for a in read_article_dev(gold) if a.id not in left_out]
    return train, test


def vocabulary(examples: Examples, min_count: int) -> dict[str, int]:
    counts = Counter(f for row in examples.sparse for f in set(row))
    kept = sorted(f for f, n in counts.items() if n >= min_count)
    return {f: i for i, f in enumerate(kept)}


def design(examples: Examples, vocab: dict[str, int], mean, scale, weight: float) -> sp.csr_matrix:  # type: ignore[no-untyped-def]
    rows, cols = [], []
    for r, features in enumerate(examples.sparse):
        for f in set(features):
            col = vocab.get(f)
            if col is not None:
                rows.append(r)
                cols.append(col)
    onehot = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(examples.sparse), len(vocab)),
    )
    # The dense vectors are scaled down against the one-hot features: at full weight their
    # hundreds of dimensions let the regression fit the style of the training sentences
    # rather than the words of the event (measured on the dev articles, docs/model-card.md).
    dense = (examples.matrix() - mean) / scale * weight
    return sp.hstack([onehot, sp.csr_matrix(dense)], format="csr")


def code_table(examples: Examples, min_count: int = 2) -> dict[str, str]:
    """The most frequent CAMEO code of each (root, word lemma), and of each root."""
    by_word: dict[str, Counter] = {}
    by_root: dict[str, Counter] = {}
    for label, code, lemma in zip(examples.labels, examples.codes, examples.lemmas, strict=True):
        if label == NONE:
            continue
        by_word.setdefault(f"{label}|{lemma}", Counter())[code] += 1
        by_root.setdefault(f"{label}|*", Counter())[code] += 1
    table = {k: c.most_common(1)[0][0] for k, c in by_root.items()}
    for key, counts in by_word.items():
        code, count = counts.most_common(1)[0]
        if count >= min_count:
            table[key] = code
    return table


def per_class(gold: list[str], predicted: list[str]) -> dict[str, dict]:
    out = {}
    for label in sorted(set(gold) | set(predicted)):
        if label == NONE:
            continue
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                      "support": tp + fn}  # fmt: skip
    return out


def train(config: dict, out: Path) -> dict:
    from sklearn.linear_model import LogisticRegression

    started = time.time()
    nlp = load_nlp(config.get("model"))
    lexicon = load_lexicon()
    vectors = load_word_vectors()
    train_items, test_items = load_items(config)
    train_docs = parse(nlp, train_items)
    nouns = event_noun_vocabulary(train_items, train_docs, config["event_noun_min_count"])
    train_examples = build_examples(train_items, train_docs, lexicon, vectors, nouns)
    test_examples = build_examples(test_items, parse(nlp, test_items), lexicon, vectors, nouns)
    vocab = vocabulary(train_examples, config["feature_min_count"])
    dense = train_examples.matrix()
    mean, scale = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    weight = config["dense_weight"]
    x_train = design(train_examples, vocab, mean, scale, weight)
    y_train = np.array([CLASSES.index(label) for label in train_examples.labels])
    classifier = LogisticRegression(
        C=config["C"], max_iter=config["max_iter"], random_state=config["seed"], tol=1e-4
    )
    classifier.fit(x_train, y_train)
    full = np.zeros((len(CLASSES), x_train.shape[1]), dtype=np.float32)
    bias = np.full(len(CLASSES), -30.0, dtype=np.float32)  # a class never seen stays unlikely
    for row, cls in enumerate(classifier.classes_):
        full[cls] = classifier.coef_[row]
        bias[cls] = classifier.intercept_[row]
    model = EventModel(
        classes=CLASSES,
        vocabulary=vocab,
        sparse_weights=full[:, : len(vocab)].T.copy(),
        dense_weights=full[:, len(vocab) :].T.copy(),
        bias=bias,
        dense_mean=mean.astype(np.float32),
        dense_scale=(scale / weight).astype(np.float32),
        event_nouns=nouns,
        codes=code_table(train_examples),
        metadata={
            "config": config,
            "train_texts": len(train_items),
            "train_candidates": len(train_examples.labels),
            "features": len(vocab),
        },
    )
    model.save(out)
    probabilities = model.probabilities(test_examples.sparse, test_examples.matrix())
    predicted = [CLASSES[i] for i in probabilities.argmax(axis=1)]
    gold = test_examples.labels
    is_event_gold = [g != NONE for g in gold]
    is_event_pred = [p != NONE for p in predicted]
    tp = sum(a and b for a, b in zip(is_event_gold, is_event_pred, strict=True))
    detection_p = tp / max(sum(is_event_pred), 1)
    detection_r = tp / max(sum(is_event_gold), 1)
    classes = per_class(gold, predicted)
    metrics = {
        "held_out_texts": len(test_items),
        "held_out_candidates": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4),
        "detection_precision": round(detection_p, 4),
        "detection_recall": round(detection_r, 4),
        "root_macro_f1": round(float(np.mean([c["f1"] for c in classes.values()])), 4),
        "per_root": classes,
        "seconds": round(time.time() - started, 1),
    }
    out.with_suffix(".metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    config = tomllib.loads(args.config.read_text())
    out = args.out or REPO / "src/flashpoint/coding/candidates/data/event_model.npz"
    metrics = train(config, out)
    print(json.dumps({k: v for k, v in metrics.items() if k != "per_root"}, indent=1))


if __name__ == "__main__":
    main()
