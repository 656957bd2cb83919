"""The store side of entity resolution: blocking keys, candidate records, re-clustering queue,
and reassigning document entities to entities. Only SQL; the decisions are resolve/'s."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone

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
    places: tuple[str, ...] = ()

# The relations that tie an entity to the groups and the places it belongs to, as its document
# says: the context resolution weighs (a parent group for a group, a province for a district).
CONTEXT_RELATIONS = ("member_of", "leader_of", "part_of", "origin", "based_in")
# A key held by more document entities than this links nothing: it would make one component of
# the whole store. Words of names ("khan", "ali") are common, whole names and acronyms much less.
MAX_HOLDERS = {"word": 300}
MAX_HOLDERS_OTHER = 5000
# A key shared by more entities than this finds no candidates for a new document entity.
MAX_CANDIDATES = 300


def max_holders(kind: str) -> int:
    return MAX_HOLDERS.get(kind, MAX_HOLDERS_OTHER)


def add_keys(store: Store, doc_entity_id: int, entity_type: str, keys: list[tuple[str, str, str]]) -> None:
    """Store the blocking keys (kind, key, name) of a document entity."""
    store.db.executemany("INSERT OR IGNORE INTO doc_entity_keys (kind, key, type, doc_entity_id, name)"
                         " VALUES (?,?,?,?,?)", [(k, key, entity_type, doc_entity_id, n) for k, key, n in keys])


def holders(store: Store, entity_type: str, keys: list[tuple[str, str]]) -> dict[int, int]:
    """The entities whose document entities share any of these keys: entity id → how many of the
    keys it shares. A key too common to link anything (see `component`) is passed over, as is one
    shared by more than MAX_CANDIDATES entities."""
    out: dict[int, int] = {}
    for kind, key in keys:
        if crowded(store, kind, key, entity_type):
            continue
        rows = store.db.execute(
            "SELECT DISTINCT d.entity_id FROM doc_entity_keys k JOIN doc_entities d ON d.id = k.doc_entity_id"
            " WHERE k.kind = ? AND k.key = ? AND k.type = ? LIMIT ?",
            (kind, key, entity_type, MAX_CANDIDATES + 1)).fetchall()
        if len(rows) > MAX_CANDIDATES:
            continue
        for (entity_id,) in rows:
            out[entity_id] = out.get(entity_id, 0) + 1
    return out


def crowded(store: Store, kind: str, key: str, entity_type: str) -> bool:
    """Whether more document entities hold this key than `max_holders` allows (a bounded count)."""
    limit = max_holders(kind)
    return store.db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM doc_entity_keys WHERE kind = ? AND key = ? AND type = ? LIMIT ?)",
        (kind, key, entity_type, limit + 1)).fetchone()[0] > limit


def first_document(store: Store, entity_id: int) -> str | None:
    """The first document, by name, that names the entity."""
    return store.db.execute("SELECT MIN(doc.name) FROM doc_entities d JOIN documents doc ON doc.id = d.document_id"
                            " WHERE d.entity_id = ?", (entity_id,)).fetchone()[0]


def entity_names(store: Store, entity_id: int, limit: int = 200) -> tuple[str, ...]:
    """The distinct names the document entities of an entity go by (the most used first)."""
    return tuple(r[0] for r in store.db.execute(
        "SELECT n.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id WHERE d.entity_id = ?"
        " GROUP BY n.name ORDER BY COUNT(*) DESC, n.name LIMIT ?", (entity_id, limit)))


def entity_records(store: Store, entity_ids: list[int], limit: int = 60) -> dict[int, tuple[str, tuple, tuple, tuple]]:
    """What all the documents together say of each entity, as one record: type, its distinct
    names, and the organizations and places its documents tie it to (the most named first,
    at most `limit` of each)."""
    out = {}
    relations = ",".join(f"'{t}'" for t in CONTEXT_RELATIONS)
    for entity_id in entity_ids:
        row = store.db.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            continue
        names = entity_names(store, entity_id, limit)
        context = store.db.execute(
            f"SELECT o.name, o.type FROM doc_entities s JOIN claims c ON c.subject = s.id"
            f" JOIN doc_entities o ON o.id = c.object WHERE s.entity_id = ? AND c.kind = 'relation'"
            f" AND c.type IN ({relations}) GROUP BY o.name, o.type ORDER BY COUNT(*) DESC, o.name LIMIT ?",
            (entity_id, 2 * limit)).fetchall()
        out[entity_id] = (row[0], names, tuple(r[0] for r in context if r[1] == "organization"),
                          tuple(r[0] for r in context if r[1] == "location"))
    return out


def mark_dirty(store: Store, keys: list[tuple[str, str, str]]) -> None:
    """Queue keys (kind, key, type) whose entities must be re-clustered."""
    store.db.executemany("INSERT OR IGNORE INTO dirty_keys (kind, key, type) VALUES (?,?,?)", keys)


def dirty(store: Store, limit: int = -1) -> list[tuple[str, str, str]]:
    """The queued keys (the first `limit` of them, when given)."""
    return [tuple(r) for r in store.db.execute("SELECT kind, key, type FROM dirty_keys ORDER BY kind, key, type"
                                               " LIMIT ?", (limit,))]


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


def key_holders(store: Store, kind: str, key: str, entity_type: str) -> set[int]:
    """The document entities that hold a key (none when more than `max_holders` do)."""
    held = {r[0] for r in store.db.execute(
        "SELECT doc_entity_id FROM doc_entity_keys WHERE kind = ? AND key = ? AND type = ? LIMIT ?",
        (kind, key, entity_type, max_holders(kind) + 1))}
    return held if len(held) <= max_holders(kind) else set()


def component(store: Store, seeds: list[tuple[str, str, str]], limit: int = 200_000,
              expanded: set | None = None) -> set[int]:
    """Document entities connected to the seed keys through shared keys (of one type), up to about
    `limit` of them. The keys whose holders were taken in are added to `expanded`, when given: the
    group of any of them is this one."""
    seen_keys: set[tuple[str, str, str]] = set()
    members: set[int] = set()
    frontier = list(seeds)
    while frontier and len(members) < limit:
        kind, key, kind_type = frontier.pop()
        if (kind, key, kind_type) in seen_keys:
            continue
        seen_keys.add((kind, key, kind_type))
        held = [r[0] for r in store.db.execute(
            "SELECT doc_entity_id FROM doc_entity_keys WHERE kind = ? AND key = ? AND type = ? LIMIT ?",
            (kind, key, kind_type, max_holders(kind) + 1))]
        if len(held) > max_holders(kind):
            continue
        new = [i for i in held if i not in members]
        members.update(new)
        if expanded is not None:
            expanded.add((kind, key, kind_type))
        if len(members) >= limit:
            break  # enough to know the group is too large: its keys need not be read
        for chunk in (new[i:i + 500] for i in range(0, len(new), 500)):
            marks = ",".join("?" * len(chunk))
            frontier += [k for k in map(tuple, store.db.execute(
                f"SELECT DISTINCT kind, key, type FROM doc_entity_keys WHERE doc_entity_id IN ({marks})", chunk))
                if k not in seen_keys]
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
        places: dict[int, list[str]] = {}
        relations = ",".join(f"'{t}'" for t in CONTEXT_RELATIONS)
        for r in store.db.execute(
                f"SELECT c.subject, o.name, o.type FROM claims c JOIN doc_entities o ON o.id = c.object"
                f" WHERE c.kind = 'relation' AND c.type IN ({relations}) AND c.subject IN ({marks})", chunk):
            if r[2] == "organization":
                orgs.setdefault(r[0], []).append(r[1])
            elif r[2] == "location":
                places.setdefault(r[0], []).append(r[1])
        for r in store.db.execute(
                f"SELECT d.id, d.type, d.local_id, d.entity_id, doc.name, doc.content_hash FROM doc_entities d"
                f" JOIN documents doc ON doc.id = d.document_id WHERE d.id IN ({marks})", chunk):
            out.append(StoredRecord(r["id"], r["name"], f"{r['content_hash']}:{int(r['local_id'][1:]):06d}",
                                    r["type"], tuple(names.get(r["id"], ())),
                                    tuple(dict.fromkeys(orgs.get(r["id"], ()))), r["entity_id"],
                                    tuple(dict.fromkeys(places.get(r["id"], ())))))
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


def assign(store: Store, assignments: dict[int, tuple[int, str]], touched: set[int] | None = None) -> None:
    """Move document entities to entities, each with its reason; remove the entities left empty
    and name again those whose members changed, here or since they were last named (see
    `names_due`). Given a set `touched`, naming is left to `rename_due` and the entities that may
    need it are added to the set: a run of re-clusterings then names each entity once, at the end."""
    seen, changed = set(), set()
    for doc_entity_id, (entity_id, reason) in assignments.items():
        old = store.db.execute("SELECT entity_id, reason FROM doc_entities WHERE id = ?",
                               (doc_entity_id,)).fetchone()
        seen.add(entity_id)
        if old is not None and old[0] == entity_id and old[1] == reason:
            continue
        if old is None or old[0] != entity_id:
            changed.add(entity_id)
        if old is not None:
            seen.add(old[0])
            if old[0] != entity_id:
                changed.add(old[0])
        store.db.execute("UPDATE doc_entities SET entity_id = ?, reason = ? WHERE id = ?",
                         (entity_id, reason, doc_entity_id))
    for entity_id in sorted(changed):
        if not store.drop_if_empty(entity_id):
            store.name_later(entity_id)
    if touched is None:
        rename_due(store, seen)
    else:
        touched |= seen


def rename_due(store: Store, entity_ids: set[int]) -> None:
    """Name again those of these entities that wait for it."""
    for entity_id in sorted(names_due(store, entity_ids)):
        rename(store, entity_id)


def names_due(store: Store, entity_ids: set[int]) -> set[int]:
    """Those of these entities that a stored or deleted document changed since they were last named."""
    return {r[0] for r in _by_ids(store, "SELECT entity_id FROM names_due WHERE entity_id IN ({})", entity_ids)}


def rename(store: Store, entity_id: int) -> None:
    """Name an entity after its fullest name; remove it when no document names it any more."""
    # the name most documents call it by (then the one mentioned most), in its fullest form: the
    # votes and mentions of each name key are counted in SQL, then only the names of the best
    # key(s) are compared in Python (an entity may be named by thousands of documents)
    tally = store.db.execute(
        f"SELECT key, COUNT(*) AS votes, SUM(uses) AS uses FROM ({_NAMED}) GROUP BY key",
        (entity_id,)).fetchall()
    if not tally:
        store.db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return
    top = max((r["votes"], r["uses"]) for r in tally)
    keys = {r["key"] for r in tally if (r["votes"], r["uses"]) == top}
    marks = ",".join("?" * len(keys))
    rows = store.db.execute(f"SELECT name, key FROM ({_NAMED}) WHERE key IN ({marks}) ORDER BY id",
                            (entity_id, *keys)).fetchall()

    def preference(r) -> tuple:
        plain = re.sub(r"[^0-9a-z]", "", r["name"].lower()) == r["key"]  # no title before it
        return (plain, _fullness(r["name"]))

    best = max(rows, key=preference)
    subtype = store.db.execute("SELECT subtype FROM doc_entities WHERE entity_id = ? AND subtype IS NOT NULL"
                               " ORDER BY id LIMIT 1", (entity_id,)).fetchone()
    store.db.execute("UPDATE entities SET name = ?, subtype = ? WHERE id = ?",
                     (best["name"], subtype[0] if subtype else None, entity_id))
    store.db.execute("DELETE FROM names_due WHERE entity_id = ?", (entity_id,))


# The document entities of an entity: name, key of that name, and how often the document mentions it.
_NAMED = ("SELECT d.id, d.name, coalesce(n.key, lower(d.name)) AS key,"
          " (SELECT COUNT(*) FROM mentions m WHERE m.doc_entity_id = d.id) AS uses FROM doc_entities d"
          " LEFT JOIN names n ON n.doc_entity_id = d.id AND n.name = d.name AND n.is_primary = 1"
          " WHERE d.entity_id = ?")


def decisions(store: Store, kinds: tuple[str, ...] = ("merge", "split")) -> list[dict]:
    """Analyst decisions in force (not undone), oldest first."""
    marks = ",".join("?" * len(kinds))
    return [{"id": r["id"], "kind": r["kind"], **json.loads(r["payload"])} for r in store.db.execute(
        f"SELECT id, kind, payload FROM decisions WHERE kind IN ({marks}) AND undone_at IS NULL ORDER BY id",
        kinds)]


def all_decisions(store: Store) -> list[dict]:
    """Every analyst decision, undone ones too, oldest first: id, kind, payload, note, created_at, undone_at."""
    return [{**dict(r), "payload": json.loads(r["payload"])}
            for r in store.db.execute("SELECT * FROM decisions ORDER BY id")]


def add_decision(store: Store, kind: str, payload: dict, note: str | None) -> int:
    """Record an analyst decision; returns its id."""
    return store.db.execute(
        "INSERT INTO decisions (kind, payload, note, created_at) VALUES (?,?,?,?)",
        (kind, json.dumps(payload, ensure_ascii=False), note, _now())).lastrowid


def set_undone(store: Store, decision_id: int) -> None:
    store.db.execute("UPDATE decisions SET undone_at = ? WHERE id = ?", (_now(), decision_id))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def carrying(store: Store, keys: set[str], entity_type: str) -> set[int]:
    """Document entities of a type that some document names with one of these name keys."""
    key_list = sorted(keys)
    marks = ",".join("?" * len(key_list))
    return {r[0] for r in store.db.execute(
        f"SELECT DISTINCT d.id FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
        f" WHERE n.key IN ({marks}) AND d.type = ?", (*key_list, entity_type))} if key_list else set()


def members_of(store: Store, entity_ids: set[int]) -> set[int]:
    """The document entities of these entities."""
    return {r[0] for r in _by_ids(store, "SELECT id FROM doc_entities WHERE entity_id IN ({})", entity_ids)}


def entities_of(store: Store, doc_entity_ids: set[int]) -> set[int]:
    """The entities these document entities belong to."""
    return {r[0] for r in _by_ids(store, "SELECT entity_id FROM doc_entities WHERE id IN ({})", doc_entity_ids)}


def carried_keys(store: Store, doc_entity_ids: set[int]) -> set[tuple[str, str]]:
    """(type, name key) of every name these document entities go by."""
    return {tuple(r) for r in _by_ids(store, "SELECT d.type, n.key FROM names n JOIN doc_entities d"
                                             " ON d.id = n.doc_entity_id WHERE d.id IN ({})", doc_entity_ids)}


def _by_ids(store: Store, sql: str, ids: set[int]) -> list[tuple]:
    """The rows of a query over a set of ids ("... IN ({})"), asked 500 at a time."""
    id_list = sorted(ids)
    out: list[tuple] = []
    for chunk in (id_list[i:i + 500] for i in range(0, len(id_list), 500)):
        out += [tuple(r) for r in store.db.execute(sql.format(",".join("?" * len(chunk))), chunk)]
    return out
