"""Entities are named by the votes of their documents (migration 0006_names_due): re-clustering
names again every entity whose members it moves, and every entity a stored or deleted document
changed since it was last named — not the others of a group, which it used to rename every time."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import dossier
from dossier.store import open_store
from samples import write

REPORT = """\
---
title: {title}
date: {date}
publisher: Frontier Monitor
---
# {title}

{body}
"""


def report(folder: Path, name: str, date: str, body: str) -> Path:
    return write(folder, f"{name}.md", REPORT.format(title=name.replace("-", " ").title(), date=date, body=body))


def entity_names(db: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in connection.execute("SELECT name FROM entities WHERE type = 'person'")}
    finally:
        connection.close()


def test_a_fuller_name_in_a_new_document_does_not_outvote_the_name_most_documents_use(tmp_path):
    db = tmp_path / "kb.db"
    for n, year in enumerate((2014, 2015, 2016)):
        dossier.ingest([report(tmp_path, f"valley-{n}", f"{year}-06-01",
                               f"Karim Osman, the chief of the Northern Valley Front, moved to Lahore in {year}.")],
                       db=db, workers=1)
    assert "Karim Osman" in entity_names(db)
    # a fourth document gives a fuller form: storing it names the entity after it for now ...
    dossier.ingest([report(tmp_path, "valley-3", "2017-06-01",
                           "Karim Osman Khan Durrani, the chief of the Northern Valley Front, moved to Quetta in 2017.")],
                   db=db, workers=1)
    names = entity_names(db)
    # ... and re-clustering, which moves no document entity, names it again by its documents' votes
    assert "Karim Osman" in names and "Karim Osman Khan Durrani" not in names


def test_an_older_store_queues_every_entity_to_be_named_again(tmp_path):
    db = tmp_path / "kb.db"
    dossier.ingest([report(tmp_path, "valley", "2016-06-01",
                           "Karim Osman, the chief of the Northern Valley Front, moved to Lahore in 2016.")],
                   db=db, workers=1)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("DROP TABLE names_due")
    connection.execute("DELETE FROM migrations WHERE name = '0006_names_due'")
    connection.execute("PRAGMA user_version = 5")
    connection.close()
    with open_store(db, write=True) as store:
        queued = {r[0] for r in store.query("SELECT entity_id FROM names_due")}
        assert queued and queued == {r[0] for r in store.query("SELECT id FROM entities")}
