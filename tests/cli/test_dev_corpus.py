"""The development corpus end to end: every document stored, and its sources as the gold files have them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

READABLE = (".md", ".html", ".htm", ".txt", ".pdf")


@pytest.fixture(scope="module")
def dev_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A path for the development corpus's knowledge base, filled by the first test."""
    return tmp_path_factory.mktemp("dev") / "kb.db"


def test_ingesting_the_dev_corpus_stores_every_document(cli, dev_corpus, dev_kb):
    result = cli("ingest", dev_corpus, db=dev_kb)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    listed = json.loads(cli("documents", "--json", db=dev_kb).stdout)
    expected = sorted(p.stem for p in dev_corpus.iterdir() if p.suffix in READABLE)
    assert sorted(d["name"] for d in listed) == expected
    gold = {p.name.removesuffix(".gold.json") for p in dev_corpus.glob("*.gold.json")}
    assert len(gold) == 6 and gold <= set(expected)


def test_exported_dev_sources_score_at_least_095(cli, dev_corpus, dev_kb, scorer, tmp_path):
    if not dev_kb.exists():
        assert cli("ingest", dev_corpus, db=dev_kb).returncode == 0
    out = tmp_path / "out"
    result = cli("export", "--format", "extract-json", "--out", out, db=dev_kb)
    assert result.returncode == 0, result.stderr
    scored = subprocess.run([sys.executable, str(scorer), "--pred-dir", str(out), "--gold-dir", str(dev_corpus),
                             "--json"], capture_output=True, text=True)
    assert scored.returncode == 0, scored.stderr
    summary = json.loads(scored.stdout)
    assert summary["missing_predictions"] == []
    assert summary["total"]["sources"]["f1"] >= 0.95
