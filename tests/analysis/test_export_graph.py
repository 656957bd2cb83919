"""GraphML and GEXF exports read back with networkx, counted against the library's own answers."""
from __future__ import annotations

import networkx as nx

import dossier
from dossier.ontology import ontology
from dossier.query import facts


def relation_facts(kb) -> set[tuple]:
    """Every relation fact of the knowledge base as (type, one end, other end), through the profiles."""
    found = set()
    for entity in kb.entities():
        for fact in facts(list(kb.entity(f"#{entity.id}").claims)):
            if fact.kind == "relation":
                ends = (fact.parties[0].entity_id, fact.parties[1].entity_id)
                found.add((fact.type, *(sorted(ends) if ontology().symmetric(fact.type) else ends)))
    return found


def test_graphml_holds_every_entity_and_relation_fact(cli, groups_db, kb, tmp_path):
    result = cli("export", "--format", "graphml", "--out", tmp_path / "out", db=groups_db)
    assert result.returncode == 0, result.stderr
    graph = nx.read_graphml(tmp_path / "out" / "network.graphml")
    assert graph.number_of_nodes() == len(kb.entities())
    assert graph.number_of_edges() == len(relation_facts(kb))


def test_graphml_nodes_and_edges_carry_their_attributes(groups_db, kb, tmp_path):
    kb.export("graphml", tmp_path)
    graph = nx.read_graphml(tmp_path / "network.graphml", force_multigraph=True)
    idris, crb = str(kb.named("Idris Malang").id), str(kb.named("CRB").id)
    assert {k: graph.nodes[idris][k] for k in ("type", "name", "degree")} == {
        "type": "person", "name": "Idris Malang", "degree": 3}
    assert graph.nodes[crb]["aliases"] == "CRB"
    edge = graph.get_edge_data(idris, crb)[f"{idris}-member_of-{crb}"]
    assert edge == {"relation": "member_of", "start": "2014", "approx": False, "claims": 2, "sources": 2,
                    "documents": 2}


def test_graphml_communities_separate_the_two_groups(kb, tmp_path):
    kb.export("graphml", tmp_path)
    graph = nx.read_graphml(tmp_path / "network.graphml")
    community = {graph.nodes[n]["name"]: graph.nodes[n]["community"] for n in graph}
    assert community["Hamid Rostami"] == community["Crimson Ridge Brigade"] != community["Silver Delta Movement"]
    assert community["Karim Osman"] == community["Silver Delta Movement"]
    assert community["Quetta"] == 0


def test_gexf_holds_every_entity_and_relation_fact(cli, groups_db, kb, tmp_path):
    result = cli("export", "--format", "gexf", "--out", tmp_path / "out", db=groups_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote 1 file to {tmp_path / 'out'}"
    graph = nx.read_gexf(tmp_path / "out" / "network.gexf")
    assert graph.number_of_nodes() == len(kb.entities())
    assert graph.number_of_edges() == len(relation_facts(kb))


def test_gexf_relations_have_spells_for_the_timeline(kb, tmp_path):
    kb.export("gexf", tmp_path)
    text = (tmp_path / "network.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    graph = nx.read_gexf(tmp_path / "network.gexf")
    tariq, crb = str(kb.named("Tariq Baloch").id), str(kb.named("CRB").id)
    edge = graph.edges[tariq, crb]
    assert (edge["start"], edge["stated_start"], edge["relation"]) == ("2011-03-01", "2011-03", "leader_of")
    assert graph.nodes[tariq]["label"] == "Tariq Baloch"


def test_an_entitys_neighbourhood_is_what_network_shows(kb, tmp_path):
    kb.export("graphml", tmp_path, entity="SDM", depth=1)
    graph = nx.read_graphml(tmp_path / "network.graphml")
    net = kb.network("SDM", depth=1)
    assert sorted(map(int, graph.nodes)) == sorted(n.id for n in net.nodes)
    assert graph.number_of_edges() == len(net.edges)


def test_as_of_a_date_only_the_relations_that_hold(kb, tmp_path):
    kb.export("graphml", tmp_path, as_of="2012")
    graph = nx.read_graphml(tmp_path / "network.graphml")
    names = {graph.nodes[n]["name"] for n in graph}
    assert {"Tariq Baloch", "Hamid Rostami", "Crimson Ridge Brigade"} <= names
    assert not {"Nadir Qasimi", "Wali Shinwari"} & names
    for _, _, data in graph.edges(data=True):
        assert data.get("start", "") <= "2012"


def test_the_library_writes_the_same_file_twice(groups_db, tmp_path):
    with dossier.open(groups_db) as kb:
        first = kb.export("graphml", tmp_path / "a")
        second = kb.export("graphml", tmp_path / "b")
    assert first[0].read_bytes() == second[0].read_bytes()
