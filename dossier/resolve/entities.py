"""Document entities → entities across documents, each assignment with the reason for it.

Resolution is deterministic and does not depend on the order documents arrive in: a new
document's entity joins the one existing entity it matches (resolve/matching.py), or starts a
new one; when it matches several, or matching needs weighing, its keys are queued and
`reconcile` re-clusters the whole connected group canonically — the same groups whatever the
order. Analyst decisions (merge, split) are applied every time, so they survive re-ingest.
"""
from __future__ import annotations

from collections import Counter

from dossier.model import Extraction
from dossier.resolve.matching import Match, Record, match, name_keys, names_conflict, record_keys
from dossier.resolve.names import name_key
from dossier.store import Store
from dossier.store import resolution as rs


def document_records(extraction: Extraction) -> dict[str, Record]:
    """The record of each entity of an extraction: its names, and the organizations and places
    the document ties it to (membership, leadership, parent group, origin, base)."""
    by_id = {e.id: e for e in extraction.entities}
    orgs: dict[str, list[str]] = {}
    places: dict[str, list[str]] = {}
    for r in extraction.relations:
        other = by_id.get(r.object)
        if r.type not in rs.CONTEXT_RELATIONS or other is None:
            continue
        if other.type == "organization":
            orgs.setdefault(r.subject, []).append(other.name)
        elif other.type == "location":
            places.setdefault(r.subject, []).append(other.name)
    return {e.id: Record(e.type, (e.name, *e.aliases), tuple(dict.fromkeys(orgs.get(e.id, ()))),
                         tuple(dict.fromkeys(places.get(e.id, ()))))
            for e in extraction.entities}


def resolve_entities(extraction: Extraction, store: Store) -> tuple[dict[str, tuple[int, str]], dict[str, str],
                                                                     dict[str, list[tuple[str, str, str]]]]:
    """For each entity of a new document: the entity it joins (or a new one) and why; each name's key;
    and each entity's blocking keys (kind, key, name) to store.

    A document entity joins an existing entity at once only when the match is plain: one
    candidate entity, by its whole name or a known equivalent, with nothing in the way. Anything
    weaker or disputed queues its keys, and `reconcile` re-clusters the group canonically.
    """
    records = document_records(extraction)
    keys_by_entity = {e.id: [(k, key, name) for (k, key), name in record_keys(records[e.id]).items()]
                      for e in extraction.entities}
    assignment: dict[str, tuple[int, str]] = {}
    dirty: list[tuple[str, str, str]] = []
    decided = decision_keys(rs.decisions(store))
    profiles: dict[int, tuple] = {}  # what the store says of each candidate entity, fetched once
    for e in extraction.entities:
        record = records[e.id]
        keys = [(k, key) for k, key, _ in keys_by_entity[e.id]]
        found = rs.holders(store, e.type, keys)
        # the entities sharing the most keys first; a handful is enough to find the match or a dispute
        likely = sorted(found, key=lambda i: (-found[i], i))[:MAX_CANDIDATE_ENTITIES]
        missing = [i for i in likely if i not in profiles]
        profiles.update(rs.entity_records(store, missing))
        candidates: dict[int, Match] = {}
        settled = len(found) <= len(likely)
        for entity_id in (i for i in likely if i in profiles):
            kind, names, orgs, places = profiles[entity_id]
            reason = match(record, Record(kind, names, orgs, places))
            if reason is None:
                continue
            if reason.kind not in ("name", "known", "place") or reason.support or names_conflict(
                    e.type, record.names, names):
                settled = False
            candidates[entity_id] = reason
        if candidates:
            entity_id = min(candidates)
            first = rs.first_document(store, entity_id)
            assignment[e.id] = (entity_id, f"{candidates[entity_id].reason()}, as in {first}")
            settled = settled and len(candidates) == 1
        else:
            assignment[e.id] = (store.create_entity(e), "first named in this document")
            settled = not found
        if any(name_key(n) in decided.get(e.type, ()) for n in record.names):
            settled = False  # an analyst decided about this name: let reconcile apply the decision
        if not settled:
            dirty += [(k, key, e.type) for k, key in keys]
    taken = Counter(entity_id for entity_id, _ in assignment.values())
    for e in extraction.entities:
        if taken[assignment[e.id][0]] > 1:  # two entities of one document may not become one
            dirty += [(k, key, e.type) for k, key, _ in keys_by_entity[e.id]]
    rs.mark_dirty(store, dirty)
    names = {n: name_key(n) for e in extraction.entities for n in (e.name, *e.aliases)}
    return assignment, names, keys_by_entity


# The most document entities re-clustered together as one group; a larger connected group is
# re-clustered key by key (see `reconcile`), so the work stays bounded on a large corpus.
MAX_COMPONENT = 2000
# How many existing entities a new document entity is compared with (those sharing most keys).
MAX_CANDIDATE_ENTITIES = 12


def _record(stored: rs.StoredRecord) -> Record:
    return Record(stored.type, stored.names, stored.organizations, stored.places)


# ---- canonical re-clustering ---------------------------------------------------------------


class _Cluster:
    """Records clustered so far, and what they say together (pooled as they join)."""

    def __init__(self, record: rs.StoredRecord) -> None:
        self.members = [record]
        self.documents = {record.document}
        self._names = dict.fromkeys(record.names)
        self._orgs = dict.fromkeys(record.organizations)
        self._places = dict.fromkeys(record.places)
        self._record: Record | None = None

    def absorb(self, other: "_Cluster") -> None:
        self.members += other.members
        self.documents |= other.documents
        self._names.update(other._names)
        self._orgs.update(other._orgs)
        self._places.update(other._places)
        self._record = None

    def names(self) -> tuple[str, ...]:
        return tuple(self._names)

    def record(self) -> Record:
        """The pooled record (rebuilt only after the cluster grew)."""
        if self._record is None:
            self._record = Record(self.members[0].type, tuple(self._names), tuple(self._orgs)[:60],
                                  tuple(self._places)[:60])
        return self._record


def reconcile(store: Store) -> int:
    """Re-cluster every queued group of document entities; returns how many groups were redone."""
    done = 0
    touched: set[int] = set()  # the entities moved or kept: named once all groups are done
    too_large: set[tuple] = set()  # keys of groups found too large (keys do not change here)
    while True:
        with store.transaction():
            queue = rs.dirty(store, limit=1)
            if not queue:
                rs.rename_due(store, touched)
                return done
            if queue[0][0] == "all":
                _key_everything(store)
                rs.clear_dirty(store, [queue[0]])
                continue
            large = queue[0] in too_large
            if not large:
                walked: set[tuple] = set()
                members = rs.component(store, [queue[0]], limit=MAX_COMPONENT + 1, expanded=walked)
                large = len(members) > MAX_COMPONENT
                if large:
                    too_large |= walked
            if large:
                # too large a group to redo whole (names chained by aliases across a large corpus):
                # redo the records that hold the key that changed
                members = rs.key_holders(store, *queue[0])
                _recluster(store, members, touched)
                rs.clear_dirty(store, [queue[0]])
            else:
                _recluster(store, members, touched)
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


def recluster_around(store: Store, doc_entity_ids: set[int]) -> None:
    """Re-cluster these document entities with everything connected to them (by keys or by analyst
    decisions), e.g. after a decision was taken or undone. Runs in the caller's transaction."""
    seeds = rs.keys_of(store, doc_entity_ids)
    members = rs.component(store, [k[:3] for k in seeds]) | doc_entity_ids
    _recluster(store, members)


def _recluster(store: Store, members: set[int], touched: set[int] | None = None) -> None:
    """Cluster a connected group canonically and move its document entities accordingly (see
    `rs.assign` for `touched`)."""
    decisions = rs.decisions(store)
    members = _with_decided(store, members, decisions)
    records = rs.records(store, members)
    clusters = cluster(records, rs.keys_of(store, members), decisions)
    assignments: dict[int, tuple[int, str]] = {}
    used: set[int] = set()
    for group in sorted(clusters, key=lambda g: (-len(g), g[0][0].order)):
        votes = Counter(r.entity_id for r, _ in group if r.entity_id not in used)
        entity_id = min(votes, key=lambda i: (-votes[i], i)) if votes else rs.new_entity(
            store, group[0][0].type, group[0][0].names[0])
        used.add(entity_id)
        for record, reason in group:
            assignments[record.id] = (entity_id, reason)
    rs.assign(store, assignments, touched)


def decision_keys(decisions: list[dict]) -> dict[str, set[str]]:
    """The name keys each entity type's analyst decisions speak of."""
    out: dict[str, set[str]] = {}
    for d in decisions:
        out.setdefault(d["type"], set()).update(name_key(n) for n in _decision_names(d))
    return out


def _decision_names(decision: dict) -> list[str]:
    if decision["kind"] == "merge":
        return [n for side in _sides(decision) for n in side]
    return [decision["alias"], *decision["others"]]


def _sides(merge: dict) -> list[list[str]]:
    """The names that stand for each entity of a merge, best first."""
    return merge.get("sides") or [[n] for n in merge["names"]]


def _with_decided(store: Store, members: set[int], decisions: list[dict]) -> set[int]:
    """A group grown by every record carrying a name of a decision that one of its members falls
    under (and by those records' own groups), until nothing more is added."""
    members = set(members)
    pending = list(decisions)
    while pending:
        carried = rs.carried_keys(store, members)
        grown: set[int] = set()
        for d in [d for d in pending if any((d["type"], name_key(n)) in carried for n in _decision_names(d))]:
            pending.remove(d)
            found = rs.carrying(store, {name_key(n) for n in _decision_names(d)}, d["type"])
            grown |= found | rs.component(store, [k[:3] for k in rs.keys_of(store, found - members)])
        if grown <= members:
            break
        members |= grown
    return members


# A block compares each record with at most this many clusters before it (the first ones, in the
# records' canonical order): bounded work however common a name is.
MAX_CLUSTERS_PER_BLOCK = 60


def cluster(records: list[rs.StoredRecord], keys: list[tuple], decisions: list[dict]) -> list[list[tuple]]:
    """Groups of records that are one entity, each record with the reason it joined its group.

    Blocks (records sharing a key) are visited in a fixed order, and within a block the records
    in their own order (content hash of their document, then their id there); a record joins the
    first cluster before it that `match`es what that cluster knows (its names, organizations and
    places, pooled), so the result does not depend on the order documents were ingested. Two
    records of one document never join (unless an analyst merged them); nor do names that
    `names_conflict`, nor records an analyst split apart. Analyst merges are applied first.
    """
    parent = {r.id: r.id for r in records}
    reason = {r.id: f"first named in {r.document}" for r in records}
    by_id = {r.id: r for r in records}
    groups = {r.id: _Cluster(r) for r in records}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: int, b: int, why: str, checked: bool = False, analyst: bool = False) -> bool:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        ga, gb = groups[ra], groups[rb]
        if _split_apart(ga, gb, decisions) or (ga.documents & gb.documents and not analyst):
            return False
        if not (checked or analyst) and names_conflict(by_id[a].type, ga.names(), gb.names()):
            return False
        keep, gone = (ra, rb) if by_id[ra].order <= by_id[rb].order else (rb, ra)
        parent[gone] = keep
        groups[keep].absorb(groups[gone])
        del groups[gone]
        later = b if by_id[b].order > by_id[a].order else a
        if reason[later].startswith("first named"):
            reason[later] = why
        return True

    for decision in (d for d in decisions if d["kind"] == "merge"):
        # for each side, the first record (in the canonical order) carrying its best name still in use
        firsts = [next((r.id for n in side for r in records if r.type == decision["type"] and _carries(r, [n])), None)
                  for side in _sides(decision)]
        if None not in firsts:
            for later in firsts[1:]:
                join(firsts[0], later, f"merged by analyst decision #{decision['id']}", analyst=True)
    matched: dict[tuple, object] = {}
    blocks: dict[tuple, list[int]] = {}
    for kind, key, kind_type, doc_entity_id, name in keys:
        if doc_entity_id in by_id:
            blocks.setdefault((KEY_ORDER.get(kind, len(KEY_ORDER)), key, kind_type), []).append(doc_entity_id)
    for block in sorted(blocks):
        members = sorted(set(blocks[block]), key=lambda i: by_id[i].order)
        if len(members) > rs.max_holders(KEY_KINDS_BY_ORDER[block[0]]):
            continue
        seen: list[int] = []  # the cluster roots met in this block, in order
        for member in members:
            root = find(member)
            for earlier in seen[:MAX_CLUSTERS_PER_BLOCK]:
                earlier = find(earlier)
                if earlier == root:
                    continue
                pair = (groups[earlier].record(), groups[root].record())
                if pair not in matched:  # records are values: the same pair meets in every block it shares
                    matched[pair] = match(*pair)
                found = matched[pair]
                if found is None:
                    continue
                first = by_id[earlier]
                if join(earlier, member, f"{found.reason()}, as in {first.document}"):
                    root = find(member)
                    break
            if root not in {find(s) for s in seen}:
                seen.append(root)
    out: dict[int, list[tuple]] = {}
    for r in records:
        out.setdefault(find(r.id), []).append((r, reason[r.id]))
    return list(out.values())


KEY_KINDS_BY_ORDER = ("known", "name", "place", "acronym", "skel", "word", "")
KEY_ORDER = {kind: i for i, kind in enumerate(KEY_KINDS_BY_ORDER[:-1])}


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
