"""The knowledge base read for export one document at a time (claims, their parties, evidence and
sources), and entities with their names as one stream: a base of a million claims is never held
in memory at once."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable, Iterator

from dossier.store.entity_claims import rows_in
from dossier.store.sqlite import Store


@dataclass(frozen=True)
class Party:
    """An entity taking part in a claim: subject, object, or an event participant's role."""

    role: str
    entity_id: int


@dataclass(frozen=True)
class Statement:
    """The sentence that states a claim, and the ids of the sources it cites."""

    id: int
    start: int
    end: int
    sentence: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class ClaimRow:
    """A stored claim with its parties resolved to entities and its evidence."""

    id: int
    key: str  # fingerprint and its occurrence in the document: stable across re-ingest
    kind: str
    type: str
    parties: tuple[Party, ...]
    start: str | None
    end: str | None
    date: str | None
    role: str | None
    location: str | None
    killed: int | None
    count: int | None
    approx: bool
    confidence: float
    evidence: tuple[Statement, ...]


@dataclass(frozen=True)
class DocumentBatch:
    """One document with its sources, the entities it names and its claims."""

    document: dict  # the documents row without its text and structure
    sources: dict[int, dict]  # source id → row
    entity_ids: tuple[int, ...]  # the resolved entities the document names
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass(frozen=True)
class EntityRow:
    """A resolved entity and every name documents use for it, with the documents that use each."""

    id: int
    type: str
    name: str
    subtype: str | None
    anchor: str  # its first record: "document name#local id", stable across re-ingest
    names: tuple[tuple[str, str, bool], ...]  # (name, document name, whether that document's main name)


DOCUMENT_COLUMNS = "id, path, name, format, content_hash, title, date, authors, publisher, url, words, ingested_at"


def document_count(store: Store) -> int:
    """How many documents the knowledge base holds."""
    return store.query("SELECT count(*) FROM documents")[0][0]


def last_ingest(store: Store) -> str | None:
    """When a document was last ingested (ISO timestamp): the knowledge base's own date."""
    return store.query("SELECT max(ingested_at) FROM documents")[0][0]


def earliest_date(store: Store) -> str | None:
    """The earliest date any claim gives (start, date or end), as a partial date."""
    return store.query("SELECT min(day) FROM entity_claims WHERE day != ''")[0][0]


def documents_about(store: Store, entity_ids: Iterable[int]) -> list[int]:
    """The documents with a claim that one of these entities takes part in, by id."""
    claims = rows_in(store, "SELECT DISTINCT claim_id FROM entity_claims WHERE entity_id IN ({ids})", entity_ids)
    found = rows_in(store, "SELECT DISTINCT document_id FROM claims WHERE id IN ({ids})", [r[0] for r in claims])
    return sorted({r[0] for r in found})


def entities_with_claims(store: Store) -> list[int]:
    """The id of every entity that takes part in a claim, in order."""
    return [r[0] for r in store.query("SELECT DISTINCT entity_id FROM entity_claims ORDER BY entity_id")]


def claim_keys(store: Store, claim_ids: list[int]) -> dict[int, tuple[str, str]]:
    """(content hash of its document, key) of each of these claims, by id: see ClaimRow.key."""
    rows = rows_in(store, "SELECT c.id, d.content_hash, c.fingerprint || '-' || (SELECT count(*) FROM claims o"
                          " WHERE o.fingerprint = c.fingerprint AND o.document_id = c.document_id AND o.id <= c.id)"
                          " FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN ({ids})", claim_ids)
    return {r[0]: (r[1], r[2]) for r in rows}


def document_ids(store: Store) -> list[int]:
    """The id of every document, in order."""
    return [r[0] for r in store.query("SELECT id FROM documents ORDER BY id")]


def document_batches(store: Store, ids: list[int]) -> Iterator[DocumentBatch]:
    """These documents with their claims, one in memory at a time."""
    for document_id in ids:
        yield _batch(store, document_id)


def _batch(store: Store, document_id: int) -> DocumentBatch:
    db = store.db
    document = dict(db.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)).fetchone())
    sources = {r["id"]: dict(r) for r in db.execute("SELECT * FROM sources WHERE document_id = ? ORDER BY id",
                                                     (document_id,))}
    entity_of = {r[0]: r[1] for r in db.execute("SELECT id, entity_id FROM doc_entities WHERE document_id = ?",
                                                 (document_id,))}
    participants: dict[int, list[Party]] = {}
    for r in db.execute("SELECT p.claim_id, p.role, p.doc_entity_id FROM participants p JOIN claims c"
                        " ON c.id = p.claim_id WHERE c.document_id = ? ORDER BY p.claim_id, p.rowid", (document_id,)):
        participants.setdefault(r[0], []).append(Party(r[1], entity_of[r[2]]))
    evidence = _evidence(store, document_id)
    seen: Counter[str] = Counter()
    claims = []
    for r in db.execute("SELECT * FROM claims WHERE document_id = ? ORDER BY id", (document_id,)):
        seen[r["fingerprint"]] += 1
        parties = (tuple(Party(role, entity_of[r[role]]) for role in ("subject", "object"))
                   if r["kind"] == "relation" else tuple(participants.get(r["id"], ())))
        claims.append(ClaimRow(r["id"], f"{r['fingerprint']}-{seen[r['fingerprint']]}", r["kind"], r["type"], parties,
                               r["start"], r["end"], r["date"], r["role"], r["location"], r["killed"], r["count"],
                               bool(r["approx"]), r["confidence"], tuple(evidence.get(r["id"], ()))))
    return DocumentBatch(document, sources, tuple(sorted(set(entity_of.values()))), claims)


def _evidence(store: Store, document_id: int) -> dict[int, list[Statement]]:
    """Each claim's evidence sentences with the sources they cite, by claim id."""
    rows = store.db.execute(
        "SELECT ev.id, ev.claim_id, ev.start, ev.end, ev.sentence, es.source_id FROM evidence ev JOIN claims c"
        " ON c.id = ev.claim_id LEFT JOIN evidence_sources es ON es.evidence_id = ev.id WHERE c.document_id = ?"
        " ORDER BY ev.id, es.source_id", (document_id,))
    out: dict[int, list[Statement]] = {}
    for evidence_id, group in groupby(rows, key=lambda r: r[0]):
        group = list(group)
        first = group[0]
        cited = tuple(dict.fromkeys(r[5] for r in group if r[5] is not None))
        out.setdefault(first[1], []).append(Statement(evidence_id, first[2], first[3], first[4], cited))
    return out


def entity_rows(store: Store, entity_ids: Iterable[int] | None = None) -> Iterator[EntityRow]:
    """Every entity (or these), by id, with its names; one entity in memory at a time."""
    sql = ("SELECT e.id, e.type, e.name, e.subtype, n.name AS alias, d.name AS document, n.is_primary, de.local_id"
           " FROM entities e JOIN doc_entities de ON de.entity_id = e.id JOIN documents d ON d.id = de.document_id"
           " JOIN names n ON n.doc_entity_id = de.id")
    if entity_ids is None:
        rows: Iterable = store.db.execute(sql + " ORDER BY e.id, d.name, de.local_id, n.is_primary DESC, n.id")
    else:
        rows = _each_entity(store, sql, sorted(entity_ids))
    for entity_id, group in groupby(rows, key=lambda r: r["id"]):
        group = list(group)
        first = group[0]
        names = tuple((r["alias"], r["document"], bool(r["is_primary"])) for r in group)
        yield EntityRow(entity_id, first["type"], first["name"], first["subtype"],
                        f"{first['document']}#{first['local_id']}", names)


def _each_entity(store: Store, sql: str, entity_ids: list[int]) -> Iterator:
    for entity_id in entity_ids:
        yield from store.db.execute(sql + " WHERE e.id = ? ORDER BY d.name, de.local_id, n.is_primary DESC, n.id",
                                    (entity_id,))
