"""Extraction quality: ingest the development documents, export dossier-extract/1, score with score.py.

    python bench/quality.py [--corpus ../shared/corpus/dev] [--extractor builtin] [--json]

Also scores our own example reports against their gold files (tests/data/gold) when present.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import dossier

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
CORPORA = {"dev": ROOT.parent / "shared" / "corpus" / "dev", "examples": ROOT / "examples"}
GOLD = {"dev": ROOT.parent / "shared" / "corpus" / "dev", "examples": ROOT / "tests" / "data" / "gold"}


def score(corpus: Path, gold: Path, extractor: str, scorer: Path, as_json: bool) -> str:
    """score.py's report for one corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "kb.db", Path(tmp) / "out"
        dossier.ingest([corpus], db=db, extractor=extractor)
        with dossier.open(db) as kb:
            kb.export("extract-json", out)
        command = [sys.executable, str(scorer), "--pred-dir", str(out), "--gold-dir", str(gold)]
        result = subprocess.run(command + (["--json"] if as_json else []), capture_output=True, text=True)
        if result.returncode:
            raise SystemExit(result.stderr.strip())
        return result.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder of documents with NAME.gold.json beside them")
    ap.add_argument("--extractor", default="builtin")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    runs = {"corpus": (args.corpus, args.corpus)} if args.corpus else {
        name: (CORPORA[name], GOLD[name]) for name in CORPORA if GOLD[name].is_dir() and CORPORA[name].is_dir()}
    if not args.scorer.exists():
        raise SystemExit(f"quality.py: {args.scorer} not found (it lives in ../shared/eval)")
    if not runs:
        raise SystemExit("quality.py: no corpus with gold files found")
    results = {name: score(corpus, gold, args.extractor, args.scorer, args.json) for name, (corpus, gold) in runs.items()}
    if args.json:
        print(json.dumps({name: json.loads(text) for name, text in results.items()}, indent=1))
        return
    for name, text in results.items():
        print(f"== {name}: {runs[name][0]}\n{text}")


if __name__ == "__main__":
    main()
