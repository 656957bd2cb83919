"""CSV tables: one file per kind of row, UTF-8, RFC 4180 (Python's csv module), ids joining them.

docs/csv.md describes every column. Ids are the store's: they hold across re-exports of one
knowledge base; `key` (claims) and `anchor` (entities) hold across re-ingest of the same documents.
Rows are written as the store is read, one document at a time.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, TextIO

from dossier.export import EVERYTHING, ExportScope
from dossier.export.files import atomic_streams, prepare_folder
from dossier.export.selection import check_as_of, check_not_empty, keeps, scoped_documents
from dossier.store import Store
from dossier.store.batches import ClaimRow, DocumentBatch, document_batches, entity_rows

COLUMNS = {
    "documents": ["id", "name", "title", "date", "publisher", "authors", "url", "content_hash"],
    "sources": ["id", "document_id", "local_id", "kind", "title", "publisher", "author", "date", "url", "accessed",
                "note"],
    "entities": ["id", "anchor", "type", "subtype", "name"],
    "names": ["entity_id", "name", "document", "main"],
    "relations": ["id", "key", "document_id", "type", "subject_id", "object_id", "start", "end", "role", "approx",
                  "confidence"],
    "events": ["id", "key", "document_id", "type", "date", "location", "killed", "count", "approx", "confidence"],
    "participants": ["event_id", "role", "entity_id"],
    "evidence": ["id", "claim_id", "document_id", "start", "end", "sentence", "source_ids"],
}


def export_csv(store: Store, out: str | Path, scope: ExportScope = EVERYTHING,
               progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write documents.csv, sources.csv, entities.csv, names.csv, relations.csv, events.csv,
    participants.csv and evidence.csv; `progress(done, total)` is told after each document."""
    check_not_empty(store)
    check_as_of(store, scope)
    folder = prepare_folder(out)
    with atomic_streams(folder) as open_file:
        tables = {name: _writer(open_file(f"{name}.csv", newline=""), columns) for name, columns in COLUMNS.items()}
        ids = scoped_documents(store, scope)
        for done, batch in enumerate(document_batches(store, ids), 1):
            _write_batch(tables, batch, scope)
            if progress:
                progress(done, len(ids))
        for entity in entity_rows(store, scope.entity_ids):
            tables["entities"].writerow([entity.id, entity.anchor, entity.type, entity.subtype, entity.name])
            tables["names"].writerows([entity.id, name, document, int(main)] for name, document, main in entity.names)
    return [folder / f"{name}.csv" for name in COLUMNS]


def _writer(stream: TextIO, columns: list[str]):
    """A CSV writer on the stream, its header row written."""
    writer = csv.writer(stream)
    writer.writerow(columns)
    return writer


def _write_batch(tables: dict, batch: DocumentBatch, scope: ExportScope) -> None:
    """One document's rows: the document and its sources when any of its claims is kept (or when
    the whole base is exported), and the kept claims with their evidence."""
    kept = [c for c in batch.claims if keeps(c, scope)]
    if not kept and scope != EVERYTHING:
        return
    d = batch.document
    tables["documents"].writerow([d["id"], d["name"], d["title"], d["date"], d["publisher"],
                                  "; ".join(json.loads(d["authors"])), d["url"], d["content_hash"]])
    tables["sources"].writerows([s["id"], s["document_id"], s["local_id"], s["kind"], s["title"], s["publisher"],
                                 s["author"], s["date"], s["url"], s["accessed"], s["note"]]
                                for s in batch.sources.values())
    for claim in kept:
        _write_claim(tables, claim, d["id"], scope)


def _write_claim(tables: dict, c: ClaimRow, document_id: int, scope: ExportScope) -> None:
    if c.kind == "relation":
        tables["relations"].writerow([c.id, c.key, document_id, c.type, c.parties[0].entity_id,
                                      c.parties[1].entity_id, c.start, c.end, c.role, int(c.approx), c.confidence])
    else:
        tables["events"].writerow([c.id, c.key, document_id, c.type, c.date, c.location, c.killed, c.count,
                                   int(c.approx), c.confidence])
        tables["participants"].writerows([c.id, p.role, p.entity_id] for p in c.parties if scope.covers(p.entity_id))
    tables["evidence"].writerows([e.id, c.id, document_id, e.start, e.end, e.sentence, " ".join(map(str, e.sources))]
                                 for e in c.evidence)
