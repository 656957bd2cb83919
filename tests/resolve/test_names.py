"""Name keys: spellings of one romanised name share a key; different names do not."""
import pytest

from dossier.resolve.names import initials, name_key, name_parts, spelling_key


@pytest.mark.parametrize("one,other", [
    ("Mohammad Tanvir", "Muhammad Tanveer"),
    ("Zia-ul Haq", "Ziaul Haque"),
    ("Zia ul-Haq", "Mawlawi Zia-ul Haq"),
    ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
    ("Hekmatyar", "Hikmatyar"),
    ("Osama bin Laden", "Usama bin Ladin"),
    ("Farooqi", "Faruqi"),
    ("Haqqani", "Haqani"),
    ("Abdul Rahman", "Abd al-Rahman"),
    ("Abdurrahman", "Abdul Rahman"),
    ("Abdullah", "Abdallah"),
    ("Haider", "Hyder"),
    ("Omar", "Umar"),
])
def test_spellings_of_one_name_share_a_spelling_key(one, other):
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize("one,other", [
    ("Amir Khan", "Omar Khan"),
    ("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi"),
    ("Hafiz Saeed", "Hafiz Saeed Khan"),
    ("Jamaat-ul-Ahrar", "Ahrar al-Sham"),
    ("Abdullah Orakzai", "Abdul Rahman Orakzai"),
])
def test_different_names_have_different_spelling_keys(one, other):
    assert spelling_key(one) != spelling_key(other)


def test_a_kunya_is_one_part_of_a_name():
    assert name_parts("Abu Bakr al-Baghdadi") == ("abubakr", "baghdada")


def test_honorifics_and_articles_are_not_parts_of_a_name():
    assert name_parts("Mawlawi Zia-ul Haq") == name_parts("Zia Haq")


def test_name_key_drops_leading_honorifics_and_joins_words():
    assert name_key("Mawlawi Zia-ul Haq") == name_key("Zia ul-Haq") == "ziaulhaq"


def test_initials_leave_out_articles_and_honorifics():
    assert initials("Islamic State of Iraq and the Levant") == "isil"
    assert initials("Harkat-ul-Jihad al-Islami") == "hji"
    assert initials("Sheikh Abdul Haseeb") == "ah"


# ---- loose comparison of name words (resolve/names.py: words_alike, align, spells_initials)
from dossier.resolve.names import align, name_words, spells_initials, words_alike  # noqa: E402


@pytest.mark.parametrize("one,other", [
    ("hekmatyar", "hikmatyar"),    # vowels
    ("awlaki", "aulaqi"),          # w/u, k/q
    ("jawlani", "golani"),         # Egyptian g for j
    ("khazali", "khazaali"),       # doubled vowel
    ("koufa", "kouffa"),           # doubled consonant
    ("akhundzada", "akhunzada"),   # one letter more in a long word
    ("siraj", "sirajuddin"),       # a compound ending
    ("ibrahim", "ibrahimi"),       # a nisba -i
    ("houthi", "houthis"),         # a plural
    ("fadil", "fadhil"),           # dh for d
    ("belhadj", "belhaj"),         # French dj
    ("khalimov", "halimov"),       # Russian kh
    ("binhusin", "husin"),         # a patronym left out
])
def test_spellings_of_one_word_are_alike(one, other):
    assert words_alike(one, other) and words_alike(other, one)


@pytest.mark.parametrize("one,other", [
    ("paktia", "paktika"),
    ("abuhasan", "abuhamza"),
    ("jalaluddin", "sirajuddin"),
    ("zabul", "kabul"),
    ("gao", "goa"),
    ("fazl", "fazlullah"),         # too short a stem for a compound ending
])
def test_different_words_are_not_alike(one, other):
    assert not words_alike(one, other)


@pytest.mark.parametrize("one,other,how", [
    ("Mokhtar Belmokhtar", "Mokhtar Bel Mokhtar", "same"),        # one word written as two
    ("Abubakar Shekau", "Abu Bakr Shekau", "same"),
    ("Afzal Guru", "Mohammad Afzal Guru", "contained"),
    ("Zawahiri", "Ayman al-Zawahiri", "single"),
    ("D.I. Khan", "Dera Ismail Khan", "same"),
    ("Ahmad Shah Massoud", "Ahmad Zia Massoud", None),
    ("Ahmad Massoud Jr.", "Ahmad Massoud", "same"),                # a suffix is not part of the name
])
def test_how_two_names_correspond(one, other, how):
    assert align(name_words(one), name_words(other)) == how


def test_an_assimilated_article_is_unglued_only_before_its_letter():
    assert name_words("Fazlur Rehman") == ("fazl", "rehman")
    assert name_words("Masud Azhar") == ("masud", "azhar")


@pytest.mark.parametrize("long_form,acronym", [
    ("Islamic State in the Greater Sahara", "ISGS"),     # small words skipped
    ("Ahl-e-Sunnat Wal Jamaat", "ASWJ"),                  # a connective counted
    ("al-Qaeda in the Islamic Maghreb", "AQIM"),          # an article counted
    ("The Resistance Front", "TRF"),
    ("Jamiat Ulema-e-Islam (F)", "JUI-F"),                # a faction letter in brackets
    ("Khalid Sheikh Mohammed", "KSM"),
])
def test_acronyms_spell_their_long_forms(long_form, acronym):
    assert spells_initials(long_form, acronym)


def test_an_acronym_does_not_spell_another_long_form():
    assert not spells_initials("Lashkar-e-Jhangvi", "LeT")
