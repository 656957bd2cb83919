"""Ingesting again: unchanged files are left alone, changed ones replaced, duplicates stored once.

These use the `simple` extractor, whose output stays put while the built-in rule extractor improves.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import dossier
from samples import DELTA_REPORT, FRONT_REPORT, dump, write

# front.md as its author revised it: Karim Osman and the third footnote are gone.
REVISED_FRONT = """\
---
title: The Northern Valley Front after 2015
date: 2021-04-01
publisher: Frontier Monitor
---
# The Northern Valley Front after 2015

Analysts first described the Northern Valley Front (NVF) as a splinter of an older militia.[^1]
Its headquarters moved to Lahore in 2016.[^2]

[^1]: Sara Lindqvist, "Splinters in the Valley", Frontier Review, 12 January 2019, https://frontier-review.example.org/splinters.
[^2]: "Front moves its base", Daily Ledger, 3 February 2017, https://ledger.example.com/front-moves.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """front.md and delta.md in a folder of their own."""
    reports = tmp_path / "reports"
    write(reports, "front.md", FRONT_REPORT)
    write(reports, "delta.md", DELTA_REPORT)
    return reports


@pytest.fixture
def db(tmp_path: Path, folder: Path) -> Path:
    """A knowledge base that holds both reports."""
    path = tmp_path / "kb.db"
    dossier.ingest([folder], db=path, workers=1, extractor="simple")
    return path


def statuses(report) -> list[tuple[str, str]]:
    """(file name, status) of every file of an ingest, by file name."""
    return sorted((Path(r.path).name, r.status) for r in report.results)


def rows(db: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_ingesting_the_same_files_again_reports_unchanged(db, folder):
    report = dossier.ingest([folder], db=db, workers=1, extractor="simple")
    assert statuses(report) == [("delta.md", "unchanged"), ("front.md", "unchanged")]


def test_ingesting_the_same_files_again_changes_no_row(db, folder):
    before = dump(db)
    dossier.ingest([folder], db=db, workers=1, extractor="simple")
    assert dump(db) == before


def test_unchanged_is_what_the_command_line_prints(cli, db, folder):
    result = cli("ingest", folder, "--extractor", "simple", db=db)
    assert result.returncode == 0, result.stderr
    assert "2 files: 2 unchanged" in result.stdout


def test_changed_file_is_reported_updated(db, folder):
    write(folder, "front.md", REVISED_FRONT)
    report = dossier.ingest([folder], db=db, workers=1, extractor="simple")
    assert statuses(report) == [("delta.md", "unchanged"), ("front.md", "updated")]


def test_changed_file_replaces_its_sources(db, folder):
    write(folder, "front.md", REVISED_FRONT)
    dossier.ingest([folder], db=db, workers=1, extractor="simple")
    assert rows(db, "SELECT s.local_id, s.title FROM sources s JOIN documents d ON d.id = s.document_id"
                    " WHERE d.name = 'front' ORDER BY s.local_id") == [
        ("1", "Splinters in the Valley"), ("2", "Front moves its base")]
    assert rows(db, "SELECT date FROM documents WHERE name = 'front'") == [("2021-04-01",)]


def test_changed_file_replaces_its_claims(db, folder):
    assert rows(db, "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.name = 'front'") \
        == [(1,)]
    write(folder, "front.md", REVISED_FRONT)
    dossier.ingest([folder], db=db, workers=1, extractor="simple")
    assert rows(db, "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.name = 'front'") \
        == [(0,)]


def test_entity_left_without_documents_disappears(db, folder):
    write(folder, "front.md", REVISED_FRONT)
    dossier.ingest([folder], db=db, workers=1, extractor="simple")
    with dossier.open(db) as kb:
        assert kb.find("Karim Osman") == []
        assert "Karim Osman" not in {e.name for e in kb.entities()}


def test_entity_still_named_by_another_document_stays(db, folder):
    renamed = REVISED_FRONT.replace("Northern Valley Front", "Eastern Ridge Brigade").replace("NVF", "ERB")
    write(folder, "front.md", renamed)
    dossier.ingest([folder], db=db, workers=1, extractor="simple")
    with dossier.open(db) as kb:
        [entity] = kb.find("Northern Valley Front")
        assert (entity.name, entity.documents) == ("Northern Valley Front", 1)


def test_no_row_points_at_a_replaced_document(db, folder):
    write(folder, "front.md", REVISED_FRONT)
    dossier.ingest([folder], db=db, workers=1, extractor="simple")
    orphans = {
        "sources": "SELECT count(*) FROM sources WHERE document_id NOT IN (SELECT id FROM documents)",
        "doc_entities": "SELECT count(*) FROM doc_entities WHERE document_id NOT IN (SELECT id FROM documents)",
        "names": "SELECT count(*) FROM names WHERE doc_entity_id NOT IN (SELECT id FROM doc_entities)",
        "mentions": "SELECT count(*) FROM mentions WHERE doc_entity_id NOT IN (SELECT id FROM doc_entities)",
        "claims": "SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)",
        "evidence": "SELECT count(*) FROM evidence WHERE claim_id NOT IN (SELECT id FROM claims)",
        "evidence_sources": "SELECT count(*) FROM evidence_sources WHERE evidence_id NOT IN (SELECT id FROM evidence)",
        "entities": "SELECT count(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM doc_entities)",
    }
    assert {table: rows(db, sql)[0][0] for table, sql in orphans.items()} == dict.fromkeys(orphans, 0)


def test_same_bytes_under_another_path_is_a_duplicate_and_not_stored(db, folder, tmp_path):
    copy = tmp_path / "elsewhere" / "front-copy.md"
    copy.parent.mkdir()
    shutil.copyfile(folder / "front.md", copy)
    before = dump(db)
    report = dossier.ingest([copy], db=db, workers=1, extractor="simple")
    assert statuses(report) == [("front-copy.md", "duplicate")]
    assert report.results[0].message == f"same content as {(folder / 'front.md').resolve()}; not stored twice"
    assert dump(db) == before


def test_duplicates_within_one_run_are_stored_once(folder, tmp_path):
    shutil.copyfile(folder / "front.md", folder / "front-copy.md")
    db = tmp_path / "fresh.db"
    report = dossier.ingest([folder], db=db, workers=1, extractor="simple")
    assert statuses(report) == [("delta.md", "added"), ("front-copy.md", "added"), ("front.md", "duplicate")]
    assert rows(db, "SELECT count(*) FROM documents") == [(2,)]


def test_force_reads_unchanged_files_again(db, folder):
    report = dossier.ingest([folder], db=db, workers=1, extractor="simple", force=True)
    assert statuses(report) == [("delta.md", "updated"), ("front.md", "updated")]
    assert rows(db, "SELECT name FROM documents ORDER BY name") == [("delta",), ("front",)]


def test_force_still_stores_a_duplicate_once(db, folder, tmp_path):
    copy = tmp_path / "front-copy.md"
    shutil.copyfile(folder / "front.md", copy)
    report = dossier.ingest([folder, copy], db=db, workers=1, extractor="simple", force=True)
    assert statuses(report) == [("delta.md", "updated"), ("front-copy.md", "duplicate"), ("front.md", "updated")]
    assert rows(db, "SELECT count(*) FROM documents") == [(2,)]


def test_force_gives_the_same_content_as_the_first_ingest(db, folder):
    def content() -> list[tuple]:
        return rows(db, "SELECT d.name, e.type, e.name, s.local_id, s.url FROM documents d"
                        " JOIN doc_entities e ON e.document_id = d.id JOIN sources s ON s.document_id = d.id"
                        " ORDER BY 1, 2, 3, 4")
    before = content()
    dossier.ingest([folder], db=db, workers=1, extractor="simple", force=True)
    assert content() == before
