"""An entity's claims through the entity_claims index (migration 0005): how many of each type, pages
of them by date, and the relations between entities that paths and networks follow."""
from __future__ import annotations

from dossier.store.sqlite import Store


def chunks(ids: list[int], size: int = 500):
    """Lists of at most `size` ids, for IN (...) clauses."""
    return (ids[i:i + size] for i in range(0, len(ids), size))


def rows_in(store: Store, sql: str, ids, params: tuple = ()) -> list:
    """The rows of a query whose `{ids}` stands for these ids (after the other parameters), run 500
    ids at a time."""
    rows: list = []
    for chunk in chunks(list(ids)):
        rows += store.query(sql.format(ids=",".join("?" * len(chunk))), (*params, *chunk))
    return rows


def claim_counts(store: Store, entity_id: int) -> tuple[tuple[str, int], ...]:
    """How many claims of each type an entity takes part in, by type."""
    return tuple((r[0], r[1]) for r in store.query(
        "SELECT type, count(*) FROM entity_claims WHERE entity_id = ? GROUP BY type ORDER BY type",
        (entity_id,)))


def claim_page(store: Store, entity_id: int, claim_type: str, limit: int, offset: int = 0) -> list[int]:
    """Claims of one type about an entity, undated first, then oldest first (by start, else date,
    else end): `limit` of them from `offset` on."""
    return [i for _, i in _by_day(store, entity_id, claim_type, limit, offset)]


def oldest_claims(store: Store, entity_id: int, types: tuple[str, ...], limit: int) -> list[int]:
    """The `limit` dated claims of these types about an entity with the earliest dates, oldest first."""
    dated = [row for kind in types for row in _by_day(store, entity_id, kind, limit, 0, ("0", "~"))]
    return [i for _, i in sorted(dated)[:limit]]


def undated_claims(store: Store, entity_id: int, types: tuple[str, ...], limit: int) -> list[int]:
    """Up to `limit` claims of these types about an entity that have no date at all."""
    undated = [i for kind in types for _, i in _by_day(store, entity_id, kind, limit, 0, ("", ""))]
    return sorted(undated)[:limit]


def _by_day(store: Store, entity_id: int, claim_type: str, limit: int, offset: int = 0,
            days: tuple[str, str] = ("", "~")) -> list[tuple[str, int]]:
    return [(r[0], r[1]) for r in store.query(
        "SELECT day, claim_id FROM entity_claims WHERE entity_id = ? AND type = ? AND day BETWEEN ? AND ?"
        " ORDER BY day, claim_id LIMIT ? OFFSET ?",
        (entity_id, claim_type, *days, limit, offset))]


def with_relation_siblings(store: Store, entity_id: int, claim_ids: list[int]) -> list[int]:
    """These claims, and every claim of the same relation type between the same two entities as one
    of them, so that facts drawn from a page of claims are whole."""
    pairs: dict[str, set[int]] = {}
    for r in rows_in(store, "SELECT type, other_id FROM entity_claims WHERE entity_id = ? AND claim_id IN ({ids})"
                            " AND other_id IS NOT NULL", claim_ids, (entity_id,)):
        pairs.setdefault(r[0], set()).add(r[1])
    found = set(claim_ids)
    for kind, others in pairs.items():
        found.update(r[0] for r in rows_in(
            store, "SELECT claim_id FROM entity_claims WHERE other_id = ? AND type = ? AND entity_id IN ({ids})",
            sorted(others), (entity_id, kind)))
    return sorted(found)


def neighbours(store: Store, entity_ids: list[int]) -> list[tuple[int, int, int]]:
    """(entity, other entity, lowest claim id relating them) for each pair of an entity of these and
    an entity it has a relation with, either way."""
    return [tuple(r) for r in rows_in(store, "SELECT entity_id, other_id, min(claim_id) FROM entity_claims"
                                             " WHERE entity_id IN ({ids}) AND other_id IS NOT NULL"
                                             " GROUP BY entity_id, other_id", entity_ids)]


def first_relation(store: Store, entity_ids: list[int], others: list[int]) -> tuple[int, int, int] | None:
    """The relation from one of these entities to one of the others with the lowest entity, then the
    lowest claim id, as (entity, other entity, claim id); None when there is none."""
    best = None
    for chunk in chunks(entity_ids):
        for targets in chunks(others):
            rows = store.query(
                f"SELECT entity_id, other_id, min(claim_id) AS claim FROM entity_claims"
                f" WHERE entity_id IN ({','.join('?' * len(chunk))}) AND other_id IN ({','.join('?' * len(targets))})"
                f" GROUP BY entity_id, other_id ORDER BY entity_id, claim LIMIT 1", (*chunk, *targets))
            if rows and (best is None or (rows[0][0], rows[0][2]) < (best[0], best[2])):
                best = tuple(rows[0])
    return best


def first_neighbours(store: Store, entity_ids: list[int], known: set[int], count: int) -> list[int]:
    """Up to `count` entities, not among `known`, that these entities have relations with: those of
    lowest id, read from the index without counting an organization's tens of thousands of claims."""
    found: list[int] = []
    for chunk in chunks(entity_ids):
        if len(found) >= count:
            break
        found += [r[0] for r in store.query(
            f"SELECT DISTINCT other_id FROM entity_claims WHERE entity_id IN ({','.join('?' * len(chunk))})"
            f" AND other_id IS NOT NULL LIMIT ?", (*chunk, count + len(known) + len(found)))
            if r[0] not in known and r[0] not in found]
    return found[:count]


def relation_summaries(store: Store, entity_ids: list[int], others: list[int] | None = None) -> list[tuple]:
    """Per relation type between one of these entities and another (one of `others` when given):
    (entity, other entity, type, role of the entity, earliest start, latest end, all approximate,
    ids of the documents that state it, comma-separated). SQL does the grouping: a large organization
    has tens of thousands of such claims."""
    found: list[tuple] = []
    for chunk in chunks(entity_ids):
        for targets in chunks(others) if others is not None else [None]:
            where = f" AND l.other_id IN ({','.join('?' * len(targets))})" if targets else " AND l.other_id IS NOT NULL"
            found += [tuple(r) for r in store.query(
                "SELECT l.entity_id, l.other_id, l.type, l.role, min(c.start), max(c.end), min(c.approx),"
                " group_concat(DISTINCT c.document_id) FROM entity_claims l JOIN claims c ON c.id = l.claim_id"
                f" WHERE l.entity_id IN ({','.join('?' * len(chunk))}){where}"
                " GROUP BY l.entity_id, l.other_id, l.type, l.role", (*chunk, *(targets or ())))]
    return found


def relations_between(store: Store, entity_ids: list[int], others: list[int]) -> list[tuple[int, int, int, str]]:
    """(entity, other entity, claim id, relation type) for every relation of these entities with one of
    the others."""
    found: list[tuple[int, int, int, str]] = []
    for chunk in chunks(entity_ids):
        for targets in chunks(others):
            found += [tuple(r) for r in store.query(
                f"SELECT entity_id, other_id, claim_id, type FROM entity_claims WHERE entity_id IN"
                f" ({','.join('?' * len(chunk))}) AND other_id IN ({','.join('?' * len(targets))})", (*chunk, *targets))]
    return found


def relation_count(store: Store, entity_ids: list[int], cap: int) -> int:
    """How many relations these entities have (counted up to `cap`): the work of expanding them."""
    total = 0
    for chunk in chunks(entity_ids):
        marks = ",".join("?" * len(chunk))
        total += store.query(f"SELECT count(*) FROM (SELECT 1 FROM entity_claims WHERE entity_id IN ({marks})"
                             f" AND other_id IS NOT NULL LIMIT ?)", (*chunk, cap - total))[0][0]
        if total >= cap:
            break
    return total
