"""Fixtures for export tests: a knowledge base built once from the reports in river_reports.py with the
built-in extractor, and its STIX bundle."""
from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from river_reports import QADRI_CUSTODY, RIVER_FRONT
from samples import write


@pytest.fixture(scope="session")
def river_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base of both reports; tests must not change it."""
    folder = tmp_path_factory.mktemp("river-reports")
    write(folder, "river-front.md", RIVER_FRONT)
    write(folder, "qadri-custody.md", QADRI_CUSTODY)
    db = tmp_path_factory.mktemp("river-kb") / "kb.db"
    report = dossier.ingest([folder], db=db, workers=1)
    assert [r.status for r in report.results] == ["added", "added"]
    return db


@pytest.fixture
def river(river_db: Path):
    """The knowledge base, opened through the library API."""
    with dossier.open(river_db) as kb:
        yield kb


@pytest.fixture(scope="session")
def river_bundle(river_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bundle.json of the whole knowledge base, exported once through the library API."""
    out = tmp_path_factory.mktemp("river-stix")
    with dossier.open(river_db) as kb:
        assert kb.export("stix", out) == [out / "bundle.json"]
    return out / "bundle.json"
