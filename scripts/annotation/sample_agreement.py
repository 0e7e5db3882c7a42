"""Agreement between the written training sentences' labels and a blind second annotation.

    python scripts/annotation/sample_agreement.py training/data/synthetic SECOND.jsonl

Scores the sentences of SECOND.jsonl (the second annotator's labels of a random sample) against
the writers' labels of the same sentences, as agreement.py scores two article annotations:
event-level F1 on sentence + source/target country + root, sentence + root F1, and Cohen's
kappa on the root of events matched on dyad.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flashpoint.evaluation.sentence_events import read_sentence_events

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreement import as_coded, dyad_pairs, kappa

from flashpoint.evaluation.articles import match_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("writers", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    ids = {json.loads(x)["id"] for x in args.second.read_text().splitlines() if x.strip()}
    first = {a.file: a for a in read_sentence_events(args.writers) if a.file in ids}
    second = {a.file: a for a in read_sentence_events(args.second)}
    out: dict = {"sentences": len(ids)}
    for level in ("event", "detection"):
        tp = fp = fn = 0
        for name in ids:
            m = match_article(first[name].events, [as_coded(e) for e in second[name].events], level)
            tp, fp, fn = tp + len(m.hits), fp + len(m.extras), fn + len(m.misses)
        out[f"f1_{level}"] = round(2 * tp / (2 * tp + fp + fn), 4)
    pairs = [p for name in ids for p in dyad_pairs(first[name].events, second[name].events)]
    out["kappa_root"] = round(kappa(pairs), 4)
    agree_none = sum((not first[n].events) == (not second[n].events) for n in ids) / len(ids)
    out["event_vs_no_event_agreement"] = round(agree_none, 4)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
