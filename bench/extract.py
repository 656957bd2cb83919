"""Benchmark: extraction speed and memory over at least a million words.

The development documents (or, without them, our examples) are read once and extracted over
and over until the word count is reached: once on one core, then on all cores. In the same run
a bare spaCy tokenizer pass over the same texts gives the baseline, so the ratio holds on a
noisy machine.

    python bench/extract.py [--words 1000000] [--corpus FOLDER]
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import time
from pathlib import Path

from dossier.read import read_document
from dossier.registry import build_registry

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
_docs: list = []


def _extract_range(bounds: tuple[int, int]) -> int:
    """Extract documents[start:end] (in a worker process); returns the words read."""
    from dossier.extract.pipeline import RuleExtractor
    extractor = RuleExtractor()
    words = 0
    for doc in _docs[bounds[0]:bounds[1]]:
        extractor.extract(doc)
        words += doc.words()
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--corpus", type=Path, default=DEV if DEV.is_dir() else ROOT / "examples")
    args = ap.parse_args()
    registry = build_registry()
    corpus = [read_document(p, registry.readers) for p in sorted(args.corpus.iterdir())
              if p.suffix.lower() in registry.readers and not p.name.endswith(".notes.md")]
    while sum(d.words() for d in _docs) < args.words:
        _docs.extend(corpus)
    words = sum(d.words() for d in _docs)

    import spacy
    nlp = spacy.blank("en")
    started = time.perf_counter()
    for doc in _docs:
        nlp.make_doc(doc.text)
    tokenizer = words / (time.perf_counter() - started)

    from dossier.extract.pipeline import RuleExtractor
    extractor = RuleExtractor()
    extractor.extract(_docs[0])  # load the gazetteer, rules and spaCy before timing
    started = time.perf_counter()
    for doc in _docs:
        extractor.extract(doc)
    one = time.perf_counter() - started

    cores = os.cpu_count() or 1
    step = max(1, len(_docs) // (cores * 4))
    ranges = [(i, min(i + step, len(_docs))) for i in range(0, len(_docs), step)]
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    with context.Pool(cores) as pool:
        done = sum(pool.map(_extract_range, ranges))
    all_cores = time.perf_counter() - started
    assert done == words

    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"text                 {words:,} words in {len(_docs)} documents ({len(corpus)} distinct, from {args.corpus})")
    print(f"extract, one core    {words / one:,.0f} words/s  {len(_docs) / one:.1f} documents/s")
    print(f"extract, {cores} cores     {words / all_cores:,.0f} words/s  {len(_docs) / all_cores:.1f} documents/s")
    print(f"baseline             {tokenizer:,.0f} words/s for spaCy's tokenizer alone, same texts")
    print(f"ratio                extraction on one core runs at {words / one / tokenizer:.2f} of the tokenizer's speed")
    print(f"peak memory          {self_mb:.0f} MB (one-core run), {child_mb:.0f} MB largest worker")


if __name__ == "__main__":
    main()
