"""The JSON API of `dossier serve`, asked over HTTP on 127.0.0.1; the server is not changed here."""
from __future__ import annotations

from web_server import SCRIPT_NAME


def test_search_finds_an_entity_by_an_alias(live_server):
    found = live_server.get("/api/search", q="Fazal Hayat").json()
    assert found[0]["name"] == "Fazlullah"
    assert found[0]["matched"] == "Fazal Hayat"
    assert found[0]["exact"] is True
    assert "Maulana Fazlullah" in found[0]["aliases"]


def test_search_finds_by_the_beginning_of_a_name_in_any_case(live_server):
    assert [e["name"] for e in live_server.get("/api/search", q="hakimul").json()] == ["Hakimullah Mehsud"]


def test_search_finds_by_a_later_word_of_a_name(live_server):
    names = {e["name"] for e in live_server.get("/api/search", q="Mehsud").json()}
    assert {"Baitullah Mehsud", "Hakimullah Mehsud", "Noor Wali Mehsud"} <= names


def test_search_by_type_leaves_other_types_out(live_server):
    assert live_server.get("/api/search", q="Fazlullah", type="organization").json() == []


def test_profile_has_names_relations_and_evidence_with_sources(live_server):
    profile = live_server.get(f"/api/entities/{live_server.entity_id('Fazal Hayat')}").json()
    assert profile["name"] == "Fazlullah"
    assert {"name": "Fazal Hayat", "documents": ["ttp-split"], "more_documents": 0} in profile["names"]
    leads = next(r for r in profile["relations"] if r["type"] == "leader_of")
    assert leads["direction"] == "out"
    assert leads["other"]["name"] == "Tehreek-e-Taliban Pakistan"
    assert leads["start"] == "2013-11"
    said = {e["document"]: e for e in leads["evidence"]}
    assert said["ttp-leaders"]["sentence"] == "Mullah Fazlullah took over the leadership of the TTP in November 2013."
    assert [(s["publisher"], s["date"]) for s in said["ttp-leaders"]["sources"]] == [("Reuters", "2013-11-01")]
    assert sorted(c["document"] for c in leads["claims"]) == ["ttp-leaders", "ttp-split"]


def test_profile_evidence_points_into_its_document(live_server):
    profile = live_server.get(f"/api/entities/{live_server.entity_id('Fazlullah')}").json()
    evidence = profile["relations"][0]["evidence"][0]
    text = live_server.get(f"/api/documents/{evidence['document_id']}").json()["text"]
    assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]


def test_profile_as_of_leaves_out_what_began_later(live_server):
    fazlullah = live_server.entity_id("Fazlullah")
    before = live_server.get(f"/api/entities/{fazlullah}", as_of="2012").json()
    after = live_server.get(f"/api/entities/{fazlullah}", as_of="2015").json()
    assert before["as_of"] == "2012"
    assert "leader_of" not in {r["type"] for r in before["relations"]}
    assert "leader_of" in {r["type"] for r in after["relations"]}


def test_leaders_as_of_give_the_leader_of_the_time(live_server):
    ttp = live_server.entity_id("TTP")
    assert [t["person"]["name"] for t in live_server.get(f"/api/entities/{ttp}/leaders", as_of="2012").json()] \
        == ["Hakimullah Mehsud"]
    assert [t["person"]["name"] for t in live_server.get(f"/api/entities/{ttp}/leaders", as_of="2015").json()] \
        == ["Fazlullah"]


def test_graph_as_of_holds_the_leader_of_the_time(live_server):
    ttp = live_server.entity_id("TTP")

    def leading(as_of: str) -> set[str]:
        graph = live_server.get("/api/graph", centre=ttp, as_of=as_of).json()
        names = {n["id"]: n["name"] for n in graph["nodes"]}
        return {names[e["source"]] for e in graph["edges"] if e["type"] == "leader_of" and e["target"] == ttp}

    assert "Fazlullah" not in leading("2012") and "Hakimullah Mehsud" in leading("2012")
    assert "Fazlullah" in leading("2015")


def test_graph_edges_carry_their_periods_and_the_span_covers_them(live_server):
    graph = live_server.get("/api/graph", centre=live_server.entity_id("TTP")).json()
    fazlullah = next(e for e in graph["edges"] if e["type"] == "leader_of"
                     and e["source"] == live_server.entity_id("Fazlullah"))
    assert fazlullah["start"] == "2013-11"
    assert graph["span"]["first"] <= "2009-08" and graph["span"]["last"] >= "2018-06"


def test_graph_types_keep_only_those_types_and_the_centre(live_server):
    graph = live_server.get("/api/graph", centre=live_server.entity_id("TTP"), types="person").json()
    assert {n["type"] for n in graph["nodes"] if n["distance"] > 0} == {"person"}


def test_document_has_mentions_footnotes_and_their_sources(live_server):
    listed = {d["name"]: d["id"] for d in live_server.get("/api/documents").json()}
    doc = live_server.get(f"/api/documents/{listed['ttp-leaders']}").json()
    assert doc["title"] == "The leaders of Tehrik-i-Taliban Pakistan"
    mentioned = {doc["text"][m["start"]:m["end"]] for m in doc["mentions"]}
    assert {"Baitullah Mehsud", "Hakimullah Mehsud"} <= mentioned
    sources = {s["id"]: s for s in doc["sources"]}
    first = doc["footnotes"][0]
    assert first["marker"] == "1"
    assert [sources[i]["title"] for i in first["source_ids"]] == ["Pakistani Taliban unite under one banner"]
    assert doc["text"][:first["start"]].endswith("in December 2007.")


def test_timeline_is_oldest_first(live_server):
    moments = live_server.get(f"/api/entities/{live_server.entity_id('TTP')}/timeline").json()
    dated = [m["date"] for m in moments if m["date"]]
    assert dated == sorted(dated) and dated[0].startswith("2007")


def test_an_unknown_entity_is_404_with_one_line(live_server):
    response = live_server.get("/api/entities/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "no entity with id 999999"}


def test_an_unknown_document_and_job_are_404(live_server):
    assert live_server.get("/api/documents/999999").status_code == 404
    assert live_server.get("/api/jobs/nosuchjob").json() == {
        "detail": "no upload job 'nosuchjob' — start one with POST /api/upload"}


def test_a_bad_as_of_is_422_naming_the_value(live_server):
    response = live_server.get(f"/api/entities/{live_server.entity_id('TTP')}/leaders", as_of="yesterday-ish")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("'yesterday-ish' is not a date")


def test_a_non_number_id_is_422_naming_it(live_server):
    response = live_server.get("/api/entities/abc")
    assert response.status_code == 422
    assert "'abc'" in response.json()["detail"]


def test_leaders_of_a_person_is_422(live_server):
    response = live_server.get(f"/api/entities/{live_server.entity_id('Fazlullah')}/leaders")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("'#")


def test_a_script_bearing_name_comes_back_as_the_same_text(live_server):
    found = live_server.get("/api/search", q=SCRIPT_NAME).json()
    assert [e["name"] for e in found] == [SCRIPT_NAME]
    profile = live_server.get(f"/api/entities/{found[0]['id']}").json()
    assert profile["name"] == SCRIPT_NAME
    said = live_server.get(f"/api/entities/{live_server.entity_id('Omar Said')}").json()
    assert said["relations"][0]["other"]["name"] == SCRIPT_NAME


def test_a_request_naming_another_host_is_refused(live_server):
    response = live_server.client.get("/api/health", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_a_change_asked_from_another_site_is_refused(live_server):
    response = live_server.post("/api/claims/1/review", json={"verdict": "reject"},
                                headers={"Origin": "http://attacker.example"})
    assert response.status_code == 403
    assert live_server.get("/api/review", status="rejected").json()["total"] == 0


def test_openapi_describes_the_search(live_server):
    spec = live_server.get("/openapi.json").json()
    assert "/api/search" in spec["paths"]
    assert [p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]] == ["q", "type", "limit"]
