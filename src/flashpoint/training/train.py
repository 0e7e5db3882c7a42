"""Train the event model from the repository's training data and write its weights and metrics.

    python -m flashpoint.training [--config training/event_model.toml] [--out FILE]

Everything that decides the result is in the config file (data sources, regularisation,
folds); the same config on the same data gives the same weights.  Steps:

1. parse the training texts (written sentences and stories, and the dev split of the article
   gold) with the coder's own pipeline, and turn every candidate word into an example;
2. cross-validate over the dev articles: for each fold, train on everything but the fold,
   code the fold's articles with the full coder and match its events to the gold.  This
   gives an honest dev estimate, and the (score, matched) pairs the confidence calibration
   is fitted on (candidates/calibration.py);
3. train the final model on everything, attach the calibration, save it;
4. score the held-out written sentences (never trained on) at candidate level.

The metrics are written next to the weights (``.metrics.json``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse as sp

from ..coding.candidates.calibration import Calibration
from ..coding.candidates.event_model import EventModel
from ..coding.candidates.lexicon import load_lexicon
from ..coding.candidates.word_vectors import load_word_vectors
from ..nlp import load_nlp
from .data import LabelledText, read_article_dev, read_synthetic
from .examples import NONE, Examples, build_examples, event_noun_vocabulary, parse
from .splits import synthetic_held_out

REPO = Path(__file__).resolve().parents[3]
DEFAULT_CONFIG = REPO / "training" / "event_model.toml"


def load_items(config: dict) -> tuple[list[LabelledText], list[LabelledText]]:
    """(training items, held-out written sentences): the dev articles train, never test."""
    data = config["data"]
    train, test = [], []
    for item in read_synthetic(REPO / data["synthetic"]):
        (test if synthetic_held_out(item.group) else train).append(item)
    return train, test


def load_articles(config: dict) -> list[LabelledText]:
    gold = config["data"].get("article_dev")
    if not gold:
        return []
    left_out = set(config["data"].get("article_dev_left_out", ()))
    return [a for a in read_article_dev(REPO / gold) if a.id not in left_out]


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


def merge(parts: list[Examples]) -> Examples:
    out = Examples()
    for part in parts:
        out.sparse += part.sparse
        out.dense += part.dense
        out.labels += part.labels
        out.codes += part.codes
        out.groups += part.groups
        out.sources += part.sources
        out.words += part.words
        out.lemmas += part.lemmas
        out.sentences += part.sentences
    return out


def fit(examples: Examples, nouns: frozenset[str], config: dict) -> EventModel:
    """A logistic regression over the examples' sparse and dense features."""
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(examples, config["feature_min_count"])
    dense = examples.matrix()
    mean, scale = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    weight = config["dense_weight"]
    x_train = design(examples, vocab, mean, scale, weight)
    classes = [NONE, *sorted(set(examples.labels) - {NONE})]
    y_train = np.array([classes.index(label) for label in examples.labels])
    classifier = LogisticRegression(
        C=config["C"], max_iter=config["max_iter"], random_state=config["seed"], tol=1e-4
    )
    classifier.fit(x_train, y_train)
    full = np.zeros((len(classes), x_train.shape[1]), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)  # a class never seen stays unlikely
    for row, cls in enumerate(classifier.classes_):
        full[cls] = classifier.coef_[row]
        bias[cls] = classifier.intercept_[row]
    return EventModel(
        classes=classes,
        vocabulary=vocab,
        sparse_weights=full[:, : len(vocab)].T.copy(),
        dense_weights=full[:, len(vocab) :].T.copy(),
        bias=bias,
        dense_mean=mean.astype(np.float32),
        dense_scale=(scale / weight).astype(np.float32),
        event_nouns=nouns,
        codes=code_table(examples),
        metadata={"config": config, "candidates": len(examples.labels), "features": len(vocab)},
    )


def cross_validate(
    config: dict,
    synthetic: Examples,
    articles: list[LabelledText],
    article_examples: list[Examples],
    nouns: frozenset[str],
) -> tuple[list[tuple[list[float], int]], dict]:
    """Code each fold of dev articles with a model trained without it; match to the gold.

    Returns the calibration rows (features, matched) and the pooled event-level scores.
    """
    from ..coding.assembly.coder import Coder
    from ..evaluation.article_run import score_articles
    from ..evaluation.articles import read_article_gold

    gold = {a.file: a for a in read_article_gold(REPO / config["data"]["article_dev"])}
    folds = config["calibration_folds"]
    rows: list[tuple[list[float], int]] = []
    totals = Counter()
    with tempfile.TemporaryDirectory() as folder:
        for k in range(folds):
            held = {
                a.id for i, a in enumerate(sorted(articles, key=lambda a: a.id)) if i % folds == k
            }
            train_parts = [synthetic] + [
                ex for a, ex in zip(articles, article_examples, strict=True) if a.id not in held
            ]
            model = fit(merge(train_parts), nouns, config)
            path = Path(folder) / f"fold{k}.npz"
            model.save(path)
            coder = Coder(event_model=str(path), keep_scores=True)
            report = score_articles([gold[name] for name in sorted(held)], coder, "cv", "dev")
            level = report.levels["event"]
            totals.update(tp=level.tp, fp=level.fp, fn=level.fn)
            for match in report.matches.values():
                hit = {id(c) for c, _ in match.hits}
                for coded in [c for c, _ in match.hits] + match.extras:
                    assert coder.scores is not None
                    rows.append((coder.scores[coded.ref.event_id], int(id(coded) in hit)))
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scores = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
              "tp": tp, "fp": fp, "fn": fn}  # fmt: skip
    return rows, scores


def fit_calibration(rows: list[tuple[list[float], int]]) -> Calibration | None:
    from sklearn.linear_model import LogisticRegression

    labels = [label for _, label in rows]
    if len(set(labels)) < 2:
        return None
    classifier = LogisticRegression(C=1.0, max_iter=1000)
    classifier.fit(np.array([features for features, _ in rows]), np.array(labels))
    return Calibration(
        tuple(float(w) for w in classifier.coef_[0]), float(classifier.intercept_[0])
    )


def threshold_table(
    calibration: Calibration, rows: list[tuple[list[float], int]], gold_total: int
) -> dict[str, dict]:
    """Precision and recall of the cross-validated dev events kept at each confidence."""
    scored = [(calibration.probability(features), label) for features, label in rows]
    table = {}
    for threshold in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6):
        kept = [label for p, label in scored if p >= threshold]
        hits = sum(kept)
        table[f"{threshold:.1f}"] = {
            "events": len(kept),
            "precision": round(hits / len(kept), 4) if kept else None,
            "recall": round(hits / gold_total, 4) if gold_total else None,
        }
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


def held_out_metrics(model: EventModel, examples: Examples, count: int) -> dict:
    if not examples.labels:
        return {"held_out_texts": count, "held_out_candidates": 0}
    probabilities = model.probabilities(examples.sparse, examples.matrix())
    predicted_classes = [model.classes[i] for i in probabilities.argmax(axis=1)]
    predicted = [c if c == NONE else c[:2] for c in predicted_classes]
    gold = [c if c == NONE else c[:2] for c in examples.labels]
    is_event_gold = [g != NONE for g in gold]
    is_event_pred = [p != NONE for p in predicted]
    tp = sum(a and b for a, b in zip(is_event_gold, is_event_pred, strict=True))
    classes = per_class(gold, predicted)
    gold_types = [c if c == NONE else c[3:] for c in examples.labels]
    predicted_types = [c if c == NONE else c[3:] for c in predicted_classes]
    types = per_class(gold_types, predicted_types)
    return {
        "held_out_texts": count,
        "held_out_candidates": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4),
        "detection_precision": round(tp / max(sum(is_event_pred), 1), 4),
        "detection_recall": round(tp / max(sum(is_event_gold), 1), 4),
        "root_macro_f1": round(float(np.mean([c["f1"] for c in classes.values()])), 4),
        "plover_macro_f1": round(float(np.mean([c["f1"] for c in types.values()])), 4),
        "per_root": classes,
        "per_plover_type": types,
    }


def train(config: dict, out: Path) -> dict:
    started = time.time()
    nlp = load_nlp(config.get("model"))
    lexicon = load_lexicon()
    vectors = load_word_vectors()
    train_items, test_items = load_items(config)
    articles = load_articles(config)
    train_docs = parse(nlp, train_items)
    article_docs = parse(nlp, articles)
    nouns = event_noun_vocabulary(
        train_items + articles, train_docs + article_docs, config["event_noun_min_count"]
    )
    synthetic = build_examples(train_items, train_docs, lexicon, vectors, nouns)
    article_examples = [
        build_examples([a], [d], lexicon, vectors, nouns)
        for a, d in zip(articles, article_docs, strict=True)
    ]
    metrics: dict = {}
    calibration = None
    if articles and config.get("calibration_folds"):
        rows, metrics["cross_validated_dev_articles"] = cross_validate(
            config, synthetic, articles, article_examples, nouns
        )
        calibration = fit_calibration(rows)
        metrics["calibration_events"] = len(rows)
        if calibration is not None:
            gold_total = (
                metrics["cross_validated_dev_articles"]["tp"]
                + metrics["cross_validated_dev_articles"]["fn"]
            )
            metrics["precision_by_confidence"] = threshold_table(calibration, rows, gold_total)
    model = fit(merge([synthetic, *article_examples]), nouns, config)
    model.calibration = calibration
    model.metadata.update(train_texts=len(train_items), dev_articles=len(articles))
    model.save(out)
    test_examples = build_examples(test_items, parse(nlp, test_items), lexicon, vectors, nouns)
    metrics.update(held_out_metrics(model, test_examples, len(test_items)))
    metrics["seconds"] = round(time.time() - started, 1)
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
    keep = {k: v for k, v in metrics.items() if not k.startswith("per_")}
    print(json.dumps(keep, indent=1))


if __name__ == "__main__":
    main()
