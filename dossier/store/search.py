"""Entities by the beginning of any of their names: the search box of the web workspace."""
from __future__ import annotations

from dataclasses import dataclass

from dossier.store.entity_claims import rows_in
from dossier.store.sqlite import Store

ALIASES = 10  # names of each entity a match lists
ROWS_PER_MATCH = 20  # names read per entity wanted: many names of one entity may share a beginning


@dataclass(frozen=True)
class Match:
    """An entity found by one of its names."""

    id: int
    type: str
    name: str
    aliases: tuple[str, ...]  # its other names, up to ALIASES
    matched: str  # the name that matched
    exact: bool  # the whole name matched, not only its beginning


WORD_MIN = 3  # letters a text needs before names are searched for a word that begins with it


def search(store: Store, key: str, text: str, entity_type: str | None = None, limit: int = 20) -> list[Match]:
    """Entities with a name whose key (resolve.names.name_key) is `key`, then those whose key begins
    with it (shorter names first), then those with a word that begins with `text`; up to `limit`."""
    if not key:
        return []
    typed = " AND d.type = ?" if entity_type else ""
    extra = (entity_type,) if entity_type else ()
    found: dict[int, tuple[str, bool]] = {}
    passes = [("n.key = ?", (key,)), ("n.key > ? AND n.key < ?", (key, key + "\uffff"))]
    if len(text.strip()) >= WORD_MIN:
        wildcards = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        passes.append(("(' ' || n.name) LIKE ? ESCAPE '\\'", (f"% {wildcards}%",)))
    for sql, params in passes:
        if len(found) >= limit:
            break
        for r in store.query(f"SELECT d.entity_id, n.name, n.key FROM names n JOIN doc_entities d"
                             f" ON d.id = n.doc_entity_id WHERE {sql}{typed} ORDER BY length(n.key), n.key LIMIT ?",
                             (*params, *extra, limit * ROWS_PER_MATCH)):
            if len(found) < limit:
                found.setdefault(r["entity_id"], (r["name"], r["key"] == key))
    entities = {r["id"]: r for r in rows_in(store, "SELECT id, type, name FROM entities WHERE id IN ({ids})", found)}
    return [Match(i, entities[i]["type"], entities[i]["name"], _aliases(store, i, entities[i]["name"]), *found[i])
            for i in found if i in entities]


def _aliases(store: Store, entity_id: int, name: str) -> tuple[str, ...]:
    rows = store.query("SELECT DISTINCT n.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"
                       " WHERE d.entity_id = ? LIMIT ?", (entity_id, ALIASES + 1))
    return tuple(r[0] for r in rows if r[0] != name)[:ALIASES]
