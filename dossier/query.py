"""Questions to the knowledge base: facts, leaders as of a date, timelines, paths and networks.

Functions over the store's views; no SQL here. A fact is what several documents say once: the
same relation between the same two entities, or the same event (one type, dates that do not
contradict, a participant or place in common) — with all its evidence.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from dossier.dates import bounds, contradicts
from dossier.ontology import ontology
from dossier.store import Store
from dossier.store import entity_claims, reviews, views
from dossier.store.views import ClaimView, EvidenceView, Party, Profile


@dataclass
class Fact:
    """One relation or event, stated by one or more claims (each with its evidence)."""

    kind: str
    type: str
    parties: tuple[Party, ...]
    claims: list[ClaimView] = field(default_factory=list)

    @property
    def start(self) -> str | None:
        return _earliest(c.start for c in self.claims)

    @property
    def end(self) -> str | None:
        return _latest(c.end for c in self.claims)

    @property
    def date(self) -> str | None:
        dated = [c.date for c in self.claims if c.date]
        return max(dated, key=len) if dated else None

    @property
    def approx(self) -> bool:
        return all(c.approx for c in self.claims)

    @property
    def roles(self) -> list[str]:
        return sorted({c.role for c in self.claims if c.role})

    @property
    def location(self) -> str | None:
        return next((c.location for c in self.claims if c.location), None)

    @property
    def evidence(self) -> list[EvidenceView]:
        return [e for c in self.claims for e in c.evidence]

    @property
    def documents(self) -> list[str]:
        return sorted({c.document for c in self.claims})


def _earliest(values) -> str | None:
    dated = [v for v in values if v]
    return min(dated) if dated else None


def _latest(values) -> str | None:
    dated = [v for v in values if v]
    return max(dated) if dated else None


def facts(claims: list[ClaimView]) -> list[Fact]:
    """Claims grouped into facts: one per relation between two entities, one per event occurrence."""
    onto = ontology()
    out: list[Fact] = []
    relations: dict[tuple, Fact] = {}
    for c in claims:
        if c.kind != "relation":
            continue
        ends = (c.parties[0].entity_id, c.parties[1].entity_id)
        key = (c.type, *(sorted(ends) if onto.symmetric(c.type) else ends))
        if key not in relations:
            relations[key] = Fact("relation", c.type, c.parties)
            out.append(relations[key])
        relations[key].claims.append(c)
    events: list[Fact] = []
    of_type: dict[str, list[Fact]] = {}  # the same facts by type, so a claim is held only against its own kind
    dates: dict[int, set] = {}  # id(fact) → the dates its claims give: thousands of claims, a few dates
    for c in sorted((c for c in claims if c.kind == "event"), key=lambda c: (c.type, c.date or "", c.id)):
        same = next((f for f in of_type.get(c.type, ()) if _same_event(f, c, dates[id(f)])), None)
        if same is None:
            same = Fact("event", c.type, c.parties)
            events.append(same)
            of_type.setdefault(c.type, []).append(same)
            dates[id(same)] = set()
        else:
            same.parties = tuple({(p.role, p.entity_id): p for p in (*same.parties, *c.parties)}.values())
        same.claims.append(c)
        dates[id(same)].add(c.date)
    return out + events


def _same_event(fact: Fact, claim: ClaimView, dates: set) -> bool:
    """Whether a claim tells of the event a fact already holds: same type, dates that agree (`dates`:
    those of the fact's claims), and a participant in common (or the same place when neither names
    anyone)."""
    if fact.type != claim.type or any(contradicts(d, claim.date) for d in dates):
        return False
    mine = {(p.role, p.entity_id) for p in fact.parties}
    theirs = {(p.role, p.entity_id) for p in claim.parties}
    if mine & theirs:
        return True
    if not mine and not theirs:
        return bool(claim.location) and any(c.location == claim.location for c in fact.claims)
    return False


# ---- time -------------------------------------------------------------------------------------

def holds(start: str | None, end: str | None, as_of: str, approx: bool = False) -> bool:
    """Whether a span with these (partial, maybe missing) ends can include the partial date as_of."""
    lo, hi = bounds(as_of)
    if start and bounds(start, approx)[0] > hi:
        return False
    if end and bounds(end, approx)[1] < lo:
        return False
    return True


def fact_holds(fact: Fact, as_of: str) -> bool:
    """Whether a fact stands at a date: a relation over its period, an event on its date."""
    if fact.kind == "relation":
        return holds(fact.start, fact.end, as_of, fact.approx)
    return bool(fact.date) and holds(fact.date, fact.date, as_of, fact.approx)


@dataclass
class Tenure:
    """A person's leadership of an organization: from when, to when, on whose word."""

    person: Party
    start: str | None
    end: str | None
    role: str | None
    approx: bool
    claims: list[ClaimView]  # the first CLAIMS_PER_TENURE that state it
    how: str  # what gives the end: "stated", "succeeded by X", "removal", ...
    more_claims: int = 0  # claims that state it too, left out of `claims`

    @property
    def evidence(self) -> list[EvidenceView]:
        return [e for c in self.claims for e in c.evidence]


LEADERSHIP = ("leader_of", "appointment", "removal")  # the claims a succession is read from
CLAIMS_PER_TENURE = 20  # the claims (with their evidence) a tenure shows; the rest are counted


def leaders(store: Store, entity_id: int, as_of: str | None = None) -> list[Tenure]:
    """The leaders of an organization, oldest first; only those in office at as_of when given.

    Periods come from the leader relations; an appointment gives a missing start and a removal a
    missing end; a tenure with no end ends when the next dated leader's begins.
    """
    claims = views.claims(store, views.claim_ids_of(store, entity_id, LEADERSHIP), evidence=False)
    all_facts = facts(claims)
    tenures: list[Tenure] = []
    for f in all_facts:
        if f.type == "leader_of" and f.parties[1].entity_id == entity_id:
            tenures.append(Tenure(f.parties[0], f.start, f.end, ", ".join(f.roles) or None, f.approx, list(f.claims),
                                  "stated" if f.end else ""))
    for f in all_facts:
        if f.kind != "event" or f.type not in ("appointment", "removal") or not f.date:
            continue
        if not any(p.role == "organization" and p.entity_id == entity_id for p in f.parties):
            continue
        for p in (p for p in f.parties if p.role == "patient"):
            tenure = next((t for t in tenures if t.person.entity_id == p.entity_id), None)
            if tenure is None:
                tenure = Tenure(p, None, None, None, f.approx, [], "")
                tenures.append(tenure)
            if f.type == "appointment" and not tenure.start:
                tenure.start = f.date
                tenure.claims += f.claims
            elif f.type == "removal" and not tenure.end:
                tenure.end, tenure.how = f.date, "removal"
                tenure.claims += f.claims
    dated = sorted((t for t in tenures if t.start), key=lambda t: t.start)
    for before, after in zip(dated, dated[1:]):
        if not before.end and after.start > before.start:
            before.end, before.how = after.start, f"succeeded by {after.person.name}"
    ordered = dated + [t for t in tenures if not t.start]
    if as_of:
        ordered = [t for t in ordered if (t.start or t.end) and holds(t.start, t.end, as_of, t.approx)]
    return _with_evidence(store, ordered)


def _with_evidence(store: Store, tenures: list[Tenure]) -> list[Tenure]:
    """Tenures with the evidence of their first claims: an organization whose leaders thousands of
    documents name would otherwise carry thousands of sentences per tenure."""
    shown = {c.id for t in tenures for c in t.claims[:CLAIMS_PER_TENURE]}
    loaded = {c.id: c for c in views.claims(store, sorted(shown))}
    for t in tenures:
        t.more_claims = max(0, len(t.claims) - CLAIMS_PER_TENURE)
        t.claims = [loaded[c.id] for c in t.claims[:CLAIMS_PER_TENURE]]
    return tenures


def profile_as_of(store: Store, profile: Profile, as_of: str) -> Profile:
    """A profile cut to one date: the relations that hold then (a leadership while `leaders` has it in
    office), and the events up to then."""
    kept: set[int] = set()
    for f in facts(list(profile.claims)):
        if f.kind == "event":
            holding = bool(f.date) and bounds(f.date, f.approx)[0] <= bounds(as_of)[1]
        elif f.type == "leader_of":
            person, org = f.parties[0].entity_id, f.parties[1].entity_id
            holding = any(t.person.entity_id == person for t in leaders(store, org, as_of))
        else:
            holding = fact_holds(f, as_of)
        if holding:
            kept.update(c.id for c in f.claims)
    claims = tuple(c for c in profile.claims if c.id in kept)
    return replace(profile, claims=claims, as_of=as_of, counts=tuple(sorted(Counter(c.type for c in claims).items())))


@dataclass(frozen=True)
class Moment:
    """A dated line of a timeline: an event, or a relation beginning or ending."""

    date: str | None
    approx: bool
    what: str  # event | start | end
    fact: Fact


TIMELINE_CLAIMS = 100  # claims a timeline is drawn from: the oldest, for an entity with tens of thousands


def timeline(store: Store, entity_id: int, limit: int | None = TIMELINE_CLAIMS) -> list[Moment]:
    """Events and the starts and ends of relations of an entity, oldest first; undated ones last.

    An entity with more than `limit` claims gets the moments of its `limit` oldest dated claims (each
    relation with every claim that states it), then undated events while there is room; None for all.
    """
    moments: list[Moment] = []
    for f in facts(views.claims(store, _timeline_claims(store, entity_id, limit))):
        if f.kind == "event":
            moments.append(Moment(f.date, f.approx, "event", f))
        else:
            if f.start:
                moments.append(Moment(f.start, f.approx, "start", f))
            if f.end:
                moments.append(Moment(f.end, f.approx, "end", f))
    return sorted(moments, key=lambda m: (m.date is None, m.date or "", m.what != "end"))


def _timeline_claims(store: Store, entity_id: int, limit: int | None) -> list[int]:
    if limit is None:
        return views.claim_ids_of(store, entity_id)
    onto = ontology()
    types = (*onto.relations, *onto.events)
    ids = entity_claims.oldest_claims(store, entity_id, types, limit)
    if len(ids) < limit:
        ids += entity_claims.undated_claims(store, entity_id, tuple(onto.events), limit - len(ids))
    return entity_claims.with_relation_siblings(store, entity_id, ids)


# ---- the graph --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hop:
    """One step of a path: a relation between two entities, with its evidence."""

    source: int
    target: int
    claim: ClaimView


def path(store: Store, source: int, target: int, max_depth: int = 6, as_of: str | None = None) -> list[Hop]:
    """The shortest chain of relations from one entity to another, searched from both ends: each
    step widens the side whose next step costs less (fewer relations to follow), so that an
    organization with tens of thousands of members is crossed only when no cheaper way is left."""
    if source == target:
        return []
    parents = {source: None}, {target: None}
    frontiers = [source], [target]
    checked = as_of is not None or reviews.any_in_force(store)  # each claim read: dates, analysts' rejections
    for _ in range(max_depth):
        found = _expand(store, frontiers, parents, *_cheaper(store, frontiers), as_of, checked)
        if found is not None:
            return _hops(store, parents, found)
        if not frontiers[0] or not frontiers[1]:
            break
    return []


MEET_FIRST = 2_000  # a side with more relations than this is first asked whether it meets the other ...
MEET_PROBES = 100_000  # ... unless that takes more look-ups (its entities times the other side's) than this


def _cheaper(store: Store, frontiers) -> tuple[int, int]:
    """The side with fewer relations to follow (the source's on a tie), and how many it has. Both
    are counted up to a bound that grows until one side is under it, so that counting a side that
    holds an organization with tens of thousands of members costs no more than the other side."""
    bound = 1_000
    while True:
        counts = [entity_claims.relation_count(store, frontier, bound) for frontier in frontiers]
        if min(counts) < bound or bound >= 1_000_000:
            side = 0 if counts[0] <= counts[1] else 1
            return side, counts[side]
        bound *= 8


def _expand(store, frontiers, parents, side, cost, as_of, checked):
    if not checked and cost > MEET_FIRST and len(frontiers[side]) * len(parents[1 - side]) <= MEET_PROBES:
        meet = entity_claims.first_relation(store, frontiers[side], list(parents[1 - side]))
        if meet is not None:  # the same meeting relation the whole expansion would come to first
            here, there, claim_id = meet
            parents[side][there] = (here, claim_id)
            frontiers[side][:] = [there]
            return there
    nxt = []
    if checked:
        edges = views.relation_edges(store, frontiers[side])
        valid = {c.id for c in views.claims(store, [e[2] for e in edges], evidence=False)
                 if not as_of or holds(c.start, c.end, as_of, c.approx)}
        steps = [(here, there, claim_id) for here, there, claim_id, _ in edges if claim_id in valid]
    else:
        steps = entity_claims.neighbours(store, frontiers[side])
    for here, there, claim_id in sorted(steps, key=lambda e: (e[0], e[2])):
        if there not in parents[side]:
            parents[side][there] = (here, claim_id)
            nxt.append(there)
            if there in parents[1 - side]:
                frontiers[side][:] = nxt
                return there
    frontiers[side][:] = nxt
    return None


def _hops(store, parents, meet) -> list[Hop]:
    chain: list[tuple[int, int, int]] = []
    node = meet
    while parents[0][node] is not None:
        before, claim_id = parents[0][node]
        chain.insert(0, (before, node, claim_id))
        node = before
    node = meet
    while parents[1][node] is not None:
        after, claim_id = parents[1][node]
        chain.append((node, after, claim_id))
        node = after
    by_id = {c.id: c for c in views.claims(store, [c for _, _, c in chain])}
    return [Hop(a, b, by_id[c]) for a, b, c in chain]


@dataclass
class Network:
    """Entities within some steps of one entity, and the relations between them."""

    nodes: dict[int, int]  # entity id → distance from the centre
    edges: list[tuple[int, int, int, str]]  # (entity, other entity, claim id, relation type)


def network(store: Store, entity_id: int, depth: int = 1, as_of: str | None = None, limit: int = 2000) -> Network:
    """The neighbourhood of an entity: breadth first, up to `depth` relations away."""
    nodes = {entity_id: 0}
    edges: dict[int, tuple[int, int, int, str]] = {}
    frontier = [entity_id]
    for distance in range(1, depth + 1):
        found = _edges_within(store, frontier, nodes, limit)
        if as_of:
            valid = {c.id for c in views.claims(store, [e[2] for e in found])
                     if holds(c.start, c.end, as_of, c.approx)}
            found = [e for e in found if e[2] in valid]
        frontier = []
        for a, b, claim_id, kind in found:
            edges.setdefault(claim_id, (a, b, claim_id, kind))
            if b not in nodes and len(nodes) < limit:
                nodes[b] = distance
                frontier.append(b)
        if not frontier:
            break
    return Network(nodes, [e for e in edges.values() if e[0] in nodes and e[1] in nodes])


def _edges_within(store: Store, frontier: list[int], nodes: dict[int, int], limit: int) -> list:
    """The relations of the frontier; when it has more than `limit` (an organization with tens of
    thousands of members), only those to the entities of lowest id, up to `limit` in all."""
    if entity_claims.relation_count(store, frontier, limit + 1) <= limit:
        return views.relation_edges(store, frontier)
    others = set(nodes) | set(entity_claims.first_neighbours(store, frontier, set(nodes), limit - len(nodes)))
    return entity_claims.relations_between(store, frontier, sorted(others))


@dataclass(frozen=True)
class Node:
    """An entity of a neighbourhood and how many relations away from the centre it is."""

    id: int
    name: str
    type: str
    distance: int


@dataclass(frozen=True)
class Edge:
    """A relation between two entities of a neighbourhood (subject to object), on whose word."""

    source: int
    target: int
    type: str
    start: str | None
    end: str | None
    approx: bool
    documents: tuple[str, ...]


@dataclass(frozen=True)
class Neighbourhood:
    """The network around one entity with names, ready to read or draw."""

    centre: int
    depth: int
    as_of: str | None
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def neighbourhood(store: Store, entity_id: int, depth: int = 1, as_of: str | None = None,
                  limit: int = 2000) -> Neighbourhood:
    """`network` with every node named and each relation given once, with its period and documents."""
    if as_of is None and not reviews.any_in_force(store):
        return _summarised(store, entity_id, depth, limit)
    net = network(store, entity_id, depth, as_of, limit)
    found = facts(views.relation_claims(store, sorted({e[2] for e in net.edges})))
    named = {p.entity_id: (p.name, p.type) for f in found for p in f.parties}
    centre = views.entity_info(store, entity_id)
    named[entity_id] = (centre.name, centre.type)
    nodes = sorted((Node(i, *named[i], d) for i, d in net.nodes.items() if i in named),
                   key=lambda n: (n.distance, n.name.lower(), n.id))
    edges = [Edge(f.parties[0].entity_id, f.parties[1].entity_id, f.type, f.start, f.end, f.approx,
                  tuple(f.documents)) for f in found]
    return Neighbourhood(entity_id, depth, as_of, tuple(nodes), tuple(edges))


def _summarised(store: Store, entity_id: int, depth: int, limit: int) -> Neighbourhood:
    """`neighbourhood` with no date and no reviewed claims, from relations the database has grouped:
    the same answer, without reading each of the claims of an organization with tens of thousands."""
    onto = ontology()
    nodes = {entity_id: 0}
    found: dict[tuple, list] = {}  # (type, subject, object) → [start, end, approx, document ids]
    frontier = [entity_id]
    for distance in range(1, depth + 1):
        others = None
        if entity_claims.relation_count(store, frontier, limit + 1) > limit:
            others = sorted(set(nodes) | set(entity_claims.first_neighbours(store, frontier, set(nodes),
                                                                                 limit - len(nodes))))
        reached = []
        for a, b, kind, role, start, end, approx, documents in entity_claims.relation_summaries(store, frontier, others):
            if b not in nodes and len(nodes) < limit:
                nodes[b] = distance
                reached.append(b)
            if b not in nodes:
                continue
            ends = (a, b) if role == "subject" else (b, a)
            key = (kind, *(sorted(ends) if onto.symmetric(kind) else ends))
            held = found.setdefault(key, [None, None, True, set(), ends])
            held[0] = min(d for d in (held[0], start) if d) if held[0] or start else None
            held[1] = max(d for d in (held[1], end) if d) if held[1] or end else None
            held[2] = held[2] and bool(approx)
            held[3].update(int(i) for i in documents.split(","))
        frontier = reached
        if not frontier:
            break
    names = {r["id"]: (r["name"], r["type"]) for r in entity_claims.rows_in(
        store, "SELECT id, name, type FROM entities WHERE id IN ({ids})", list(nodes))}
    documents = views.document_names(store, {i for held in found.values() for i in held[3]})
    ordered = sorted((Node(i, *names[i], d) for i, d in nodes.items() if i in names),
                     key=lambda n: (n.distance, n.name.lower(), n.id))
    edges = [Edge(*ends, kind, start, end, approx, tuple(sorted({documents[i] for i in ids})))
             for (kind, *_), (start, end, approx, ids, ends) in found.items()]
    return Neighbourhood(entity_id, depth, None, tuple(ordered), tuple(edges))
