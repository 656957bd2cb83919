"""A stored document as its reader sees it: the text, its sentences, the entities it mentions and its
footnote markers with the sources they cite."""
from __future__ import annotations

import json
from dataclasses import dataclass

from dossier.errors import NotFound
from dossier.store.entity_claims import rows_in
from dossier.store.sqlite import Store
from dossier.store.views import SourceInfo, sources


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity_id: int
    name: str  # the entity's name (not the words at the mention)
    type: str


@dataclass(frozen=True)
class Footnote:
    start: int
    end: int
    marker: str
    source_ids: tuple[int, ...]


@dataclass(frozen=True)
class DocumentText:
    id: int
    name: str
    title: str | None
    date: str | None
    publisher: str | None
    url: str | None
    authors: tuple[str, ...]
    text: str
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    footnotes: tuple[Footnote, ...]
    sources: tuple[SourceInfo, ...]


def document_text(store: Store, document_id: int) -> DocumentText:
    """One document by id, with its sentences, mentions (in text order) and footnote markers."""
    rows = store.query("SELECT * FROM documents WHERE id = ?", (document_id,)) if 0 < document_id < 2**63 else []
    if not rows:
        raise NotFound(f"no document #{document_id}", "list them at /api/documents")
    doc = rows[0]
    structure = json.loads(doc["structure"])
    cited = sources(store, doc["path"])
    source_id = {s.local_id: s.id for s in cited}
    mentions = tuple(Mention(r["start"], r["end"], r["entity_id"], r["name"], r["type"]) for r in store.query(
        "SELECT m.start, m.end, e.id AS entity_id, e.name, e.type FROM mentions m JOIN doc_entities d"
        " ON d.id = m.doc_entity_id JOIN entities e ON e.id = d.entity_id WHERE d.document_id = ? AND m.end > m.start"
        " ORDER BY m.start, m.end", (document_id,)))
    footnotes = tuple(Footnote(start, end, label, tuple(source_id[s] for s in local if s in source_id))
                      for start, end, label, local in structure.get("citations", ()))
    return DocumentText(doc["id"], doc["name"], doc["title"], doc["date"], doc["publisher"], doc["url"],
                        tuple(json.loads(doc["authors"])), doc["text"],
                        tuple((s[0], s[1]) for s in structure.get("sentences", ())), mentions, footnotes, tuple(cited))


def claim_documents(store: Store, claim_ids) -> dict[int, int]:
    """The id of the document that states each of these claims, by claim id."""
    return {r[0]: r[1] for r in rows_in(store, "SELECT id, document_id FROM claims WHERE id IN ({ids})", claim_ids)}
