"""Analyst decisions: merge, split and undo change the entities at once, are explained, survive
re-ingest and re-extraction, and refuse what makes no sense with the store left as it was."""
from __future__ import annotations

import shutil

import pytest

import dossier
from dossier.errors import AmbiguousName, DecisionError, NotFound
from samples import REPORTS, dump, write

TWO_NAMES = """\
Document-date: 2020-01-01

# Two names in one report

Hamza Zakir led the Eastern Front in 2015.[^1] Police arrested Idris Talha in Kabul in May 2016.[^1]

[^1]: "Commander held", *Dawn*, 2 May 2016.
"""


def same(kb, a: str, b: str) -> bool:
    return kb.named(a).id == kb.named(b).id


def killing_dates(profile) -> list[str]:
    return [c.date for c in profile.claims if c.type == "killing"]


# ---- merge ----------------------------------------------------------------------------------

def test_merge_makes_two_entities_one_with_the_claims_of_both(kb_copy):
    assert not same(kb_copy, "Omar Khalid Khorasani", "Abdul Wali Mohmand")
    kb_copy.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand")
    assert same(kb_copy, "Omar Khalid Khorasani", "Abdul Wali Mohmand")
    profile = kb_copy.entity("Omar Khalid Khorasani")
    assert {n.name for n in profile.names} == {"Omar Khalid Khorasani", "Abdul Wali Mohmand"}
    assert killing_dates(profile) == ["2022-08-07"]
    assert {c.type for c in profile.claims if c.kind == "relation"} == {"leader_of", "member_of"}


def test_a_merge_is_explained_by_its_decision_and_note(kb_copy):
    decision = kb_copy.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand", note="his birth name")
    explanation = kb_copy.explain("Abdul Wali Mohmand")
    assert sorted(r.document for r in explanation.records) == ["paktika-blast", "ttp-ahrar"]
    assert [r.reason for r in explanation.records].count(f"merged by analyst decision #{decision.id}") == 1
    assert explanation.decisions == (decision,)
    assert (decision.kind, decision.note, decision.undone_at) == ("merge", "his birth name", None)
    assert set(decision.names) == {"Omar Khalid Khorasani", "Abdul Wali Mohmand"}


def test_undo_of_a_merge_parts_the_entities_again(kb_copy):
    decision = kb_copy.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand")
    undone = kb_copy.undo(decision.id)
    assert undone.undone_at is not None
    assert not same(kb_copy, "Omar Khalid Khorasani", "Abdul Wali Mohmand")
    assert killing_dates(kb_copy.entity("Omar Khalid Khorasani")) == []
    assert kb_copy.explain("Omar Khalid Khorasani").decisions == ()


def test_a_merge_survives_reingest_with_force(reports_copy):
    with dossier.open(reports_copy) as kb:
        kb.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand")
    report = dossier.ingest([REPORTS], db=reports_copy, workers=1, force=True)
    assert {r.status for r in report.results} == {"updated"}
    with dossier.open(reports_copy) as kb:
        assert same(kb, "Omar Khalid Khorasani", "Abdul Wali Mohmand")
        assert killing_dates(kb.entity("Omar Khalid Khorasani")) == ["2022-08-07"]


def test_a_merge_survives_a_changed_document(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(REPORTS, folder)
    db = tmp_path / "kb.db"
    dossier.ingest([folder], db=db, workers=1)
    with dossier.open(db) as kb:
        kb.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand")
    blast = folder / "paktika-blast.md"
    blast.write_text(blast.read_text().replace(
        "Abdul Wali Mohmand was a commander", "Abdul Wali Mohmand had joined the Tehrik-i-Taliban Pakistan in"
        " 2007.[^1] Abdul Wali Mohmand was a commander"))
    report = dossier.ingest([folder], db=db, workers=1)
    assert [r.status for r in report.results if r.path.endswith("paktika-blast.md")] == ["updated"]
    with dossier.open(db) as kb:
        assert same(kb, "Omar Khalid Khorasani", "Abdul Wali Mohmand")
        joined = [c.start for c in kb.entity("Omar Khalid Khorasani").claims if c.type == "member_of"]
        assert "2007" in joined  # the changed document's new statement is there, on the merged entity


def test_a_merge_joins_two_people_one_report_names_apart(tmp_path):
    db = tmp_path / "kb.db"
    dossier.ingest([write(tmp_path / "in", "two-names.md", TWO_NAMES)], db=db, workers=1)
    with dossier.open(db) as kb:
        assert not same(kb, "Hamza Zakir", "Idris Talha")
        kb.merge("Hamza Zakir", "Idris Talha")
        assert same(kb, "Hamza Zakir", "Idris Talha")
        assert {c.type for c in kb.entity("Idris Talha").claims} == {"leader_of", "arrest"}


# ---- split ----------------------------------------------------------------------------------

def test_split_makes_the_records_that_use_a_name_an_entity_of_their_own(kb_copy):
    kb_copy.split("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    assert [r.document for r in kb_copy.explain("Tehreek-e-Taliban Pakistan").records] == ["ttp-split"]
    rest = [r.document for r in kb_copy.explain("Tehrik-i-Taliban Pakistan").records]
    assert sorted(rest) == ["paktika-blast", "ttp-ahrar", "ttp-ehsan", "ttp-leaders"]


def test_after_a_split_a_name_both_parts_use_is_ambiguous(kb_copy):
    kb_copy.split("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    with pytest.raises(AmbiguousName, match="'TTP' names 2 entities"):
        kb_copy.named("TTP")
    entity = kb_copy.named("Tehreek-e-Taliban Pakistan")
    assert kb_copy.named(f"#{entity.id}") == entity


def test_a_split_survives_reingest_with_force(reports_copy):
    with dossier.open(reports_copy) as kb:
        kb.split("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    dossier.ingest([REPORTS], db=reports_copy, workers=1, force=True)
    with dossier.open(reports_copy) as kb:
        assert not same(kb, "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
        assert kb.named("Tehreek-e-Taliban Pakistan").documents == 1


def test_undo_of_a_split_joins_the_parts_again(kb_copy):
    decision = kb_copy.split("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    kb_copy.undo(decision.id)
    assert same(kb_copy, "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    assert kb_copy.named("TTP").documents == 5


def test_decisions_lists_every_decision_undone_ones_too(kb_copy):
    first = kb_copy.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand")
    second = kb_copy.split("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", note="spelling")
    kb_copy.undo(first.id)
    listed = kb_copy.decisions()
    assert [(d.id, d.kind, d.undone_at is None) for d in listed] == [(first.id, "merge", False),
                                                                     (second.id, "split", True)]
    assert listed[1].names == ("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    assert listed[1].note == "spelling"


# ---- what makes no sense: an error, and the store as it was ---------------------------------

REFUSED = {
    "merging a person with an organization": (
        DecisionError, r"cannot merge 'Omar Khalid Khorasani' \(person\) with 'Jamaat-ul-Ahrar' \(organization\)",
        lambda kb: kb.merge("Omar Khalid Khorasani", "Jamaat-ul-Ahrar")),
    "merging an entity with itself": (
        DecisionError, "'TTP' and 'Tehrik-i-Taliban Pakistan' are already one entity",
        lambda kb: kb.merge("TTP", "Tehrik-i-Taliban Pakistan")),
    "merging an unknown name": (
        NotFound, "no entity called 'Zebulon Quince'", lambda kb: kb.merge("Zebulon Quince", "Abdul Wali Mohmand")),
    "splitting a name the entity does not have": (
        DecisionError, "'Abu Bakr' is not a name of Fazlullah", lambda kb: kb.split("Fazlullah", "Abu Bakr")),
    "splitting the name every record uses": (
        DecisionError, "nothing is left to split it from",
        lambda kb: kb.split("Omar Khalid Khorasani", "Omar Khalid Khorasani")),
    "undoing an unknown decision": (NotFound, "no decision #7", lambda kb: kb.undo(7)),
}


def refused(kb, error, match, act) -> None:
    before = dump(kb.store.path)
    with pytest.raises(error, match=match):
        act(kb)
    assert dump(kb.store.path) == before


@pytest.mark.parametrize("error,match,act", REFUSED.values(), ids=REFUSED.keys())
def test_what_makes_no_sense_is_refused_and_the_store_kept(kb_copy, error, match, act):
    refused(kb_copy, error, match, act)


def test_a_merge_a_split_keeps_apart_is_refused(kb_copy):
    split = kb_copy.split("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan")
    refused(kb_copy, DecisionError, f"kept apart by split decision #{split.id}",
            lambda kb: kb.merge("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"))


def test_undoing_a_decision_twice_is_refused(kb_copy):
    decision = kb_copy.merge("Omar Khalid Khorasani", "Abdul Wali Mohmand")
    kb_copy.undo(decision.id)
    refused(kb_copy, DecisionError, f"decision #{decision.id} was already undone", lambda kb: kb.undo(decision.id))
