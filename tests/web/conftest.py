"""Fixtures for the web workspace: a real `dossier serve` on 127.0.0.1 over a real knowledge base.

The base is tests/data/kb (a succession of TTP leaders with dates, Jamaat-ul-Ahrar, conflicting
reports) plus one report whose organization an extractor named with a <script> element. The server
itself is started by web_server.py.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest

from samples import write
from web_server import SCRIPT_NAME, Server, start_server  # noqa: F401 (Server: for the fixtures' types)

MARKUP_REPORT = """\
---
title: A brigade of markup
date: 2021-05-01
---
# A brigade of markup

Omar Said leads the brigade in the hills.[^1]

[^1]: "Brigade in the hills", Frontier Review, 2 February 2021.
"""
DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def web_db(reports_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reports' knowledge base plus the markup report, whose organization is named SCRIPT_NAME
    (stored through the ingest's own `save`, as an extractor plugin's output would be)."""
    from dossier.ingest import extract_file, save
    from dossier.resolve.entities import reconcile
    from dossier.model import Entity, Evidence, Extraction, Relation
    from dossier.store import open_store
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    shutil.copyfile(reports_db, db)
    path = write(folder / "reports", "markup.md", MARKUP_REPORT)
    doc, _ = extract_file(path, "simple")
    sentence = next(s for s in doc.sentences if "leads" in doc.text[s.start:s.end])
    evidence = Evidence(sentence.start, sentence.end, doc.text[sentence.start:sentence.end], sentence.sources)
    extraction = Extraction("test/1", (Entity("e1", "person", "Omar Said"), Entity("e2", "organization", SCRIPT_NAME)),
                            (Relation("leader_of", "e1", "e2", start="2018", evidence=(evidence,)),), ())
    store = open_store(db, write=True)
    try:
        save(store, doc, extraction)
        reconcile(store)  # as an ingest ends
    finally:
        store.close()
    return db


@pytest.fixture(scope="session")
def live_server(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a copy of web_db for the whole session; tests must not change it."""
    db = tmp_path_factory.mktemp("live") / "live.db"
    shutil.copyfile(web_db, db)
    with start_server(db) as server:
        yield server


@pytest.fixture
def fresh_server(web_db: Path, tmp_path: Path) -> Iterator[Server]:
    """A server over a private copy of web_db: tests may review, merge, split and upload."""
    db = tmp_path / "kb.db"
    shutil.copyfile(web_db, db)
    with start_server(db) as server:
        yield server


@pytest.fixture(scope="session")
def dev_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over the development documents, ingested once; skips where they are not present."""
    import dossier
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not present in this checkout")
    db = tmp_path_factory.mktemp("dev-web") / "dev.db"
    assert dossier.ingest([DEV_CORPUS], db=db, workers=1).stored_any
    with start_server(db) as server:
        yield server


# ---- the browser tests' fixtures (pages, helper E): the rest are in browser_fixtures.py ----------

from browser_fixtures import browser, page, report_files, reports_kb  # noqa: E402,F401


def _copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a knowledge base, even while a server reads it (SQLite's backup)."""
    import sqlite3
    from contextlib import closing
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


@pytest.fixture(scope="module")
def reports_server(reports_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a copy of the browser tests' own reports (browser_fixtures.reports_kb)."""
    with start_server(_copy_store(reports_kb, tmp_path_factory.mktemp("browser") / "kb.db")) as server:
        yield server


@pytest.fixture(scope="module")
def dev_workspace(dev_server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a private copy of the development documents' base: the tests write to it."""
    with start_server(_copy_store(dev_server.db, tmp_path_factory.mktemp("dev-workspace") / "dev.db")) as server:
        yield server


@pytest.fixture
def writable_reports_server(reports_kb: Path, tmp_path: Path) -> Iterator[Server]:
    """A server over a private copy of the browser tests' reports: the test may review and merge."""
    with start_server(_copy_store(reports_kb, tmp_path / "kb.db")) as server:
        yield server


@pytest.fixture
def token_reports_server(reports_kb: Path, tmp_path: Path) -> Iterator[Server]:
    """A server over a copy of the browser tests' reports that asks for the access token 'k3y'."""
    with start_server(_copy_store(reports_kb, tmp_path / "kb.db"), token="k3y") as server:
        yield server
