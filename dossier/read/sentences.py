"""Sentence boundaries with character offsets, rule-based (abbreviations, initials, quotes)."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

# A full stop, question or exclamation mark, with any closing quotes or brackets after it,
# then space and something that can start a sentence.
BOUNDARY = re.compile(r"""[.!?]+["'’”)\]]*(?=\s+["'‘“(\[]?[A-Z0-9À-ÖØ-Þ])""")
WORD_BEFORE = re.compile(r"([\w./]+)\.+$")
NEXT_WORD = re.compile(r"""\s+["'‘“(\[]?([A-Za-z]+)\b""")


@cache
def abbreviations() -> frozenset[str]:
    """Words that end with a stop without ending the sentence (data/abbreviations.txt)."""
    text = resources.files("dossier.read").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def sentence_ends() -> dict[str, frozenset[str]]:
    """Abbreviations that may end a sentence, and the words that then start the next one."""
    raw = yaml.safe_load(resources.files("dossier.read").joinpath("data/sentence_ends.yaml").read_text("utf-8"))
    return {"closing": frozenset(raw["closing_abbreviations"]), "starters": frozenset(raw["starters"])}


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """False when the stop at text[stop] closes an abbreviation or an initial (and no sentence with it)."""
    if text[stop] != ".":
        return True
    m = WORD_BEFORE.search(text, max(0, stop - 20), stop + 1)
    if not m:
        return True
    word = m.group(1).lower()
    if word.rstrip(".") in sentence_ends()["closing"]:
        following = NEXT_WORD.match(text, after)
        if following and following.group(1) in sentence_ends()["starters"]:
            return True
    if word in abbreviations() or word.rstrip(".") in abbreviations():
        return False
    if len(word) == 1 and word.isalpha() and text[m.start(1)].isupper():
        return False  # an initial: "N. Rahim", "C. Johnson"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return False  # "U.S.", "e.g."
    return True


MAX_SENTENCE_CHARS = 2000  # longer runs (unpunctuated text, lists, tables) are cut at spaces


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end], stripped of surrounding space.

    A "sentence" longer than MAX_SENTENCE_CHARS is cut into pieces at a clause mark or a space,
    so that no later stage ever works on an unbounded span."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, m.start(), m.end()):
            spans.append((begin, m.end()))
            begin = m.end()
    spans.append((begin, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        while e - s > MAX_SENTENCE_CHARS:
            cut = _cut(text, s, s + MAX_SENTENCE_CHARS)
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            out.append((s, e))
    return out


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence before `limit`: after a clause mark, else at a space
    that does not fall between two capitalised words (inside a name), else at any space."""
    window = text[start:limit]
    for marks in (";:", ","):
        at = max(window.rfind(mark) for mark in marks)
        if at > len(window) // 2:
            return start + at + 1
    at, fallback = len(window), -1
    for _ in range(200):
        at = window.rfind(" ", 0, at)
        if at <= 0:
            break
        if fallback < 0:
            fallback = at
        before = window[:at].rsplit(None, 1)[-1][:1] if window[:at].strip() else ""
        after = window[at + 1 : at + 2]
        if not (before.isupper() and after.isupper()):
            return start + at
    return start + fallback if fallback > 0 else limit
