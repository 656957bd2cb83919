"""One entity across documents; one fact with its evidence from every document that states it."""
from dossier import query
from dossier.store import views


def test_two_spellings_in_two_reports_are_one_organization(kb):
    ttp = kb.find("Tehrik-i-Taliban Pakistan")
    assert len(ttp) == 1
    assert kb.find("Tehreek-e-Taliban Pakistan")[0].id == ttp[0].id
    assert ttp[0].documents == 5  # every report of tests/data/kb names the group


def test_an_honorific_and_an_alias_find_the_same_person(kb):
    assert kb.find("Maulana Fazlullah")[0].id == kb.find("Fazal Hayat")[0].id == kb.find("Fazlullah")[0].id


def test_explanation_says_which_document_used_which_name_and_why(kb):
    fazlullah = kb.find("Fazlullah")[0]
    records = views.explanation(kb.store, fazlullah.id)
    by_document = {r["document"]: r for r in records}
    assert "Fazal Hayat" in by_document["ttp-split"]["names"]
    assert "Fazal Hayat" not in by_document["ttp-leaders"]["names"]
    reasons = sorted(by_document[d]["reason"] for d in ("ttp-leaders", "ttp-split"))
    first, joined = sorted(reasons, key=lambda r: not r.startswith("first named"))
    assert first.startswith("first named") and not joined.startswith("first named")
    assert "Fazlullah" in joined


def test_a_relation_stated_once_is_one_fact_with_its_source(kb):
    ttp = kb.find("TTP")[0]
    claims = views.claims(kb.store, views.claim_ids_of(kb.store, ttp.id))
    allied = [f for f in query.facts(claims) if f.type == "allied_with"]
    assert len(allied) == 1
    assert [s.title for e in allied[0].evidence for s in e.sources] == ["Tenth report"]


def test_the_same_death_told_with_two_dates_stays_two_facts(kb):
    fazlullah = kb.find("Fazlullah")[0]
    claims = views.claims(kb.store, views.claim_ids_of(kb.store, fazlullah.id))
    deaths = [f for f in query.facts(claims) if f.type == "killing"]
    assert sorted(f.date for f in deaths) == ["2018-06-13", "2018-06-14"]
