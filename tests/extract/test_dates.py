"""Dates in the text (dossier/extract/dates.py): exact, relative to the report's date, and vague."""
from __future__ import annotations

import pytest

from dossier.extract.dates import find_date_mentions


@pytest.fixture
def dates(read):
    """The dates of a report dated 12 May 2020 whose body is `body`, as (text, value, approx)."""
    def dates(body: str) -> list[tuple[str, str, bool]]:
        doc = read(body)
        return [(doc.text[d.start:d.end], d.value, d.approx) for d in find_date_mentions(doc)]
    return dates


# ---- days and months without a year
def test_day_and_month_take_the_year_of_the_report(dates):
    assert dates("On 11 May, police raided a house.") == [("11 May", "2020-05-11", False)]


def test_day_and_month_after_the_report_date_are_in_the_year_before(dates):
    assert dates("On 14 December, the cell was formed.") == [("14 December", "2019-12-14", False)]


def test_day_and_month_take_the_year_of_the_last_full_date_of_their_paragraph(dates):
    assert dates("Police raided the house on 3 June 2019. On 11 May, the men had met.") == [
        ("3 June 2019", "2019-06-03", False), ("11 May", "2019-05-11", False)]


def test_a_year_alone_sets_the_narrative_year_too(dates):
    assert dates("In 2016 the men met in Quetta. On 2 April they struck.") == [
        ("2016", "2016", False), ("2 April", "2016-04-02", False)]


def test_the_narrative_year_does_not_carry_into_the_next_paragraph(dates):
    assert dates("Police raided the house on 3 June 2019.\n\nOn 11 May, the men met.") == [
        ("3 June 2019", "2019-06-03", False), ("11 May", "2020-05-11", False)]


# ---- parts of a month or year
def test_last_week_of_a_month_is_that_month(dates):
    assert dates("The plan was made in the last week of March 2020.") == [("March 2020", "2020-03", False)]


@pytest.mark.parametrize("text,value", [("in the mid-1990s", "1995"), ("in the early 2000s", "2002"),
                                        ("in the late 1980s", "1988"), ("in the 1970s", "1975")])
def test_decades_are_approximate_years(dates, text, value):
    found = dates(f"The cell was formed {text}.")
    assert [(v, approx) for _, v, approx in found] == [(value, True)]


def test_by_the_middle_of_a_year_is_that_year_approximately(dates):
    assert dates("The group had split by the middle of 2017.") == [("middle of 2017", "2017", True)]


def test_summer_of_a_year_is_that_year_approximately(dates):
    assert dates("The camp closed in the summer of 2018.") == [("summer of 2018", "2018", True)]


# ---- counted back from the report's date
def test_one_year_ago_is_the_year_before_the_report_approximately(dates):
    assert dates("The cell was formed one year ago.") == [("one year ago", "2019", True)]


def test_years_ago_and_last_year(dates):
    assert dates("The cell was formed two years ago and grew last year.") == [
        ("two years ago", "2018", True), ("last year", "2019", False)]


# ---- a vague date makes its relation approximate
def test_relation_dated_by_a_decade_is_approximate(extract):
    extraction = extract("Qasim Dunbali joined the Sabr Brigade in the mid-1990s.")
    assert [(r.type, r.start, r.approx) for r in extraction.relations] == [("member_of", "1995", True)]
