"""Benchmark: ingest 1,000 generated report-sized documents; print documents/s, MB/s and peak memory.

Baseline in the same run: reading the same files and storing their raw text in SQLite, one
transaction per file — the least any ingest must do — so the ratio holds on a noisy machine.

    python bench/ingest.py [--documents 1000] [--words 2500] [--workers 0]
"""
from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus  # noqa: E402

import dossier  # noqa: E402


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child process, in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def baseline(paths: list[Path], db: Path) -> float:
    """Seconds to read every file and store its raw text, one transaction per file."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE docs (path TEXT PRIMARY KEY, text TEXT)")
    started = time.perf_counter()
    for p in paths:
        con.execute("BEGIN")
        con.execute("INSERT INTO docs VALUES (?, ?)", (str(p), p.read_text(encoding="utf-8")))
        con.execute("COMMIT")
    con.close()
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--words", type=int, default=2500)
    ap.add_argument("--workers", type=int, default=0, help="0: one per core")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_corpus(folder, args.documents, args.words)
        size_mb = sum(p.stat().st_size for p in paths) / 2**20
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        base = baseline(paths, Path(tmp) / "baseline.db")
        started = time.perf_counter()
        report = dossier.ingest([folder], db=Path(tmp) / "kb.db", workers=args.workers or None)
        seconds = time.perf_counter() - started
        assert report.count("added") == len(paths), report.results[:3]
        again = time.perf_counter()
        dossier.ingest([folder], db=Path(tmp) / "kb.db", workers=args.workers or None)
        unchanged = time.perf_counter() - again
        db_mb = (Path(tmp) / "kb.db").stat().st_size / 2**20
    main_mb, child_mb = peak_mb()
    print(f"documents            {len(paths)} generated reports, {words / len(paths):.0f} words each, "
          f"{size_mb:.1f} MB in all")
    print(f"ingest               {seconds:.1f} s  {len(paths) / seconds:.1f} documents/s  {size_mb / seconds:.2f} MB/s"
          f"  {words / seconds:,.0f} words/s")
    print(f"baseline             {base:.2f} s  (read each file, store its raw text in SQLite)")
    print(f"ratio                ingest takes {seconds / base:.0f}x the baseline")
    print(f"re-ingest unchanged  {unchanged:.2f} s  {len(paths) / unchanged:.0f} documents/s")
    print(f"peak memory          {main_mb:.0f} MB main process, {child_mb:.0f} MB largest worker")
    print(f"store size           {db_mb:.1f} MB")


if __name__ == "__main__":
    main()
