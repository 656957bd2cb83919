"""Benchmark: every registered export format on the 100,000-entity, 1,000,000-claim knowledge base.

Each export runs in a fresh process, so that its time and peak memory (ru_maxrss of that child,
from os.wait4) are its own: the whole base, then one entity's neighbourhood (--entity, depth 1) for
a typical person and for the organization with the most relations. Baseline in the same run, in a
child too: every claim row and every evidence row SELECTed through sqlite3 and written to
/dev/null, so that ratios hold on a noisy machine. Reuses the store bench/scale.py built and cached.

    python bench/export.py [--db PATH] [--formats stix,csv,...] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import default_db  # noqa: E402

from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: E402
from rich.table import Table  # noqa: E402

from dossier.registry import build_registry  # noqa: E402

EXPECTED = ("stix", "csv", "extract-json", "graphml", "gexf")  # the formats this benchmark is written for
SEED = 11
console = Console(stderr=True)


def baseline(db: str) -> None:
    """Every claim and evidence row read through sqlite3 and written, tab-separated, to /dev/null."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for table in ("claims", "evidence"):
            for row in connection.execute(f"SELECT * FROM {table}"):
                sink.write("\t".join(map(str, row)) + "\n")
    connection.close()


def export(db: str, fmt: str, out: str, entity: str | None) -> None:
    """One export through the library API, as `dossier export` runs it."""
    import dossier
    with dossier.open(db) as kb:
        kb.export(fmt, out, entity=entity, depth=1)


def child(args: argparse.Namespace) -> None:
    """Run one measured task in this process and print its wall time as JSON."""
    from dossier.errors import DossierError
    started = time.perf_counter()
    try:
        if args.child == "baseline":
            baseline(args.db)
        else:
            export(args.db, args.child, args.out, args.entity)
    except DossierError as error:  # a format that cannot export this scope says why, in one line
        sys.exit(error.line())
    print(json.dumps({"seconds": time.perf_counter() - started}))


def measure(db: Path, task: str, out: Path | None = None, entity: str | None = None) -> dict:
    """Time and peak memory of one task in a fresh process, and the size of what it wrote."""
    command = [sys.executable, __file__, "--db", str(db), "--child", task]
    if out is not None:
        command += ["--out", str(out)]
    if entity is not None:
        command += ["--entity", entity]
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own resource use, peak memory included
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if process.returncode != 0:
            return {"error": (stderr.read().strip().splitlines() or ["failed"])[-1]}
        seconds = json.loads(stdout.read())["seconds"]
    written = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) if out is not None else 0
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "bytes": written}


def entities_to_centre(db: Path) -> dict[str, str]:
    """#ID of a typical person (drawn at random) and of the organization with the most relations."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    people = [r[0] for r in connection.execute("SELECT id FROM entities WHERE type = 'person' ORDER BY id")]
    hub = connection.execute("SELECT c.entity_id, count(*) AS n FROM entity_claims c JOIN entities e"
                             " ON e.id = c.entity_id WHERE e.type = 'organization' AND c.other_id IS NOT NULL"
                             " GROUP BY c.entity_id ORDER BY n DESC LIMIT 1").fetchone()
    connection.close()
    return {"a person": f"#{random.Random(SEED).choice(people)}", "the largest organization": f"#{hub[0]}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="the store bench/scale.py built (default ~/.cache/dossier/bench/...)")
    ap.add_argument("--formats", help="comma-separated formats (default: every registered one)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--entity", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    db = Path(args.db) if args.db else default_db(100_000, 1_000_000)
    if not db.exists():
        sys.exit(f"{db}: no such store — build it once with `python bench/scale.py`")
    registered = sorted(build_registry().exporters)
    formats = args.formats.split(",") if args.formats else \
        [f for f in EXPECTED if f in registered] + [f for f in registered if f not in EXPECTED]
    for missing in (f for f in EXPECTED if f not in registered):
        console.print(f"{missing}: not registered in this checkout, skipped", highlight=False)
    centres = entities_to_centre(db)
    scopes = [("whole base", None), *((f"--entity {k}", v) for k, v in centres.items())]
    tasks = [("baseline", "whole base", None)] + [(fmt, scope, entity) for fmt in formats for scope, entity in scopes]
    rows: list[tuple[str, str, dict]] = []
    columns = (TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with tempfile.TemporaryDirectory(prefix="dossier-bench-export-") as scratch, \
            Progress(*columns, console=console) as progress:
        bar = progress.add_task("", total=len(tasks))
        for fmt, scope, entity in tasks:
            progress.update(bar, description=f"{fmt} ({scope})")
            out = None if fmt == "baseline" else Path(scratch) / fmt
            rows.append((fmt, scope, measure(db, fmt, out, entity)))
            progress.console.print(f"{fmt} ({scope}): {rows[-1][2]}", highlight=False)
            if out is not None:
                shutil.rmtree(out, ignore_errors=True)
            progress.advance(bar)
    print_table(db, centres, rows)


def print_table(db: Path, centres: dict[str, str], rows: list[tuple[str, str, dict]]) -> None:
    """The figures, with each whole-base time as a multiple of the baseline's."""
    base = rows[0][2]["seconds"]
    table = Table(title=f"export of {db.name} ({db.stat().st_size / 2**20:,.0f} MB); "
                        + ", ".join(f"{k} = {v}" for k, v in centres.items()))
    for column in ("format", "scope", "seconds", "× baseline", "peak MB", "written MB"):
        table.add_column(column, justify="left" if column in ("format", "scope") else "right")
    for fmt, scope, r in rows:
        if "error" in r:
            table.add_row(fmt, scope, f"failed: {r['error']}", "", "", "")
            continue
        table.add_row(fmt, scope, f"{r['seconds']:.1f}", f"{r['seconds'] / base:.1f}", f"{r['peak_mb']:.0f}",
                      f"{r['bytes'] / 2**20:,.1f}")
    Console(width=140).print(table)


if __name__ == "__main__":
    main()
