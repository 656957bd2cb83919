"""`KnowledgeBase.analyze` on two groups of our own whose only tie is one man who belongs to both."""
from __future__ import annotations

import pytest

from dossier.analysis.evidence import Citation
from dossier.analysis.organization import Crossing, Origin, Period
from dossier.errors import NotFound, UsageError


def test_the_member_of_both_groups_is_named_a_broker(kb):
    brokers = {b.actor.name: b for b in kb.analyze().brokers}
    assert "Idris Malang" in brokers
    assert brokers["Idris Malang"].organizations == ("Crimson Ridge Brigade", "Silver Delta Movement")


def test_a_brokers_ties_carry_documents_and_sources(kb):
    idris = next(b for b in kb.analyze().brokers if b.actor.name == "Idris Malang")
    ties = {t.other: t for t in idris.ties}
    assert ties["Silver Delta Movement"].relations == ("member_of",)
    assert ties["Silver Delta Movement"].evidence == (Citation("delta", ("2",)),)
    assert set(ties["Crimson Ridge Brigade"].evidence) == {Citation("delta", ("2",)), Citation("ridge", ("4",))}


def test_members_of_the_groups_fall_in_two_communities(kb):
    found = kb.analyze().communities
    community = {name: c.number for c in found for name in c.members}
    assert len(found) == 2
    assert community["Crimson Ridge Brigade"] != community["Silver Delta Movement"]
    assert community["Hamid Rostami"] == community["Tariq Baloch"] == community["Crimson Ridge Brigade"]
    assert community["Karim Osman"] == community["Yusuf Haddad"] == community["Silver Delta Movement"]


def test_places_have_no_community(kb):
    central = {a.name: a for a in kb.analyze().central}
    assert central["Peshawar"].community is None


def test_succession_is_in_order_with_its_sources(kb):
    succession = kb.analyze(org="CRB").organization.succession
    assert [(t.name, t.start, t.end) for t in succession] == [
        ("Tariq Baloch", "2011-03", "2015-06"), ("Nadir Qasimi", "2015-06", "2019-09"),
        ("Salim Durrani", "2019-09", None)]
    assert [t.evidence for t in succession] == [
        (Citation("ridge", ("1",)),), (Citation("ridge", ("2",)),), (Citation("ridge", ("3",)),)]


def test_members_by_origin_give_country_and_region(kb):
    by_origin = kb.analyze(org="Crimson Ridge Brigade").organization.by_origin
    assert Origin("Pakistan", "Quetta", ("Hamid Rostami",)) in by_origin
    assert Origin("Afghanistan", "Kandahar", ("Bashir Kakar",)) in by_origin
    assert Origin("Pakistan", "Peshawar", ("Idris Malang",)) in by_origin
    assert by_origin[0] == Origin("unknown", "", ("Tariq Baloch", "Nadir Qasimi", "Wali Shinwari", "Salim Durrani"))


def test_members_by_the_year_they_joined(kb):
    assert kb.analyze(org="CRB").organization.by_period == (
        Period("2011", ("Tariq Baloch",)), Period("2012", ("Hamid Rostami",)), Period("2013", ("Bashir Kakar",)),
        Period("2014", ("Idris Malang",)), Period("2015", ("Nadir Qasimi",)), Period("2016", ("Wali Shinwari",)),
        Period("2019", ("Salim Durrani",)))


def test_a_member_row_carries_its_evidence(kb):
    members = {m.name: m for m in kb.analyze(org="CRB").organization.members}
    assert members["Wali Shinwari"].relations == ("member_of",)
    assert members["Wali Shinwari"].evidence == (Citation("ridge", ("3",)),)
    assert members["Hamid Rostami"].origins == ("Quetta",)


def test_the_melting_pot_is_the_member_of_the_other_group(kb):
    assert kb.analyze(org="SDM").organization.brokers == (
        Crossing(kb.named("Idris Malang").id, "Idris Malang", ("Crimson Ridge Brigade",),
                 (Citation("delta", ("2",)), Citation("ridge", ("4",)))),)


def test_as_of_a_date_only_what_holds_then(kb):
    report = kb.analyze(as_of="2013", org="CRB").organization
    assert [t.name for t in report.succession] == ["Tariq Baloch"]
    assert sorted(m.name for m in report.members) == ["Bashir Kakar", "Hamid Rostami", "Tariq Baloch"]


def test_a_date_before_anything_happened_is_refused(kb):
    with pytest.raises(NotFound, match="earliest date is 2011-03"):
        kb.analyze(as_of="1900")


def test_an_organization_must_be_an_organization(kb):
    with pytest.raises(UsageError, match="'Hamid Rostami' is a person, not an organization"):
        kb.analyze(org="Hamid Rostami")


def test_betweenness_is_exact_on_a_small_base(kb):
    analysis = kb.analyze()
    assert analysis.betweenness_samples is None
    assert (analysis.entities, analysis.relations) == (len(kb.entities()), 16)


def test_as_of_a_date_a_leader_succeeded_is_no_longer_a_member(kb):
    report = kb.analyze(as_of="2017", org="CRB").organization
    assert [t.name for t in report.succession] == ["Nadir Qasimi"]
    assert "Tariq Baloch" not in {m.name for m in report.members}
    assert "Nadir Qasimi" in {m.name for m in report.members}
