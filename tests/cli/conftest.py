"""Fixtures for command-line tests: two small reports and a knowledge base built from them once.

Tests that check what was extracted use the `simple` extractor, which exists to exercise reading and
storing end to end: its output stays put while the built-in rule extractor improves.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dossier
from samples import DELTA_REPORT, FRONT_REPORT, write


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with front.md and delta.md."""
    folder = tmp_path_factory.mktemp("reports")
    write(folder, "front.md", FRONT_REPORT)
    write(folder, "delta.md", DELTA_REPORT)
    return folder


@pytest.fixture(scope="module")
def kb(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base holding both reports; tests must not change it (use kb_copy to write)."""
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    report = dossier.ingest([reports], db=db, workers=1, extractor="simple")
    assert [r.status for r in report.results] == ["added", "added"]
    return db


@pytest.fixture
def kb_copy(kb: Path, tmp_path: Path) -> Path:
    """A private copy of the knowledge base (a store at rest is one self-contained file)."""
    copy = tmp_path / "kb.db"
    shutil.copyfile(kb, copy)
    return copy


@pytest.fixture(scope="session")
def scorer() -> Path:
    """../shared/eval/score.py; skips cleanly where the shared folder is not present."""
    path = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not present in this checkout")
    return path
