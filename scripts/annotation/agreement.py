"""Agreement between two independent annotations of the same articles, before adjudication.

    python scripts/annotation/agreement.py gold/articles/a.jsonl gold/articles/b.jsonl

Prints, over the articles both files cover:
- event-level F1 with one annotation taken as reference (symmetric), matching events on
  sentence + source country + target country + CAMEO root — the rule `flashpoint eval` uses;
- the same at full code and ignoring actors (sentence + root);
- Cohen's kappa on CAMEO root over events the two matched on sentence + source and target
  country (the pairs whose root they could have disagreed on).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from flashpoint.evaluation.articles import CodedEvent, GoldEvent, match_article, read_article_gold


def as_coded(event: GoldEvent) -> CodedEvent:
    start = event.trigger[0] if event.trigger else event.sentence[0]
    return CodedEvent(
        trigger_start=start,
        source_country=event.source.country if event.source else None,
        target_country=event.target.country if event.target else None,
        source_sector=event.source.sector if event.source else None,
        target_sector=event.target.sector if event.target else None,
        cameo=event.cameo,
        plover_type=event.plover_type,
        ref=event,
    )


def as_reference(events: list[GoldEvent]) -> list[GoldEvent]:
    """Every annotated event counts as required: agreement is measured before adjudication."""
    return [
        GoldEvent(**{**{f: getattr(e, f) for f in e.__slots__}, "status": "gold"}) for e in events
    ]


def f1(a_events, b_events, level: str) -> tuple[int, int, int]:
    match = match_article(as_reference(a_events), [as_coded(e) for e in b_events], level)
    return len(match.hits), len(match.extras), len(match.misses)


def kappa(pairs: list[tuple[str, str]]) -> float:
    if not pairs:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / len(pairs)
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / len(pairs) ** 2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def dyad_pairs(a_events, b_events) -> list[tuple[str, str]]:
    """Roots of events matched on sentence + dyad, same-root pairs taken first."""
    pool: dict[tuple, list[GoldEvent]] = {}
    for e in b_events:
        key = (
            e.sentence,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
        )
        pool.setdefault(key, []).append(e)
    pairs = []
    leftovers = []
    for e in a_events:
        key = (
            e.sentence,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
        )
        same = [b for b in pool.get(key, []) if b.cameo[:2] == e.cameo[:2]]
        if same:
            pool[key].remove(same[0])
            pairs.append((e.cameo[:2], same[0].cameo[:2]))
        else:
            leftovers.append((key, e))
    for key, e in leftovers:
        if pool.get(key):
            pairs.append((e.cameo[:2], pool[key].pop(0).cameo[:2]))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    a = {x.file: x for x in read_article_gold(args.a, load_texts=False)}
    b = {x.file: x for x in read_article_gold(args.b, load_texts=False)}
    common = sorted(set(a) & set(b))
    out = {"articles": len(common), "events_a": 0, "events_b": 0}
    pairs: list[tuple[str, str]] = []
    for level in ("event", "code", "detection"):
        tp = fp = fn = 0
        for name in common:
            h, x, m = f1(a[name].events, b[name].events, level)
            tp, fp, fn = tp + h, fp + x, fn + m
        out[f"f1_{level}"] = round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else None
    for name in common:
        out["events_a"] += len(a[name].events)
        out["events_b"] += len(b[name].events)
        pairs += dyad_pairs(a[name].events, b[name].events)
    out["dyad_matched_pairs"] = len(pairs)
    out["root_agreement"] = round(sum(x == y for x, y in pairs) / len(pairs), 4) if pairs else None
    out["kappa_root"] = round(kappa(pairs), 4)
    print(json.dumps(out, indent=None if not args.json else 1))


if __name__ == "__main__":
    main()
