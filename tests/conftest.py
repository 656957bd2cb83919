"""Shared test fixtures: real files, a real SQLite database and the real command line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
EXAMPLES = ROOT / "examples"


def run_cli(*args: str, db: Path | str | None = None, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m dossier ARGS` in a subprocess, as a user would; returns the finished process."""
    command = [sys.executable, "-m", "dossier", *map(str, args)]
    if db is not None:
        command += ["--db", str(db)]
    full_env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    full_env.pop("DOSSIER_DB", None)
    full_env.update(env or {})
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=full_env, timeout=timeout)


@pytest.fixture
def cli():
    """The real command line."""
    return run_cli


@pytest.fixture
def dev_corpus() -> Path:
    """The development documents with gold files; skips cleanly where they are not present."""
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not present in this checkout")
    return DEV_CORPUS


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A path for a fresh database file in a temporary folder."""
    return tmp_path / "kb.db"


@pytest.fixture(scope="session")
def reports_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base of the reports in tests/data/kb, built once with the built-in extractor.
    Tests must not change it: use reports_copy to write."""
    import dossier
    from samples import REPORTS
    db = tmp_path_factory.mktemp("reports") / "reports.db"
    report = dossier.ingest([REPORTS], db=db, workers=1)
    assert report.count("added") == len(list(REPORTS.glob("*.md")))
    return db


@pytest.fixture
def reports_copy(reports_db: Path, tmp_path: Path) -> Path:
    """A private copy of the reports' knowledge base (a store at rest is one self-contained file)."""
    copy = tmp_path / "reports.db"
    shutil.copyfile(reports_db, copy)
    return copy
