"""Events: the built-in extractor on short reports of our own, written to a file and read as dossier would."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract.pipeline import RuleExtractor
from dossier.read import read_document
from dossier.registry import build_registry


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


@pytest.fixture(scope="module")
def readers() -> dict:
    return build_registry(plugins=False).readers


@pytest.fixture
def events(tmp_path: Path, readers: dict, extractor: RuleExtractor):
    """The events of a report dated 12 May 2020 whose body is `text`, as comparable tuples:
    (type, date, approx, location, sorted (role, entity name) pairs, killed, count, evidence count)."""
    def extract(text: str) -> list[tuple]:
        path = tmp_path / "report.md"
        path.write_text(f"Document-date: 2020-05-12\n\n# A report\n\n{text}\n", encoding="utf-8")
        extraction = extractor.extract(read_document(path, readers))
        names = {e.id: e.name for e in extraction.entities}
        return [(e.type, e.date, e.approx, e.location, sorted((p.role, names[p.entity]) for p in e.participants),
                 e.killed, e.count, len(e.evidence)) for e in extraction.events]
    return extract


# ---- arrests
def test_active_arrest_gives_agent_patient_date_and_place(events):
    assert events("On 3 March 2019, the Counter Terrorism Department arrested Abdul Karim Wazir in Quetta.") == [
        ("arrest", "2019-03-03", False, "Quetta",
         [("agent", "Counter Terrorism Department"), ("patient", "Abdul Karim Wazir")], None, 1, 1)]


def test_passive_arrest_takes_agent_after_by(events):
    assert events("Bilal Qureshi was arrested by the Federal Investigation Agency in Karachi in June 2018.") == [
        ("arrest", "2018-06", False, "Karachi",
         [("agent", "Federal Investigation Agency"), ("patient", "Bilal Qureshi")], None, 1, 1)]


def test_arrest_of_names_the_patient(events):
    assert events("The arrest of Yusuf Baloch in Peshawar was announced on 2 May 2017.") == [
        ("arrest", "2017-05-02", False, "Peshawar", [("patient", "Yusuf Baloch")], None, 1, 1)]


def test_coordinated_patients_with_appositions_are_all_arrested(events):
    found = events("On 11 May, the Counter Terrorism Department arrested Hamid Siddiqi; Omar Durrani, the spokesman; "
                   "and Salim Kakar, the finance chief of the Jamaat ul-Ahrar Front.")
    assert found == [("arrest", "2020-05-11", False, None,
                      [("agent", "Counter Terrorism Department"), ("patient", "Hamid Siddiqi"),
                       ("patient", "Omar Durrani"), ("patient", "Salim Kakar")], None, 3, 1)]


def test_names_before_a_passive_are_all_patients(events):
    assert events("Karim Orakzai and Salim Marwat were arrested in Peshawar in May 2018.") == [
        ("arrest", "2018-05", False, "Peshawar", [("patient", "Karim Orakzai"), ("patient", "Salim Marwat")],
         None, 2, 1)]


def test_arrested_along_with_others_counts_them_too(events):
    found = events("The police arrested Nasir Afridi, a commander of the Lashkar-e-Qahar, along with 19 others.")
    assert found == [("arrest", None, False, None, [("patient", "Nasir Afridi")], None, 20, 1)]


def test_number_of_members_arrested_is_the_count_and_their_group_the_patient(events):
    assert events("The police arrested 10 activists of the Jamaat ul-Ahrar Front in Bannu.") == [
        ("arrest", None, False, "Bannu", [("patient", "Jamaat ul-Ahrar Front")], None, 10, 1)]


# ---- surrenders
def test_surrender_to_an_agent(events):
    assert events("Khalid Mehsud surrendered to the Pakistan Army in Bannu on 5 January 2016.") == [
        ("surrender", "2016-01-05", False, "Bannu", [("agent", "Pakistan Army"), ("patient", "Khalid Mehsud")],
         None, 1, 1)]


def test_fighters_of_a_group_surrendering_count_and_name_the_group(events):
    assert events("Over 200 fighters of the Harakat al-Sabr Network surrendered to the Afghan Army in 2018.") == [
        ("surrender", "2018", False, None, [("agent", "Afghan Army"), ("patient", "Harakat al-Sabr Network")],
         None, 200, 1)]


# ---- attacks and killings
def test_attack_that_claimed_lives_is_also_a_killing(events):
    found = events("On 25 March, the Ansar al-Fajr Brigade carried out an attack on a market in Kunduz, "
                   "which claimed 27 lives.")
    assert found == [("attack", "2020-03-25", False, "Kunduz", [("agent", "Ansar al-Fajr Brigade")], 27, None, 1),
                     ("killing", "2020-03-25", False, "Kunduz", [("agent", "Ansar al-Fajr Brigade")], 27, None, 1)]


def test_attack_that_left_people_dead_has_its_place_and_dead(events):
    assert events("An attack on a market in Quetta left 38 people dead.") == [
        ("attack", None, False, "Quetta", [], 38, None, 1),
        ("killing", None, False, "Quetta", [], 38, None, 1)]


def test_person_killed_in_a_drone_strike_relative_clause(events):
    found = events("Hamid Wazir, who was killed in a drone strike near Miranshah on 2 June 2018, had led the "
                   "Ansar al-Fajr Brigade.")
    assert found == [("killing", "2018-06-02", False, "Miranshah", [("patient", "Hamid Wazir")], 1, None, 1),
                     ("attack", "2018-06-02", False, "Miranshah", [("patient", "Hamid Wazir")], 1, None, 1)]


def test_members_of_a_group_killed_name_the_group_and_the_number(events):
    found = events("Five members of the Ansar al-Fajr Brigade were killed when troops stormed a hideout in Kunduz "
                   "on 6 May.")
    assert ("killing", "2020-05-06", False, None, [("patient", "Ansar al-Fajr Brigade")], 5, None, 1) in found


# ---- appointments and removals
def test_appointed_emir_of_a_group(events):
    assert events("Faisal Achakzai was appointed emir of the Harakat al-Sabr Network in 2015.") == [
        ("appointment", "2015", False, None,
         [("organization", "Harakat al-Sabr Network"), ("patient", "Faisal Achakzai")], None, None, 1)]


def test_replaced_by_is_a_removal_and_an_appointment(events):
    found = events("In April 2019, Imran Shinwari was replaced by Zubair Marwat as chief of the Lashkar-e-Qahar.")
    assert found == [
        ("removal", "2019-04", False, None, [("organization", "Lashkar-e-Qahar"), ("patient", "Imran Shinwari")],
         None, None, 1),
        ("appointment", "2019-04", False, None, [("organization", "Lashkar-e-Qahar"), ("patient", "Zubair Marwat")],
         None, None, 1)]


def test_active_replacing_removes_the_object_and_appoints_the_subject(events):
    found = events("Imran Shinwari replaced Zubair Marwat as chief of the Lashkar-e-Qahar in 2019.")
    assert found == [
        ("removal", "2019", False, None, [("organization", "Lashkar-e-Qahar"), ("patient", "Zubair Marwat")],
         None, None, 1),
        ("appointment", "2019", False, None, [("organization", "Lashkar-e-Qahar"), ("patient", "Imran Shinwari")],
         None, None, 1)]


def test_took_over_the_leadership_is_an_appointment(events):
    assert events("In 2016, Ilyas Bangash took over the leadership of the Tehreek-e-Nusrat Movement.") == [
        ("appointment", "2016", False, None,
         [("organization", "Tehreek-e-Nusrat Movement"), ("patient", "Ilyas Bangash")], None, None, 1)]


def test_demoted_is_a_removal_and_the_date_stays_in_its_sentence(events):
    found = events("In March 2017, Khalid Mehsud was demoted. The Lashkar-e-Qahar appointed Zubair Marwat as its "
                   "chief.")
    assert found == [("removal", "2017-03", False, None, [("patient", "Khalid Mehsud")], None, None, 1),
                     ("appointment", None, False, None, [("agent", "Lashkar-e-Qahar"), ("patient", "Zubair Marwat")],
                      None, None, 1)]


# ---- travel
def test_travel_from_to_via(events):
    assert events("In 2014, Anwar Yousafzai travelled from Karachi to Syria via Turkey.") == [
        ("travel", "2014", False, None, [("destination", "Syria"), ("origin", "Karachi"),
                                         ("patient", "Anwar Yousafzai"), ("via", "Turkey")], None, None, 1)]


def test_escaped_to_one_place_and_from_there_to_another(events):
    assert events("Omar Durrani escaped to Iran and from there to Turkey in 2015.") == [
        ("travel", "2015", False, None, [("destination", "Iran"), ("destination", "Turkey"),
                                         ("patient", "Omar Durrani")], None, None, 1)]


def test_a_pronoun_mover_and_two_separate_moves(events):
    found = events("Rashid Khattak fled to Iran in 2012. He later moved from Iran to Turkey.")
    assert found == [
        ("travel", "2012", False, None, [("destination", "Iran"), ("patient", "Rashid Khattak")], None, None, 1),
        ("travel", None, False, None, [("destination", "Turkey"), ("origin", "Iran"), ("patient", "Rashid Khattak")],
         None, None, 1)]


# ---- one event per occurrence, dates from the sentence itself
def test_repeated_mentions_of_one_arrest_are_one_event_with_both_sentences(events):
    found = events("Police arrested Idris Kakar in Quetta on 4 April 2020. Kakar's arrest was hailed as a "
                   "breakthrough by the government.")
    assert found == [("arrest", "2020-04-04", False, "Quetta", [("patient", "Idris Kakar")], None, 1, 2)]


def test_a_date_in_another_sentence_is_not_the_event_date(events):
    found = events("The Lashkar-e-Qahar grew quickly in 2015. Police later arrested Bilal Baloch in Quetta.")
    assert found == [("arrest", None, False, "Quetta", [("patient", "Bilal Baloch")], None, 1, 1)]


# ---- what did not happen
@pytest.mark.parametrize("text", [
    "Police did not arrest Harun Wazir in Quetta.",
    "Police may arrest Bilal Baloch in Quetta.",
    "Salim Kakar was not arrested in Karachi.",
    "The Jamaat ul-Ahrar Front plans to attack Peshawar.",
    "Musa Baloch was not killed in the strike near Miranshah.",
    "Yusuf Durrani would travel to Kabul.",
    "Yusuf Durrani was not able to travel to Kabul.",
    "The government offered a reward for information leading to the arrest of Yusuf Durrani.",
])
def test_negated_and_hypothetical_statements_are_not_events(events, text):
    assert events(text) == []
