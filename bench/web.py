"""Benchmark: response times of `dossier serve` on a knowledge base of 100,000 entities and 1,000,000 claims.

Starts a real server on 127.0.0.1 over the synthetic base that bench/scale.py builds and caches (run
that first when it is missing), and asks it, for random entities (one in ten among the largest, as
bench/scale.py draws them): the profile page (its HTML, then the JSON it fetches, /api/entities/ID) and
the graph (/api/graph?centre=ID). Baseline in the same run: /api/health, one round trip with one
COUNT, so ratios hold on a noisy machine.

    python bench/web.py [--queries 200] [--db PATH] [--seed 7]
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402

import httpx  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: E402

from dossier.knowledge_base import KnowledgeBase  # noqa: E402

TARGET_MS = 200.0
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, port: int) -> subprocess.Popen:
    """`dossier serve` over db; returns when it answers."""
    process = subprocess.Popen([sys.executable, "-m", "dossier", "serve", "--db", str(db), "--port", str(port)],
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"dossier serve exited: {process.stderr.read()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    sys.exit(f"dossier serve did not answer within {STARTUP_SECONDS} s")


def timed(client: httpx.Client, path: str) -> float:
    """Milliseconds one GET took; the answer must be a success."""
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        sys.exit(f"GET {path}: {response.status_code} {response.text[:200]}")
    return elapsed


def measure(client: httpx.Client, ids: list[int]) -> dict[str, list[float]]:
    """Times of each request, per kind, asked in turn for each entity."""
    times: dict[str, list[float]] = {"baseline /api/health": [], "profile page (HTML)": [],
                                     "profile JSON": [], "profile page + JSON": [], "graph JSON": []}
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=scale.console, transient=True)
    with bar:
        task = bar.add_task("requests", total=len(ids))
        for entity_id in ids:
            times["baseline /api/health"].append(timed(client, "/api/health"))
            page = timed(client, f"/entity/{entity_id}")
            data = timed(client, f"/api/entities/{entity_id}")
            times["profile page (HTML)"].append(page)
            times["profile JSON"].append(data)
            times["profile page + JSON"].append(page + data)
            times["graph JSON"].append(timed(client, f"/api/graph?centre={entity_id}"))
            bar.advance(task)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", type=Path, default=scale.default_db(100_000, 1_000_000))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no synthetic knowledge base — build it with `python bench/scale.py`")
    upgraded = scale._upgrade(args.db)
    with KnowledgeBase(args.db) as kb:
        sampler = scale.Sampler(kb, args.seed)
        ids = [sampler.entity() for _ in range(args.queries)]
        hub_claims = sampler.hubs[None][0][1]
        summary = scale.describe(kb)
    port = free_port()
    process = start(args.db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            measure(client, ids[:10])  # warm the server's connections and the page cache
            times = measure(client, ids)
    finally:
        process.terminate()
        process.wait(10)
    print(f"knowledge base       {args.db} ({summary}){upgraded}")
    print(f"requests             {args.queries} of each over HTTP to dossier serve on 127.0.0.1, one in "
          f"{round(1 / scale.HUB_SHARE)} on the 20 largest entities (the largest is the object of {hub_claims:,} "
          f"claims)")
    base = scale.percentile(times["baseline /api/health"], 0.95)
    print(f"{'':22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}   target")
    for name, values in times.items():
        p50, p95, top = scale.percentile(values, 0.5), scale.percentile(values, 0.95), max(values)
        verdict = "baseline" if name.startswith("baseline") else (
            f"p95 < {TARGET_MS:.0f} ms  {'pass' if p95 < TARGET_MS else 'FAIL'}  ({p95 / base:,.1f}x baseline p95)")
        print(f"{name:22} {p50:8.2f} {p95:8.2f} {top:8.2f}   {verdict}")


if __name__ == "__main__":
    main()
