"""Document entities → entities across documents, each assignment with the reason for it.

Resolution is deterministic and does not depend on the order documents arrive in: a new
document's entity joins the one existing entity it matches (resolve/matching.py), or starts a
new one; when it matches several, or matching needs weighing, its keys are queued and
`reconcile` re-clusters the whole connected group canonically — the same groups whatever the
order. Analyst decisions (merge, split) are applied every time, so they survive re-ingest.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dossier.model import Extraction
from dossier.resolve.matching import KINDS, Match, Record, contexts_conflict, joins, match, name_keys, record_keys
from dossier.resolve.names import name_key
from dossier.store import Store
from dossier.store import resolution as rs


def document_records(extraction: Extraction) -> dict[str, Record]:
    """The record of each entity of an extraction, with the organizations the document ties it to."""
    names = {e.id: e.name for e in extraction.entities}
    orgs: dict[str, list[str]] = {}
    for r in extraction.relations:
        if r.type in ("member_of", "leader_of"):
            orgs.setdefault(r.subject, []).append(names[r.object])
    return {e.id: Record(e.type, (e.name, *e.aliases), tuple(orgs.get(e.id, ()))) for e in extraction.entities}


def resolve_entities(extraction: Extraction, store: Store) -> tuple[dict[str, tuple[int, str]], dict[str, str],
                                                                     dict[str, list[tuple[str, str, str]]]]:
    """For each entity of a new document: the entity it joins (or a new one) and why; each name's key;
    and each entity's blocking keys (kind, key, name) to store."""
    records = document_records(extraction)
    keys_by_entity = {e.id: [(k, key, name) for (k, key), name in record_keys(records[e.id]).items()]
                      for e in extraction.entities}
    assignment: dict[str, tuple[int, str]] = {}
    dirty: list[tuple[str, str, str]] = []
    for e in extraction.entities:
        record = records[e.id]
        keys = [(k, key) for k, key, _ in keys_by_entity[e.id]]
        found = rs.holders(store, e.type, keys)
        others = rs.records(store, {h["doc_entity_id"] for h in found}) if found else []
        by_id = {o.id: o for o in others}
        candidates: dict[int, tuple[Match, str]] = {}
        for h in sorted(found, key=lambda h: (KINDS.index(h["kind"]), h["document"])):
            other = by_id[h["doc_entity_id"]]
            if contexts_conflict(record, _record(other)):
                dirty += [(k, key, e.type) for k, key in keys]
                continue
            reason = match(record, _record(other))
            if reason is not None:
                candidates.setdefault(h["entity_id"], (reason, h["document"]))
        if len(candidates) > 1:
            dirty += [(k, key, e.type) for k, key in keys]
        if candidates:
            entity_id = min(candidates)
            reason, document = candidates[entity_id]
            assignment[e.id] = (entity_id, f"{reason.reason()}, as in {document}")
        else:
            assignment[e.id] = (store.create_entity(e), "first named in this document")
    taken = Counter(entity_id for entity_id, _ in assignment.values())
    for e in extraction.entities:
        if taken[assignment[e.id][0]] > 1:  # two entities of one document may not become one
            dirty += [(k, key, e.type) for k, key, _ in keys_by_entity[e.id]]
    rs.mark_dirty(store, dirty)
    names = {n: name_key(n) for e in extraction.entities for n in (e.name, *e.aliases)}
    return assignment, names, keys_by_entity


def _record(stored: rs.StoredRecord) -> Record:
    return Record(stored.type, stored.names, stored.organizations)


# ---- canonical re-clustering ---------------------------------------------------------------


@dataclass
class _Cluster:
    members: list[rs.StoredRecord]
    documents: set[str]


def reconcile(store: Store) -> int:
    """Re-cluster every queued group of document entities; returns how many groups were redone."""
    done = 0
    while True:
        with store.transaction():
            queue = rs.dirty(store)
            if not queue:
                return done
            if queue[0][0] == "all":
                _key_everything(store)
                rs.clear_dirty(store, [queue[0]])
                continue
            members = rs.component(store, [queue[0]])
            _recluster(store, members)
            rs.clear_dirty(store, [k[:3] for k in rs.keys_of(store, members)] + [queue[0]])
            done += 1


def _key_everything(store: Store) -> None:
    """Keys for document entities stored before keys existed, and every key queued."""
    for doc_entity_id, entity_type, names in rs.all_doc_entities_without_keys(store):
        keys = {}
        for n in names:
            for k, key in name_keys(entity_type, n):
                keys.setdefault((k, key), n)
        rs.add_keys(store, doc_entity_id, entity_type, [(k, key, n) for (k, key), n in keys.items()])
        rs.mark_dirty(store, [(k, key, entity_type) for k, key in keys])


def _recluster(store: Store, members: set[int]) -> None:
    """Cluster a connected group canonically and move its document entities accordingly."""
    records = rs.records(store, members)
    clusters = cluster(records, rs.keys_of(store, members), rs.decisions(store))
    assignments: dict[int, tuple[int, str]] = {}
    used: set[int] = set()
    for group in sorted(clusters, key=lambda g: (-len(g), g[0][0].order)):
        votes = Counter(r.entity_id for r, _ in group if r.entity_id not in used)
        entity_id = min(votes, key=lambda i: (-votes[i], i)) if votes else rs.new_entity(
            store, group[0][0].type, group[0][0].names[0])
        used.add(entity_id)
        for record, reason in group:
            assignments[record.id] = (entity_id, reason)
    rs.assign(store, assignments)


def cluster(records: list[rs.StoredRecord], keys: list[tuple], decisions: list[dict]) -> list[list[tuple]]:
    """Groups of records that are one entity, each record with the reason it joined its group.

    Keys are applied strongest first, and within a key in the records' own order (content hash
    of their document, then their id there), so the result does not depend on ingest order. Two
    records of one document never join; nor do records an analyst split apart.
    """
    parent = {r.id: r.id for r in records}
    reason = {r.id: f"first named in {r.document}" for r in records}
    by_id = {r.id: r for r in records}
    groups = {r.id: _Cluster([r], {r.document}) for r in records}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: int, b: int, why: str) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        ga, gb = groups[ra], groups[rb]
        if ga.documents & gb.documents or _split_apart(ga, gb, decisions):
            return False
        if contexts_conflict(_record(by_id[a]), _record(by_id[b])):
            return False
        keep, gone = (ra, rb) if by_id[ra].order <= by_id[rb].order else (rb, ra)
        parent[gone] = keep
        groups[keep].members += groups[gone].members
        groups[keep].documents |= groups[gone].documents
        del groups[gone]
        later = b if by_id[b].order > by_id[a].order else a
        if reason[later].startswith("first named"):
            reason[later] = why
        return True

    for decision in (d for d in decisions if d["kind"] == "merge"):
        wanted = [r.id for r in records if _carries(r, decision["names"])]
        for later in wanted[1:]:
            join(wanted[0], later, f"merged by analyst decision #{decision['id']}")
    blocks: dict[tuple, list[tuple[int, str]]] = {}
    for kind, key, kind_type, doc_entity_id, name in keys:
        if doc_entity_id in by_id:
            blocks.setdefault((KINDS.index(kind), key, kind_type), []).append((doc_entity_id, name))
    for block in sorted(blocks):
        holders = sorted(blocks[block], key=lambda h: by_id[h[0]].order)
        for i, (member, name) in enumerate(holders):
            for earlier, earlier_name in holders[:i]:
                if not joins(KINDS[block[0]], name, earlier_name):
                    continue
                first = by_id[earlier]
                why = Match(KINDS[block[0]], name, earlier_name).reason() + f", as in {first.document}"
                if join(earlier, member, why):
                    break
    out: dict[int, list[tuple]] = {}
    for r in records:
        out.setdefault(find(r.id), []).append((r, reason[r.id]))
    return list(out.values())


def _carries(record: rs.StoredRecord, names: list[str]) -> bool:
    keys = {name_key(n) for n in names}
    return any(name_key(n) in keys for n in record.names)


def _split_apart(a: _Cluster, b: _Cluster, decisions: list[dict]) -> bool:
    """True when an analyst split records with a name from the records of the entity they were in."""
    for d in decisions:
        if d["kind"] != "split":
            continue
        alias = [d["alias"]]
        rest = d["others"]
        a_alias = any(_carries(r, alias) for r in a.members)
        b_alias = any(_carries(r, alias) for r in b.members)
        a_rest = any(_carries(r, rest) and not _carries(r, alias) for r in a.members)
        b_rest = any(_carries(r, rest) and not _carries(r, alias) for r in b.members)
        if (a_alias and b_rest) or (b_alias and a_rest):
            return True
    return False
