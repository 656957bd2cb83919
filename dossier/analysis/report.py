"""`dossier analyze`: the network measured — central actors, communities, brokers — and, for one
organization, its members, succession and crossings; every row with the documents and sources that
state it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import networkx as nx

from dossier.analysis.evidence import Citation, citations, tie_claims
from dossier.analysis.graph import actor_graph, build_graph
from dossier.analysis.measures import Bridge, Centrality, brokers, centrality, communities, community_of
from dossier.analysis.organization import OrganizationReport, organization_report
from dossier.export import ExportScope
from dossier.export.selection import check_not_empty
from dossier.store import Store, reviews

TOP = 15  # central actors, communities and brokers a report lists
COMMUNITY_NAMES = 6  # members named per community: its best connected
TIES_PER_BROKER = 6  # ties shown as a broker's evidence


@dataclass(frozen=True)
class Actor:
    """An entity with its place in the network."""

    id: int
    name: str
    type: str
    degree: int
    degree_centrality: float
    betweenness: float
    community: int | None  # None: no relation at all


@dataclass(frozen=True)
class Community:
    """A Louvain community: its size and its best connected members."""

    number: int
    size: int
    members: tuple[str, ...]


@dataclass(frozen=True)
class Tie:
    """A relation of a broker to an entity of another community or to an organization, with its evidence."""

    relations: tuple[str, ...]  # broker → other: their types
    incoming: tuple[str, ...]  # other → broker
    other: str
    community: int | None
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class Broker:
    """An actor who links otherwise separate groups (see dossier.analysis.measures)."""

    actor: Actor
    communities: tuple[int, ...]
    organizations: tuple[str, ...]
    ties: tuple[Tie, ...]


@dataclass(frozen=True)
class Analysis:
    """The network of the knowledge base (as of a date) measured."""

    as_of: str | None
    entities: int
    relations: int
    betweenness_samples: int | None  # None: exact betweenness
    central: tuple[Actor, ...]  # by betweenness, then degree: the first TOP
    communities: tuple[Community, ...]  # the TOP largest of two or more entities
    community_count: int
    brokers: tuple[Broker, ...]  # the first TOP
    broker_count: int
    organization: OrganizationReport | None = None


def analyze(store: Store, as_of: str | None = None, org: int | None = None,
            progress: Callable[[str], None] = lambda step: None) -> Analysis:
    """Measure the network of the knowledge base, as of a date, and report on one organization."""
    check_not_empty(store)
    progress("reading the network")
    graph = build_graph(store, ExportScope(as_of=as_of, rejected=frozenset(reviews.rejected(store))))
    ties = actor_graph(graph)
    progress("finding communities")
    groups = communities(graph, ties)
    numbered = community_of(groups)
    progress("measuring centrality")
    measured = centrality(ties)
    actor = _actors(graph, measured, numbered)
    ranked = sorted(actor, key=lambda n: (-measured.betweenness[n], -measured.degree[n], n))
    found = brokers(graph, ties, numbered, measured)
    progress("gathering evidence")
    shown = tuple(_broker(store, graph, ties, b, actor, as_of) for b in found[:TOP])
    report = organization_report(store, graph, org, as_of) if org is not None else None
    return Analysis(as_of, graph.number_of_nodes(), graph.number_of_edges(), measured.samples,
                    tuple(actor[n] for n in ranked[:TOP] if measured.degree[n] > 0),
                    tuple(_community(i, group, graph, measured) for i, group in enumerate(groups[:TOP], 1)
                          if len(group) > 1),
                    sum(1 for group in groups if len(group) > 1), shown, len(found), report)


def _actors(graph: nx.MultiDiGraph, measured: Centrality, numbered: dict[int, int]) -> dict[int, Actor]:
    return {n: Actor(n, graph.nodes[n]["name"], graph.nodes[n]["type"], measured.degree[n],
                     round(measured.degree_centrality[n], 6), round(measured.betweenness[n], 6), numbered.get(n))
            for n in graph}


def _community(number: int, group: list[int], graph: nx.MultiDiGraph, measured: Centrality) -> Community:
    best = sorted(group, key=lambda n: (-measured.degree[n], graph.nodes[n]["name"].lower(), n))[:COMMUNITY_NAMES]
    return Community(number, len(group), tuple(graph.nodes[n]["name"] for n in best))


def _broker(store: Store, graph: nx.MultiDiGraph, ties: nx.Graph, bridge: Bridge, actor: dict[int, Actor],
            as_of: str | None) -> Broker:
    """A broker with the ties that make it one: one to each other community it reaches (its best
    connected neighbour there), and those to its organizations."""
    own = actor[bridge.entity].community
    across: dict[int, int] = {}
    for n in sorted(ties[bridge.entity], key=lambda n: (-actor[n].degree, n)):
        if actor[n].type != "location" and actor[n].community not in (own, None):
            across.setdefault(actor[n].community, n)
    others = list(dict.fromkeys([*bridge.organizations, *across.values()]))[:TIES_PER_BROKER]
    stated = tie_claims(store, bridge.entity, set(others), None, as_of)
    shown = tuple(Tie(_relations(graph, bridge.entity, n), _relations(graph, n, bridge.entity), actor[n].name,
                      actor[n].community, citations(stated.get(n, ()))) for n in others)
    return Broker(actor[bridge.entity], bridge.communities,
                  tuple(sorted(graph.nodes[o]["name"] for o in bridge.organizations)), shown)


def _relations(graph: nx.MultiDiGraph, a: int, b: int) -> tuple[str, ...]:
    """The types of the relation facts from one entity to another."""
    return tuple(sorted({data["relation"] for data in graph.get_edge_data(a, b, default={}).values()}))
