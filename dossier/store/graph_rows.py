"""The rows the network of the knowledge base is drawn from: entities, their names and every
relation claim between two entities, streamed so that a base of a million claims is read without
holding its rows twice."""
from __future__ import annotations

import sqlite3
from typing import Iterable, Iterator

from dossier.store.entity_claims import chunks
from dossier.store.sqlite import Store, _explain

RELATION_SQL = """
SELECT l.type,
       CASE WHEN l.type IN ({symmetric}) THEN min(l.entity_id, l.other_id) ELSE l.entity_id END AS a,
       CASE WHEN l.type IN ({symmetric}) THEN max(l.entity_id, l.other_id) ELSE l.other_id END AS b,
       c.start, c."end", c.approx, c.document_id,
       (SELECT group_concat(es.source_id) FROM evidence ev JOIN evidence_sources es ON es.evidence_id = ev.id
         WHERE ev.claim_id = c.id) AS sources,
       c.fingerprint
  FROM entity_claims l JOIN claims c ON c.id = l.claim_id
 WHERE l.role = 'subject' AND l.other_id IS NOT NULL {among}
"""


def _stream(store: Store, sql: str, params: tuple = ()) -> Iterator[tuple]:
    """The rows of a read query one at a time, database errors turned into StoreError."""
    try:
        for row in store.db.execute(sql, params):
            yield tuple(row)
    except sqlite3.Error as e:
        raise _explain(store.path, e) from None


def relation_rows(store: Store, symmetric: tuple[str, ...],
                  entity_ids: Iterable[int] | None = None) -> Iterator[tuple]:
    """(type, a, b, start, end, approx, document id, cited source ids "1,5", fingerprint) for every relation claim,
    a being the subject and b the object (the lower and the higher entity id for the `symmetric`
    types), ordered by (type, a, b) so that the claims of one fact come together. With `entity_ids`,
    only the claims whose subject is one of them."""
    marks = ",".join("?" * len(symmetric)) or "NULL"
    if entity_ids is None:
        yield from _stream(store, RELATION_SQL.format(symmetric=marks, among="") + " ORDER BY 1, 2, 3",
                           (*symmetric, *symmetric))
        return
    rows: list[tuple] = []
    for chunk in chunks(sorted(entity_ids)):
        among = f"AND l.entity_id IN ({','.join('?' * len(chunk))})"
        rows += _stream(store, RELATION_SQL.format(symmetric=marks, among=among), (*symmetric, *symmetric, *chunk))
    yield from sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def entity_rows(store: Store, entity_ids: Iterable[int] | None = None) -> Iterator[tuple[int, str, str]]:
    """(id, type, main name) of every entity, or of these."""
    if entity_ids is None:
        yield from _stream(store, "SELECT id, type, name FROM entities ORDER BY id")
        return
    for chunk in chunks(sorted(entity_ids)):
        yield from _stream(store, f"SELECT id, type, name FROM entities WHERE id IN ({','.join('?' * len(chunk))})"
                                  " ORDER BY id", tuple(chunk))


def name_rows(store: Store, entity_ids: Iterable[int] | None = None) -> Iterator[tuple[int, str]]:
    """(entity id, name) for every name any document gives an entity (of these), each once."""
    sql = "SELECT DISTINCT d.entity_id, n.name FROM doc_entities d JOIN names n ON n.doc_entity_id = d.id"
    if entity_ids is None:
        yield from _stream(store, sql + " ORDER BY d.entity_id, n.name")
        return
    for chunk in chunks(sorted(entity_ids)):
        yield from _stream(store, sql + f" WHERE d.entity_id IN ({','.join('?' * len(chunk))})"
                                        " ORDER BY d.entity_id, n.name", tuple(chunk))
