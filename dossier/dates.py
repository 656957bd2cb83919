"""Partial dates: ISO prefixes whose length is their precision ("2015", "2015-01", "2015-01-28").

Parsing turns the ways reports write dates into partial dates, resolving a missing year
against the document's date; comparison works at the common precision.
"""
from __future__ import annotations

import calendar
import re
from datetime import date as _date
from datetime import timedelta
from typing import Iterator

PartialDate = str

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})


def _either(names: set[str]) -> str:
    """A pattern matching any of the names, with an optional stop after it."""
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\.?"


_CASED = {f(m) for m in MONTHS for f in (str.title, str.upper)}
# Capitalised or upper case only, so that the verb "may" is not a month ...
_MONTH = _either(_CASED)
# ... but next to a year a full month name may be in lower case too ("15 june 2014", "june 2014").
_MONTH_BY_YEAR = _either(_CASED | {name.lower() for name in calendar.month_name if name})
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# Ordered: the first pattern that matches at a position wins.
PATTERNS = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})[-/](?P<m>0?[1-9]|1[0-2])(?:[-/](?P<d>0?[1-9]|[12]\d|3[01]))?(?!\d)")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH_BY_YEAR}),?\s+(?P<y>{_YEAR})\b")),
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH_BY_YEAR})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH_BY_YEAR}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("dm", re.compile(rf"\b(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?!\w)")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!,?\s*\d)")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{4}|\d{2})\b")),
    ("y", re.compile(rf"\b(?P<y>{_YEAR})\b")),
]

# A UN-style document symbol (S/2011/433, A/HRC/12/48, E/CN.4/2005/7): its numbers are no date.
DOCUMENT_SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z][A-Za-z.\d]*)*(?:/\d+[A-Za-z]?)+(?![\w/])")


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def make(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    """A partial date from its parts, or None when they name no real day."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def year_for(month: int, day: int | None, reference: PartialDate | None) -> int | None:
    """The year of a day-and-month without a year: the latest one not after the reference."""
    if not reference:
        return None
    ref = parts(reference)
    year = ref[0]
    if len(ref) >= 2 and (month, day or 1) > (ref[1], ref[2] if len(ref) > 2 else 31):
        year -= 1
    return year


def find_dates(text: str, reference: PartialDate | None = None) -> list[tuple[int, int, PartialDate]]:
    """Every date written in text as (start, end, partial date), earliest first, not overlapping."""
    found: list[tuple[int, int, PartialDate]] = []
    taken = bytearray(len(text))  # 1 where a date (or a document symbol) already stands
    spans = near(text, DIGITS)  # every written date has a digit: the patterns read only near one
    for m in search_in(DOCUMENT_SYMBOL, text, spans):
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for kind, pattern in PATTERNS:
        for m in search_in(pattern, text, spans):
            if any(taken[m.start():m.end()]):
                continue
            value = _value(kind, m, reference)
            if value:
                found.append((m.start(), m.end(), value))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(found)


DIGITS = re.compile(r"\d+")
REST_OF_WORD = re.compile(r"\S*\s*")  # the rest of a word and the whitespace after it
REACH = 64  # characters a written date may extend from its anchor (digits, or "year") either way


def near(text: str, anchor: re.Pattern, reach: int = REACH) -> list[tuple[int, int]]:
    """The stretches of text within `reach` characters of an anchor, merged, as (start, end).

    Searching only these finds exactly what searching the whole text finds, for patterns whose
    every match holds an anchor and spans at most `reach` characters on each side of it: a
    stretch starts at a word's start and ends after whitespace (or at the text's end), so no
    word boundary or lookahead reads differently at its edges, and stretches closer than
    `reach` are merged. Regular expressions then skip the long anchor-free stretches of prose.
    """
    out: list[tuple[int, int]] = []
    size = len(text)
    for m in anchor.finditer(text):
        start, end = max(0, m.start() - reach), min(size, m.end() + reach)
        if out and start <= out[-1][1]:
            start = out.pop()[0]
        else:
            while start > 0 and not text[start - 1].isspace():
                start -= 1
        out.append((start, REST_OF_WORD.match(text, end).end()))
    return out


def search_in(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]) -> Iterator[re.Match]:
    """The matches of a pattern in the given stretches of text (see `near`), in order."""
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def _value(kind: str, m: re.Match, reference: PartialDate | None) -> PartialDate | None:
    g = m.groupdict()
    if kind == "numeric":
        year = int(g["y"])
        year += 2000 if year < 100 and year < 50 else (1900 if year < 100 else 0)
        a, b = int(g["a"]), int(g["b"])
        # Day first when dotted (22.12.2007) or when the first number cannot be a month (13/02/2020);
        # otherwise month first, as US documents write them (8-3-16).
        return make(year, b, a) if b <= 12 and a > 12 or "." in m.group() else make(year, a, b)
    month = _month(g["m"]) if g.get("m") and not g["m"].isdigit() else int(g["m"]) if g.get("m") else None
    day = _day(g["d"]) if g.get("d") else None
    if kind == "iso" and day is None and len(g["m"]) == 2 and month == (int(g["y"]) + 1) % 100:
        return make(int(g["y"]))  # a span of two years ("in 2011-12"), not a month
    if g.get("y"):
        return make(int(g["y"]), month, day)
    year = year_for(month, day, reference)
    return make(year, month, day) if year else None


def parse_date(text: str, reference: PartialDate | None = None) -> PartialDate | None:
    """The first date written in text, or None."""
    found = find_dates(text or "", reference)
    return found[0][2] if found else None


def parts(value: PartialDate | None) -> tuple[int, ...]:
    """A partial date as a tuple of ints: "2020-04" -> (2020, 4); None -> ()."""
    return tuple(int(x) for x in value.split("-")) if value else ()


def contradicts(a: PartialDate | None, b: PartialDate | None) -> bool:
    """True when two partial dates differ at their common precision (None never contradicts)."""
    pa, pb = parts(a), parts(b)
    n = min(len(pa), len(pb))
    return pa[:n] != pb[:n]


def bounds(value: PartialDate, approx: bool = False) -> tuple[_date, _date]:
    """The first and last day a partial date can mean; approx widens it by one unit each way."""
    p = parts(value)
    if len(p) == 1:
        lo, hi = _date(p[0] - approx, 1, 1), _date(p[0] + approx, 12, 31)
    elif len(p) == 2:
        y, m = p
        lo_y, lo_m = (y, m - 1) if approx and m > 1 else (y - 1, 12) if approx else (y, m)
        hi_y, hi_m = (y, m + 1) if approx and m < 12 else (y + 1, 1) if approx else (y, m)
        lo, hi = _date(lo_y, lo_m, 1), _date(hi_y, hi_m, calendar.monthrange(hi_y, hi_m)[1])
    else:
        day = timedelta(days=approx)
        lo, hi = _date(*p) - day, _date(*p) + day
    return lo, hi


def normalise(value: str) -> PartialDate:
    """A date given by a user (2019, 2019-06, 2019-06-30, "June 2019") as a partial date."""
    text = value.strip()
    iso = re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text)
    if iso and make(*parts(text)):
        return text
    found = None if iso else parse_date(text)
    if not found:
        raise ValueError(f"'{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return found
