"""Relations: one or more tests per relation type, on sentences of our own, with their evidence and sources."""
from __future__ import annotations


# ---- leader_of
def test_became_the_emir_of_gives_leader_with_role_and_start(relations):
    assert relations("Zarbat Kheljan became the emir of the Sabr Brigade in March 2016.") == [
        ("leader_of", "Zarbat Kheljan", "Sabr Brigade", "2016-03", None, "emir")]


def test_the_chief_of_in_apposition_is_a_leader(relations):
    assert relations("Zarbat Kheljan, the chief of the Sabr Brigade, fled.") == [
        ("leader_of", "Zarbat Kheljan", "Sabr Brigade", None, None, "chief")]


def test_led_by_names_the_leader_after_the_group(relations):
    assert relations("The Sabr Brigade is led by Zarbat Kheljan.") == [
        ("leader_of", "Zarbat Kheljan", "Sabr Brigade", None, None, None)]


def test_from_one_year_to_another_bounds_the_relation(relations):
    assert relations("Zarbat Kheljan led the Sabr Brigade from 2010 to 2015.") == [
        ("leader_of", "Zarbat Kheljan", "Sabr Brigade", "2010", "2015", None)]


def test_a_date_after_until_ends_the_relation(relations):
    assert relations("Zarbat Kheljan led the Sabr Brigade until 2015.") == [
        ("leader_of", "Zarbat Kheljan", "Sabr Brigade", None, "2015", None)]


# ---- member_of
def test_a_named_post_that_is_not_the_top_one_is_membership_with_that_role(relations):
    assert relations("Qasim Dunbali, the finance chief of the Sabr Brigade, fled.") == [
        ("member_of", "Qasim Dunbali", "Sabr Brigade", None, None, "finance chief")]


def test_joined_in_a_year_starts_the_membership(relations):
    assert relations("Qasim Dunbali joined the Sabr Brigade in 2004.") == [
        ("member_of", "Qasim Dunbali", "Sabr Brigade", "2004", None, None)]


def test_had_joined(relations):
    assert relations("Qasim Dunbali had joined the Sabr Brigade in 2004.") == [
        ("member_of", "Qasim Dunbali", "Sabr Brigade", "2004", None, None)]


def test_is_a_member_of(relations):
    assert relations("Qasim Dunbali is a member of the Sabr Brigade.") == [
        ("member_of", "Qasim Dunbali", "Sabr Brigade", None, None, "member")]


# ---- part_of
def test_a_faction_of_in_apposition(relations):
    assert relations("The Kunar Brigade, a faction of the Sabr Brigade, fought hard.") == [
        ("part_of", "Kunar Brigade", "Sabr Brigade", None, None, None)]


# ---- allied_with
def test_joint_cell_of_two_groups_is_an_alliance(relations):
    assert relations("Police busted a joint cell of the Sabr Brigade and the Zarand Front.") == [
        ("allied_with", "Sabr Brigade", "Zarand Front", None, None, None)]


def test_allied_with(relations):
    assert relations("The Sabr Brigade is allied with the Zarand Front.") == [
        ("allied_with", "Sabr Brigade", "Zarand Front", None, None, None)]


def test_has_links_with(relations):
    assert relations("The Sabr Brigade has links with the Zarand Front.") == [
        ("allied_with", "Sabr Brigade", "Zarand Front", None, None, None)]


# ---- supports
def test_x_backed_group_is_supported_by_x(relations):
    assert relations("The ISI-backed Sabr Brigade attacked the town.") == [
        ("supports", "ISI", "Sabr Brigade", None, None, None)]


def test_group_described_as_an_x_backed_militia(relations):
    assert relations("The Sabr Brigade is an ISI-backed militia.") == [
        ("supports", "ISI", "Sabr Brigade", None, None, None)]


def test_finances(relations):
    assert relations("The Zarand Front finances the Sabr Brigade.") == [
        ("supports", "Zarand Front", "Sabr Brigade", None, None, None)]


# ---- hostile_to
def test_fought(relations):
    assert relations("The Sabr Brigade fought the Zarand Front for years.") == [
        ("hostile_to", "Sabr Brigade", "Zarand Front", None, None, None)]


def test_fought_each_other(relations):
    assert relations("The Sabr Brigade and the Zarand Front fought each other in Kunar.") == [
        ("hostile_to", "Sabr Brigade", "Zarand Front", None, None, None)]


def test_clashes_between(relations):
    assert relations("Clashes between the Sabr Brigade and the Zarand Front killed ten.") == [
        ("hostile_to", "Sabr Brigade", "Zarand Front", None, None, None)]


# ---- split_from
def test_broke_away_from_in_a_year(relations):
    assert relations("The Kunar Brigade broke away from the Sabr Brigade in 2015.") == [
        ("split_from", "Kunar Brigade", "Sabr Brigade", "2015", None, None)]


def test_a_splinter_group_of(relations):
    assert relations("The Kunar Brigade is a splinter group of the Sabr Brigade.") == [
        ("split_from", "Kunar Brigade", "Sabr Brigade", None, None, None)]


# ---- relative_of
def test_the_son_of(relations):
    assert relations("Qasim Dunbali, the son of Zarbat Kheljan, fled.") == [
        ("relative_of", "Qasim Dunbali", "Zarbat Kheljan", None, None, "son")]


def test_possessive_son_in_law_in_apposition(relations):
    assert relations("Zarbat Kheljan's son-in-law, Qasim Dunbali, fled.") == [
        ("relative_of", "Qasim Dunbali", "Zarbat Kheljan", None, None, "son-in-law")]


def test_his_son_in_law_in_the_next_sentence(relations):
    found = relations("Zarbat Kheljan fled to Iran in 2012. His son-in-law, Qasim Dunbali, stayed in Quetta.")
    assert ("relative_of", "Qasim Dunbali", "Zarbat Kheljan", None, None, "son-in-law") in found


# ---- origin
def test_a_native_of(relations):
    assert relations("Qasim Dunbali, a native of Kunar, fled.") == [
        ("origin", "Qasim Dunbali", "Kunar", None, None, None)]


def test_hails_from(relations):
    assert relations("Qasim Dunbali hails from Kunar.") == [("origin", "Qasim Dunbali", "Kunar", None, None, None)]


def test_who_hails_from(relations):
    assert relations("Qasim Dunbali, who hails from Kunar, was arrested.") == [
        ("origin", "Qasim Dunbali", "Kunar", None, None, None)]


def test_a_national_of_a_country_the_document_names(relations):
    found = relations("Qasim Dunbali, a Pakistani national, was arrested in Kabul. He had studied in Pakistan.")
    assert found == [("origin", "Qasim Dunbali", "Pakistan", None, None, None)]


# ---- based_in
def test_based_in(relations):
    assert relations("The Sabr Brigade is based in Kunar.") == [("based_in", "Sabr Brigade", "Kunar", None, None, None)]


def test_settled_in_a_year(relations):
    assert relations("Qasim Dunbali settled in Quetta in 2012.") == [
        ("based_in", "Qasim Dunbali", "Quetta", "2012", None, None)]


def test_moved_to_a_place_where_he_stayed_until(relations):
    assert relations("In 2009 Qasim Dunbali moved to Quetta, where he stayed until 2014.") == [
        ("based_in", "Qasim Dunbali", "Quetta", "2009", "2014", None)]


# ---- lists
def test_recognized_as_terrorist_by_a_list_gives_one_relation_per_name(relations):
    found = relations("The Sabr Brigade has been recognized as a terrorist organization by the European Union, "
                      "the United Nations and the Arab League.")
    assert found == [("hostile_to", "European Union", "Sabr Brigade", None, None, None),
                     ("hostile_to", "United Nations", "Sabr Brigade", None, None, None),
                     ("hostile_to", "Arab League", "Sabr Brigade", None, None, None)]


def test_which_is_recognized_as_terrorist_by_a_list(relations):
    found = relations("The Sabr Brigade, which is recognized as a terrorist organization by the European Union, "
                      "the United Nations and the Arab League, denies it.")
    assert [(kind, subject) for kind, subject, *_ in found] == [
        ("hostile_to", "European Union"), ("hostile_to", "United Nations"), ("hostile_to", "Arab League")]


# ---- evidence and sources
FOOTNOTED = """Zarbat Kheljan became the emir of the Sabr Brigade in March 2016.[^1] The Sabr Brigade is based \
in Kunar.[^2][^3] Zarbat Kheljan was the emir of the Sabr Brigade.[^4]

[^1]: Ali Rahman, "New emir for the Sabr Brigade", Kabul Times, 2 April 2016.
[^2]: "Brigade moves east", Daily Sentinel, 5 May 2017.
[^3]: Hamid Noori, "The eastern front", Frontier Review, 2018.
[^4]: "Kunar after the emir", Daily Sentinel, 9 January 2019."""


def test_evidence_is_the_sentence_without_markers_with_the_sources_of_its_footnotes(extract):
    extraction = extract(FOOTNOTED)
    based = next(r for r in extraction.relations if r.type == "based_in")
    assert based.evidence[0].text == "The Sabr Brigade is based in Kunar."
    assert based.evidence[0].sources == ("2", "3")


def test_a_relation_stated_twice_is_one_relation_with_both_sentences_and_their_sources(extract):
    extraction = extract(FOOTNOTED)
    leads = [r for r in extraction.relations if r.type == "leader_of"]
    assert len(leads) == 1
    assert (leads[0].start, leads[0].role) == ("2016-03", "emir")
    assert [(e.text, e.sources) for e in leads[0].evidence] == [
        ("Zarbat Kheljan became the emir of the Sabr Brigade in March 2016.", ("1",)),
        ("Zarbat Kheljan was the emir of the Sabr Brigade.", ("4",))]
