"""An organization with more claims than a page shows: profiles show a page of each claim type and
count them all, timelines start with the oldest claims, and leaders and paths still find theirs."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from dossier import query
from dossier.model import Document, Entity, Event, Evidence, Extraction, Participant, Relation, Source
from dossier.resolve.names import name_key
from dossier.store import open_store, views
from dossier.store.fingerprints import claim_fingerprints

MEMBERS = 120
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "da", "fi"]


def member_name(i: int) -> str:
    return "Omar " + (SYLLABLES[i % 10] + SYLLABLES[i // 10 % 10] + SYLLABLES[i // 100 % 10]).capitalize()


class Report:
    """One document's text and claims, each claim with a sentence of the text as its evidence."""

    def __init__(self) -> None:
        self.text = ""
        self.relations: list[Relation] = []
        self.events: list[Event] = []

    def sentence(self, words: str) -> tuple[Evidence, ...]:
        start = len(self.text)
        self.text += words + " "
        return (Evidence(start, start + len(words), words, ("1",)),)

    def relation(self, kind: str, subject: str, obj: str, words: str, start: str | None = None) -> None:
        self.relations.append(Relation(kind, subject, obj, start, evidence=self.sentence(words)))

    def event(self, kind: str, date: str, participants: tuple[Participant, ...], words: str) -> None:
        self.events.append(Event(kind, date, participants=participants, evidence=self.sentence(words)))


def store_report(db: Path) -> dict[str, int]:
    """The Ridge Front with 120 members (one of them stated twice, the second time last), three leaders
    and two arrests it made, stored through the store's API; returns local id → entity id."""
    org = Entity("e1", "organization", "Ridge Front", ("RF",))
    people = [Entity(f"e{i + 2}", "person", member_name(i)) for i in range(MEMBERS)]
    report = Report()
    for i, person in enumerate(people):
        report.relation("member_of", person.id, "e1", f"{person.name} joined the Ridge Front in {2000 + i}.",
                        start=str(2000 + i))
    report.relation("member_of", "e2", "e1", f"{people[0].name} was still in the Ridge Front in 2200.", start="2200")
    for year, person in zip((2001, 2005, 2010), people[:3]):
        report.relation("leader_of", person.id, "e1", f"{person.name} led the Ridge Front from {year}.", str(year))
    for date, person in (("2003-05", people[5]), ("2011-02-03", people[9])):
        report.event("arrest", date, (Participant("agent", "e1"), Participant("patient", person.id)),
                     f"The Ridge Front seized {person.name} in {date}.")
    entities = (org, *people)
    extraction = Extraction("test", entities, tuple(report.relations), tuple(report.events))
    doc = Document(str(db.parent / "ridge.md"), "ridge", "markdown", report.text,
                   hashlib.sha256(report.text.encode()).hexdigest(), sources=(Source("1", "Ridge notes"),))
    keys = {n: name_key(n) for e in entities for n in (e.name, *e.aliases)}
    with open_store(db, create=True) as store, store.transaction():
        document_id = store.insert_document(doc, "test", [])
        sources = store.insert_sources(document_id, doc)
        ids = {e.id: store.create_entity(e) for e in entities}
        local = store.insert_entities(document_id, entities, {e.id: (ids[e.id], "first named in this document")
                                                              for e in entities}, keys, {})
        store.insert_claims(document_id, extraction, local, sources, claim_fingerprints(doc.name, extraction, keys))
    return ids


@pytest.fixture(scope="module")
def ridge(tmp_path_factory):
    db = tmp_path_factory.mktemp("ridge") / "kb.db"
    ids = store_report(db)
    with open_store(db) as store:
        yield store, ids


def member_claims(profile: views.Profile) -> list[views.ClaimView]:
    return [c for c in profile.claims if c.type == "member_of"]


def test_a_profile_shows_a_page_of_each_claim_type_and_counts_every_claim(ridge):
    store, ids = ridge
    profile = views.profile(store, ids["e1"], per_type=50)
    assert dict(profile.counts) == {"member_of": 121, "leader_of": 3, "arrest": 2}
    assert profile.total_claims == 126 == profile.entity.claims
    assert [c.type for c in profile.claims].count("leader_of") == 3
    assert [c.type for c in profile.claims].count("arrest") == 2
    assert len(member_claims(profile)) == 50
    assert profile.more_claims == 71


def test_a_page_holds_the_oldest_claims_of_a_type(ridge):
    store, ids = ridge
    starts = [c.start for c in member_claims(views.profile(store, ids["e1"], per_type=50))]
    assert starts == [str(y) for y in range(2000, 2050)]


def test_the_next_page_starts_where_the_first_ended(ridge):
    store, ids = ridge
    second = member_claims(views.profile(store, ids["e1"], per_type=50, offset=50))
    assert [c.start for c in second] == [str(y) for y in range(2050, 2100)]


def test_the_last_page_ends_with_the_last_claim(ridge):
    store, ids = ridge
    last = member_claims(views.profile(store, ids["e1"], per_type=50, offset=100))
    assert [c.start for c in last] == [str(y) for y in range(2100, 2120)] + ["2200"]


def test_a_profile_shows_twenty_claims_of_a_type_unless_asked(ridge):
    store, ids = ridge
    assert len(member_claims(views.profile(store, ids["e1"]))) == 20


def test_a_profile_without_a_cap_shows_every_claim(ridge):
    store, ids = ridge
    profile = views.profile(store, ids["e1"], per_type=None)
    assert len(profile.claims) == 126 and profile.more_claims == 0


def test_a_member_sees_all_of_its_own_claims(ridge):
    store, ids = ridge
    profile = views.profile(store, ids["e2"])
    assert dict(profile.counts) == {"leader_of": 1, "member_of": 2}
    assert len(profile.claims) == 3 and profile.more_claims == 0


def test_a_timeline_past_its_limit_is_the_start_of_the_whole_timeline(ridge):
    store, ids = ridge
    whole = query.timeline(store, ids["e1"], limit=None)
    first = query.timeline(store, ids["e1"], limit=20)
    assert len(whole) == 125  # 120 members (one told twice), 3 leaders, 2 arrests
    assert [m.date for m in first] == [m.date for m in whole][:len(first)]
    assert 15 <= len(first) <= 20
    assert first[0].date == "2000" and len(first[0].fact.claims) == 2


def test_a_small_entity_has_its_whole_timeline(ridge):
    store, ids = ridge
    assert query.timeline(store, ids["e3"]) == query.timeline(store, ids["e3"], limit=None)


def test_leaders_of_an_organization_with_many_members(ridge):
    store, ids = ridge
    tenures = query.leaders(store, ids["e1"])
    assert [(t.person.entity_id, t.start, t.end) for t in tenures] == [
        (ids["e2"], "2001", "2005"), (ids["e3"], "2005", "2010"), (ids["e4"], "2010", None)]
    assert [t.person.entity_id for t in query.leaders(store, ids["e1"], "2007")] == [ids["e3"]]


def test_two_members_meet_through_their_organization(ridge):
    store, ids = ridge
    hops = query.path(store, ids["e50"], ids["e90"])
    assert [(h.source, h.target, h.claim.type) for h in hops] == [
        (ids["e50"], ids["e1"], "member_of"), (ids["e1"], ids["e90"], "member_of")]


def test_show_says_how_many_claims_it_leaves_out(ridge, tmp_path):
    store, ids = ridge
    result = subprocess.run([sys.executable, "-m", "dossier", "show", "Ridge Front", "--db", str(store.path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    shown = len(views.profile(store, ids["e1"]).claims)
    assert f"{shown} of 126 claims shown" in result.stdout
    assert f"{126 - shown} more claims" in result.stdout
