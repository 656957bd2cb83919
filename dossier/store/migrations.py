"""Named schema migrations, applied in order and recorded (as sqlite-utils' migrations do).

A store whose version is newer than this code knows is refused, never altered.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from importlib import resources

from dossier.errors import StoreError


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one, inside the caller's transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _initial(db: sqlite3.Connection) -> None:
    _run_script(db, resources.files("dossier.store").joinpath("schema.sql").read_text("utf-8"))


def _entity_keys(db: sqlite3.Connection) -> None:
    """An index of the name keys of every resolved entity, so resolution looks up candidates
    without scanning every document's names."""
    _run_script(db, """
        CREATE TABLE entity_keys (
            key        TEXT NOT NULL,
            type       TEXT NOT NULL,
            entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (key, type, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
        INSERT OR IGNORE INTO entity_keys (key, type, entity_id)
            SELECT n.key, d.type, d.entity_id FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id;
    """)


def _resolution_keys(db: sqlite3.Connection) -> None:
    """Blocking keys per document entity (cross-document resolution works on these), and a queue of
    keys whose entities must be re-clustered. Entities stored before are queued whole ('all')."""
    _run_script(db, """
        DROP TABLE IF EXISTS entity_keys;
        CREATE TABLE doc_entity_keys (
            kind           TEXT NOT NULL,       -- name | known | acronym | ends (resolve/matching.py)
            key            TEXT NOT NULL,
            type           TEXT NOT NULL,
            doc_entity_id  INTEGER NOT NULL REFERENCES doc_entities(id) ON DELETE CASCADE,
            name           TEXT NOT NULL,       -- the name that gives the key
            PRIMARY KEY (kind, key, type, doc_entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX doc_entity_keys_entity ON doc_entity_keys(doc_entity_id);
        CREATE TABLE dirty_keys (
            kind  TEXT NOT NULL,
            key   TEXT NOT NULL,
            type  TEXT NOT NULL,
            PRIMARY KEY (kind, key, type)
        ) WITHOUT ROWID;
        INSERT INTO dirty_keys SELECT 'all', '', '' WHERE EXISTS (SELECT 1 FROM doc_entities);
    """)


# (name, function). Append only: the position of a migration is its schema version.
MIGRATIONS = [
    ("0001_initial", _initial),
    ("0002_entity_keys", _entity_keys),
    ("0003_resolution_keys", _resolution_keys),
]
VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    """The schema version recorded in the database file (0 for a new file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def check_schema(db: sqlite3.Connection, path: str, write: bool) -> None:
    """Refuse a newer schema, a database of another program, and (for reading) an unfinished one."""
    version = schema_version(db)
    if version > VERSION:
        raise StoreError(f"{path}: database schema version {version} is newer than this dossier knows ({VERSION})",
                         "upgrade dossier to open it")
    if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path}: not a dossier database (it has other tables)", "choose another --db file")
    if not write and version < VERSION:
        raise StoreError(f"{path}: not a dossier database, or one from an older version",
                         "ingest into it once to upgrade it")


def migrate(db: sqlite3.Connection, path: str) -> None:
    """Bring the database up to this code's schema version, refusing newer ones."""
    check_schema(db, path, write=True)
    version = schema_version(db)
    if version == VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        for name, step in MIGRATIONS[version:]:
            step(db)
            db.execute("INSERT INTO migrations VALUES (?, ?)", (name, datetime.now(timezone.utc).isoformat()))
        db.execute(f"PRAGMA user_version = {VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
