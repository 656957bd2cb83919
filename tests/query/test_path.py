"""How two actors connect, each hop with its citation; the neighbourhood of an entity."""
import pytest

from dossier import query
from dossier.errors import UsageError


def test_path_goes_through_relations_with_their_evidence(kb):
    noor = kb.find("Noor Wali Mehsud")[0]
    afghanistan = kb.find("Afghanistan")[0]
    hops = query.path(kb.store, noor.id, afghanistan.id)
    assert [h.claim.type for h in hops] in (["leader_of", "based_in"], ["leader_of", "allied_with", "based_in"])
    assert hops[0].source == noor.id and hops[-1].target == afghanistan.id
    assert all(h.claim.evidence and h.claim.evidence[0].sources for h in hops)


def test_no_path_between_unconnected_entities_is_empty(kb):
    noor = kb.find("Noor Wali Mehsud")[0]
    army = kb.find("Pakistan Army")[0]
    assert query.path(kb.store, noor.id, army.id, max_depth=2) == []


def test_network_reaches_neighbours_at_their_distance(kb):
    ttp = kb.find("TTP")[0]
    net = query.network(kb.store, ttp.id, depth=1)
    names = {kb.store.query("SELECT name FROM entities WHERE id = ?", (i,))[0][0]: d for i, d in net.nodes.items()}
    assert net.nodes[ttp.id] == 0
    assert names["al-Qaeda"] == 1
    assert "Afghanistan" in names


def test_network_as_of_a_date_leaves_out_relations_not_yet_begun(kb):
    ttp = kb.find("TTP")[0]
    net = query.network(kb.store, ttp.id, depth=1, as_of="2010")
    names = {kb.store.query("SELECT name FROM entities WHERE id = ?", (i,))[0][0] for i in net.nodes}
    assert "Hakimullah Mehsud" in names and "Noor Wali Mehsud" not in names


# ---- through the library API ----------------------------------------------------------------

def test_a_chain_of_three_relations_links_a_faction_leader_to_the_ally_of_its_parent(kb):
    hops = kb.path("Omar Khalid Khorasani", "al-Qaeda")
    assert len(hops) == 3
    assert hops[0].claim.type == "leader_of" and hops[0].claim.evidence[0].sentence == (
        "Omar Khalid Khorasani led Jamaat-ul-Ahrar from 2014 to 2020.")
    assert hops[1].claim.type in ("part_of", "split_from")
    assert hops[2].claim.type == "allied_with"
    assert all(a.target == b.source for a, b in zip(hops, hops[1:]))
    assert all(h.claim.evidence[0].sources for h in hops)


def test_a_path_as_of_a_date_goes_only_through_relations_holding_then(kb):
    assert len(kb.path("Omar Khalid Khorasani", "al-Qaeda", as_of="2016")) == 3
    assert kb.path("Omar Khalid Khorasani", "al-Qaeda", as_of="2021") == []  # his leadership ended in 2020
    assert kb.path("Noor Wali Mehsud", "Afghanistan", as_of="2010") == []  # he took over in June 2018


def test_a_path_from_an_entity_to_itself_is_refused(kb):
    with pytest.raises(UsageError, match="one entity"):
        kb.path("TTP", "Tehrik-i-Taliban Pakistan")


def test_network_through_the_library_names_nodes_and_edges(kb):
    net = kb.network("Jamaat-ul-Ahrar", depth=1)
    assert {(n.name, n.distance) for n in net.nodes} >= {("Jamaat-ul-Ahrar", 0), ("Omar Khalid Khorasani", 1)}
    led = [e for e in net.edges if e.type == "leader_of"]
    assert [(e.start, e.end, e.documents) for e in led] == [("2014", "2020", ("ttp-ahrar",))]


def test_network_depth_below_one_is_refused(kb):
    with pytest.raises(UsageError, match="depth 0 is less than 1"):
        kb.network("TTP", depth=0)
