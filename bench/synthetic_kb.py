"""A generated knowledge base for the scale benchmark: documents that state what happened in the
world of bench/synthetic_world.py, written through the store's own insertion API.

Each document is about one organization in one region: its leaders, members, allies and rivals,
places, and events (arrests, attacks, killings, appointments, ...), each claim with a sentence in
the document's text that states it and the footnotes it cites. Every entity is named by at least
one document.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from synthetic import FAMILY, GIVEN, MONTHS, OUTLETS
from synthetic_world import Tenure, World, zipf

from dossier.model import (Block, Document, Entity, Event, Evidence, Extraction, Mention, Participant, Relation,
                           Sentence, Source)
from dossier.store import Store
from dossier.store.fingerprints import claim_fingerprints

EXTRACTOR = "synthetic/2"  # also bench/scale.py's cache key: change it when this or synthetic_world.py changes
REASON_FIRST = "first named in this document"

# Claim types with their share of the claims a document states (after each fresh entity's first claim).
CLAIM_SHARES = {"member_of": .30, "leader_of": .05, "part_of": .02, "allied_with": .03, "hostile_to": .03,
                "supports": .03, "split_from": .005, "relative_of": .03, "origin": .05, "based_in": .07,
                "arrest": .08, "attack": .08, "killing": .07, "surrender": .03, "appointment": .03, "removal": .02,
                "travel": .04}


# ---- documents --------------------------------------------------------------------------------

def partial(rng: random.Random, day: str) -> str:
    """A true date as a document states it: to the year, the month or the day."""
    return day[:rng.choices((4, 7, 10), (35, 35, 30))[0]]


def some_day(rng: random.Random, first: int = 2001, last: int = 2023) -> str:
    return f"{rng.randint(first, last):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def in_words(date: str | None) -> str:
    """A partial date as reports write it: 2015, March 2015, 14 March 2015."""
    if not date:
        return "at some point"
    parts = date.split("-")
    if len(parts) == 1:
        return f"in {parts[0]}"
    month = MONTHS[int(parts[1]) - 1]
    return f"in {month} {parts[0]}" if len(parts) == 2 else f"on {int(parts[2])} {month} {parts[0]}"


@dataclass
class Plan:
    """What a document is about: an organization, in a region, with this many claims."""

    number: int
    focus: int
    region: int
    claims: int
    fresh: list[int] = field(default_factory=list)


def plan_documents(world: World, documents: int, claims: int, seed: int) -> list[Plan]:
    """Each document's focus, region and claim count, and the entities it names first, so that
    every entity is named somewhere and the claim counts add up exactly."""
    rng = random.Random(seed + 1)
    orgs = [*world.global_orgs]
    for rank in range(max(len(o) for o in world.orgs_in.values())):
        orgs += [o[rank] for o in world.orgs_in.values() if rank < len(o)]
    weights = zipf(len(orgs))
    plans = []
    for number in range(documents):
        if number < world.regions:  # every region has at least one document
            focus = world.orgs_in[number][0]
        else:
            focus = rng.choices(orgs, cum_weights=weights)[0]
        where = world.region[focus]
        if where < 0:
            where = rng.choice([r for r in range(world.regions) if r not in world.islands])
        plans.append(Plan(number, focus, where, round(claims / documents * rng.uniform(0.4, 1.6))))
    queues: dict[int, list[int]] = {r: [] for r in range(world.regions)}
    for entity, where in enumerate(world.region):
        if where >= 0:
            queues[where].append(entity)
    for r, queue in queues.items():
        rng.shuffle(queue)
        mine = [p for p in plans if p.region == r]
        for i, entity in enumerate(queue):
            mine[i % len(mine)].fresh.append(entity)
    named = {p.focus for p in plans}
    for org in world.global_orgs:
        if org not in named:
            plans[world.regions % len(plans)].fresh.append(org)
    floor = {p.number: max(1, sum(e != p.focus for e in p.fresh)) for p in plans}  # a claim per new entity
    for p in plans:
        p.claims = max(p.claims, floor[p.number])
    excess = sum(p.claims for p in plans) - claims
    for p in rng.sample(plans, len(plans)) * 200:
        if excess == 0:
            break
        step = max(-excess, floor[p.number] - p.claims) if excess > 0 else min(-excess, 40)
        p.claims += step
        excess += step
    return plans


class Writer:
    """One document's text, entities and claims, built up sentence by sentence."""

    def __init__(self, world: World, rng: random.Random, plan: Plan) -> None:
        self.world, self.rng, self.plan = world, rng, plan
        self.text = ""
        self.sentences: list[Sentence] = []
        self.blocks: list[Block] = []
        self.local: dict[int, str] = {}  # entity → local id
        self.used: dict[int, list[str]] = {}  # entity → names this document uses for it
        self.mentions: dict[int, list[Mention]] = {}
        self.relations: list[Relation] = []
        self.events: list[Event] = []
        self.sources = tuple(self._source(i + 1) for i in range(rng.randint(8, 20)))
        self._open_block("heading")
        self._write(f"The {world.names[plan.focus][0]} in {world.names[rng.choice(world.places_in[plan.region])][0]}")
        self._open_block("paragraph")

    def _source(self, n: int) -> Source:
        rng = self.rng
        day = some_day(rng, 2005, 2024)
        outlet = rng.choice(OUTLETS)
        return Source(str(n), f"Report {n} on militancy in the region", outlet,
                      f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", day, f"https://example.org/{rng.randrange(10**9)}",
                      "2024-05-01", "footnote", f"{outlet}, {day}")

    def _open_block(self, kind: str) -> None:
        if self.blocks:
            last = self.blocks[-1]
            self.blocks[-1] = Block(last.kind, last.start, len(self.text))
            self.text += "\n\n"
        self.blocks.append(Block(kind, len(self.text), len(self.text)))

    def _write(self, sentence: str) -> None:
        self.text += sentence

    def name(self, entity: int) -> str:
        """The name this document gives an entity here: one of the names it uses for it."""
        if entity not in self.local:
            self.local[entity] = f"e{len(self.local) + 1}"
            names = self.world.names[entity]
            chosen = [n for n in names if self.rng.random() < 0.6] or [names[0]]
            if names[0] not in chosen and self.rng.random() < 0.8:
                chosen.insert(0, names[0])
            self.used[entity] = chosen
            self.mentions[entity] = []
        return self.rng.choice(self.used[entity])

    def state(self, parts: list[str | int]) -> Evidence:
        """Write one sentence of text pieces and entities; returns it as evidence with its sources."""
        if len(self.sentences) % 5 == 4:
            self._open_block("paragraph")
        elif self.sentences:
            self.text += " "
        start = len(self.text)
        for part in parts:
            if isinstance(part, int):
                name = self.name(part)
                self.mentions[part].append(Mention(len(self.text), len(self.text) + len(name), name))
                self.text += name
            else:
                self.text += part
        cited = tuple(s.id for s in self.rng.sample(self.sources, self.rng.choice((1, 1, 2))))
        self.sentences.append(Sentence(start, len(self.text), len(self.blocks) - 1, cited))
        return Evidence(start, len(self.text), self.text[start:], cited)

    def relation(self, kind: str, subject: int, obj: int, parts: list[str | int], start: str | None = None,
                 end: str | None = None, role: str | None = None) -> None:
        evidence = [self.state(parts)]
        if self.rng.random() < 0.1:
            evidence.append(self.state(["This was confirmed by ", subject, " himself." if
                                        self.world.types[subject] == "person" else " statements."]))
        self.relations.append(Relation(kind, self.local[subject], self.local[obj], start, end, role,
                                       self.rng.random() < 0.05, tuple(evidence)))

    def event(self, kind: str, roles: list[tuple[str, int]], parts: list[str | int], date: str | None,
              location: int | None = None, killed: int | None = None) -> None:
        where = [" in ", location] if location is not None else []
        evidence = self.state([*parts, *where, f" {in_words(date)}."])
        self.events.append(Event(kind, date, self.world.names[location][0] if location is not None else None,
                                 tuple(Participant(role, self.local[e]) for role, e in roles), killed,
                                 None, self.rng.random() < 0.05, (evidence,)))

    def finish(self) -> tuple[Document, Extraction]:
        last = self.blocks[-1]
        self.blocks[-1] = Block(last.kind, last.start, len(self.text))
        name = f"report-{self.plan.number:05d}"
        entities = tuple(Entity(self.local[e], self.world.types[e], names[0], tuple(names[1:]), None,
                                tuple(self.mentions[e])) for e, names in self.used.items())
        doc = Document(f"/synthetic/scale/{name}.md", name, "markdown", self.text,
                       hashlib.sha256(self.text.encode()).hexdigest(), self.text[:self.blocks[0].end],
                       some_day(self.rng, 2008, 2024), (), "Synthetic Monitor", None, tuple(self.blocks), (),
                       tuple(self.sentences), (), self.sources)
        return doc, Extraction(EXTRACTOR, entities, tuple(self.relations), tuple(self.events))


def write_document(world: World, plan: Plan, seed: int) -> tuple[Document, Extraction, dict[int, str]]:
    """One document about its focus organization; returns it, its extraction, and local id → entity."""
    rng = random.Random(seed * 1_000_003 + plan.number)
    w = Writer(world, rng, plan)
    org = plan.focus
    cast = _cast(world, rng, plan)
    for entity in plan.fresh:
        _first_claim(w, rng, entity, org, cast)
    tenures = world.tenures[org]
    window = tenures[max(0, (i := rng.randrange(len(tenures))) - 1):i + 2] if tenures else []
    kinds, shares = zip(*CLAIM_SHARES.items())
    while len(w.relations) + len(w.events) < plan.claims:
        _claim(w, rng, rng.choices(kinds, shares)[0], org, cast, window)
    doc, extraction = w.finish()
    return doc, extraction, {local: entity for entity, local in w.local.items()}


@dataclass
class Cast:
    people: list[int]
    orgs: list[int]
    places: list[int]


def _cast(world: World, rng: random.Random, plan: Plan) -> Cast:
    members = world.members[plan.focus] or world.people_in[plan.region]
    people = rng.sample(members, min(len(members), rng.randint(10, 18)))
    people += rng.sample(world.people_in[plan.region], min(3, len(world.people_in[plan.region])))
    regional = world.orgs_in[plan.region]
    orgs = rng.choices(regional, cum_weights=zipf(len(regional)), k=rng.randint(2, 4))
    if plan.region not in world.islands and rng.random() < 0.3:
        orgs.append(rng.choice(world.global_orgs))
    places = world.places_in[plan.region]
    return Cast(people, [o for o in dict.fromkeys(orgs) if o != plan.focus] or [plan.focus],
                list(dict.fromkeys(rng.choices(places, cum_weights=zipf(len(places)), k=rng.randint(3, 5)))))


def _first_claim(w: Writer, rng: random.Random, entity: int, org: int, cast: Cast) -> None:
    """A claim that names an entity no document has named yet."""
    kind = w.world.types[entity]
    if kind == "person":
        joined = partial(rng, some_day(rng))
        w.relation("member_of", entity, org, [entity, " joined the ", org, f" {in_words(joined)}."], start=joined)
        cast.people.append(entity)
    elif kind == "organization":
        if entity == org:
            return
        w.relation("part_of", entity, org, [entity, " operates as a faction of the ", org, "."])
        cast.orgs.append(entity)
    else:
        w.relation("based_in", org, entity, ["The ", org, " keeps bases in ", entity, "."])
        cast.places.append(entity)


def _claim(w: Writer, rng: random.Random, kind: str, org: int, cast: Cast, window: list[Tenure]) -> None:
    person = rng.choice(cast.people)
    other = rng.choice(cast.orgs)
    place = rng.choice(cast.places)
    date = partial(rng, some_day(rng))
    if kind == "leader_of" and window:
        t = rng.choice(window)
        start, end = partial(rng, t.start), (partial(rng, t.end) if t.end and rng.random() < 0.4 else None)
        tail = f" until {in_words(end)[3:]}" if end else ""
        w.relation("leader_of", t.person, org, [t.person, " became the emir of the ", org, f" {in_words(start)}{tail}."],
                   start, end, "emir")
    elif kind in ("appointment", "removal") and window:
        t = rng.choice(window)
        day = t.start if kind == "appointment" else t.end
        if day:
            verb = " was appointed head of the " if kind == "appointment" else " was removed as head of the "
            w.event(kind, [("patient", t.person), ("organization", org)], [t.person, verb, org], partial(rng, day))
        else:
            _claim(w, rng, "member_of", org, cast, window)
    elif kind in ("member_of", "leader_of", "appointment", "removal"):
        w.relation("member_of", person, org, [person, " is a commander of the ", org, "."],
                   start=date if rng.random() < 0.5 else None,
                   end=partial(rng, some_day(rng)) if rng.random() < 0.2 else None)
    elif kind in ("part_of", "split_from", "allied_with", "hostile_to"):
        verbs = {"part_of": " is a wing of the ", "split_from": " broke away from the ",
                 "allied_with": " fights alongside the ", "hostile_to": " has clashed with the "}
        w.relation(kind, other, org, ["The ", other, verbs[kind], org, "."], start=date if rng.random() < 0.4 else None)
    elif kind == "supports":
        backer = person if rng.random() < 0.5 else other
        w.relation(kind, backer, org, [backer, " has financed the ", org, "."])
    elif kind == "relative_of":
        kin = rng.choice(cast.people)
        if kin == person:
            return _claim(w, rng, "origin", org, cast, window)
        w.relation(kind, person, kin, [person, " is the brother-in-law of ", kin, "."], role="brother-in-law")
    elif kind == "origin":
        w.relation(kind, person, place, [person, " hails from ", place, "."])
    elif kind == "based_in":
        who = person if rng.random() < 0.5 else org
        w.relation(kind, who, place, [who, " is based in ", place, "."])
    elif kind == "arrest":
        w.event(kind, [("agent", other), ("patient", person)], [person, " was arrested by the ", other], date, place)
    elif kind == "attack":
        w.event(kind, [("agent", org), ("patient", other)], ["The ", org, " attacked the ", other], date, place,
                killed=rng.randint(0, 40))
    elif kind == "killing":
        w.event(kind, [("agent", other), ("patient", person)], [person, " was killed by the ", other], date, place)
    elif kind == "surrender":
        w.event(kind, [("agent", other), ("patient", person)], [person, " surrendered to the ", other], date, place)
    else:
        w.event("travel", [("patient", person), ("destination", place)], [person, " travelled to ", place], date)


# ---- into the store ---------------------------------------------------------------------------

def store_document(store: Store, world: World, doc: Document, extraction: Extraction, entity_of: dict[str, int],
                   entity_ids: list[int], first_named: dict[int, str]) -> None:
    """Store one document as ingest does, with its entities already resolved to the world's."""
    assignment: dict[str, tuple[int, str]] = {}
    blocking: dict[str, list[tuple[str, str, str]]] = {}
    for e in extraction.entities:
        entity = entity_of[e.id]
        if entity in first_named:
            assignment[e.id] = (entity_ids[entity], f"same name '{e.name}', as in {first_named[entity]}")
        else:
            first_named[entity] = doc.name
            assignment[e.id] = (entity_ids[entity], REASON_FIRST)
        seen: dict[tuple[str, str], str] = {}
        for n in (e.name, *e.aliases):
            for key in world.blocking[(e.type, n)]:
                seen.setdefault(key, n)
        blocking[e.id] = [(kind, key, n) for (kind, key), n in seen.items()]
    keys = {n: world.name_keys[n] for e in extraction.entities for n in (e.name, *e.aliases)}
    document_id = store.insert_document(doc, EXTRACTOR, [])
    source_ids = store.insert_sources(document_id, doc)
    doc_entity_ids = store.insert_entities(document_id, extraction.entities, assignment, keys, blocking)
    store.insert_claims(document_id, extraction, doc_entity_ids, source_ids,
                        claim_fingerprints(doc.name, extraction, keys))


def create_entities(store: Store, world: World) -> list[int]:
    """The world's entities as resolved entities of the store; returns their ids."""
    return [store.create_entity(Entity(f"w{i}", kind, names[0]))
            for i, (kind, names) in enumerate(zip(world.types, world.names))]
