"""Analyst decisions: merge two entities, split the records that use one name off an entity, undo
either; and why an entity holds the names it does.

A decision is a row of names, not of record ids: clustering re-applies it every time it re-clusters
(resolve/entities.py), so it survives re-ingest of a changed document and re-extraction.
"""
from __future__ import annotations

from dataclasses import dataclass

from dossier.errors import DecisionError, NotFound
from dossier.resolve.entities import recluster_around
from dossier.resolve.names import name_key
from dossier.store import Store
from dossier.store import resolution as rs
from dossier.store import views
from dossier.store.sqlite import _fullness
from dossier.store.views import EntityInfo, NameUse


@dataclass(frozen=True)
class Decision:
    """An analyst's correction of entity resolution."""

    id: int
    kind: str  # merge | split
    type: str  # the entity type it applies to
    names: tuple[str, ...]  # merge: a name of each entity; split: the entity's name, then the name split off
    note: str | None
    created_at: str
    undone_at: str | None
    # the other names it speaks of: for a split, those the name was parted from; for a merge, the other
    # names that stand for each entity
    others: tuple[str, ...] = ()

    @property
    def mentioned(self) -> tuple[str, ...]:
        """Every name the decision speaks of."""
        return (*self.names, *self.others)


@dataclass(frozen=True)
class Membership:
    """One document's record of an entity: the names that document uses, and why it belongs."""

    document: str
    name: str
    names: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Explanation:
    """Why an entity is what it is: its names, each document's record, and the decisions in force."""

    entity: EntityInfo
    names: tuple[NameUse, ...]
    records: tuple[Membership, ...]
    decisions: tuple[Decision, ...]


def _decision(row: dict) -> Decision:
    payload = row["payload"]
    if row["kind"] == "merge":
        names = tuple(payload["names"])
        others = tuple(n for side in payload.get("sides", ()) for n in side if n not in names)
    else:
        names, others = (payload["name"], payload["alias"]), tuple(payload["others"])
    return Decision(row["id"], row["kind"], payload["type"], names, row["note"], row["created_at"],
                    row["undone_at"], others)


def _stored(store: Store, decision_id: int) -> Decision | None:
    row = next((r for r in rs.all_decisions(store) if r["id"] == decision_id), None)
    return _decision(row) if row and row["kind"] in ("merge", "split") else None


def decisions(store: Store) -> list[Decision]:
    """Every decision, undone ones too, oldest first."""
    return [_decision(r) for r in rs.all_decisions(store) if r["kind"] in ("merge", "split")]


def explain(store: Store, entity_id: int) -> Explanation:
    """Each document's record of an entity with its names and reason, and the decisions that apply."""
    info = views.entity_info(store, entity_id)
    records = tuple(Membership(r["document"], r["name"], tuple(r["names"]), r["reason"])
                    for r in views.explanation(store, entity_id))
    uses: dict[str, list[str]] = {}
    for record in records:
        for name in record.names:
            uses.setdefault(name, []).append(record.document)
    carried = rs.carried_keys(store, rs.members_of(store, {entity_id}))
    applying = tuple(d for d in decisions(store) if d.undone_at is None and _touches(d, carried))
    return Explanation(info, tuple(NameUse(n, tuple(sorted(set(d)))) for n, d in uses.items()), records, applying)


def _touches(decision: Decision, carried: set[tuple[str, str]]) -> bool:
    """Whether a decision speaks of one of these (type, name key) pairs."""
    return any((decision.type, name_key(n)) in carried for n in decision.mentioned)


def merge(store: Store, a: EntityInfo, b: EntityInfo, note: str | None = None,
          asked: tuple[str, str] | None = None) -> Decision:
    """Make two entities one, and keep them one through every re-ingest; one transaction."""
    asked_a, asked_b = asked or (a.name, b.name)
    if a.id == b.id:
        raise DecisionError(f"'{asked_a}' and '{asked_b}' are already one entity, {a.name}",
                            f"see why with `dossier explain \"{a.name}\"`")
    if a.type != b.type:
        raise DecisionError(f"cannot merge '{asked_a}' ({a.type}) with '{asked_b}' ({b.type})",
                            "an entity has one type; merge entities of the same type")
    sides = [_identifying_names(store, a), _identifying_names(store, b)]
    payload = {"type": a.type, "names": [sides[0][0], sides[1][0]], "sides": sides, "asked": [asked_a, asked_b]}
    members = rs.members_of(store, {a.id, b.id})
    with store.transaction():
        decision_id = rs.add_decision(store, "merge", payload, note)
        recluster_around(store, members)
        if len(rs.entities_of(store, members)) > 1:
            raise DecisionError(f"'{asked_a}' and '{asked_b}' are kept apart by split decision "
                                f"{_splits_between(store, members)}", "undo that split first with `dossier undo ID`")
    return _stored(store, decision_id)


def _identifying_names(store: Store, entity: EntityInfo) -> list[str]:
    """The names of an entity no other entity of its type goes by, its own name first, then the fullest:
    what a merge looks for again each time it is applied (its own name alone when all are shared)."""
    members = rs.members_of(store, {entity.id})
    names = sorted({n for r in rs.records(store, members) for n in r.names} - {entity.name}, key=_fullness, reverse=True)
    own = [n for n in (entity.name, *names) if rs.carrying(store, {name_key(n)}, entity.type) <= members]
    return own or [entity.name]


def _splits_between(store: Store, members: set[int]) -> str:
    carried = rs.carried_keys(store, members)
    found = [f"#{d.id}" for d in decisions(store) if d.kind == "split" and d.undone_at is None and _touches(d, carried)]
    return ", ".join(found) or "(none found)"


def split(store: Store, entity: EntityInfo, alias: str, note: str | None = None) -> Decision:
    """Make the records that use one name a separate entity, for good; one transaction."""
    members = rs.members_of(store, {entity.id})
    records = rs.records(store, members)
    key = name_key(alias)
    using = [r for r in records if any(name_key(n) == key for n in r.names)]
    names = sorted({n for r in records for n in r.names})
    if not using:
        raise DecisionError(f"'{alias}' is not a name of {entity.name}", f"its names: {', '.join(names)}")
    if len(using) == len(records):
        raise DecisionError(f"every document that names {entity.name} calls it '{alias}': nothing is left to "
                            "split it from", "a name one document gives an entity stays with that document's entity")
    others = sorted({n for n in names if name_key(n) != key})
    # what the entity left behind will be called: the fullest name of the records not using the alias
    rest = max((n for r in records if r not in using for n in r.names), key=_fullness)
    payload = {"type": entity.type, "name": rest, "alias": alias, "others": others}
    with store.transaction():
        decision_id = rs.add_decision(store, "split", payload, note)
        recluster_around(store, members)
    return _stored(store, decision_id)


def undo(store: Store, decision_id: int) -> Decision:
    """Withdraw a decision and re-cluster what it touched; one transaction."""
    decision = _stored(store, decision_id)
    if decision is None:
        raise NotFound(f"no decision #{decision_id}", "list them with `dossier decisions`")
    if decision.undone_at:
        raise DecisionError(f"decision #{decision_id} was already undone at {decision.undone_at}",
                            "list them with `dossier decisions`")
    with store.transaction():
        rs.set_undone(store, decision_id)
        found = rs.carrying(store, {name_key(n) for n in decision.mentioned}, decision.type)
        recluster_around(store, rs.members_of(store, rs.entities_of(store, found)) | found)
    return _stored(store, decision_id)
