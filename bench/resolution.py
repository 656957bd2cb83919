"""Resolution quality on hand-made sets of name pairs (tests/data/resolution_pairs*.jsonl).

Each pair is two records of an entity as two documents give them (type, names, organizations,
places) and whether they are the same thing. Prints precision and recall of
dossier.resolve.matching.match over each set, by kind, and lists the errors.

The development set (South Asian and Middle Eastern groups) is the one the rules were written
against; the held-out set (other regions, written without reading the resolver) measures how
they carry over. Targets: precision >= 0.97, recall >= 0.90.

    python bench/resolution.py [--pairs FILE ...] [--errors]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from dossier.resolve.matching import Record, match

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
PAIRS = [DATA / "resolution_pairs.jsonl", DATA / "resolution_pairs_heldout.jsonl"]


def record(side: dict) -> Record:
    context = side.get("context") or {}
    return Record(side["type"], tuple(side["names"]), tuple(context.get("organizations") or ()),
                  tuple(context.get("places") or ()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, nargs="+", default=PAIRS)
    ap.add_argument("--errors", action="store_true", help="list the pairs decided wrongly")
    args = ap.parse_args()
    for path in args.pairs:
        score(path, args.errors)


def score(path: Path, show_errors: bool) -> None:
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    outcome: Counter = Counter()
    by_kind: dict[str, Counter] = {}
    errors = []
    for pair in pairs:
        found = match(record(pair["a"]), record(pair["b"]))
        said, truth = found is not None, bool(pair["same"])
        cell = ("t" if said == truth else "f") + ("p" if said else "n")
        outcome[cell] += 1
        by_kind.setdefault(pair["kind"], Counter())[cell] += 1
        if said != truth:
            errors.append((pair, found))
    tp, fp, fn = outcome["tp"], outcome["fp"], outcome["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"== {path.name}")
    print(f"pairs                {len(pairs)} ({tp + fn} same, {fp + outcome['tn']} different)")
    print(f"precision            {precision:.3f}  ({tp} of {tp + fp} merges right)  target >= 0.97")
    print(f"recall               {recall:.3f}  ({tp} of {tp + fn} same-entity pairs merged)  target >= 0.90")
    print("by kind              right / pairs")
    for kind, c in sorted(by_kind.items()):
        print(f"  {kind:<18} {c['tp'] + c['tn']:>4} / {sum(c.values())}")
    if show_errors:
        for pair, found in errors:
            said = found.reason() if found else "different"
            print(f"\n{'same' if pair['same'] else 'different'} ({pair['kind']}), said {said}:\n"
                  f"  a {pair['a']}\n  b {pair['b']}\n  {pair.get('why', '')}")
    print()


if __name__ == "__main__":
    main()
