"""The network as GraphML and GEXF, written by networkx, for networkx, Gephi, yEd or Cytoscape.

Nodes are entities with `label` and `name` (the main name), `type`, `aliases` (joined by "; "),
`community` (Louvain among the people and organizations exported, numbered from 1, largest first;
0 for places and for entities with no relation, see dossier.analysis.measures) and `degree` (how many entities it is related to). Edges are relation facts,
from subject to object, with `relation`, `approx`, `claims`, `sources` and `documents` (counts),
and the dates the claims give as partial-date strings: `start` and `end` in GraphML. In GEXF `start`
and `end` are the edge's spell, so that Gephi's timeline shows when a relation holds: full dates
(the first day a partial start can mean, the last day a partial end can), and the dates as stated
are `stated_start` and `stated_end`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import networkx as nx

from dossier.analysis.graph import actor_graph, build_graph
from dossier.analysis.measures import communities, community_of
from dossier.dates import bounds
from dossier.errors import NotFound
from dossier.export import EVERYTHING, ExportScope
from dossier.export.files import atomic_streams, prepare_folder
from dossier.export.selection import check_not_empty
from dossier.store import Store

GRAPHML_FILE = "network.graphml"
GEXF_FILE = "network.gexf"
Progress = Callable[[int, int], None]
STEPS = 3  # reading the network, finding communities, writing: what `progress(done, STEPS)` counts


def export_graphml(store: Store, out: str | Path, scope: ExportScope = EVERYTHING,
                   progress: Progress = lambda done, total: None) -> list[Path]:
    """Write network.graphml: the entities and relation facts in scope with their measures."""
    folder = prepare_folder(out)
    graph = measured_graph(store, scope, progress)
    with atomic_streams(folder) as open_file:
        nx.write_graphml(graph, open_file(GRAPHML_FILE).buffer, named_key_ids=True)
    progress(STEPS, STEPS)
    return [folder / GRAPHML_FILE]


def export_gexf(store: Store, out: str | Path, scope: ExportScope = EVERYTHING,
                progress: Progress = lambda done, total: None) -> list[Path]:
    """Write network.gexf: as network.graphml, each relation with its spell for Gephi's timeline."""
    folder = prepare_folder(out)
    graph = measured_graph(store, scope, progress)
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["id"] = key  # GEXF edge ids are unique; networkx would number them
        _spell(data)
    with atomic_streams(folder) as open_file:
        nx.write_gexf(graph, open_file(GEXF_FILE).buffer)
    progress(STEPS, STEPS)
    return [folder / GEXF_FILE]


def measured_graph(store: Store, scope: ExportScope,
                   progress: Progress = lambda done, total: None) -> nx.MultiDiGraph:
    """The network in scope, each node labelled and given its community and degree; an error when
    there is nothing to write."""
    check_not_empty(store)
    progress(0, STEPS)
    graph = build_graph(store, scope)
    if graph.number_of_nodes() == 0:
        raise NotFound(f"no relation holds on {scope.as_of}", "give another --as-of date, or none")
    ties = actor_graph(graph)
    progress(1, STEPS)
    numbered = community_of(communities(graph, ties))
    progress(2, STEPS)
    for node, data in graph.nodes(data=True):
        data.update(label=data["name"], community=numbered.get(node, 0), degree=ties.degree(node))
    return graph


def _spell(data: dict) -> None:
    """An edge's stated dates kept as stated_start/stated_end, and its spell in full dates."""
    approx = data["approx"]
    if "start" in data:
        data["stated_start"] = data["start"]
        data["start"] = bounds(data["start"], approx)[0].isoformat()
    if "end" in data:
        data["stated_end"] = data["end"]
        data["end"] = bounds(data["end"], approx)[1].isoformat()
