"""Pronouns and descriptions that stand for an entity: "he", "his", "the group", "the outfit".

Enough co-reference for relations and events: a personal pronoun points to the person who is
the subject of its sentence (or of the one before); "the group" to the armed group last
named, else the one the document is mostly about.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dossier.extract.aliases import Cluster
from dossier.extract.entities import Mention
from dossier.extract.lexicon import Lexicon
from dossier.model import Document

PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
GROUP = re.compile(r"\b(?:the|this|that)\s+(?:militant\s+|terror\s+|terrorist\s+|jihadist\s+|armed\s+|extremist\s+|"
                   r"radical\s+|banned\s+|proscribed\s+|islamist\s+)?(?:group|outfit|organi[sz]ation|movement|network)\b"
                   r"(?!\s+(?:of|in|called|named|known)\b)", re.I)
ITS = re.compile(r"\bits\b", re.I)
LATTER = re.compile(r"\bthe\s+(latter|former)\b(?!\s+(?:chief|head|leader|emir|member|spokesman|commander|"
                    r"governor|president|minister|director)\b)", re.I)
STATE_WORDS = re.compile(r"\b(?:Directorate|Ministry|Agency|Police|police|Government|government|Army|Court|Bureau|"
                         r"Department|Intelligence|Forces|Commission|Council|Embassy|Office|Service)\b")


@dataclass(frozen=True)
class Reference:
    """A pronoun or description at a place in the text, and the entity it stands for."""

    start: int
    end: int
    text: str
    cluster: int


def find_references(doc: Document, mentions: list[Mention], clusters: list[Cluster],
                    lexicon: Lexicon) -> list[Reference]:
    """References to persons and armed groups by pronoun or description."""
    text = doc.text
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.cluster >= 0:
            by_sentence.setdefault(m.sentence, []).append(m)
    kinds = {c.id: c.type for c in clusters}
    armed = {c.id for c in clusters if c.type == "organization" and not any(STATE_WORDS.search(n) for n in c.names)}
    main = main_group(mentions, clusters)
    out: list[Reference] = []
    for index, sentence in enumerate(doc.sentences):
        here = by_sentence.get(index, [])
        resolved: list[Mention] = []
        for m in PERSONAL.finditer(text, sentence.start, sentence.end):
            nearest = m.group().lower() in ("his", "her", "him") and m.start() - sentence.start > 25
            # "His son-in-law, Huzafa, ...": the name after a sentence-opening possessive is the
            # person it describes, not the possessor
            opening = m.group().lower() in ("his", "her") and not text[sentence.start:m.start()].strip(" \"“‘'(")
            target = _person_for(m.start(), here, by_sentence, index, kinds, nearest, fronted=not opening)
            if target is not None:
                out.append(Reference(m.start(), m.end(), m.group(), target))
                resolved.append(Mention(m.start(), m.end(), m.group(), m.group(), "person", 1, "pronoun", index,
                                        cluster=target))
        if resolved and not any(kinds.get(x.cluster) == "person" for x in here):
            by_sentence[index] = sorted(here + resolved, key=lambda x: x.start)  # "he" carries on to the next
        for pattern in (GROUP, ITS):
            for m in pattern.finditer(text, sentence.start, sentence.end):
                target = _group_for(m.start(), here, by_sentence, index, armed) or (
                    main if pattern is GROUP else None)
                if target is not None:
                    out.append(Reference(m.start(), m.end(), m.group(), target))
        for m in LATTER.finditer(text, sentence.start, sentence.end):
            target = _latter_or_former(m.start(), m.group(1).lower(), here, by_sentence, index, kinds)
            if target is not None:
                out.append(Reference(m.start(), m.end(), m.group(), target))
    return sorted(out, key=lambda r: r.start)


def _latter_or_former(at: int, which: str, here: list[Mention], by_sentence: dict[int, list[Mention]],
                      index: int, kinds: dict[int, str]) -> int | None:
    """The organization "the latter" (last named) or "the former" (the one named before it) stands for."""
    named: list[int] = []
    for m in [*by_sentence.get(index - 1, []), *[m for m in here if m.end <= at]]:
        if kinds.get(m.cluster) == "organization":
            if m.cluster in named:
                named.remove(m.cluster)
            named.append(m.cluster)
    if not named:
        return None
    return named[-1] if which == "latter" else (named[-2] if len(named) > 1 else None)


def main_group(mentions: list[Mention], clusters: list[Cluster]) -> int | None:
    """The armed group the document names most often."""
    armed = {c.id for c in clusters if c.type == "organization" and not any(STATE_WORDS.search(n) for n in c.names)}
    counts = Counter(m.cluster for m in mentions if m.cluster in armed)
    return counts.most_common(1)[0][0] if counts else None


def _person_for(at: int, here: list[Mention], by_sentence: dict[int, list[Mention]], index: int,
                kinds: dict[int, str], nearest: bool = False, fronted: bool = True) -> int | None:
    """The person a pronoun at `at` stands for: the first person before it in its sentence (the
    nearest one for a possessive or object pronoun inside the sentence), else the first person of
    the closest sentence before that names one (within three sentences)."""
    before = [m for m in here if m.end <= at and kinds.get(m.cluster) == "person"]
    if before:
        return before[-1 if nearest else 0].cluster
    after = [m for m in here if m.start >= at and kinds.get(m.cluster) == "person"]
    if fronted and after and all(m.start > at for m in here if kinds.get(m.cluster) == "person") \
            and _fronted(at, here):
        return after[0].cluster  # "In her first interview, Ahmed said": the subject that follows
    for back in range(1, 4):
        people = [m for m in by_sentence.get(index - back, []) if kinds.get(m.cluster) == "person"]
        if people:
            return people[0].cluster
    return None


def _fronted(at: int, here: list[Mention]) -> bool:
    """True when a pronoun stands in an opening phrase before its sentence's subject."""
    first_person = min((m.start for m in here), default=at)
    return at < first_person and first_person - at < 120


def _group_for(at: int, here: list[Mention], by_sentence: dict[int, list[Mention]], index: int,
               armed: set[int]) -> int | None:
    """The armed group last named before `at`, in this sentence or the one before."""
    before = [m for m in here if m.end <= at and m.cluster in armed]
    if before:
        return before[-1].cluster
    previous = [m for m in by_sentence.get(index - 1, []) if m.cluster in armed]
    return previous[-1].cluster if previous else None
