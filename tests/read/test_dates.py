"""Partial dates: the ways reports write dates, missing years, precision, bounds and contradictions."""
from __future__ import annotations

from datetime import date

import pytest

from dossier.dates import bounds, contradicts, find_dates, normalise, parse_date


@pytest.mark.parametrize("text, value", [
    ("on 2019-06-30", "2019-06-30"),
    ("in 2019-06", "2019-06"),
    ("on 2019/6/3", "2019-06-03"),
    ("on 14 August 2008", "2008-08-14"),
    ("on the 14th of August 2008", "2008-08-14"),
    ("on 3 Sept. 2010", "2010-09-03"),
    ("on February 15, 2013", "2013-02-15"),
    ("on Feb. 15, 2013", "2013-02-15"),
    ("in July 2012", "2012-07"),
    ("in December, 2018", "2018-12"),
    ("on 22.12.2007", "2007-12-22"),
    ("Date: 8-3-16", "2016-08-03"),
    ("on 13/02/2020", "2020-02-13"),
    ("since 2007", "2007"),
    ("ON 4 APRIL 2020", "2020-04-04"),
])
def test_written_date_becomes_a_partial_date(text, value):
    assert parse_date(text) == value


def test_find_dates_gives_each_date_with_its_span_in_order():
    text = "Between 13 and 20 December 2007, and again in March 2008."
    assert find_dates(text) == [(15, 31, "2007-12-20"), (46, 56, "2008-03")]


@pytest.mark.parametrize("text, reference, value", [
    ("On 11 May, the agency announced the arrest.", "2020-05-12", "2020-05-11"),
    ("On 12 May, the agency announced the arrest.", "2020-05-12", "2020-05-12"),
    ("On March 30, a supporter was killed.", "2015-05-11", "2015-03-30"),
    ("On 22 December, the raid began.", "2020-05-12", "2019-12-22"),
    ("On 16 August, the arrest was announced.", "2014", "2014-08-16"),
    ("On 20 May, the arrest was announced.", "2020-05", "2020-05-20"),
])
def test_day_and_month_without_year_take_the_year_from_the_document_date(text, reference, value):
    assert parse_date(text, reference) == value


def test_day_and_month_without_year_or_document_date_is_not_a_date():
    assert find_dates("On 11 May, the agency announced the arrest.") == []


@pytest.mark.parametrize("text", ["The group may return.", "May the talks succeed.", "They may 5 times have tried."])
def test_may_the_verb_is_not_a_month(text):
    assert find_dates(text, "2020-05-12") == []


def test_impossible_day_leaves_the_month():
    assert parse_date("on 31 February 2019") == "2019-02"


@pytest.mark.parametrize("value, first, last", [
    ("2015", date(2015, 1, 1), date(2015, 12, 31)),
    ("2015-02", date(2015, 2, 1), date(2015, 2, 28)),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ("2015-03-10", date(2015, 3, 10), date(2015, 3, 10)),
])
def test_bounds_are_the_first_and_last_day_a_date_can_mean(value, first, last):
    assert bounds(value) == (first, last)


@pytest.mark.parametrize("value, first, last", [
    ("2015", date(2014, 1, 1), date(2016, 12, 31)),
    ("2015-06", date(2015, 5, 1), date(2015, 7, 31)),
    ("2015-01", date(2014, 12, 1), date(2015, 2, 28)),
    ("2015-12", date(2015, 11, 1), date(2016, 1, 31)),
    ("2015-03-10", date(2015, 3, 9), date(2015, 3, 11)),
    ("2015-12-31", date(2015, 12, 30), date(2016, 1, 1)),
])
def test_approximate_bounds_widen_by_one_unit_each_way(value, first, last):
    assert bounds(value, approx=True) == (first, last)


@pytest.mark.parametrize("a, b, expected", [
    ("2015-01", "2015", False),
    ("2015-01-28", "2015-01", False),
    ("2015-01-28", "2015-02", True),
    ("2014", "2015-06-01", True),
    ("2015-01-28", "2015-01-29", True),
    (None, "2015", False),
    (None, None, False),
])
def test_dates_contradict_only_when_they_differ_at_their_common_precision(a, b, expected):
    assert contradicts(a, b) is expected


@pytest.mark.parametrize("given, value", [("2019", "2019"), ("2019-06", "2019-06"), ("2019-06-30", "2019-06-30"),
                                          ("June 2019", "2019-06"), (" 30 June 2019 ", "2019-06-30")])
def test_user_date_is_normalised(given, value):
    assert normalise(given) == value


@pytest.mark.parametrize("given", ["soon", "2019-13", "2019-02-30"])
def test_user_date_that_is_not_a_date_is_refused(given):
    with pytest.raises(ValueError, match="is not a date"):
        normalise(given)


@pytest.mark.parametrize("text, value", [("in 2011-12", "2011"), ("in 2009-10", "2009"), ("in 2019-20", "2019")])
def test_span_of_two_years_is_the_first_year_not_a_month(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text, value", [
    ("issued as S/2019/712 on 4 September 2019", [(24, 40, "2019-09-04")]),
    ("see A/HRC/40/28 of March 2019", [(19, 29, "2019-03")]),
    ("see E/CN.4/2005/7", []),
])
def test_years_inside_a_un_document_symbol_are_not_dates(text, value):
    assert find_dates(text) == value


@pytest.mark.parametrize("text, value", [
    ("on 15 june 2014", "2014-06-15"),
    ("on june 15, 2014", "2014-06-15"),
    ("in june 2014", "2014-06"),
])
def test_lower_case_month_next_to_a_year_is_a_month(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text", ["Of those held, 5 may face trial.", "on 15 june", "The talks may 3 times fail."])
def test_lower_case_month_without_a_year_is_not_a_date(text):
    assert find_dates(text, "2020-05-12") == []
