"""One organization in the network: its members by origin and by period, its leadership succession,
and the members who tie it to other organizations — what makes it a melting pot.

Members are the people the knowledge base has as members or leaders of it (as of a date, those whose
tie holds then). A member's origin is where a relation "comes from" places them; the country is the
gazetteer's for that place (a country is its own), the region the place itself when it is not a
country. The period of a member is the year their membership began, "undated" when no source says.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import networkx as nx

from dossier.analysis.evidence import Citation, citations, tie_claims
from dossier.analysis.measures import affiliations
from dossier.lang.gazetteer import gazetteer
from dossier.query import leaders
from dossier.store import Store

MEMBERSHIP = ("member_of", "leader_of")
UNKNOWN = "unknown"
UNDATED = "undated"


@dataclass(frozen=True)
class Member:
    """A member or leader of the organization, their period in it, where they come from, on whose word."""

    id: int
    name: str
    relations: tuple[str, ...]  # member_of, leader_of
    start: str | None
    end: str | None
    approx: bool
    origins: tuple[str, ...]
    countries: tuple[str, ...]
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class Origin:
    """The members who come from one place: its country, and the region or town when it is not the
    country itself."""

    country: str
    region: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Period:
    """The members whose membership began in one year ("undated" when no source says)."""

    period: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Leader:
    """A tenure at the head of the organization, with its evidence."""

    id: int
    name: str
    start: str | None
    end: str | None
    approx: bool
    role: str | None
    how: str  # what ends it: "stated", "removal", "succeeded by X", ""
    evidence: tuple[Citation, ...]
    more_claims: int


@dataclass(frozen=True)
class Crossing:
    """A member who also belongs to, leads or supports other organizations, with the evidence of those ties."""

    id: int
    name: str
    organizations: tuple[str, ...]
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class OrganizationReport:
    """An organization's members, their origins and periods, its succession and its crossings."""

    id: int
    name: str
    members: tuple[Member, ...]
    by_origin: tuple[Origin, ...]
    by_period: tuple[Period, ...]
    succession: tuple[Leader, ...]
    brokers: tuple[Crossing, ...]


def organization_report(store: Store, graph: nx.MultiDiGraph, org: int, as_of: str | None) -> OrganizationReport:
    """The report on one organization, from the network as of a date (or whole)."""
    succession = _succession(store, org, as_of)
    members = _members(store, graph, org, as_of, {t.id for t in succession})
    by_origin = tuple(Origin(*key, names) for key, names in
                      _grouped(members, _origins, lambda item: (-len(item[1]), item[0])))
    by_period = tuple(Period(*key, names) for key, names in
                      _grouped(members, lambda m: {(m.start[:4] if m.start else UNDATED,)},
                               lambda item: (item[0] == (UNDATED,), item[0])))
    name = graph.nodes[org]["name"] if org in graph else ""
    return OrganizationReport(org, name, members, by_origin, by_period, succession,
                              _crossings(store, graph, org, members, as_of))


def _origins(member: Member) -> set[tuple[str, str]]:
    """(country, region) of each place a member comes from; (unknown, "") when none is known."""
    return {(c, "" if p == c else p) for p, c in zip(member.origins, member.countries)} or {(UNKNOWN, "")}


def _grouped(members: tuple[Member, ...], keys_of, order) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(key, member names) for each key members have (one with two origins is under both), in this order."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for m in members:
        for key in sorted(keys_of(m)):
            groups.setdefault(key, []).append(m.name)
    return [(key, tuple(names)) for key, names in sorted(groups.items(), key=order)]


def _members(store: Store, graph: nx.MultiDiGraph, org: int, as_of: str | None,
             in_office: set[int]) -> tuple[Member, ...]:
    """Its members and leaders; as of a date, a leader only while `leaders` has them in office
    (`in_office`: their ids), as a leadership without a stated end ends when the next begins."""
    if org not in graph:
        return ()
    ties: dict[int, list[dict]] = {}
    for person, _, data in graph.in_edges(org, data=True):
        if data["relation"] not in MEMBERSHIP or graph.nodes[person]["type"] != "person":
            continue
        if as_of and data["relation"] == "leader_of" and person not in in_office:
            continue
        ties.setdefault(person, []).append(data)
    stated = tie_claims(store, org, set(ties), MEMBERSHIP, as_of)
    members = []
    for person, data in ties.items():
        places = sorted(graph.nodes[p]["name"] for _, p, relation in graph.out_edges(person, data="relation")
                        if relation == "origin")
        starts = [d["start"] for d in data if d.get("start")]
        ends = [d["end"] for d in data if d.get("end")]
        members.append(Member(person, graph.nodes[person]["name"], tuple(sorted(d["relation"] for d in data)),
                              min(starts) if starts else None, max(ends) if ends else None,
                              all(d["approx"] for d in data), tuple(places), tuple(country(p) for p in places),
                              citations(stated.get(person, ()))))
    return tuple(sorted(members, key=lambda m: (m.start is None, m.start or "", m.name.lower(), m.id)))


def country(place: str) -> str:
    """The country a place lies in, by the gazetteer; "unknown" when it does not know or cannot tell."""
    found = gazetteer().place(place)
    if found is not None and found.subtype == "country":
        return found.name
    codes = gazetteer().countries(place)
    return country_names().get(next(iter(codes)), UNKNOWN) if len(codes) == 1 else UNKNOWN


@cache
def country_names() -> dict[str, str]:
    """ISO country code → the country's name in the gazetteer."""
    return {p.country: p.name for p in gazetteer().places.values() if p.subtype == "country" and p.country}


def _succession(store: Store, org: int, as_of: str | None) -> tuple[Leader, ...]:
    return tuple(Leader(t.person.entity_id, t.person.name, t.start, t.end, t.approx, t.role, t.how,
                        citations(t.claims), t.more_claims) for t in leaders(store, org, as_of))


def _crossings(store: Store, graph: nx.MultiDiGraph, org: int, members: tuple[Member, ...],
               as_of: str | None) -> tuple[Crossing, ...]:
    """The members also tied to other organizations, those tied to the most first."""
    found = []
    for m in members:
        others = [o for o in affiliations(graph, m.id) if o != org]
        if others:
            stated = tie_claims(store, m.id, set(others), None, as_of)
            found.append(Crossing(m.id, m.name, tuple(graph.nodes[o]["name"] for o in others),
                                  citations(c for o in others for c in stated.get(o, ()))))
    return tuple(sorted(found, key=lambda c: (-len(c.organizations), c.name.lower(), c.id)))
