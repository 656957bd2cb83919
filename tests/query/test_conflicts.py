"""Contradicting statements are shown side by side, each with its sources; nothing is overwritten."""
from dossier.conflicts import conflicts


def test_arrested_in_one_report_and_surrendered_in_another_is_a_conflict(kb):
    ehsan = kb.find("Ehsanullah Ehsan")[0]
    found = [c for c in conflicts(kb.store, ehsan.id) if c.kind == "account"]
    assert len(found) == 1
    assert {found[0].first.type, found[0].second.type} == {"arrest", "surrender"}
    assert {found[0].first.document, found[0].second.document} == {"ttp-ehsan", "ttp-split"}
    titles = {s.title for c in (found[0].first, found[0].second) for e in c.evidence for s in e.sources}
    assert titles == {"Militant spokesman held", "Former TTP spokesman surrenders"}


def test_two_dates_for_one_death_is_a_conflict(kb):
    fazlullah = kb.find("Fazlullah")[0]
    found = [c for c in conflicts(kb.store, fazlullah.id) if c.kind == "date" and c.first.type == "killing"]
    assert len(found) == 1
    assert {found[0].first.date, found[0].second.date} == {"2018-06-13", "2018-06-14"}


def test_a_clean_succession_is_no_conflict(kb):
    ttp = kb.find("TTP")[0]
    assert [c for c in conflicts(kb.store, ttp.id) if c.kind == "leaders"] == []


def test_all_conflicts_of_the_base_include_both_kinds(kb):
    kinds = {c.kind for c in conflicts(kb.store)}
    assert {"account", "date"} <= kinds


def test_conflicts_of_one_name_show_both_sentences_with_their_sources(kb):
    found = [c for c in kb.conflicts("Ehsanullah Ehsan") if c.kind == "account"]
    assert len(found) == 1
    sides = {c.document: (c.type, c.evidence[0].sentence, [s.publisher for s in c.evidence[0].sources])
             for c in (found[0].first, found[0].second)}
    assert sides == {
        "ttp-ehsan": ("arrest", "Security forces arrested Ehsanullah Ehsan in April 2017.", ["The Express Tribune"]),
        "ttp-split": ("surrender", "Ehsanullah Ehsan, the former spokesman of the Tehreek-e-Taliban Pakistan, "
                                   "surrendered to the Pakistan Army in April 2017.", ["Dawn"])}


def test_two_dates_for_one_death_keep_both_dates_and_documents(kb):
    found = [c for c in kb.conflicts("Fazlullah") if c.kind == "date" and c.first.type == "killing"]
    assert len(found) == 1
    assert sorted((c.date, c.document) for c in (found[0].first, found[0].second)) == [
        ("2018-06-13", "ttp-leaders"), ("2018-06-14", "ttp-split")]


def test_a_leadership_that_ended_before_the_next_began_is_no_conflict(kb):
    assert kb.conflicts("Jamaat-ul-Ahrar") == []


def test_conflicts_of_the_whole_base_report_progress_entity_by_entity(kb):
    seen = []
    kb.conflicts(progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == list(range(1, len(seen) + 1))
