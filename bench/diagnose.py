"""What the extractor gets wrong on one corpus: missed and spurious entities, aliases, relations, events.

    python bench/diagnose.py [--corpus ../shared/corpus/dev] [--only NAME] [--section entities]

Uses score.py's own matching (imported from ../shared/eval), so what it lists is what the score counts.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from dossier.read import read_document
from dossier.registry import build_registry
from dossier.export.extract_json import to_extract_json

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(path: Path, registry, extractor) -> dict:
    doc = read_document(path, registry.readers)
    extraction = extractor.extract(doc)
    meta = {"title": doc.title, "date": doc.date, "authors": doc.authors, "publisher": doc.publisher}
    return to_extract_json(meta, extraction, doc.sources)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--gold", type=Path, help="folder of NAME.gold.json (default: the corpus folder)")
    ap.add_argument("--only", help="document name")
    ap.add_argument("--section", default="all", choices=["all", "entities", "aliases", "relations", "events"])
    ap.add_argument("--extractor", default="builtin")
    args = ap.parse_args()
    score = load_scorer(SCORER)
    registry = build_registry()
    extractor = registry.extractor(args.extractor)
    gold_dir = args.gold or args.corpus
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        if args.only and stem != args.only:
            continue
        doc_path = next(p for p in args.corpus.iterdir() if p.stem == stem and not p.name.endswith(".json"))
        pred, gold = predict(doc_path, registry, extractor), json.loads(gold_path.read_text())
        show(stem, pred, gold, score, args.section)


def show(stem: str, pred: dict, gold: dict, score, section: str) -> None:
    mapping = score.align_entities(pred, gold)
    back = {g: p for p, g in mapping.items()}
    gname = {e["id"]: e["name"] for e in gold["entities"]}
    pname = {e["id"]: e["name"] for e in pred["entities"]}
    print(f"===== {stem}")
    if section in ("all", "entities"):
        for e in gold["entities"]:
            if e["id"] not in back:
                print(f"  missed   {e['type']:<12} {e['name']}  {e.get('aliases') or ''}")
        for e in pred["entities"]:
            if e["id"] not in mapping:
                print(f"  spurious {e['type']:<12} {e['name']}  {e.get('aliases') or ''}")
    if section in ("all", "aliases"):
        known = set().union(*map(score.entity_names, gold["entities"]))
        gp, pp = score.alias_pairs(gold["entities"]), score.alias_pairs(pred["entities"], known)
        for a, b in sorted(gp - pp):
            print(f"  alias missed   {a} = {b}")
        for a, b in sorted(pp - gp):
            print(f"  alias wrong    {a} = {b}")
    if section in ("all", "relations"):
        gk, pk = score.relation_keys(gold), score.relation_keys(pred, mapping)
        label = lambda ref: (gname.get(ref[1]) if ref[0] == "gold" else f"[{pname.get(ref[1])}]")  # noqa: E731
        for k in sorted(gk - pk):
            print(f"  rel missed   {k[0]:<12} {label(k[1])} -> {label(k[2])}")
        for k in sorted(pk - gk):
            print(f"  rel wrong    {k[0]:<12} {label(k[1])} -> {label(k[2])}")
    if section in ("all", "events"):
        pairs = score.greedy([(r, gi, pi) for gi, g in enumerate(gold["events"]) for pi, p in enumerate(pred["events"])
                              if (r := score.event_rank(p, g, mapping)) is not None])
        matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
        describe = lambda ev, names: f"{ev['type']:<11} {ev.get('date')} {ev.get('location')} " + ", ".join(  # noqa: E731
            f"{p['role']}={names.get(p['entity'])}" for p in ev.get("participants", []))
        for i, ev in enumerate(gold["events"]):
            if i not in matched_g:
                print(f"  event missed  {describe(ev, gname)}")
        for i, ev in enumerate(pred["events"]):
            if i not in matched_p:
                print(f"  event wrong   {describe(ev, pname)}")


if __name__ == "__main__":
    sys.exit(main())
