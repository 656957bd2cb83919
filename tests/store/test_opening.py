"""Opening a store: what is created, what is refused, and what a transaction guarantees."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import dossier
from dossier.errors import StoreError
from dossier.store import open_store
from dossier.store.migrations import MIGRATIONS, VERSION
from samples import FRONT_REPORT, dump, write


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """A knowledge base holding one report."""
    db = tmp_path / "kb.db"
    dossier.ingest([write(tmp_path / "in", "front.md", FRONT_REPORT)], db=db, workers=1, extractor="simple")
    return db


def test_reading_a_missing_database_creates_nothing(tmp_path):
    with pytest.raises(StoreError, match="no database here"):
        dossier.open(tmp_path / "kb.db")
    assert list(tmp_path.iterdir()) == []


def test_new_database_records_every_migration_and_the_schema_version(tmp_path):
    with open_store(tmp_path / "kb.db", create=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert [r[0] for r in store.db.execute("SELECT name FROM migrations")] == [m[0] for m in MIGRATIONS]


def test_store_at_rest_is_one_file(stored):
    assert sorted(p.name for p in stored.parent.iterdir()) == ["in", "kb.db"]
    assert sqlite3.connect(stored).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_reading_leaves_the_file_and_its_folder_as_they_were(stored):
    before, files = stored.read_bytes(), sorted(stored.parent.iterdir())
    with dossier.open(stored) as kb:
        assert [d.name for d in kb.documents()] == ["front"]
    assert stored.read_bytes() == before
    assert sorted(stored.parent.iterdir()) == files


def test_read_only_store_cannot_write(stored):
    with dossier.open(stored) as kb:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            kb.store.db.execute("DELETE FROM documents")


def test_newer_schema_is_refused_for_writing_and_left_unchanged(stored):
    connection = sqlite3.connect(stored)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = stored.read_bytes()
    with pytest.raises(StoreError, match=f"schema version 99 is newer than this dossier knows \\({VERSION}\\)"):
        open_store(stored, write=True)
    assert stored.read_bytes() == before


def test_mode_bits_make_a_database_read_only_even_for_root(stored):
    stored.chmod(0o444)
    before = stored.read_bytes()
    with pytest.raises(StoreError, match="database is read-only"):
        open_store(stored, write=True)
    assert stored.read_bytes() == before


def test_file_that_is_not_sqlite_is_refused(tmp_path):
    text = write(tmp_path, "notes.db", "just some notes\n" * 20)
    with pytest.raises(StoreError, match="not an SQLite file"):
        open_store(text, write=True)
    assert text.read_text() == "just some notes\n" * 20


def test_truncated_database_is_refused_as_damaged(stored):
    whole = stored.read_bytes()
    stored.write_bytes(whole[:len(whole) // 3])
    with pytest.raises(StoreError, match=f"damaged \\(truncated to {len(whole) // 3} of {len(whole)} bytes\\)"):
        dossier.open(stored)


def test_folder_given_as_database_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder, not a database file"):
        open_store(tmp_path, create=True)


def test_transaction_that_fails_stores_nothing(stored):
    before = dump(stored)
    with open_store(stored, write=True) as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.db.execute("DELETE FROM sources")
                store.db.execute("INSERT INTO decisions (kind, payload, created_at) VALUES ('merge', '{}', 'now')")
                raise RuntimeError("stopped half way")
    assert dump(stored) == before


def test_transaction_on_a_locked_database_says_so(stored):
    holder = sqlite3.connect(stored, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(stored, write=True) as store:
            with pytest.raises(StoreError, match="database is locked by another process"):
                with store.transaction():
                    pass
    finally:
        holder.execute("ROLLBACK")
        holder.close()
