"""Sentence boundaries, and which sentence each footnote marker belongs to."""
from __future__ import annotations

import pytest

from dossier.read.sentences import split_sentences


def sentences(text: str) -> list[str]:
    """The sentences of a text, as strings."""
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "Dr. Amina Rahimi met Gen. Tariq Aziz at the U.S. Embassy in the capital.",
    "The convoy was ambushed on Feb. 26 near the bridge.",
    "The curfew began at 6 p.m. and lasted until dawn.",
    "The letter was signed by Col. Hamid and Lt. Gen. Rauf of the Northern Command.",
    "See p. 12 of the report and Fig. 3 of its annex.",
])
def test_abbreviation_does_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_initials_do_not_end_a_sentence():
    assert sentences("The study was written by N. Rahim and R. Nordland in 2018. It was widely read.") == [
        "The study was written by N. Rahim and R. Nordland in 2018.", "It was widely read."]


def test_closing_quote_after_the_stop_stays_with_its_sentence():
    assert sentences('He said, "We will not leave the valley." Then he left.') == [
        'He said, "We will not leave the valley."', "Then he left."]


def test_closing_bracket_after_the_stop_stays_with_its_sentence():
    assert sentences("(The claim was denied by the group.) Officials stood by it.") == [
        "(The claim was denied by the group.)", "Officials stood by it."]


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Is the group finished? Not yet! Its leaders remain at large.") == [
        "Is the group finished?", "Not yet!", "Its leaders remain at large."]


def test_sentence_may_start_with_an_opening_quote_or_a_number():
    assert sentences('The raid failed. "Nobody was there," an officer said. 12 men fled.') == [
        "The raid failed.", '"Nobody was there," an officer said.', "12 men fled."]


def test_offsets_are_into_the_given_text_and_exclude_surrounding_space():
    text = "  The raid failed.   Twelve men fled.  "
    assert split_sentences(text) == [(2, 18), (21, 37)]


def test_split_within_a_range_of_the_text():
    text = "Heading\n\nThe raid failed. Twelve men fled."
    assert split_sentences(text, 9, len(text)) == [(9, 25), (26, 42)]


PARAGRAPH_NOTES = """

[^4]: "Militia leaves the town", *The Valley Times*, 2 May 2019.

[^5]: "Police account of the withdrawal", *Hill Gazette*, 3 May 2019.
"""


def test_marker_after_the_full_stop_belongs_to_the_sentence_before_it(read, cited):
    doc = read("report.md", "The militia withdrew from the town overnight.[^4] Civilians returned soon after."
                            + PARAGRAPH_NOTES)
    assert cited(doc, "The militia withdrew") == ("4",)
    assert cited(doc, "Civilians returned") == ()


def test_marker_after_the_closing_quote_belongs_to_the_quoted_sentence(read, cited):
    doc = read("report.md", 'An officer said, "The militia withdrew from the town overnight."[^4] Civilians returned.'
                            + PARAGRAPH_NOTES)
    assert cited(doc, "An officer said") == ("4",)
    assert cited(doc, "Civilians returned") == ()


def test_marker_mid_sentence_belongs_to_its_sentence(read, cited):
    doc = read("report.md", "The town was calm. The militia, according to the police,[^5] withdrew overnight. "
                            "Civilians returned." + PARAGRAPH_NOTES)
    assert cited(doc, "The town was calm") == ()
    assert cited(doc, "according to the police") == ("5",)
    assert cited(doc, "Civilians returned") == ()


def test_marker_set_apart_after_the_stop_belongs_to_the_sentence_before_it(read, cited):
    doc = read("report.md", "The militia withdrew from the town overnight. <sup>4</sup> Civilians returned soon after."
                            + PARAGRAPH_NOTES)
    assert cited(doc, "The militia withdrew") == ("4",)
    assert cited(doc, "Civilians returned") == ()


def test_every_marker_of_a_paragraph_goes_to_its_own_sentence(read):
    doc = read("report.md", "The militia withdrew from the town.[^4] The police confirmed it.[^5] Civilians returned."
                            + PARAGRAPH_NOTES)
    assert [s.sources for s in doc.sentences if s.block == 0] == [("4",), ("5",), ()]


def test_link_belongs_to_the_sentence_that_carries_it(read, cited):
    doc = read("report.md", "The town was calm. The militia [withdrew](https://news.example.com/2019/05/02/withdrawal) "
                            "overnight. Civilians returned.\n")
    assert cited(doc, "The town was calm") == ()
    assert cited(doc, "The militia withdrew overnight.") == ("L1",)
    assert cited(doc, "Civilians returned") == ()


@pytest.mark.parametrize("text, expected", [
    ("The commander trained in the U.S. He returned in 2012.", ["The commander trained in the U.S.", "He returned in 2012."]),
    ("The curfew began at 6 p.m. The streets emptied within the hour.",
     ["The curfew began at 6 p.m.", "The streets emptied within the hour."]),
    ("They seized rifles, radios, etc. Their leader paid the fighters.",
     ["They seized rifles, radios, etc.", "Their leader paid the fighters."]),
])
def test_abbreviation_that_ends_a_sentence_before_a_pronoun_or_article_splits(text, expected):
    assert sentences(text) == expected


def test_abbreviation_before_a_name_or_noun_does_not_split():
    text = "The envoy flew to the U.K. Foreign Office and met U.S. Army officers at 6 p.m. Monday."
    assert sentences(text) == [text]


def test_over_long_sentence_is_not_cut_inside_a_capitalised_name():
    text = "(" * 1000 + "Zarbat Kheljan met the commander " + "at dawn " * 300 + "and left."
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert len(pieces) > 1 and all(len(p) <= 2000 for p in pieces)
    assert any("Zarbat Kheljan" in p for p in pieces)
