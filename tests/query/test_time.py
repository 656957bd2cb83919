"""Leaders as of a date, timelines and the as-of view of a profile, on reports that state them."""
import pytest

from dossier import query
from dossier.errors import UsageError


def test_leaders_lists_every_tenure_oldest_first(kb):
    ttp = kb.find("TTP")[0]
    names = [t.person.name for t in query.leaders(kb.store, ttp.id)]
    assert names == ["Baitullah Mehsud", "Hakimullah Mehsud", "Fazlullah", "Noor Wali Mehsud"]


def test_a_tenure_without_a_stated_end_ends_when_the_next_begins(kb):
    ttp = kb.find("TTP")[0]
    hakimullah = next(t for t in query.leaders(kb.store, ttp.id) if t.person.name == "Hakimullah Mehsud")
    assert (hakimullah.start, hakimullah.end) == ("2009-08", "2013-11")
    assert hakimullah.how == "succeeded by Fazlullah"


def test_leaders_as_of_a_date_gives_who_led_then(kb):
    ttp = kb.find("Tehreek-e-Taliban Pakistan")[0]
    assert [t.person.name for t in query.leaders(kb.store, ttp.id, "2010-06")] == ["Hakimullah Mehsud"]
    assert [t.person.name for t in query.leaders(kb.store, ttp.id, "2016")] == ["Fazlullah"]
    assert [t.person.name for t in query.leaders(kb.store, ttp.id, "2020-01-01")] == ["Noor Wali Mehsud"]


def test_a_year_as_of_includes_a_change_within_that_year(kb):
    ttp = kb.find("TTP")[0]
    assert [t.person.name for t in query.leaders(kb.store, ttp.id, "2013")] == [
        "Hakimullah Mehsud", "Fazlullah"]


def test_no_one_led_before_the_founding(kb):
    ttp = kb.find("TTP")[0]
    assert query.leaders(kb.store, ttp.id, "2005") == []


def test_timeline_is_oldest_first_with_undated_last(kb):
    fazlullah = kb.find("Fazlullah")[0]
    moments = query.timeline(kb.store, fazlullah.id)
    dated = [m.date for m in moments if m.date]
    assert dated == sorted(dated)
    assert moments[0].date == "2013-11"
    assert all(m.date for m in moments[:len(dated)])


def test_a_relation_holds_within_its_period_only():
    assert query.holds("2009-08", "2013-11", "2012")
    assert not query.holds("2009-08", "2013-11", "2014-01")
    assert query.holds("2009-08", None, "2030")
    assert not query.holds("2009-08", None, "2009-07")


def test_an_approximate_date_widens_the_period():
    assert not query.holds("2017", None, "2016-12")
    assert query.holds("2017", None, "2016-12", approx=True)


# ---- through the library API: a leadership that ended, a profile as of a date ------------------

def test_a_leadership_stated_from_one_year_to_another_ends_then(kb):
    tenures = kb.leaders("Jamaat-ul-Ahrar")
    assert [(t.person.name, t.start, t.end) for t in tenures] == [("Omar Khalid Khorasani", "2014", "2020")]


def test_after_a_leadership_ended_no_one_leads_as_of_then(kb):
    assert [t.person.name for t in kb.leaders("Jamaat-ul-Ahrar", as_of="2016-05")] == ["Omar Khalid Khorasani"]
    assert kb.leaders("Jamaat-ul-Ahrar", as_of="2021") == []


def test_leaders_as_of_give_another_leader_before_and_after_a_succession(kb):
    assert [t.person.name for t in kb.leaders("TTP", as_of="2013-06")] == ["Hakimullah Mehsud"]
    assert [t.person.name for t in kb.leaders("TTP", as_of="2014-06")] == ["Fazlullah"]


def test_leaders_as_of_accept_a_date_written_in_words(kb):
    assert [t.person.name for t in kb.leaders("TTP", as_of="June 2014")] == ["Fazlullah"]


def _leads(kb, person: str, org: str, as_of: str) -> bool:
    org_id = kb.named(org).id
    return any(c.type == "leader_of" and c.parties[1].entity_id == org_id
               for c in kb.entity(person, as_of=as_of).claims)


def test_profile_as_of_keeps_a_leadership_while_it_lasts(kb):
    assert _leads(kb, "Hakimullah Mehsud", "TTP", "2010")
    assert not _leads(kb, "Hakimullah Mehsud", "TTP", "2016")  # Fazlullah succeeded him in November 2013


def test_profile_as_of_leaves_out_a_leadership_that_had_ended(kb):
    assert _leads(kb, "Omar Khalid Khorasani", "Jamaat-ul-Ahrar", "2015")
    assert not _leads(kb, "Omar Khalid Khorasani", "Jamaat-ul-Ahrar", "2021")


def test_profile_as_of_has_the_events_up_to_that_date(kb):
    def deaths(as_of):
        return [c.date for c in kb.entity("Hakimullah Mehsud", as_of=as_of).claims if c.type == "killing"]
    assert deaths("2013-10") == []
    assert deaths("2013-11") == ["2013-11-01"]


def test_profile_without_as_of_has_every_claim(kb):
    whole = kb.entity("Hakimullah Mehsud")
    assert whole.as_of is None
    assert {c.id for c in kb.entity("Hakimullah Mehsud", as_of="2010").claims} < {c.id for c in whole.claims}


def test_timeline_has_the_start_and_the_end_of_a_relation_that_ended(kb):
    moments = kb.timeline("Jamaat-ul-Ahrar")
    assert [(m.date, m.what) for m in moments if m.fact.type == "leader_of"] == [("2014", "start"), ("2020", "end")]
    assert [m.date for m in moments] == sorted(m.date for m in moments)


def test_an_as_of_that_is_no_date_is_refused_naming_it(kb):
    with pytest.raises(UsageError, match="'2019-13' is not a date"):
        kb.leaders("TTP", as_of="2019-13")
    with pytest.raises(UsageError, match="'soon' is not a date"):
        kb.entity("Fazlullah", as_of="soon")


def test_leaders_of_a_person_are_refused(kb):
    with pytest.raises(UsageError, match="'Fazlullah' is a person, not an organization"):
        kb.leaders("Fazlullah")
