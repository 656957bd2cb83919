"""Document entities → resolved entities, each assignment with the reason for it."""
from __future__ import annotations

from dossier.model import Entity
from dossier.resolve.names import name_key


def distinctive(name: str, entity_type: str) -> bool:
    """True when a name alone is enough to identify an entity across documents.

    A lone word is too weak for a person ("Haq", "Khan"); places and organizations
    ("Kabul", "Hezbollah") and acronyms ("ISKP") are named by one word often enough.
    """
    if len(name.split()) > 1:
        return True
    return entity_type != "person"


def resolve_entities(entities: tuple[Entity, ...], store) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    """For each document entity, the resolved entity it belongs to and why; and each name's key."""
    keys = {n: name_key(n) for e in entities for n in (e.name, *e.aliases)}
    assignment: dict[str, tuple[int, str]] = {}
    for e in entities:
        strong = {keys[n]: n for n in (e.name, *e.aliases) if keys[n] and distinctive(n, e.type)}
        rows = store.entities_with_keys(e.type, sorted(strong))
        if rows:
            shared: dict[int, list[str]] = {}
            for row in rows:
                shared.setdefault(row["id"], []).append(row["key"])
            entity_id = max(shared, key=lambda i: (len(shared[i]), -i))
            names = ", ".join(f"'{strong[k]}'" for k in sorted(shared[entity_id]))
            assignment[e.id] = (entity_id, f"same {e.type} name {names}")
        else:
            assignment[e.id] = (store.create_entity(e), "first seen in this document")
    return assignment, keys
