"""Benchmark: query latency on a knowledge base of 100,000 entities and 1,000,000 claims.

Generates the knowledge base (bench/synthetic_world.py, bench/synthetic_kb.py) through the store's own insertion API,
caches it, and times the library calls behind `dossier show NAME`, `leaders ORG --as-of DATE`,
`timeline NAME` and `path A B` — each from the name a user types — over random entities, a
tenth of them the largest entities (organizations with tens of thousands of claims). Baseline in
the same run: one SELECT of an entity by primary key, so ratios hold on a noisy machine.

    python bench/scale.py [--entities 100000] [--claims 1000000] [--queries 200] [--db PATH] [--rebuild]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_kb as kb_gen  # noqa: E402
import synthetic_world as world_gen  # noqa: E402

from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: E402

import dossier  # noqa: E402
from dossier.errors import DossierError  # noqa: E402
from dossier.knowledge_base import KnowledgeBase  # noqa: E402
from dossier.store import open_store  # noqa: E402
from dossier.store.migrations import VERSION, schema_version  # noqa: E402

TARGET_MS = 50.0
HUB_SHARE = 0.1  # share of the queries that go to the largest entities
BATCH = 100  # documents per transaction while generating
console = Console(stderr=True)


def default_db(entities: int, claims: int) -> Path:
    """A cache path outside the repository: $XDG_CACHE_HOME/dossier/bench (or ~/.cache/...)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dossier" / "bench"
    return cache / f"scale-{entities}-{claims}.db"


def parameters(args: argparse.Namespace) -> dict:
    """What the generated knowledge base depends on: a cached one is reused only when these match."""
    return {"entities": args.entities, "claims": args.claims, "documents": args.documents, "seed": args.seed,
            "generator": kb_gen.EXTRACTOR}


def generate(db: Path, params: dict) -> dict:
    """Build the knowledge base into db (in a child process, so its memory is counted apart)."""
    started = time.perf_counter()
    part = db.with_name(db.name + ".part")
    for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm"), Path(f"{part}-journal")):
        leftover.unlink(missing_ok=True)
    columns = (TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("world", total=params["entities"])
        world = world_gen.build_world(params["entities"], params["seed"], lambda n: progress.advance(task, n))
        task = progress.add_task("name keys", total=len(world))
        world_gen.key_names(world, lambda n: progress.advance(task, n))
        plans = kb_gen.plan_documents(world, params["documents"], params["claims"], params["seed"])
        task = progress.add_task("documents and claims", total=params["claims"])
        with open_store(part, create=True) as store:
            with store.transaction():
                entity_ids = kb_gen.create_entities(store, world)
            first_named: dict[int, str] = {}
            for i in range(0, len(plans), BATCH):
                with store.transaction():
                    for plan in plans[i:i + BATCH]:
                        doc, extraction, entity_of = kb_gen.write_document(world, plan, params["seed"])
                        kb_gen.store_document(store, world, doc, extraction, entity_of, entity_ids, first_named)
                        progress.advance(task, len(extraction.relations) + len(extraction.events))
        assert len(first_named) == len(world), "every entity is named by some document"
    part.rename(db)
    return {"seconds": time.perf_counter() - started,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def prepared(args: argparse.Namespace) -> tuple[Path, str]:
    """The knowledge base to query, generated unless a cached one has the same parameters."""
    db = Path(args.db) if args.db else default_db(args.entities, args.claims)
    sidecar = db.with_name(db.name + ".json")
    params = parameters(args)
    cached = db.exists() and sidecar.exists() and json.loads(sidecar.read_text())["parameters"] == params
    if cached and not args.rebuild:
        built = json.loads(sidecar.read_text())
        note = f"cached {db} (generated in {built['seconds']:.0f} s, peak {built['peak_mb']:.0f} MB)"
    else:
        db.parent.mkdir(parents=True, exist_ok=True)
        db.unlink(missing_ok=True)
        sidecar.unlink(missing_ok=True)
        start = "fork" if "fork" in get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(1, mp_context=get_context(start)) as pool:
            built = pool.submit(generate, db, params).result()
        sidecar.write_text(json.dumps({"parameters": params, **built}))
        note = f"{built['seconds']:.0f} s, peak {built['peak_mb']:.0f} MB (generating process)"
    version = _upgrade(db)
    return db, note + version


def _upgrade(db: Path) -> str:
    """Open the store for writing once, as ingest would, so that a cached store of an older schema
    is migrated (and say how long that took)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    before = schema_version(connection)
    connection.close()
    if before == VERSION:
        return ""
    started = time.perf_counter()
    open_store(db, write=True).close()
    return f"; schema upgraded from version {before} to {VERSION} in {time.perf_counter() - started:.1f} s"


# ---- the queries ------------------------------------------------------------------------------

def largest(kb: KnowledgeBase, count: int, entity_type: str | None = None) -> list[tuple[int, int]]:
    """(entity id, claims naming it as object) of the entities most claims point at."""
    where = "WHERE e.type = ?" if entity_type else ""
    return [tuple(r) for r in kb.store.query(
        f"SELECT d.entity_id, count(*) AS n FROM claims c JOIN doc_entities d ON d.id = c.object"
        f" JOIN entities e ON e.id = d.entity_id {where} GROUP BY d.entity_id ORDER BY n DESC LIMIT ?",
        (*([entity_type] if entity_type else []), count))]


class Sampler:
    """Random entities, every tenth one of the largest, each as a name a user would type."""

    def __init__(self, kb: KnowledgeBase, seed: int, hubs: int = 20) -> None:
        self.kb, self.rng = kb, random.Random(seed)
        self.ids: dict[str | None, list[int]] = {None: []}
        for r in kb.store.query("SELECT id, type FROM entities ORDER BY id"):
            self.ids.setdefault(r["type"], []).append(r["id"])
            self.ids[None].append(r["id"])
        self.hubs = {None: largest(kb, hubs), "organization": largest(kb, hubs, "organization")}
        self.drawn = 0

    def entity(self, entity_type: str | None = None) -> int:
        self.drawn += 1
        if self.drawn % round(1 / HUB_SHARE) == 0:
            return self.rng.choice(self.hubs[entity_type])[0]
        return self.rng.choice(self.ids[entity_type])

    def name(self, entity_type: str | None = None) -> str:
        """One of the names some document gives a random entity."""
        names = [r[0] for r in self.kb.store.query(
            "SELECT DISTINCT n.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id WHERE d.entity_id = ?"
            " ORDER BY n.name", (self.entity(entity_type),))]
        return self.rng.choice(names)

    def as_of(self) -> str:
        return kb_gen.partial(self.rng, kb_gen.some_day(self.rng, 1990, 2024))


def timed(calls: list[Callable[[], object]]) -> tuple[list[float], list[object]]:
    """Milliseconds each call took, and what it returned."""
    times, results = [], []
    for call in calls:
        started = time.perf_counter()
        results.append(call())
        times.append((time.perf_counter() - started) * 1000)
    return times, results


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def answer(call: Callable[[], object]) -> Callable[[], object]:
    """A call as the command line makes it: a user error (a name several entities share) is an answer too."""
    def run() -> object:
        try:
            return call()
        except DossierError as e:
            return e
    return run


def workload(kb: KnowledgeBase, sampler: Sampler, n: int) -> dict[str, list[Callable[[], object]]]:
    """n calls of each query, made as the command line makes them: from the names a user types."""
    baseline = [sampler.entity() for _ in range(n)]
    shows = [sampler.name() for _ in range(n)]
    leaders = [(sampler.name("organization"), sampler.as_of()) for _ in range(n)]
    timelines = [sampler.name() for _ in range(n)]
    paths = [(sampler.name(), sampler.name()) for _ in range(n)]
    return {
        "baseline": [lambda i=i: kb.store.query("SELECT * FROM entities WHERE id = ?", (i,)) for i in baseline],
        "show": [answer(lambda name=name: kb.entity(name)) for name in shows],
        "leaders --as-of": [answer(lambda org=org, day=day: kb.leaders(org, day)) for org, day in leaders],
        "timeline": [answer(lambda name=name: kb.timeline(name)) for name in timelines],
        "path": [answer(lambda a=a, b=b: kb.path(a, b)) for a, b in paths],
    }


def warm(db: Path) -> None:
    """Read the store once, as the file cache holds a store in use: the timings are of queries, not of the disk."""
    with open(db, "rb") as f:
        while f.read(1 << 24):
            pass


def describe(kb: KnowledgeBase) -> str:
    count = {r[0]: r[1] for r in kb.store.query("SELECT type, count(*) FROM entities GROUP BY type")}
    total = {table: kb.store.query(f"SELECT count(*) FROM {table}")[0][0]
             for table in ("claims", "documents", "evidence", "evidence_sources", "doc_entities", "names")}
    kinds = ", ".join(f"{n:,} {t}s" for t, n in sorted(count.items(), key=lambda x: -x[1]))
    return (f"{sum(count.values()):,} entities ({kinds}), {total['claims']:,} claims in {total['documents']:,}"
            f" documents; {total['evidence']:,} evidence sentences citing {total['evidence_sources']:,} sources;"
            f" {total['doc_entities']:,} document entities with {total['names']:,} names")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--documents", type=int, default=0, help="0: one per 50 claims")
    ap.add_argument("--queries", type=int, default=200, help="calls of each query")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--db", help="where to keep the generated store (default ~/.cache/dossier/bench/...)")
    ap.add_argument("--rebuild", action="store_true", help="generate again even when a cached store matches")
    args = ap.parse_args()
    args.documents = args.documents or max(1, args.claims // 50)
    db, generation = prepared(args)
    warm(db)
    with dossier.open(db) as kb:
        console.print("sampling inputs ...", highlight=False)
        sampler = Sampler(kb, args.seed)
        calls = workload(kb, sampler, args.queries)
        results = {}
        for name, batch in calls.items():
            console.print(f"timing {name} ...", highlight=False)
            results[name] = timed(batch)
        summary = describe(kb)
    print_figures(args, db, generation, summary, sampler.hubs[None][0][1], results)


def print_figures(args: argparse.Namespace, db: Path, generation: str, summary: str, hub_claims: int,
                  results: dict[str, tuple[list[float], list[object]]]) -> None:
    """The knowledge base, its size, the latency of each query against its target, and peak memory."""
    base = percentile(results["baseline"][0], 0.95)
    print(f"knowledge base       {summary}")
    print(f"generation           {generation}")
    print(f"store size           {db.stat().st_size / 2**20:,.1f} MB  {db}")
    print(f"queries              {args.queries} of each, one in {round(1 / HUB_SHARE)} on the 20 largest entities"
          f" (the largest is the object of {hub_claims:,} claims); times include finding each name;"
          f" the store in the file cache (read once before timing)")
    print(f"{'':20} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}   target")
    met = 0
    for name, (times, _) in results.items():
        p50, p95, top = percentile(times, 0.5), percentile(times, 0.95), max(times)
        if name == "baseline":
            verdict = "SELECT of one entity by primary key"
        else:
            met += p95 < TARGET_MS
            verdict = (f"p95 < {TARGET_MS:.0f} ms  {'pass' if p95 < TARGET_MS else 'FAIL'}"
                       f"  ({p95 / base:,.0f}x baseline p95)")
        print(f"{name:20} {p50:8.2f} {p95:8.2f} {top:8.2f}   {verdict}")
    found = [hops for hops in results["path"][1] if not isinstance(hops, DossierError)]
    lengths = Counter(len(hops) if hops else "none" for hops in found)
    refused = {name: sum(isinstance(r, DossierError) for r in returned) for name, (_, returned) in results.items()}
    print("path lengths         " + ", ".join(f"{k}: {lengths[k]}" for k in sorted(lengths, key=str)))
    print("user errors          " + ", ".join(f"{name}: {n}" for name, n in refused.items() if name != "baseline")
          + "  (a name several entities share, or both ends one entity: one error line, timed as well)")
    print(f"peak memory          {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
          f" (this process, querying)")
    print(f"targets              {met} of {len(results) - 1} met")


if __name__ == "__main__":
    main()
