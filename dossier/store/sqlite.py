"""The SQLite store: documents, sources, entities, names, claims, evidence and decisions."""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from dossier.errors import StoreError
from dossier.model import Document, Entity, Event, Evidence, Extraction, Relation
from dossier.paths import writable
from dossier.store.migrations import check_schema, migrate

DEFAULT_DB = "dossier.db"
BUSY_TIMEOUT_MS = 3000
DAMAGED_HINT = "restore it from a backup, or ingest into a new --db file"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _fullness(name: str) -> tuple:
    """How full a name is: more words, then more letters (then alphabetical, for a stable choice)."""
    return (len(name.split()), len(name), name)


def default_path() -> str:
    """The database path: $DOSSIER_DB, else ./dossier.db."""
    return os.environ.get("DOSSIER_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None, *, create: bool = False, write: bool = False) -> "Store":
    """Open a knowledge base; create it only when asked; refuse newer schemas."""
    return Store(path or default_path(), create=create, write=write or create)


def _explain(path: str, error: sqlite3.Error) -> StoreError:
    """One clear line for what SQLite reported about a database file."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: database is locked by another process", "wait for it to finish and try again")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path}: database is read-only", "make the file writable or choose another --db")
    if "not a database" in text:
        return StoreError(f"{path}: not a dossier database (not an SQLite file)", "choose another --db file")
    if "malformed" in text or "corrupt" in text:
        return StoreError(f"{path}: database file is damaged ({error})", DAMAGED_HINT)
    if "unable to open" in text:
        return StoreError(f"{path}: cannot open the database file", "check that its folder exists and is writable")
    if "disk" in text and "full" in text:
        return StoreError(f"{path}: the disk is full", "free some space and run the same command again")
    return StoreError(f"{path}: database error ({error})")


def check_header(file: Path) -> None:
    """Refuse, before SQLite sees it, a file that is not SQLite or is shorter than its header says."""
    try:
        size = file.stat().st_size
        with open(file, "rb") as f:
            header = f.read(100)
    except OSError as e:
        raise StoreError(f"{file}: cannot read the database file ({e.strerror or e})") from None
    if size == 0:
        return  # SQLite's own empty database
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(f"{file}: not a dossier database (not an SQLite file)", "choose another --db file")
    if any(_nonempty(Path(f"{file}{suffix}")) for suffix in ("-wal", "-journal")):
        return  # after a crash the journal holds pages the file does not have yet, or restores its length
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages, changes, valid_for = (int.from_bytes(header[i:i + 4], "big") for i in (28, 24, 92))
    if changes == valid_for and pages * page_size > size:
        raise StoreError(f"{file}: database file is damaged (truncated to {size} of {pages * page_size} bytes)",
                         DAMAGED_HINT)


def _nonempty(file: Path) -> bool:
    try:
        return file.stat().st_size > 0
    except OSError:
        return False


def check_creatable(file: Path) -> None:
    """Refuse a new database path whose folder is missing or cannot be written."""
    folder = file.parent
    if not folder.is_dir():
        raise StoreError(f"{file}: folder {folder} does not exist", "create it first or choose another --db")
    if not writable(folder):
        raise StoreError(f"{file}: folder {folder} is not writable", "choose another --db")


class Store:
    """A knowledge base in one SQLite file. Every write happens inside `transaction()`.

    Read-only stores are opened with SQLite's mode=ro and never create or change a file. A writing
    store switches to WAL journaling for its first transaction (readers go on reading meanwhile) and
    back to a rollback journal when closed, so that a store at rest is one self-contained file.
    """

    def __init__(self, path: str | Path, *, create: bool = False, write: bool = False) -> None:
        self.path = str(path)
        self.write = write
        self._wal = False
        file = Path(self.path)
        if file.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file", "give a file name with --db")
        if not file.exists():
            if not create:
                raise StoreError(f"{self.path}: no database here", "run `dossier ingest FILES --db PATH` first")
            check_creatable(file)
        else:
            check_header(file)
            if write and not writable(file):
                raise StoreError(f"{self.path}: database is read-only", "make it writable or choose another --db")
        try:
            if write:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                          check_same_thread=False)
            else:
                self.db = sqlite3.connect(f"file:{quote(str(file.resolve()))}?mode=ro", uri=True,
                                          isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                          check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            check_schema(self.db, self.path, write)
            if write:
                migrate(self.db, self.path)
        except sqlite3.Error as e:
            self._close_quietly()
            raise _explain(self.path, e) from None
        except BaseException:
            self._close_quietly()
            raise

    def _close_quietly(self) -> None:
        try:
            self.db.close()
        except (AttributeError, sqlite3.Error):
            pass

    def close(self) -> None:
        """Close the database file, back in rollback-journal mode when no one else is using it."""
        if self._wal:
            try:
                self.db.execute("PRAGMA busy_timeout = 0")
                self.db.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error:
                pass  # another connection still uses the file; the last one to close tidies up
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: all of it is stored, or none of it."""
        try:
            if not self._wal:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._wal = True
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise _explain(self.path, e) from None
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            self._rollback()
            raise _explain(self.path, e) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.db.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            self.db.execute("ROLLBACK")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Rows of a read query, with database errors turned into StoreError."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            raise _explain(self.path, e) from None

    # ---- documents -------------------------------------------------------------------------

    def document_state(self, path: str) -> sqlite3.Row | None:
        """id, content hash and extractor of the document stored for a path, if any."""
        rows = self.query("SELECT id, content_hash, extractor FROM documents WHERE path = ?", (path,))
        return rows[0] if rows else None

    def path_with_hash(self, content_hash: str) -> str | None:
        """The path of a stored document with these exact bytes, if any."""
        rows = self.query("SELECT path FROM documents WHERE content_hash = ? LIMIT 1", (content_hash,))
        return rows[0]["path"] if rows else None

    def delete_document(self, path: str) -> None:
        """Remove a document and everything extracted from it; entities left empty go too."""
        row = self.document_state(path)
        if row is None:
            return
        orphans = [r[0] for r in self.db.execute(
            "SELECT DISTINCT entity_id FROM doc_entities WHERE document_id = ?", (row["id"],))]
        # what this document's entities held together may fall apart without it: re-cluster later
        self.db.execute("INSERT OR IGNORE INTO dirty_keys (kind, key, type) SELECT k.kind, k.key, k.type"
                        " FROM doc_entity_keys k JOIN doc_entities d ON d.id = k.doc_entity_id"
                        " WHERE d.document_id = ?", (row["id"],))
        self.db.execute("DELETE FROM participants WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?)",
                        (row["id"],))
        self.db.execute("DELETE FROM claims WHERE document_id = ?", (row["id"],))
        self.db.execute("DELETE FROM documents WHERE id = ?", (row["id"],))
        for entity_id in orphans:
            if not self.drop_if_empty(entity_id):
                self.refresh_entity(entity_id)

    def insert_document(self, doc: Document, extractor: str, warnings: list[str]) -> int:
        """Store a document's text, structure and metadata; returns its id."""
        structure = {
            "blocks": [asdict(b) for b in doc.blocks],
            "sections": [asdict(s) for s in doc.sections],
            "sentences": [[s.start, s.end, s.block, list(s.sources)] for s in doc.sentences],
            "citations": [[c.start, c.end, c.label, list(c.sources)] for c in doc.citations],
        }
        cur = self.db.execute(
            "INSERT INTO documents (path, name, format, content_hash, title, date, authors, publisher, url, text,"
            " structure, warnings, extractor, words, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.path, doc.name, doc.format, doc.content_hash, doc.title, doc.date, json.dumps(list(doc.authors)),
             doc.publisher, doc.url, doc.text, json.dumps(structure), json.dumps(warnings), extractor, doc.words(),
             datetime.now(timezone.utc).isoformat(timespec="seconds")))
        return cur.lastrowid

    def insert_sources(self, document_id: int, doc: Document) -> dict[str, int]:
        """Store a document's sources; returns local id → row id."""
        ids = {}
        for s in doc.sources:
            cur = self.db.execute(
                "INSERT INTO sources (document_id, local_id, kind, title, publisher, author, date, url, accessed, note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (document_id, s.id, s.kind, s.title, s.publisher, s.author, s.date, s.url, s.accessed, s.note))
            ids[s.id] = cur.lastrowid
        return ids

    # ---- entities --------------------------------------------------------------------------

    def create_entity(self, entity: Entity) -> int:
        """A new resolved entity named after a document entity."""
        return self.db.execute("INSERT INTO entities (type, name, subtype) VALUES (?,?,?)",
                               (entity.type, entity.name, entity.subtype)).lastrowid

    def insert_entities(self, document_id: int, entities: tuple[Entity, ...],
                        assignment: dict[str, tuple[int, str]], keys: dict[str, str],
                        blocking: dict[str, list[tuple[str, str, str]]]) -> dict[str, int]:
        """Store a document's entities, names, blocking keys and mentions; returns local id → doc_entity id."""
        ids: dict[str, int] = {}
        for e in entities:
            entity_id, reason = assignment[e.id]
            cur = self.db.execute(
                "INSERT INTO doc_entities (document_id, local_id, type, name, subtype, entity_id, reason)"
                " VALUES (?,?,?,?,?,?,?)", (document_id, e.id, e.type, e.name, e.subtype, entity_id, reason))
            ids[e.id] = cur.lastrowid
            names = (e.name, *e.aliases)
            self.db.executemany("INSERT INTO names (doc_entity_id, name, key, is_primary) VALUES (?,?,?,?)",
                                [(cur.lastrowid, n, keys[n], int(i == 0)) for i, n in enumerate(names)])
            self.db.executemany("INSERT OR IGNORE INTO doc_entity_keys (kind, key, type, doc_entity_id, name)"
                                " VALUES (?,?,?,?,?)", [(k, key, e.type, cur.lastrowid, n)
                                                        for k, key, n in blocking.get(e.id, ())])
            self.db.executemany("INSERT INTO mentions (doc_entity_id, start, end) VALUES (?,?,?)",
                                [(cur.lastrowid, m.start, m.end) for m in e.mentions])
            self._consider_name(entity_id, e.name, e.subtype)
        return ids

    def drop_if_empty(self, entity_id: int) -> bool:
        """Remove an entity no document names any more; True when it was removed."""
        if self.db.execute("SELECT 1 FROM doc_entities WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone():
            return False
        self.db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return True

    def name_later(self, entity_id: int) -> None:
        """Queue an entity whose members changed, to be named by its documents' votes when next
        re-clustered (see resolution.rename_due)."""
        self.db.execute("INSERT OR IGNORE INTO names_due (entity_id) VALUES (?)", (entity_id,))

    def _consider_name(self, entity_id: int, name: str, subtype: str | None) -> None:
        """Rename an entity when a document gives a fuller name than the one it has (until
        re-clustering chooses its name by the votes of all its documents)."""
        self.name_later(entity_id)
        row = self.db.execute("SELECT name, subtype FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is not None and (_fullness(name) > _fullness(row["name"]) or (subtype and not row["subtype"])):
            best = name if _fullness(name) > _fullness(row["name"]) else row["name"]
            self.db.execute("UPDATE entities SET name = ?, subtype = ? WHERE id = ?",
                            (best, row["subtype"] or subtype, entity_id))

    def refresh_entity(self, entity_id: int) -> None:
        """Recompute an entity's name from the documents that still name it (until re-clustering
        chooses it by their votes)."""
        self.name_later(entity_id)
        rows = self.db.execute("SELECT name, subtype FROM doc_entities WHERE entity_id = ?", (entity_id,)).fetchall()
        if rows:
            best = max(rows, key=lambda r: _fullness(r["name"]))
            subtype = next((r["subtype"] for r in rows if r["subtype"]), None)
            self.db.execute("UPDATE entities SET name = ?, subtype = ? WHERE id = ?", (best["name"], subtype, entity_id))

    # ---- claims ----------------------------------------------------------------------------

    def insert_claims(self, document_id: int, extraction: Extraction, entity_ids: dict[str, int],
                      source_ids: dict[str, int], fingerprints: list[str]) -> None:
        """Store a document's relations and events with their evidence and cited sources."""
        claims: list[Relation | Event] = [*extraction.relations, *extraction.events]
        for claim, fingerprint in zip(claims, fingerprints):
            if isinstance(claim, Relation):
                values = ("relation", claim.type, entity_ids[claim.subject], entity_ids[claim.object], claim.start,
                          claim.end, None, claim.role, None, None, None)
            else:
                values = ("event", claim.type, None, None, None, None, claim.date, None, claim.location,
                          claim.killed, claim.count)
            cur = self.db.execute(
                "INSERT INTO claims (document_id, kind, type, subject, object, start, end, date, role, location,"
                " killed, count, approx, confidence, fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (document_id, *values, int(claim.approx), claim.confidence, fingerprint))
            claim_id = cur.lastrowid
            if isinstance(claim, Event):
                self.db.executemany("INSERT INTO participants (claim_id, role, doc_entity_id) VALUES (?,?,?)",
                                    [(claim_id, p.role, entity_ids[p.entity]) for p in claim.participants])
            self._insert_evidence(claim_id, claim.evidence, source_ids)

    def _insert_evidence(self, claim_id: int, evidence: tuple[Evidence, ...], source_ids: dict[str, int]) -> None:
        for ev in evidence:
            eid = self.db.execute("INSERT INTO evidence (claim_id, start, end, sentence) VALUES (?,?,?,?)",
                                  (claim_id, ev.start, ev.end, ev.text)).lastrowid
            self.db.executemany("INSERT INTO evidence_sources (evidence_id, source_id) VALUES (?,?)",
                                [(eid, source_ids[s]) for s in ev.sources if s in source_ids])
