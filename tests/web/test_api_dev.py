"""The JSON API over the development documents (skipped where ../shared/corpus/dev is absent)."""
from __future__ import annotations


def test_search_finds_iskp_by_another_spelling(dev_server):
    found = dev_server.get("/api/search", q="ISKP", type="organization").json()
    assert found, "no organization found for ISKP"
    assert "IS-KP" in {found[0]["name"], *found[0]["aliases"]}


def test_the_iskp_profile_cites_its_sources(dev_server):
    iskp = dev_server.get("/api/search", q="IS-KP", type="organization").json()[0]["id"]
    profile = dev_server.get(f"/api/entities/{iskp}").json()
    cited = [s for r in profile["relations"] for e in r["evidence"] for s in e["sources"]]
    assert profile["relations"] and cited
    assert all(s["title"] or s["url"] for s in cited)


def test_every_footnote_of_a_dev_document_points_to_its_own_sources(dev_server):
    listed = {d["name"]: d["id"] for d in dev_server.get("/api/documents").json()}
    doc = dev_server.get(f"/api/documents/{listed['mantraya-sr20-iskp']}").json()
    own = {s["id"] for s in doc["sources"]}
    assert len(doc["footnotes"]) > 20
    assert all(set(f["source_ids"]) <= own for f in doc["footnotes"])
    assert all(doc["text"][m["start"]:m["end"]] for m in doc["mentions"])
