"""The store side of entity resolution: blocking keys, candidate records, re-clustering queue,
and reassigning document entities to entities. Only SQL; the decisions are resolve/'s."""
from __future__ import annotations

import json
from dataclasses import dataclass

from dossier.store.sqlite import Store, _fullness


@dataclass(frozen=True)
class StoredRecord:
    """A document entity as resolution sees it."""

    id: int
    document: str  # the document's name
    order: str  # content hash and local id: the same whatever order documents came in
    type: str
    names: tuple[str, ...]
    organizations: tuple[str, ...]
    entity_id: int


def add_keys(store: Store, doc_entity_id: int, entity_type: str, keys: list[tuple[str, str, str]]) -> None:
    """Store the blocking keys (kind, key, name) of a document entity."""
    store.db.executemany("INSERT OR IGNORE INTO doc_entity_keys (kind, key, type, doc_entity_id, name)"
                         " VALUES (?,?,?,?,?)", [(k, key, entity_type, doc_entity_id, n) for k, key, n in keys])


def holders(store: Store, entity_type: str, keys: list[tuple[str, str]]) -> list[dict]:
    """Stored document entities sharing any of these keys: kind, key, entity, name, document."""
    out = []
    for kind, key in keys:
        for r in store.db.execute(
                "SELECT k.kind, k.key, k.name, d.id AS doc_entity_id, d.entity_id, doc.name AS document"
                " FROM doc_entity_keys k JOIN doc_entities d ON d.id = k.doc_entity_id"
                " JOIN documents doc ON doc.id = d.document_id WHERE k.kind = ? AND k.key = ? AND k.type = ?",
                (kind, key, entity_type)):
            out.append(dict(r))
    return out


def mark_dirty(store: Store, keys: list[tuple[str, str, str]]) -> None:
    """Queue keys (kind, key, type) whose entities must be re-clustered."""
    store.db.executemany("INSERT OR IGNORE INTO dirty_keys (kind, key, type) VALUES (?,?,?)", keys)


def dirty(store: Store) -> list[tuple[str, str, str]]:
    """The queued keys."""
    return [tuple(r) for r in store.db.execute("SELECT kind, key, type FROM dirty_keys ORDER BY kind, key, type")]


def clear_dirty(store: Store, keys: list[tuple[str, str, str]]) -> None:
    store.db.executemany("DELETE FROM dirty_keys WHERE kind = ? AND key = ? AND type = ?", keys)


def all_doc_entities_without_keys(store: Store) -> list[tuple[int, str, list[str]]]:
    """(id, type, names) of document entities that have no keys yet (stored before keys existed)."""
    rows = store.db.execute("SELECT d.id, d.type FROM doc_entities d WHERE NOT EXISTS"
                            " (SELECT 1 FROM doc_entity_keys k WHERE k.doc_entity_id = d.id)").fetchall()
    out = []
    for r in rows:
        names = [n[0] for n in store.db.execute("SELECT name FROM names WHERE doc_entity_id = ? ORDER BY id",
                                               (r["id"],))]
        out.append((r["id"], r["type"], names))
    return out


def component(store: Store, seeds: list[tuple[str, str, str]], limit: int = 200_000) -> set[int]:
    """Document entities connected to the seed keys through shared keys (of one type)."""
    seen_keys: set[tuple[str, str, str]] = set()
    members: set[int] = set()
    frontier = list(seeds)
    while frontier and len(members) < limit:
        kind, key, kind_type = frontier.pop()
        if (kind, key, kind_type) in seen_keys:
            continue
        seen_keys.add((kind, key, kind_type))
        new = [r[0] for r in store.db.execute(
            "SELECT doc_entity_id FROM doc_entity_keys WHERE kind = ? AND key = ? AND type = ?",
            (kind, key, kind_type)) if r[0] not in members]
        members.update(new)
        for chunk in (new[i:i + 500] for i in range(0, len(new), 500)):
            marks = ",".join("?" * len(chunk))
            frontier += [tuple(r) for r in store.db.execute(
                f"SELECT kind, key, type FROM doc_entity_keys WHERE doc_entity_id IN ({marks})", chunk)]
    return members


def records(store: Store, ids: set[int]) -> list[StoredRecord]:
    """The records of these document entities, with the organizations their documents tie them to."""
    out = []
    id_list = sorted(ids)
    for chunk in (id_list[i:i + 500] for i in range(0, len(id_list), 500)):
        marks = ",".join("?" * len(chunk))
        names: dict[int, list[str]] = {}
        for r in store.db.execute(f"SELECT doc_entity_id, name FROM names WHERE doc_entity_id IN ({marks})"
                                  f" ORDER BY is_primary DESC, id", chunk):
            names.setdefault(r[0], []).append(r[1])
        orgs: dict[int, list[str]] = {}
        for r in store.db.execute(
                f"SELECT c.subject, o.name FROM claims c JOIN doc_entities o ON o.id = c.object"
                f" WHERE c.kind = 'relation' AND c.type IN ('member_of', 'leader_of') AND c.subject IN ({marks})",
                chunk):
            orgs.setdefault(r[0], []).append(r[1])
        for r in store.db.execute(
                f"SELECT d.id, d.type, d.local_id, d.entity_id, doc.name, doc.content_hash FROM doc_entities d"
                f" JOIN documents doc ON doc.id = d.document_id WHERE d.id IN ({marks})", chunk):
            out.append(StoredRecord(r["id"], r["name"], f"{r['content_hash']}:{int(r['local_id'][1:]):06d}",
                                    r["type"], tuple(names.get(r["id"], ())), tuple(orgs.get(r["id"], ())),
                                    r["entity_id"]))
    return sorted(out, key=lambda x: x.order)


def keys_of(store: Store, ids: set[int]) -> list[tuple[str, str, str, int, str]]:
    """(kind, key, type, doc_entity_id, name) of these document entities."""
    out = []
    id_list = sorted(ids)
    for chunk in (id_list[i:i + 500] for i in range(0, len(id_list), 500)):
        marks = ",".join("?" * len(chunk))
        out += [tuple(r) for r in store.db.execute(
            f"SELECT kind, key, type, doc_entity_id, name FROM doc_entity_keys WHERE doc_entity_id IN ({marks})",
            chunk)]
    return out


def new_entity(store: Store, entity_type: str, name: str) -> int:
    return store.db.execute("INSERT INTO entities (type, name) VALUES (?, ?)", (entity_type, name)).lastrowid


def assign(store: Store, assignments: dict[int, tuple[int, str]]) -> None:
    """Move document entities to entities, each with its reason; then tidy the entities touched."""
    touched = set()
    for doc_entity_id, (entity_id, reason) in assignments.items():
        old = store.db.execute("SELECT entity_id FROM doc_entities WHERE id = ?", (doc_entity_id,)).fetchone()
        if old:
            touched.add(old[0])
        touched.add(entity_id)
        store.db.execute("UPDATE doc_entities SET entity_id = ?, reason = ? WHERE id = ?",
                         (entity_id, reason, doc_entity_id))
    for entity_id in touched:
        rename(store, entity_id)


def rename(store: Store, entity_id: int) -> None:
    """Name an entity after its fullest name; remove it when no document names it any more."""
    rows = store.db.execute("SELECT name, subtype FROM doc_entities WHERE entity_id = ?", (entity_id,)).fetchall()
    if not rows:
        store.db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return
    best = max(rows, key=lambda r: _fullness(r["name"]))
    subtype = next((r["subtype"] for r in rows if r["subtype"]), None)
    store.db.execute("UPDATE entities SET name = ?, subtype = ? WHERE id = ?", (best["name"], subtype, entity_id))


def decisions(store: Store, kinds: tuple[str, ...] = ("merge", "split")) -> list[dict]:
    """Analyst decisions in force (not undone), oldest first."""
    marks = ",".join("?" * len(kinds))
    return [{"id": r["id"], "kind": r["kind"], **json.loads(r["payload"])} for r in store.db.execute(
        f"SELECT id, kind, payload FROM decisions WHERE kind IN ({marks}) AND undone_at IS NULL ORDER BY id",
        kinds)]
