"""Cross-validated article-level scores on the dev split: an honest estimate while the model
also trains on dev articles.

    python scripts/experiments/cv_dev.py [--folds 5] [--config training/event_model.toml]

Each fold trains a model on the synthetic data plus the dev articles outside the fold, codes
the fold's articles with it, and scores them against their gold; the tallies are summed.  The
test split is never read.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import tomllib
from pathlib import Path

from flashpoint.coding.assembly.coder import Coder
from flashpoint.evaluation.article_run import evaluate_articles
from flashpoint.evaluation.articles import LEVELS
from flashpoint.evaluation.metrics import Score
from flashpoint.training.train import REPO, train

GOLD = REPO / "gold" / "articles" / "gold.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--config", type=Path, default=REPO / "training" / "event_model.toml")
    parser.add_argument("--no-articles", action="store_true", help="train on synthetic only")
    args = parser.parse_args()
    config = tomllib.loads(args.config.read_text())
    config["data"]["article_dev"] = "" if args.no_articles else "gold/articles/gold.jsonl"
    lines = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
    dev = sorted((r for r in lines if r["split"] == "dev"), key=lambda r: r["file"])
    totals = {level: Score() for level in LEVELS}
    with tempfile.TemporaryDirectory() as folder:
        for k in range(args.folds):
            fold = [r for i, r in enumerate(dev) if i % args.folds == k]
            config["data"]["article_dev_left_out"] = [r["file"] for r in fold]
            model_path = Path(folder) / f"fold{k}.npz"
            train(config, model_path)
            gold_path = Path(folder) / f"fold{k}.jsonl"
            gold_path.write_text("".join(json.dumps(r) + "\n" for r in fold))
            coder = Coder(event_model=str(model_path))
            report = evaluate_articles(gold_path, coder, texts=REPO.parent / "shared/eval/articles")
            for level, score in report.levels.items():
                totals[level].tp += score.tp
                totals[level].fp += score.fp
                totals[level].fn += score.fn
            print(f"fold {k}: event F1 {report.levels['event'].f1:.3f}", flush=True)
    for level, score in totals.items():
        print(
            f"{level:<10} P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
            f"(tp {score.tp} fp {score.fp} fn {score.fn})"
        )


if __name__ == "__main__":
    main()
