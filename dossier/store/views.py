"""Read-side queries: documents, sources, entities and profiles as plain values."""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field

from dossier.errors import NotFound
from dossier.model import Entity, Event, Evidence, Extraction, Participant, Relation, Source
from dossier.store.entity_claims import claim_counts, claim_page, rows_in
from dossier.store.reviews import reviewed
from dossier.store.sqlite import Store


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    path: str
    format: str
    title: str | None
    date: str | None
    authors: tuple[str, ...]
    publisher: str | None
    url: str | None
    words: int
    sources: int
    entities: int
    claims: int
    extractor: str
    ingested_at: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class SourceInfo:
    id: int
    document: str
    local_id: str
    kind: str
    title: str | None
    publisher: str | None
    author: str | None
    date: str | None
    url: str | None
    accessed: str | None


@dataclass(frozen=True)
class EntityInfo:
    id: int
    type: str
    name: str
    subtype: str | None
    names: int
    documents: int
    claims: int


@dataclass(frozen=True)
class NameUse:
    """A name of an entity and the documents that use it."""

    name: str
    documents: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceView:
    document: str
    start: int
    end: int
    sentence: str
    sources: tuple[SourceInfo, ...]


@dataclass(frozen=True)
class Party:
    """An entity taking part in a claim, as the knowledge base resolved it."""

    role: str
    entity_id: int
    name: str
    type: str


@dataclass(frozen=True)
class ClaimView:
    id: int
    kind: str  # relation | event
    type: str
    document: str
    parties: tuple[Party, ...]  # relations: subject then object; events: participants
    start: str | None = None
    end: str | None = None
    date: str | None = None
    role: str | None = None
    location: str | None = None
    killed: int | None = None
    count: int | None = None
    approx: bool = False
    evidence: tuple[EvidenceView, ...] = ()
    review: str | None = None  # accepted | edited, when the analyst reviewed it (rejected ones are left out)


@dataclass(frozen=True)
class Profile:
    entity: EntityInfo
    names: tuple[NameUse, ...]
    memberships: tuple[tuple[str, str, str], ...]  # (document, name there, reason)
    claims: tuple[ClaimView, ...] = field(default=())
    as_of: str | None = None  # when given, only the claims that hold at that date
    counts: tuple[tuple[str, int], ...] = ()  # (claim type, claims of that type): all, shown or not

    @property
    def total_claims(self) -> int:
        """Every claim about the entity, including those a capped profile leaves out."""
        return sum(n for _, n in self.counts)

    @property
    def more_claims(self) -> int:
        """Claims about the entity that this profile does not show."""
        return max(0, self.total_claims - len(self.claims))


def _document(row) -> DocumentInfo:
    return DocumentInfo(row["id"], row["name"], row["path"], row["format"], row["title"], row["date"],
                        tuple(json.loads(row["authors"])), row["publisher"], row["url"], row["words"],
                        row["n_sources"], row["n_entities"], row["n_claims"], row["extractor"],
                        row["ingested_at"], tuple(json.loads(row["warnings"])))


DOCUMENT_SQL = """
SELECT d.*, (SELECT count(*) FROM sources s WHERE s.document_id = d.id) AS n_sources,
       (SELECT count(*) FROM doc_entities e WHERE e.document_id = d.id) AS n_entities,
       (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS n_claims
FROM documents d
"""


def documents(store: Store) -> list[DocumentInfo]:
    """Every stored document, by name."""
    return [_document(r) for r in store.query(DOCUMENT_SQL + " ORDER BY d.name, d.path")]


def document(store: Store, ref: str) -> DocumentInfo:
    """A document by name, path or file name."""
    rows = store.query(DOCUMENT_SQL + " WHERE d.name = ? OR d.path = ? OR d.path LIKE ? ORDER BY d.path",
                       (ref, ref, f"%/{ref}"))
    if not rows:
        known = ", ".join(d.name for d in documents(store)[:8])
        raise NotFound(f"no document '{ref}'", f"stored documents: {known}" if known else "the store is empty")
    return _document(rows[0])


def documents_named(store: Store, names: set[str]) -> dict[str, DocumentInfo]:
    """Documents by name, read in one pass per 500 names (the first by path where two share a name)."""
    found: dict[str, DocumentInfo] = {}
    for row in sorted(rows_in(store, DOCUMENT_SQL + " WHERE d.name IN ({ids})", sorted(names)), key=lambda r: r["path"]):
        found.setdefault(row["name"], _document(row))
    return found


def _source(row, document: str | None = None) -> SourceInfo:
    return SourceInfo(row["id"], document or row["document"], row["local_id"], row["kind"], row["title"],
                      row["publisher"], row["author"], row["date"], row["url"], row["accessed"])


SOURCE_SQL = "SELECT s.*, d.name AS document FROM sources s JOIN documents d ON d.id = s.document_id"


def sources(store: Store, document_ref: str | None = None) -> list[SourceInfo]:
    """Sources of one document, or of all documents."""
    if document_ref is None:
        rows = store.query(SOURCE_SQL + " ORDER BY d.name, s.id")
    else:
        rows = store.query(SOURCE_SQL + " WHERE d.id = ? ORDER BY s.id", (document(store, document_ref).id,))
    return [_source(r) for r in rows]


ENTITY_SQL = """
SELECT e.id, e.type, e.name, e.subtype,
       (SELECT count(DISTINCT n.key) FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id
         WHERE d.entity_id = e.id) AS n_names,
       (SELECT count(DISTINCT d.document_id) FROM doc_entities d WHERE d.entity_id = e.id) AS n_documents,
       (SELECT count(*) FROM entity_claims l WHERE l.entity_id = e.id) AS n_claims
FROM entities e
"""


def _entity(row) -> EntityInfo:
    return EntityInfo(row["id"], row["type"], row["name"], row["subtype"], row["n_names"], row["n_documents"],
                      row["n_claims"])


def entities(store: Store, entity_type: str | None = None) -> list[EntityInfo]:
    """Resolved entities, optionally of one type, by name."""
    if entity_type:
        rows = store.query(ENTITY_SQL + " WHERE e.type = ? ORDER BY e.name COLLATE NOCASE", (entity_type,))
    else:
        rows = store.query(ENTITY_SQL + " ORDER BY e.type, e.name COLLATE NOCASE")
    return [_entity(r) for r in rows]


def entity_info(store: Store, entity_id: int) -> EntityInfo:
    rows = store.query(ENTITY_SQL + " WHERE e.id = ?", (entity_id,))
    if not rows:
        raise NotFound(f"no entity with id {entity_id}")
    return _entity(rows[0])


def find_entities(store: Store, key: str, spelling: str | None = None) -> list[EntityInfo]:
    """Entities that some document names with this name key (any alias or honorific form), else
    with this spelling key (another romanisation of the name)."""
    rows = store.query(
        "SELECT DISTINCT d.entity_id AS id FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
        " WHERE n.key = ?", (key,)) if key else []
    if not rows and spelling:
        rows = store.query("SELECT DISTINCT d.entity_id AS id FROM doc_entity_keys k JOIN doc_entities d"
                           " ON d.id = k.doc_entity_id WHERE k.kind = 'name' AND k.key = ?", (spelling,))
    return sorted((entity_info(store, r["id"]) for r in rows), key=lambda e: (-e.documents, -e.claims, e.id))


def suggest(store: Store, name: str, key: str, limit: int = 5) -> list[str]:
    """Entity names for a name that matched nothing: names containing its words, then names spelled alike."""
    words = [w for w in name.split() if len(w) > 2][:3]
    found: list[str] = []
    if words:
        clause = " AND ".join("n.name LIKE ?" for _ in words)
        found = [r["name"] for r in store.query(
            f"SELECT DISTINCT e.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
            f" JOIN entities e ON e.id = d.entity_id WHERE {clause} LIMIT ?", (*[f"%{w}%" for w in words], limit))]
    if key and len(found) < limit:
        names_by_key: dict[str, list[str]] = {}
        for r in store.query("SELECT DISTINCT n.key, e.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
                             " JOIN entities e ON e.id = d.entity_id"):
            names_by_key.setdefault(r["key"], []).append(r["name"])
        for close in difflib.get_close_matches(key, names_by_key, n=limit, cutoff=0.8):
            found += [n for n in names_by_key[close] if n not in found]
    return found[:limit]


PER_TYPE = 20  # claims of each type a profile shows: an organization may have tens of thousands of members


def profile(store: Store, entity_id: int, per_type: int | None = PER_TYPE, offset: int = 0,
            info: EntityInfo | None = None, memberships: bool = True) -> Profile:
    """An entity with every name it goes by (and where), and its claims with evidence: of each type
    the first `per_type` from `offset` on (undated, then oldest first; all when None); `counts` has
    how many there are of each type. `info`: the entity's, when the caller has it already;
    `memberships` False leaves out each document's record (thousands for a large organization)."""
    info = info if info is not None and info.id == entity_id else entity_info(store, entity_id)
    uses: dict[str, dict[str, None]] = {}
    for r in store.query(
            "SELECT n.name, doc.name AS document FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
            " JOIN documents doc ON doc.id = d.document_id WHERE d.entity_id = ? ORDER BY n.is_primary DESC, n.id",
            (entity_id,)):
        uses.setdefault(r["name"], {})[r["document"]] = None  # documents in order, once each
    records = tuple((r["document"], r["name"], r["reason"]) for r in store.query(
        "SELECT doc.name AS document, d.name, d.reason FROM doc_entities d JOIN documents doc"
        " ON doc.id = d.document_id WHERE d.entity_id = ? ORDER BY doc.name", (entity_id,))) if memberships else ()
    counts = claim_counts(store, entity_id)
    if per_type is None:
        claim_ids = claim_ids_of(store, entity_id)
    else:
        claim_ids = [i for kind, _ in counts for i in claim_page(store, entity_id, kind, per_type, offset)]
    names = tuple(NameUse(n, tuple(d)) for n, d in uses.items())
    return Profile(info, names, records, tuple(claims(store, claim_ids)), counts=counts)


def claim_ids_of(store: Store, entity_id: int, types: tuple[str, ...] | None = None) -> list[int]:
    """Every claim an entity takes part in, as subject, object or event participant (of these types)."""
    if not types:
        return [r[0] for r in store.query(
            "SELECT claim_id FROM entity_claims WHERE entity_id = ? ORDER BY claim_id", (entity_id,))]
    marks = ",".join("?" * len(types))
    return [r[0] for r in store.query(
        f"SELECT claim_id FROM entity_claims WHERE entity_id = ? AND type IN ({marks}) ORDER BY claim_id",
        (entity_id, *types))]


def claims(store: Store, claim_ids: list[int], evidence: bool = True, as_reviewed: bool = True) -> list[ClaimView]:
    """Claims with their parties, evidence sentences and cited sources (without evidence when not
    asked for: enough to group claims into facts and read their dates); as the analyst reviewed them
    (store/reviews.py) unless `as_reviewed` is False."""
    rows = rows_in(store, "SELECT * FROM claims WHERE id IN ({ids})", claim_ids)
    documents = document_names(store, {r["document_id"] for r in rows})
    parties = _parties(store, rows)
    stated = _evidence(store, rows, documents) if evidence else {}
    out = [ClaimView(r["id"], r["kind"], r["type"], documents[r["document_id"]], tuple(parties.get(r["id"], ())),
                     r["start"], r["end"], r["date"], r["role"], r["location"], r["killed"], r["count"],
                     bool(r["approx"]), tuple(stated.get(r["id"], ()))) for r in rows]
    if as_reviewed:
        out = reviewed(store, out)
    return sorted(out, key=lambda c: (c.kind, c.type, c.start or c.date or c.end or "", c.id))


def relation_claims(store: Store, claim_ids: list[int]) -> list[ClaimView]:
    """Relation claims with their two parties, period and document but no evidence, as the analyst
    reviewed them: what a drawn network needs, read in one join per 500 claims."""
    rows = rows_in(store, "SELECT c.id, c.type, c.start, c.end, c.role, c.approx, c.document_id, s.entity_id AS s,"
                          " o.entity_id AS o FROM claims c JOIN doc_entities s ON s.id = c.subject JOIN doc_entities o"
                          " ON o.id = c.object WHERE c.id IN ({ids})", claim_ids)
    documents = document_names(store, {r["document_id"] for r in rows})
    entities = {r["id"]: r for r in rows_in(store, "SELECT id, name, type FROM entities WHERE id IN ({ids})",
                                             {r[k] for r in rows for k in ("s", "o")})}
    out = [ClaimView(r["id"], "relation", r["type"], documents[r["document_id"]],
                     tuple(Party(role, entities[r[k]]["id"], entities[r[k]]["name"], entities[r[k]]["type"])
                           for role, k in (("subject", "s"), ("object", "o"))),
                     r["start"], r["end"], role=r["role"], approx=bool(r["approx"])) for r in rows]
    return sorted(reviewed(store, out), key=lambda c: (c.type, c.start or c.end or "", c.id))


def document_names(store: Store, document_ids: set[int]) -> dict[int, str]:
    """The names of these documents, by id."""
    return {r[0]: r[1] for r in rows_in(store, "SELECT id, name FROM documents WHERE id IN ({ids})", document_ids)}


PARTY_ORDER = {"subject": 0, "object": 1, "agent": 2, "patient": 3, "organization": 4}


def _parties(store: Store, claim_rows: list) -> dict[int, list[Party]]:
    """Each claim's parties: subject and object, then participants in the order stated, by role."""
    links = [(r["id"], role, r[role]) for r in claim_rows for role in ("subject", "object") if r[role] is not None]
    links += [tuple(p) for p in rows_in(store, "SELECT claim_id, role, doc_entity_id FROM participants"
                                               " WHERE claim_id IN ({ids}) ORDER BY claim_id, rowid",
                                         [r["id"] for r in claim_rows])]
    entity_of = {r[0]: r[1] for r in rows_in(store, "SELECT id, entity_id FROM doc_entities WHERE id IN ({ids})",
                                              {link[2] for link in links})}
    entities = {r["id"]: r for r in rows_in(store, "SELECT id, name, type FROM entities WHERE id IN ({ids})",
                                             set(entity_of.values()))}
    parties: dict[int, list[Party]] = {}
    for claim, role, doc_entity in links:
        e = entities[entity_of[doc_entity]]
        parties.setdefault(claim, []).append(Party(role, e["id"], e["name"], e["type"]))
    for items in parties.values():
        items.sort(key=lambda p: PARTY_ORDER.get(p.role, 9))
    return parties


def _evidence(store: Store, claim_rows: list, documents: dict[int, str]) -> dict[int, list[EvidenceView]]:
    """Each claim's evidence sentences, each with the sources it cites (by source id)."""
    sentences: dict[int, object] = {}
    cited: dict[int, list[int]] = {}
    for r in rows_in(store, "SELECT ev.*, es.source_id FROM evidence ev LEFT JOIN evidence_sources es"
                             " ON es.evidence_id = ev.id WHERE ev.claim_id IN ({ids}) ORDER BY ev.id",
                      [r["id"] for r in claim_rows]):
        sentences.setdefault(r["id"], r)
        if r["source_id"] is not None:
            cited.setdefault(r["id"], []).append(r["source_id"])
    sources = {r["id"]: r for r in rows_in(store, "SELECT * FROM sources WHERE id IN ({ids})",
                                            {i for ids in cited.values() for i in ids})}
    source_documents = document_names(store, {r["document_id"] for r in sources.values()} - documents.keys())
    document_of = {r["id"]: documents[r["document_id"]] for r in claim_rows}
    evidence: dict[int, list[EvidenceView]] = {}
    for evidence_id, r in sentences.items():
        shown = tuple(_source(sources[i], documents.get(sources[i]["document_id"])
                              or source_documents[sources[i]["document_id"]]) for i in sorted(cited.get(evidence_id, ())))
        evidence.setdefault(r["claim_id"], []).append(
            EvidenceView(document_of[r["claim_id"]], r["start"], r["end"], r["sentence"], shown))
    return evidence


def stored_extraction(store: Store, document_id: int) -> tuple[DocumentInfo, Extraction, tuple[Source, ...]]:
    """A stored document's extraction rebuilt as the extractor returned it, with its sources."""
    info = _document(store.query(DOCUMENT_SQL + " WHERE d.id = ?", (document_id,))[0])
    names: dict[int, list[str]] = {}
    for r in store.query("SELECT n.doc_entity_id, n.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
                         " WHERE d.document_id = ? ORDER BY n.doc_entity_id, n.is_primary DESC, n.id", (document_id,)):
        names.setdefault(r["doc_entity_id"], []).append(r["name"])
    local: dict[int, str] = {}
    entities_out = []
    for r in store.query("SELECT * FROM doc_entities WHERE document_id = ? ORDER BY id", (document_id,)):
        local[r["id"]] = r["local_id"]
        entities_out.append(Entity(r["local_id"], r["type"], r["name"],
                                   tuple(n for n in names.get(r["id"], [])[1:]), r["subtype"]))
    source_local = {r["id"]: r["local_id"] for r in store.query(
        "SELECT id, local_id FROM sources WHERE document_id = ?", (document_id,))}
    cited: dict[int, list[str]] = {}
    for r in store.query("SELECT es.evidence_id, es.source_id FROM evidence_sources es JOIN evidence ev"
                         " ON ev.id = es.evidence_id JOIN claims c ON c.id = ev.claim_id WHERE c.document_id = ?",
                         (document_id,)):
        cited.setdefault(r["evidence_id"], []).append(source_local[r["source_id"]])
    evidence: dict[int, list[Evidence]] = {}
    for r in store.query("SELECT ev.* FROM evidence ev JOIN claims c ON c.id = ev.claim_id WHERE c.document_id = ?"
                         " ORDER BY ev.id", (document_id,)):
        evidence.setdefault(r["claim_id"], []).append(
            Evidence(r["start"], r["end"], r["sentence"], tuple(cited.get(r["id"], ()))))
    participants: dict[int, list[Participant]] = {}
    for r in store.query("SELECT p.* FROM participants p JOIN claims c ON c.id = p.claim_id WHERE c.document_id = ?",
                         (document_id,)):
        participants.setdefault(r["claim_id"], []).append(Participant(r["role"], local[r["doc_entity_id"]]))
    relations, events = [], []
    for r in store.query("SELECT * FROM claims WHERE document_id = ? ORDER BY id", (document_id,)):
        ev = tuple(evidence.get(r["id"], ()))
        if r["kind"] == "relation":
            relations.append(Relation(r["type"], local[r["subject"]], local[r["object"]], r["start"], r["end"],
                                      r["role"], bool(r["approx"]), ev, r["confidence"]))
        else:
            events.append(Event(r["type"], r["date"], r["location"], tuple(participants.get(r["id"], ())),
                                r["killed"], r["count"], bool(r["approx"]), ev, r["confidence"]))
    source_rows = store.query("SELECT * FROM sources WHERE document_id = ? ORDER BY id", (document_id,))
    sources_out = tuple(Source(r["local_id"], r["title"], r["publisher"], r["author"], r["date"], r["url"],
                               r["accessed"], r["kind"], r["note"]) for r in source_rows)
    return info, Extraction(info.extractor, tuple(entities_out), tuple(relations), tuple(events)), sources_out


def relation_edges(store: Store, entity_ids: list[int]) -> list[tuple[int, int, int, str]]:
    """(entity, other entity, claim id, relation type) for every relation of these entities, both ways."""
    return [tuple(r) for r in rows_in(store, "SELECT entity_id, other_id, claim_id, type FROM entity_claims"
                                             " WHERE entity_id IN ({ids}) AND other_id IS NOT NULL", entity_ids)]


def explanation(store: Store, entity_id: int) -> list[dict]:
    """Each document's record of an entity: the document, the names it uses, and why it belongs."""
    out = []
    for r in store.query(
            "SELECT d.id, doc.name AS document, d.name, d.reason FROM doc_entities d JOIN documents doc"
            " ON doc.id = d.document_id WHERE d.entity_id = ? ORDER BY d.reason LIKE 'first named%' DESC, doc.name",
            (entity_id,)):
        names = [n[0] for n in store.query("SELECT name FROM names WHERE doc_entity_id = ? ORDER BY is_primary DESC, id",
                                           (r["id"],))]
        out.append({"document": r["document"], "name": r["name"], "names": names, "reason": r["reason"]})
    return out
