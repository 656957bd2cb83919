"""Aliases: every name one document uses for one thing, on sentences of our own."""
from __future__ import annotations

import pytest


# ---- names the text declares the same
@pytest.mark.parametrize("text", [
    "Zarbat Kheljan alias Tornado Bazgir ran the camp.",
    "Zarbat Kheljan aka Tornado Bazgir ran the camp.",
    "Zarbat Kheljan, also known as Tornado Bazgir, ran the camp.",
])
def test_alias_phrase_joins_the_second_name_to_the_first(entities, text):
    assert entities(text) == [("person", "Zarbat Kheljan", ["Tornado Bazgir"])]


def test_every_name_listed_after_alias_is_an_alias(entities):
    assert entities("Zarbat Kheljan alias Tornado Bazgir and Qasraf Dunbali ran the camp.") == [
        ("person", "Zarbat Kheljan", ["Qasraf Dunbali", "Tornado Bazgir"])]


def test_a_name_after_a_set_off_alias_and_a_comma_is_another_person(entities):
    found = entities("Among them were Zarbat Kheljan, better known as Tornado Bazgir, and Sheikh Qasim Dunbali, "
                     "a former deputy.")
    assert found == [("person", "Tornado Bazgir", ["Zarbat Kheljan"]),
                     ("person", "Qasim Dunbali", ["Sheikh Qasim Dunbali"])]


def test_the_name_an_entity_goes_by_is_its_main_name(entities):
    assert entities("Zarbat Kheljan, also known as Tornado Bazgir, crossed the border.") == [
        ("person", "Zarbat Kheljan", ["Tornado Bazgir"])]  # the alias is the second name
    assert entities("Zarbat Kheljan, better known as Tornado Bazgir, crossed the border.") == [
        ("person", "Tornado Bazgir", ["Zarbat Kheljan"])]  # the better-known name is the main one


def test_identified_himself_as_in_the_same_sentence(entities):
    assert entities("Zarbat Kheljan identified himself as Qasim Dunbali during questioning.") == [
        ("person", "Zarbat Kheljan", ["Qasim Dunbali"])]


def test_he_identified_himself_as_in_the_next_sentence(entities):
    found = entities("Zarbat Kheljan was arrested in Quetta. During questioning he identified himself as Qasim Dunbali.")
    assert found == [("person", "Zarbat Kheljan", ["Qasim Dunbali"]), ("location", "Quetta", [])]


def test_then_known_as_names_the_earlier_name_of_a_group(entities):
    assert entities("The Sabr Brigade, then known as the Zarand Front, fought in Kunar.") == [
        ("organization", "Sabr Brigade", ["Zarand Front"]), ("location", "Kunar", [])]


def test_was_formerly_known_as(entities):
    assert entities("The Sabr Brigade was formerly known as the Zarand Front.") == [
        ("organization", "Sabr Brigade", ["Zarand Front"])]


def test_it_was_then_called_in_the_next_sentence(entities):
    assert entities("The Sabr Brigade was founded in 2004. It was then called the Zarand Front.") == [
        ("organization", "Sabr Brigade", ["Zarand Front"])]


# ---- acronyms
def test_acronym_in_brackets_after_its_long_form_is_an_alias(entities):
    assert entities("The National Counter Extremism Authority (NCEA) issued a list. The NCEA named five groups.") == [
        ("organization", "National Counter Extremism Authority", ["NCEA"])]


def test_acronym_in_quotes_after_the_in_brackets_is_an_alias(entities):
    assert entities("The Federal Bureau of Investigation (the “FBI”) opened a case. The FBI said little.") == [
        ("organization", "Federal Bureau of Investigation", ["FBI"])]


def test_undefined_acronym_joins_the_organization_whose_initials_it_spells(entities):
    found = entities("Members of the Hizb-ul-Tawheed Front were arrested. Police said the HTF had cells in Kunar.")
    assert found == [("organization", "Hizb-ul-Tawheed Front", ["HTF"]), ("location", "Kunar", [])]


# ---- shorter forms and spellings of one name
def test_surname_alone_after_the_full_name_is_an_alias(entities):
    assert entities("Aslam Farooqi was appointed chief in 2015. Farooqi had been a commander.") == [
        ("person", "Aslam Farooqi", ["Farooqi"])]


def test_shared_surname_goes_to_the_person_named_nearest(entities):
    found = entities("Aslam Farooqi led the cell. His cousin Tariq Farooqi handled money. Farooqi was arrested in June.")
    assert found == [("person", "Aslam Farooqi", []), ("person", "Tariq Farooqi", ["Farooqi"])]


def test_shared_surname_far_from_both_goes_to_the_person_named_most(entities):
    found = entities("Aslam Farooqi led the cell. Aslam Farooqi recruited boys. Aslam Farooqi fled to Iran. "
                     "His cousin Tariq Farooqi stayed behind. The money ran out. Police were watching. "
                     "Farooqi was arrested in June.")
    assert found == [("person", "Aslam Farooqi", ["Farooqi"]), ("location", "Iran", []),
                     ("person", "Tariq Farooqi", [])]


def test_spelling_variants_and_the_honorific_form_are_one_person(entities):
    assert entities("Mawlawi Zia-ul Haq spoke at the gathering. Later, Zia ul-Haq fled.") == [
        ("person", "Zia-ul Haq", ["Mawlawi Zia-ul Haq", "Zia ul-Haq"])]


# ---- nicknames
def test_quoted_nickname_right_after_the_name(entities):
    assert entities("Abdul Qadeer Marwat 'Darzi' ran the cell.") == [("person", "Abdul Qadeer Marwat", ["Darzi"])]


def test_nicknamed_in_quotes(entities):
    assert entities('Zarbat Kheljan, nicknamed "Lambu", ran the camp.') == [("person", "Zarbat Kheljan", ["Lambu"])]
