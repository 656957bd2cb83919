"""Measures of the network: centrality, communities and brokers.

- Degree: how many other entities an entity has a relation with; degree centrality is that over
  the number of other entities.
- Betweenness: the share of shortest paths between other entities that pass through an entity.
  Exact up to EXACT_BETWEENNESS entities; beyond, estimated from BETWEENNESS_SAMPLES source
  entities drawn with a fixed seed (networkx's `k=`), and the result says so.
- Communities: Louvain (networkx.community.louvain_communities) among the people and organizations
  that have relations with each other, each pair weighted by how many relation facts join them,
  with a fixed seed so that the same base gives the same communities; numbered from 1, largest
  first. Places are left out and have no community: a country ties together everyone it hosts
  and would pull separate groups into one.
- Brokers: the people and organizations who link otherwise separate groups — whose relations
  reach, places left aside, two or more communities, or (a person) who is a member or leader of, or
  supports, two or more organizations. Places are not brokers: a country ties everyone it hosts.
  Ranked by betweenness, then degree.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

SEED = 20  # the seed of Louvain and of sampled betweenness: the same base, the same answer
EXACT_BETWEENNESS = 3_000  # entities up to which betweenness is computed exactly
BETWEENNESS_SAMPLES = 100  # source entities betweenness is estimated from on a larger network
AFFILIATIONS = ("member_of", "leader_of", "supports")  # a person's ties to organizations
ACTORS = ("person", "organization")


@dataclass(frozen=True)
class Centrality:
    """Degree and betweenness of every entity; `samples` is how many sources betweenness was
    estimated from (None: exact)."""

    degree: dict[int, int]
    degree_centrality: dict[int, float]
    betweenness: dict[int, float]
    samples: int | None


def centrality(ties: nx.Graph) -> Centrality:
    """Degree and betweenness on the undirected network of related pairs."""
    samples = BETWEENNESS_SAMPLES if ties.number_of_nodes() > EXACT_BETWEENNESS else None
    betweenness = nx.betweenness_centrality(ties, k=samples, seed=SEED if samples else None)
    return Centrality(dict(ties.degree()), nx.degree_centrality(ties), betweenness, samples)


def communities(graph: nx.MultiDiGraph, ties: nx.Graph) -> list[list[int]]:
    """Louvain communities of the people and organizations related to each other, largest first
    (then by their lowest entity id), each sorted by entity id."""
    actors = ties.subgraph([n for n in ties if graph.nodes[n].get("type") in ACTORS])
    related = actors.subgraph([n for n in actors if actors.degree(n) > 0])
    found = nx.community.louvain_communities(related, weight="weight", seed=SEED) if related else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def community_of(groups: list[list[int]]) -> dict[int, int]:
    """Entity id → its community's number (1 for the largest)."""
    return {entity: number for number, group in enumerate(groups, 1) for entity in group}


@dataclass(frozen=True)
class Bridge:
    """Why an entity is a broker: the communities its relations reach and the organizations it
    belongs to, leads or supports."""

    entity: int
    communities: tuple[int, ...]
    organizations: tuple[int, ...]


def brokers(graph: nx.MultiDiGraph, ties: nx.Graph, groups: dict[int, int], measured: Centrality) -> list[Bridge]:
    """The brokers of the network (see the module), most between first."""
    found = []
    for entity in ties:
        kind = graph.nodes[entity].get("type")
        if kind not in ACTORS:
            continue
        reached = sorted({groups[n] for n in ties[entity] if graph.nodes[n].get("type") != "location" and n in groups})
        organizations = affiliations(graph, entity) if kind == "person" else []
        if len(reached) >= 2 or len(organizations) >= 2:
            found.append(Bridge(entity, tuple(reached), tuple(organizations)))
    return sorted(found, key=lambda b: (-measured.betweenness.get(b.entity, 0.0), -measured.degree.get(b.entity, 0),
                                        b.entity))


def affiliations(graph: nx.MultiDiGraph, person: int) -> list[int]:
    """The organizations a person is a member or leader of, or supports, by entity id."""
    return sorted({org for _, org, relation in graph.out_edges(person, data="relation")
                   if relation in AFFILIATIONS and graph.nodes[org].get("type") == "organization"})
