"""The knowledge base as a network: entities as nodes, relation facts as edges — what `dossier
analyze` measures and the graphml and gexf exports write.

One edge per fact: the same relation between the same two entities, however many claims state it
(as query.facts groups them), from subject to object — from the lower to the higher entity id for
the relations that read both ways. Edge attributes: `relation` (its type), `start` and `end` (the
earliest start and latest end the claims give, partial dates as strings, left out when none
does), `approx` (every claim hedges its dates), `claims`, `sources` (distinct footnoted sources
cited) and `documents` (documents stating it). Node attributes: `type`, `name` (the main name) and
`aliases` (the entity's other names, joined by "; ").

As of a date, only the facts whose period (earliest start to latest end of their claims) can
include that date are edges (query.holds), and only the entities they relate are nodes; otherwise every entity is a node, related or
not; a date before the earliest the base states is an error (nothing had happened yet). A scope
with entity ids keeps those entities and the relations between them.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

import networkx as nx

from dossier.export import EVERYTHING, ExportScope
from dossier.export.selection import check_as_of
from dossier.ontology import ontology
from dossier.query import holds
from dossier.store import Store
from dossier.store.graph_rows import entity_rows, name_rows, relation_rows

ALIAS_SEPARATOR = "; "
MAX_ALIASES = 30  # names listed per entity: one named in thousands of documents has many spellings


def build_graph(store: Store, scope: ExportScope = EVERYTHING) -> nx.MultiDiGraph:
    """The entities and relation facts of the knowledge base within a scope (see the module)."""
    check_as_of(store, scope)
    graph = nx.MultiDiGraph(as_of=scope.as_of or "")
    symmetric = tuple(name for name, r in ontology().relations.items() if r.symmetric)
    for a, b, key, attributes in _facts(relation_rows(store, symmetric, scope.entity_ids), scope):
        graph.add_edge(a, b, key=key, **attributes)
    wanted = scope.entity_ids if scope.entity_ids is not None else (set(graph) if scope.as_of else None)
    for entity_id, entity_type, name in entity_rows(store, wanted):
        graph.add_node(entity_id, type=entity_type, name=name, aliases="")
    _add_aliases(graph, name_rows(store, wanted))
    return graph


def _facts(rows: Iterable[tuple], scope: ExportScope) -> Iterator[tuple[int, int, str, dict]]:
    """(subject, object, edge key, attributes) of each fact, from claim rows ordered by fact."""
    current, claims = None, []
    for row in rows:
        a, b = row[1], row[2]
        if not (scope.covers(a) and scope.covers(b)) or row[8] in scope.rejected:
            continue
        if row[:3] != current:
            if claims:
                yield from _fact(current, claims, scope.as_of)
            current, claims = row[:3], []
        claims.append(row)
    if claims:
        yield from _fact(current, claims, scope.as_of)


def _fact(key: tuple, claims: list[tuple], as_of: str | None) -> Iterator[tuple[int, int, str, dict]]:
    """The fact its claims state, unless it does not hold on the as-of date."""
    relation, a, b = key
    starts = [c[3] for c in claims if c[3]]
    ends = [c[4] for c in claims if c[4]]
    sources = {s for c in claims if c[7] for s in c[7].split(",")}
    attributes = {"relation": relation, "approx": all(c[5] for c in claims), "claims": len(claims),
                  "sources": len(sources), "documents": len({c[6] for c in claims})}
    if starts:
        attributes["start"] = min(starts)
    if ends:
        attributes["end"] = max(ends)
    if as_of is None or holds(attributes.get("start"), attributes.get("end"), as_of, attributes["approx"]):
        yield a, b, f"{a}-{relation}-{b}", attributes


def _add_aliases(graph: nx.MultiDiGraph, names: Iterable[tuple[int, str]]) -> None:
    """Each node's names other than its main one, joined, the first MAX_ALIASES of them."""
    found: dict[int, list[str]] = {}
    for entity_id, name in names:
        listed = found.setdefault(entity_id, [])
        if entity_id in graph and name != graph.nodes[entity_id]["name"] and len(listed) < MAX_ALIASES:
            listed.append(name)
    for entity_id, listed in found.items():
        if entity_id in graph:
            graph.nodes[entity_id]["aliases"] = ALIAS_SEPARATOR.join(listed)


def actor_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The same entities with one undirected tie per related pair, weighted by how many relation
    facts join them: what centrality and communities are measured on."""
    pairs = Counter((a, b) if a < b else (b, a) for a, b in graph.edges() if a != b)
    ties = nx.Graph()
    ties.add_nodes_from(graph)
    ties.add_weighted_edges_from((a, b, n) for (a, b), n in pairs.items())
    return ties
