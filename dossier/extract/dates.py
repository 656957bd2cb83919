"""Dates in sentences, as partial ISO dates with an approx flag.

Exact dates come from dossier.dates (a missing year taken from the document's date). Vague
ones are given at the coarsest honest precision and marked approx: "mid-1990s" → 1995,
"by the middle of 2017" → 2017, "in the summer of 2018" → 2018, "one year ago" → the year
before the document's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.dates import find_dates, make, near, parts, search_in
from dossier.model import Document

DECADE = re.compile(r"\b(?:(?P<part>early|mid|late|the mid|the early|the late)[- ]+)?(?P<decade>(?:19|20)\d0)'?s\b", re.I)
SEASON = re.compile(r"\b(?P<part>early|mid|late|middle of|end of|beginning of|start of|summer of|winter of|spring of|"
                    r"autumn of|fall of|first half of|second half of)\s+(?:the\s+)?(?:year\s+)?(?P<year>(?:19|20)\d\d)\b",
                    re.I)
SEASON_WORD = re.compile(r"\b(?:the\s+)?(?P<season>summer|winter|spring|autumn|fall)\s+of\s+(?P<year>(?:19|20)\d\d)\b",
                         re.I)
RELATIVE = re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago"
                      r"|(?P<last>last|previous|past)\s+year|(?P<this>this|the current)\s+year)\b", re.I)
YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
YEAR_WORD = re.compile(r"(?i)year")
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
PART_YEAR = {"early": 2, "mid": 5, "the mid": 5, "late": 8, "the early": 2, "the late": 8}


@dataclass(frozen=True)
class DateMention:
    """A date written at a place in the text."""

    start: int
    end: int
    value: str
    approx: bool = False


def find_date_mentions(doc: Document) -> list[DateMention]:
    """Every date in the document's text, vague ones included, not overlapping, in order."""
    text = doc.text
    out: list[DateMention] = []
    taken = bytearray(len(text))  # 1 where a date already stands

    def add(start: int, end: int, value: str | None, approx: bool) -> None:
        if value and not any(taken[start:end]):
            out.append(DateMention(start, end, value, approx))
            taken[start:end] = b"\x01" * (end - start)

    years = near(text, YEAR)  # the vague dates below all hold a year ...
    for m in search_in(DECADE, text, years):
        decade = int(m.group("decade"))
        part = (m.group("part") or "").lower()
        add(m.start(), m.end(), make(decade + PART_YEAR.get(part, 5)), True)
    for m in search_in(SEASON, text, years):
        add(m.start(), m.end(), make(int(m.group("year"))), True)
    for m in search_in(SEASON_WORD, text, years):
        add(m.start(), m.end(), make(int(m.group("year"))), True)
    reference = parts(doc.date)
    if reference:
        for m in search_in(RELATIVE, text, near(text, YEAR_WORD)):  # ... or the word "year"
            if m.group("n"):
                n = int(m.group("n")) if m.group("n").isdigit() else NUMBERS[m.group("n").lower()]
                add(m.start(), m.end(), make(reference[0] - n), True)
            elif m.group("last"):
                add(m.start(), m.end(), make(reference[0] - 1), False)
            else:
                add(m.start(), m.end(), make(reference[0]), False)
    for block in doc.blocks:
        last_year = None  # the year the narrative is in: the last date of this paragraph that gave one
        for start, end, value in find_dates(text[block.start:block.end], doc.date):
            written = text[block.start + start:block.start + end]
            if YEAR.search(written):
                last_year = value[:4]
            elif last_year and len(value) > 4:
                value = last_year + value[4:]
            add(block.start + start, block.start + end, value, False)
    return sorted(out, key=lambda d: d.start)
