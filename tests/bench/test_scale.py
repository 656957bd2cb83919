"""bench/scale.py at a small scale: it generates a knowledge base, times the four queries and prints
every figure (no speed is asserted here: the benchmark measures it)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCALE = Path(__file__).resolve().parents[2] / "bench" / "scale.py"
QUERIES = ("baseline", "show", "leaders --as-of", "timeline", "path")


def run_scale(db: Path) -> str:
    done = subprocess.run([sys.executable, str(SCALE), "--entities", "2000", "--claims", "20000", "--queries", "20",
                           "--db", str(db)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[str, str]:
    db = tmp_path_factory.mktemp("scale") / "scale.db"
    return run_scale(db), run_scale(db)


def figure(output: str, label: str) -> str:
    line = next((line for line in output.splitlines() if line.startswith(label)), None)
    assert line is not None, f"no line for {label!r} in:\n{output}"
    return line[len(label):].strip()


def test_the_knowledge_base_has_the_entities_and_claims_asked_for(runs):
    assert figure(runs[0], "knowledge base").startswith("2,000 entities (1,400 persons, 300 ")
    assert "20,000 claims in 400 documents" in figure(runs[0], "knowledge base")


@pytest.mark.parametrize("query", QUERIES)
def test_each_query_has_its_p50_p95_and_max(runs, query):
    p50, p95, top = map(float, figure(runs[0], query).split()[:3])
    assert 0 <= p50 <= p95 <= top


@pytest.mark.parametrize("query", QUERIES[1:])
def test_each_query_says_whether_it_met_its_target(runs, query):
    assert re.search(r"p95 < 50 ms  (pass|FAIL)  \(", figure(runs[0], query))


def test_size_memory_and_generation_time_are_printed(runs):
    assert re.fullmatch(r"[\d,.]+ MB  .*scale\.db", figure(runs[0], "store size"))
    assert re.fullmatch(r"\d+ MB \(this process, querying\)", figure(runs[0], "peak memory"))
    assert re.match(r"\d+ s, peak \d+ MB \(generating process\)", figure(runs[0], "generation"))


def test_a_second_run_reuses_the_generated_store(runs):
    assert figure(runs[1], "generation").startswith("cached ")
    assert figure(runs[1], "knowledge base") == figure(runs[0], "knowledge base")


def test_paths_are_found_and_some_pairs_have_none(runs):
    lengths = dict(part.split(": ") for part in figure(runs[0], "path lengths").split(", "))
    assert set(lengths) - {"none"}
