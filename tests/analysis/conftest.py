"""Two small reports of our own (tests/analysis/data), ingested once with the built-in extractor."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dossier

REPORTS = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def groups_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base of the two groups' reports; tests must not change it."""
    db = tmp_path_factory.mktemp("groups") / "groups.db"
    report = dossier.ingest([REPORTS], db=db, workers=1)
    assert report.count("added") == 2
    return db


@pytest.fixture(scope="module")
def kb(groups_db: Path):
    """The two groups' knowledge base, opened for reading."""
    with dossier.open(groups_db) as opened:
        yield opened


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """A knowledge base that holds nothing yet."""
    from dossier.store import open_store
    db = tmp_path / "empty.db"
    open_store(db, create=True).close()
    return db
