"""Entities: name chunks typed as person, organization or location, on sentences of our own."""
from __future__ import annotations

import pytest


# ---- persons from honorifics, titles and name shapes
@pytest.mark.parametrize("honorific", ["Mawlawi", "Maulana", "Sheikh", "Mullah", "Hafiz", "Qari", "Dr"])
def test_honorific_makes_a_lone_surname_a_person_and_stays_as_an_alias(entities, honorific):
    assert entities(f"The sermon was given by {honorific} Kheljan.") == [
        ("person", "Kheljan", [f"{honorific} Kheljan"])]


def test_a_lone_unknown_surname_without_honorific_is_no_entity(entities):
    assert entities("The sermon was given by Kheljan.") == []


def test_honorific_before_a_full_name_is_dropped_from_the_name(entities):
    assert entities("Mawlawi Zarbat Kheljan addressed the crowd.") == [
        ("person", "Zarbat Kheljan", ["Mawlawi Zarbat Kheljan"])]


def test_job_title_before_a_name_gives_the_person_not_the_post(entities):
    assert entities("Home Minister Tarvek Ulmani condemned the attack.") == [
        ("person", "Tarvek Ulmani", ["Home Minister Tarvek Ulmani"])]


def test_kunya_with_nisba_is_a_person(entities):
    assert entities("Police sought Abu Qasura al-Zandani.") == [("person", "Abu Qasura al-Zandani", [])]


def test_name_with_nisba_is_a_person(entities):
    assert entities("Qutrub al-Hindi recruited youths.") == [("person", "Qutrub al-Hindi", [])]


def test_nisba_joined_by_hyphens_is_a_one_word_person(entities):
    assert entities("Police said that Marzuq-al-Bakistani was a recruiter.") == [
        ("person", "Marzuq-al-Bakistani", [])]


# ---- organizations from their shapes
@pytest.mark.parametrize("name", ["Lashkar-e-Zubair", "Tehreek-e-Adalat", "Jama'at-ul-Furqan", "Qasimzai Network",
                                  "Noor Zaman Group", "Islamic Movement of Tarkestan"])
def test_organization_name_shapes(entities, name):
    assert entities(f"Recruiters of the {name} were seen in the area.") == [("organization", name, [])]


def test_province_of_a_group_after_its_possessive_is_an_organization(entities):
    assert entities("The Islamic State's Hind Province claimed the attack.") == [
        ("organization", "Islamic State", []), ("organization", "Hind Province", [])]


def test_group_name_ending_in_province_is_one_organization(entities):
    assert entities("The attack was claimed by the Islamic State Zarand Province.") == [
        ("organization", "Islamic State Zarand Province", [])]


def test_a_province_named_after_a_preposition_is_a_place(entities):
    assert entities("Militants from Zarand Province crossed the border.") == [("location", "Zarand Province", [])]


def test_place_followed_by_police_is_the_police_force(entities):
    assert entities("Officials said Gujarat police arrested the men.") == [("organization", "Gujarat police", [])]


def test_nationality_followed_by_government_is_the_government(entities):
    assert entities("The men were handed to the Afghan government.") == [("organization", "Afghan government", [])]


# ---- places
def test_places_from_the_gazetteer(entities):
    assert entities("The men travelled from Quetta to Herat.") == [("location", "Quetta", []), ("location", "Herat", [])]


def test_unknown_place_after_resident_of(entities):
    assert entities("Police said the suspect was a resident of Kharbanda.") == [("location", "Kharbanda", [])]


def test_unknown_place_before_district_is_named_without_the_word_district(entities):
    assert entities("The raid took place in Zorbat district.") == [("location", "Zorbat", [])]


# ---- what is not an entity
@pytest.mark.parametrize("text", ["Pakistani officials said nothing.", "Afghan and Iranian officials met."])
def test_nationality_adjectives_are_not_entities(entities, text):
    assert entities(text) == []


def test_section_heading_words_are_not_names(entities):
    assert entities("## Shadow Economies\n\nNothing happened.") == []


@pytest.mark.parametrize("caption", ["(Photo credit: Stringer/Getty Images)", "Figure 2: Recruitment Trends by Year"])
def test_photo_captions_and_figure_titles_are_not_entities(entities, caption):
    assert entities(f"The rally was peaceful.\n\n{caption}\n\nNobody spoke.") == []


def test_capitalised_common_nouns_are_not_entities(entities):
    assert entities("The Report Card shows Progress in Governance and Security Sector Reform.") == []


@pytest.mark.parametrize("text", [
    "Analysts believe the network is weak.",
    "Following the raid, police left.",
    "Sources close to the family said nothing.",
    "Witnesses described two gunmen.",
    "Meanwhile, the Government said nothing.",
    "Later, Intelligence officials said the Cell had been dismantled.",
])
def test_sentence_initial_ordinary_words_are_not_names(entities, text):
    assert entities(text) == []


def test_sentence_initial_name_after_an_adverbial_is_still_found(entities):
    assert entities("Despite the ban, Zarbat Kheljan preached.") == [("person", "Zarbat Kheljan", [])]
