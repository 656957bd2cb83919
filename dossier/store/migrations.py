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


def _rekey(db: sqlite3.Connection) -> None:
    """Resolution keys changed form (consonant skeletons, place ids, word and acronym variants):
    drop them, so that the next ingest keys every document entity anew and re-clusters all."""
    _run_script(db, """
        DELETE FROM doc_entity_keys;
        DELETE FROM dirty_keys;
        INSERT INTO dirty_keys SELECT 'all', '', '' WHERE EXISTS (SELECT 1 FROM doc_entities);
    """)


def _derive(claims: str, order: str = "claim_id, part") -> str:
    """SQL adding to entity_claims the rows of the claims whose ids `claims` selects, worked out from
    the claims, participants and document entities; of the parts an entity takes in one claim the
    first (subject, object, then participants in order) gives the row."""
    day = "coalesce(c.start, c.date, c.\"end\", '')"
    return f"""
        INSERT OR IGNORE INTO entity_claims (entity_id, type, day, claim_id, role, other_id)
        SELECT entity_id, type, day, claim_id, role, other_id FROM (
            SELECT s.entity_id, c.type, {day} AS day, c.id AS claim_id, 'subject' AS role, o.entity_id AS other_id,
                   0 AS part
              FROM claims c JOIN doc_entities s ON s.id = c.subject JOIN doc_entities o ON o.id = c.object
             WHERE c.kind = 'relation' AND c.id IN ({claims})
            UNION ALL
            SELECT o.entity_id, c.type, {day}, c.id, 'object', s.entity_id, 1
              FROM claims c JOIN doc_entities s ON s.id = c.subject JOIN doc_entities o ON o.id = c.object
             WHERE c.kind = 'relation' AND c.id IN ({claims})
            UNION ALL
            SELECT d.entity_id, c.type, {day}, c.id, p.role, NULL, 2 + p.rowid
              FROM participants p JOIN claims c ON c.id = p.claim_id JOIN doc_entities d ON d.id = p.doc_entity_id
             WHERE p.claim_id IN ({claims})
        ) ORDER BY {order};"""


def _entity_claims(db: sqlite3.Connection) -> None:
    """Every claim an entity takes part in, one index range away, kept up to date by triggers that
    work out again the rows of any claim whose parts change. Without it, everything about an entity
    named in thousands of documents meant joining through each of its document entities, and a
    path through such an entity fetched every one of its relations (see bench/scale.py). Also
    covering indexes for counting an entity's names and documents and for finding names."""
    _run_script(db, """
        CREATE TABLE entity_claims (
            entity_id  INTEGER NOT NULL,  -- doc_entities.entity_id of a party to the claim
            type       TEXT NOT NULL,     -- claims.type
            day        TEXT NOT NULL,     -- coalesce(start, date, end, ''): the order of pages and timelines
            claim_id   INTEGER NOT NULL,
            role       TEXT NOT NULL,     -- subject | object | the participant's role (the first, if several)
            other_id   INTEGER,           -- relations: the entity at the other end
            PRIMARY KEY (entity_id, type, day, claim_id)
        ) WITHOUT ROWID;
    """)
    db.execute(_derive("SELECT id FROM claims", order="entity_id, type, day, claim_id, part"))
    changed = ("SELECT id FROM claims WHERE subject = NEW.id UNION SELECT id FROM claims WHERE object = NEW.id"
               " UNION SELECT claim_id FROM participants WHERE doc_entity_id = NEW.id")
    _run_script(db, f"""
        CREATE INDEX entity_claims_claim ON entity_claims(claim_id);
        CREATE INDEX entity_claims_other ON entity_claims(entity_id, other_id, type) WHERE other_id IS NOT NULL;
        CREATE TRIGGER claims_link AFTER INSERT ON claims WHEN NEW.kind = 'relation' BEGIN
            {_derive("NEW.id")}
        END;
        CREATE TRIGGER participants_link AFTER INSERT ON participants BEGIN
            {_derive("NEW.claim_id")}
        END;
        CREATE TRIGGER claims_unlink AFTER DELETE ON claims BEGIN
            DELETE FROM entity_claims WHERE claim_id = OLD.id;
        END;
        CREATE TRIGGER participants_unlink AFTER DELETE ON participants BEGIN
            DELETE FROM entity_claims WHERE claim_id = OLD.claim_id;
            {_derive("OLD.claim_id")}
        END;
        CREATE TRIGGER claims_relink AFTER UPDATE ON claims BEGIN
            DELETE FROM entity_claims WHERE claim_id = OLD.id;
            {_derive("NEW.id")}
        END;
        CREATE TRIGGER doc_entities_relink AFTER UPDATE OF entity_id ON doc_entities
        WHEN OLD.entity_id IS NOT NEW.entity_id BEGIN
            DELETE FROM entity_claims WHERE claim_id IN ({changed});
            {_derive(changed)}
        END;
        DROP INDEX names_key;
        CREATE INDEX names_key ON names(key, doc_entity_id);
        DROP INDEX names_doc_entity;
        CREATE INDEX names_doc_entity ON names(doc_entity_id, key);
        DROP INDEX doc_entities_entity;
        CREATE INDEX doc_entities_entity ON doc_entities(entity_id, document_id);
    """)


def _names_due(db: sqlite3.Connection) -> None:
    """A queue of entities whose name must be chosen again by the votes of their documents: those
    a stored or deleted document changed. Re-clustering renames only these and those whose members
    it moves, instead of every entity of a group, which cost most of an ingest into a large store.
    Every entity of an existing store is queued, as all were renamed when next re-clustered."""
    _run_script(db, """
        CREATE TABLE names_due (
            entity_id  INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE
        );
        INSERT INTO names_due SELECT id FROM entities;
    """)


# (name, function). Append only: the position of a migration is its schema version.
MIGRATIONS = [
    ("0001_initial", _initial),
    ("0002_entity_keys", _entity_keys),
    ("0003_resolution_keys", _resolution_keys),
    ("0004_resolution_rekey", _rekey),
    ("0005_entity_claims", _entity_claims),
    ("0006_names_due", _names_due),
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
