"""Statements that contradict each other, found among the facts and shown side by side.

- incompatible accounts of one occurrence: one source says arrested, another surrendered or
  killed, of the same person at dates that do not contradict;
- one event dated differently by different claims (13 June against 14 June);
- two leaders of one organization in overlapping periods;
- a person said to hold a post after another statement says they lost it.
Nothing is overwritten: each side keeps its evidence and sources.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable

from dossier.dates import bounds, contradicts
from dossier.query import leaders
from dossier.store import Store
from dossier.store import views
from dossier.store.views import ClaimView

INCOMPATIBLE = ({"arrest", "surrender"}, {"arrest", "killing"}, {"surrender", "killing"})
NEAR_DAYS = 400  # two dates of "one" event further apart than this are two events, not a conflict


@dataclass(frozen=True)
class Conflict:
    """Two statements that cannot both be true, each with its evidence."""

    kind: str  # account | date | leaders | post
    about: str  # what it concerns, in words
    first: ClaimView
    second: ClaimView


def conflicts(store: Store, entity_id: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> list[Conflict]:
    """Contradictions about one entity, or about every entity that has claims; `progress(done, total)`
    is told after each entity."""
    ids = [entity_id] if entity_id is not None else [e.id for e in views.entities(store) if e.claims]
    found: dict[tuple, Conflict] = {}
    for done, eid in enumerate(ids, 1):
        claims = views.claims(store, views.claim_ids_of(store, eid))
        for c in _accounts(claims, eid) + _dates(claims, eid) + _posts(claims, eid) + _leaders(store, eid):
            found.setdefault((c.kind, *sorted((c.first.id, c.second.id))), c)
        if progress:
            progress(done, len(ids))
    return list(found.values())


def _patients(claim: ClaimView) -> set[int]:
    return {p.entity_id for p in claim.parties if p.role == "patient"}


def _accounts(claims: list[ClaimView], entity_id: int) -> list[Conflict]:
    """One source says arrested, another surrendered (or killed), of the same person at agreeing dates."""
    out = []
    events = [c for c in claims if c.kind == "event" and entity_id in _patients(c) and c.date and len(c.date) >= 7
              and any(p.entity_id == entity_id and p.type == "person" for p in c.parties)]
    for a, b in combinations(events, 2):
        if {a.type, b.type} in INCOMPATIBLE and not contradicts(a.date, b.date):
            name = next(p.name for p in a.parties if p.entity_id == entity_id)
            out.append(Conflict("account", f"{name}: {a.type} or {b.type}?", a, b))
    return out


def _dates(claims: list[ClaimView], entity_id: int) -> list[Conflict]:
    """One event of a person dated differently: the same type, the same role, dates close but different."""
    out = []
    events = [c for c in claims if c.kind == "event" and c.date and entity_id in _patients(c)]
    for a, b in combinations(events, 2):
        if a.type != b.type or not contradicts(a.date, b.date):
            continue
        if abs((bounds(a.date)[0] - bounds(b.date)[0]).days) > NEAR_DAYS:
            continue
        name = next(p.name for p in a.parties if p.entity_id == entity_id)
        out.append(Conflict("date", f"{name}: {a.type} on {a.date} or on {b.date}?", a, b))
    return out


def _posts(claims: list[ClaimView], entity_id: int) -> list[Conflict]:
    """A person holding a post that a removal, stated elsewhere, had already ended."""
    out = []
    removals = [c for c in claims if c.kind == "event" and c.type == "removal" and c.date
                and entity_id in _patients(c)]
    posts = [c for c in claims if c.kind == "relation" and c.type in ("leader_of", "member_of")
             and c.parties[0].entity_id == entity_id]
    for removal in removals:
        bodies = {p.entity_id for p in removal.parties if p.role == "organization"}
        for post in posts:
            if post.parties[1].entity_id not in bodies or post.document == removal.document and not post.start:
                continue
            if post.start and bounds(post.start)[0] > bounds(removal.date)[1]:
                who, body = post.parties[0].name, post.parties[1].name
                out.append(Conflict("post", f"{who} holds a post in {body} after being removed on {removal.date}",
                                    removal, post))
    return out


def _leaders(store: Store, entity_id: int) -> list[Conflict]:
    """Two people leading one organization at once, by periods the sources date themselves."""
    out = []
    tenures = [t for t in leaders(store, entity_id) if t.start and t.claims and not t.how.startswith("succeeded")]
    for a, b in combinations(tenures, 2):
        if a.person.entity_id == b.person.entity_id:
            continue
        first, second = sorted((a, b), key=lambda t: t.start)
        if first.end and bounds(second.start)[0] < bounds(first.end)[0]:
            out.append(Conflict("leaders", f"{first.person.name} and {second.person.name} both lead at {second.start}",
                                first.claims[0], second.claims[0]))
    return out
