"""The index of the claims each entity takes part in (entity_claims, migration 0005_entity_claims):
built from the claims when an older store is upgraded, and kept right by ingest, re-ingest and
moving a document's entity to another entity."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import dossier
from dossier.store import open_store
from dossier.store import resolution
from dossier.store.migrations import MIGRATIONS, VERSION
from samples import REPORTS, dump, write



def rows(db: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def expected(db: Path) -> set[tuple]:
    """What the index must hold, worked out here from the claims: for each entity and each claim it
    takes part in, the first part it takes (subject, object, then participants in order)."""
    entity_of = dict(rows(db, "SELECT id, entity_id FROM doc_entities"))
    parts: dict[int, list[tuple[int, str, int | None]]] = {}
    for claim, subject, obj in rows(db, "SELECT id, subject, object FROM claims WHERE kind = 'relation'"):
        parts[claim] = [(entity_of[subject], "subject", entity_of[obj]), (entity_of[obj], "object", entity_of[subject])]
    for claim, role, doc_entity in rows(db, "SELECT claim_id, role, doc_entity_id FROM participants ORDER BY rowid"):
        parts.setdefault(claim, []).append((entity_of[doc_entity], role, None))
    out = {}
    for claim, kind, start, date, end in rows(db, 'SELECT id, type, start, date, "end" FROM claims'):
        for entity, role, other in parts.get(claim, []):
            out.setdefault((entity, claim), (entity, kind, start or date or end or "", claim, role, other))
    return set(out.values())


def index_is_right(db: Path) -> bool:
    held = rows(db, "SELECT entity_id, type, day, claim_id, role, other_id FROM entity_claims")
    return len(held) > 10 and set(held) == expected(db)


def make_older(db: Path) -> None:
    """Turn a store into one of schema version 4: no entity_claims, its triggers or its migration row,
    and the indexes of before."""
    connection = sqlite3.connect(db, isolation_level=None)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f"DROP TRIGGER {name}")
    for name, table, columns in (("names_key", "names", "key"), ("names_doc_entity", "names", "doc_entity_id"),
                                 ("doc_entities_entity", "doc_entities", "entity_id")):
        connection.execute(f"DROP INDEX {name}")
        connection.execute(f"CREATE INDEX {name} ON {table}({columns})")
    connection.execute("DROP TABLE entity_claims")
    connection.execute("DROP TABLE names_due")
    connection.execute("DELETE FROM migrations WHERE name IN ('0005_entity_claims', '0006_names_due')")
    connection.execute("PRAGMA user_version = 4")
    connection.close()


def data(db: Path) -> list[str]:
    """The store's tables and rows as SQL, without its indexes and migration records."""
    return [line for line in dump(db) if not line.startswith("CREATE INDEX") and "migrations" not in line
            and "entity_claims" not in line and "names_due" not in line]


def test_ingest_indexes_every_party_of_every_claim(reports_copy):
    assert index_is_right(reports_copy)


def test_an_older_store_is_upgraded_and_keeps_its_data(reports_copy):
    make_older(reports_copy)
    before = data(reports_copy)
    open_store(reports_copy, write=True).close()
    assert data(reports_copy) == before
    assert rows(reports_copy, "PRAGMA user_version") == [(VERSION,)]
    assert rows(reports_copy, "SELECT name FROM migrations ORDER BY name") == [(name,) for name, _ in MIGRATIONS]
    assert index_is_right(reports_copy)


def test_an_upgraded_store_keeps_its_index_right_on_ingest(reports_copy, tmp_path):
    make_older(reports_copy)
    open_store(reports_copy, write=True).close()
    dossier.ingest([write(tmp_path, "ahrar-again.md", (REPORTS / "ttp-ahrar.md").read_text(encoding="utf-8")
                          .replace("2014", "2015"))], db=reports_copy, workers=1)
    assert index_is_right(reports_copy)


def test_reingesting_a_changed_document_reindexes_its_claims(reports_copy, tmp_path):
    text = (REPORTS / "ttp-leaders.md").read_text(encoding="utf-8")
    report = write(tmp_path, "leaders-copy.md", text + "\nA copy.\n")
    assert dossier.ingest([report], db=reports_copy, workers=1).results[0].status == "added"
    report.write_text(text.replace("2013", "2012"), encoding="utf-8")
    assert dossier.ingest([report], db=reports_copy, workers=1).results[0].status == "updated"
    assert index_is_right(reports_copy)
    days = rows(reports_copy, "SELECT substr(l.day, 1, 4) FROM entity_claims l JOIN claims c ON c.id = l.claim_id"
                              " JOIN documents d ON d.id = c.document_id WHERE d.name = 'leaders-copy'")
    assert ("2012",) in days and ("2013",) not in days


def test_moving_a_document_entity_to_another_entity_moves_its_claims(reports_copy):
    with open_store(reports_copy, write=True) as store:
        moved, entity = store.query("SELECT c.subject, d.entity_id FROM claims c JOIN doc_entities d"
                                    " ON d.id = c.subject WHERE c.kind = 'relation' LIMIT 1")[0]
        with store.transaction():
            other = resolution.new_entity(store, "person", "Someone Else")
            resolution.assign(store, {moved: (other, "moved by the test")})
        assert index_is_right(reports_copy)
        assert rows(reports_copy, f"SELECT DISTINCT 1 FROM entity_claims WHERE entity_id = {other}") == [(1,)]
        assert entity != other
