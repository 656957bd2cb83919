"""Names → entities within one document: every name and alias the document uses for one thing.

Mentions join one entity when they share a name key, when the text says so ("X alias Y",
"X, also known as Y", "Long Form (ACR)", "identified himself as Y"), when a shorter name
repeats part of a fuller one ("Farooqi" after "Aslam Farooqi", "Lashkar" after
"Lashkar-e-Toiba"), or when two spellings differ by a letter or two ("Moawiya"/"Maowiya").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from dossier.extract.entities import GOOD, STRONG, WEAK, Found, Mention, _initials_match
from dossier.lang.gazetteer import Gazetteer
from dossier.extract.lexicon import Lexicon
from dossier.resolve.names import name_key, words as name_words

# Alias phrases after which the second name is the one the entity goes by ("Ibrahim al-Badri,
# better known as Abu Bakr al-Baghdadi"; "the group, now known as ..."); after the others it is
# the first ("Fazlullah, also known as Fazal Hayat").
NAME_AFTER_PRIMARY = re.compile(r"better known|widely known|now known|later known|now called|name to", re.I)
ALIAS_BETWEEN = re.compile(
    r"^\s*,?\s*(?:(?:who|which)\s+)?(?:(?:was|were|is|are|has been|had been)\s+)?"
    r"(?:alias|aliases|aka|a\.k\.a\.?|also known as|also called|also spelt|also spelled|better known as|"
    r"widely known as|known as|nicknamed|whose real name is|real name|nom de guerre|who goes by|"
    r"(?:was|is) the same (?:person|man|individual|group|organi[sz]ation) (?:as|who used)(?: the)?|"
    r"(?:added|add|adopted|adopt) the (?:alias|name)|(?:changed|change of) (?:its|their|his|\S+'s) name to|"
    r"(?:then|formerly|previously|originally|later|now) (?:known as|called|named))\s*[:,]?\s*(?:the\s+)?[\"“'‘]?\s*$",
    re.I)
BRACKETED = re.compile(r"^\s*\(\s*(?:aka\s+|alias\s+|a\.k\.a\.?\s+)?[\"“'‘]?\s*$", re.I)
LIST_AND = re.compile(r"^\s*(?:,\s*)?(?:and|or|,)\s*[\"“'‘]?\s*$")
CALLED = re.compile(r"\b(?:it|the group|the outfit|the organi[sz]ation)\s+(?:was|were|is)\s+(?:then\s+|also\s+|originally\s+|"
                    r"formerly\s+|first\s+|once\s+)?(?:called|known as|named)\s*(?:the\s+)?[\"“'‘]?\s*$", re.I)
IDENTIFIED = re.compile(r"\b(?:identified|introduced|described|presented|named)\s+(himself|herself|him|her)\s+as\s*[\"“'‘]?\s*$",
                        re.I)
GROUP_HEADS = ("group", "faction", "wing", "cell", "network", "front")


@dataclass
class Cluster:
    """One entity of the document: its type, its mentions and the names they use."""

    id: int
    type: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every surface name, first seen first
    subtype: str | None = None

    def add_name(self, name: str) -> None:
        if name and name not in self.names:
            self.names.append(name)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_mentions(text: str, found: Found, lexicon: Lexicon, gazetteer: Gazetteer) -> list[Cluster]:
    """Group a document's mentions into entities."""
    mentions = found.mentions
    _coordinated_types(text, mentions)
    uf = _Union()
    by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        if m.type is None or (m.type == "person" and len(m.name.split()) == 1):
            continue  # lone names join through the fuller name they shorten (see _name_parts)
        key = (m.type, m.key)
        if key in by_key:
            uf.union(by_key[key], i)
        else:
            by_key[key] = i
    index = {id(m): i for i, m in enumerate(mentions)}
    for long_form, acronym in found.acronyms:
        uf.union(index[id(long_form)], index[id(acronym)])
    _name_parts(mentions, uf, lexicon)
    _explicit_aliases(text, mentions, uf)
    _alias_lists(text, mentions, uf)
    _name_parts(mentions, uf, lexicon)
    _spelling_variants(mentions, uf)
    _same_referent(mentions, uf, lexicon, gazetteer)
    _acronyms_of_names(mentions, uf)
    _lone_names(mentions, uf)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        if m.type is not None:
            groups.setdefault(uf.find(i), []).append(m)
    clusters = []
    for members in groups.values():
        kind = max(("person", "organization", "location"),
                   key=lambda t: max((m.strength for m in members if m.type == t), default=-1))
        cluster = Cluster(len(clusters), kind, members)
        for m in members:
            m.cluster = cluster.id
            cluster.add_name(m.name)
            if m.text != m.name:
                cluster.add_name(m.text)
        clusters.append(cluster)
    return clusters


def _coordinated_types(text: str, mentions: list[Mention]) -> None:
    """Names listed together ("SIMI, IM, Lashkar, HuJI") share the type the list's typed names have."""
    run: list[Mention] = []
    for m in mentions + [None]:
        if m is not None and run and m.sentence == run[-1].sentence and \
                re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?", text[run[-1].end:m.start]):
            run.append(m)
            continue
        if len(run) >= 2:
            typed = [x for x in run if x.type and x.strength >= GOOD]
            kinds = {x.type for x in typed}
            untyped = [x for x in run if x not in typed]
            enough = len(typed) >= 2 or (typed and all(x.name.isupper() for x in untyped))
            if len(kinds) == 1 and enough:
                kind = kinds.pop()
                for x in run:
                    if x.type is None or x.strength <= WEAK:
                        x.type, x.strength, x.why = kind, GOOD, "listed with " + typed[0].name
        run = [m] if m is not None else []


def _explicit_aliases(text: str, mentions: list[Mention], uf: _Union) -> None:
    """Join names the text declares the same: "X alias Y and Z", "X (Y)", "identified him as Y"."""
    previous_alias = None
    set_off = False
    for i in range(1, len(mentions)):
        a, b = mentions[i - 1], mentions[i]
        between = text[a.end:b.start]
        if a.sentence != b.sentence:
            previous_alias = None  # "He identified himself as Y" may still name its first person
        elif ALIAS_BETWEEN.match(between) and _compatible(a, b):
            uf.union(i - 1, i)
            b.type = b.type or a.type
            (a if NAME_AFTER_PRIMARY.search(between) else b).secondary = True
            previous_alias = i - 1
            set_off = between.lstrip().startswith(",")  # "X, better known as Y, and Z": Z is someone else
        elif BRACKETED.match(between) and text[b.end:b.end + 1] == ")" and a.type == "person" \
                and b.type in ("person", None) and len(b.name.split()) > 1:
            uf.union(i - 1, i)
            b.type = "person"
        elif a.type == "person" and re.fullmatch(r"\s*[\"“'‘]\s*", between) and \
                re.match(r"\s*[\"”'’]", text[b.end:b.end + 2]) and len(b.name.split()) <= 2:
            uf.union(i - 1, i)  # a nickname in quotes after the name: Abdul Qureshi 'Tauqeer'
            b.type, b.strength = "person", max(b.strength, GOOD)
        elif previous_alias is not None and LIST_AND.match(between) and _compatible(a, b) \
                and not (set_off and re.match(r"\s*,\s*(?:and|or)\b", between)):
            uf.union(previous_alias, i)
            b.type = b.type or a.type
            b.secondary = True
        else:
            previous_alias = None
        called = CALLED.search(text[max(0, b.start - 60):b.start])
        if called:
            target = next((j for j in range(i - 1, -1, -1) if mentions[j].type == "organization"), None)
            if target is not None and b.type in ("organization", None) or (b.strength <= WEAK):
                if target is not None:
                    uf.union(target, i)
                    b.type = "organization"
        who = IDENTIFIED.search(text[max(0, b.start - 60):b.start])
        if who and b.type in ("person", None):
            target = _pronoun_target(mentions, i, who.group(1).lower())
            if target is not None:
                uf.union(target, i)
                b.type = "person"
                previous_alias, set_off = i, False


def _compatible(a: Mention, b: Mention) -> bool:
    return a.type is None or b.type is None or a.type == b.type or b.strength <= WEAK or a.strength <= WEAK


def _pronoun_target(mentions: list[Mention], i: int, pronoun: str) -> int | None:
    """The person a "him"/"himself" before mention i refers to: the sentence's subject, else the last one."""
    here = mentions[i].sentence
    if pronoun.endswith("self"):
        for j in range(i):
            if mentions[j].sentence == here and mentions[j].type == "person":
                return j
    for j in range(i - 1, -1, -1):
        if mentions[j].type == "person" and mentions[j].sentence < here:
            return j
    return None


def _name_parts(mentions: list[Mention], uf: _Union, lexicon: Lexicon) -> None:
    """Join a shorter name to the fuller one it repeats part of, the nearest before it."""
    fuller: dict[tuple[str, str], tuple[list[str], list[int]]] = {}  # (type, key) → words, mention numbers
    for i, m in enumerate(mentions):
        ws = _plain_words(m.name, lexicon)
        if m.type in ("person", "organization") and len(ws) > 1:
            fuller.setdefault((m.type, m.key), (ws, []))[1].append(i)
    by_word: dict[str, list[tuple[str, str]]] = {}
    for fk, (ws, _) in fuller.items():
        for w in set(ws):
            by_word.setdefault(w, []).append(fk)
    checked: dict[tuple, bool] = {}
    for i, m in enumerate(mentions):
        ws = _plain_words(m.name, lexicon)
        if not ws or (m.type not in (None, "person", "organization") and m.strength >= STRONG
                      and not m.why.startswith("gazetteer city")):
            continue
        keys = set(by_word.get(ws[-1], ())) | (set(by_word.get(ws[0][:-1], ())) if ws[0].endswith("s") else set())
        candidates = []
        for fk in keys:
            fws, numbers = fuller[fk]
            if fk[1] == m.key:
                continue
            memo = (m.key, m.type, m.name.isupper(), fk)
            if memo not in checked:
                checked[memo] = _part_of(ws, fws, m, mentions[numbers[0]], lexicon)
            if checked[memo]:
                at = bisect.bisect_left(numbers, i)
                j = numbers[at - 1] if at > 0 else numbers[0]
                candidates.append((j, mentions[j], len(numbers)))
        if not candidates:
            continue
        candidates.sort(key=lambda c: c[0])
        before = [c for c in candidates if c[0] < i] or candidates
        j, f = _likeliest(before, mentions, i)
        plural = f.type == "organization" and len(ws) == 1 and ws[0].endswith("s")
        city = m.why.startswith("gazetteer city") and not m.place_context
        borrowed = m.why.endswith("(elsewhere)") and not m.place_context  # typed by another mention of the word
        if m.type in (None, f.type) or m.strength <= WEAK or city or plural or borrowed:
            m.type, m.strength, m.why = f.type, max(m.strength, 2), "part of " + f.name
            uf.union(j, i)


@lru_cache(maxsize=65536)
def _plain_words(name: str, lexicon: Lexicon) -> tuple[str, ...]:
    """A name's words without honorifics."""
    return tuple(w for w in name_words(name) if w not in lexicon.honorifics)


def _likeliest(candidates: list[tuple[int, Mention, int]], mentions: list[Mention], i: int) -> tuple[int, Mention]:
    """The fuller name a short one means: one named in this or the last sentence, else the most named."""
    near = [c for c in candidates if mentions[i].sentence - c[1].sentence <= 1]
    if near:
        return near[-1][:2]
    return max(candidates, key=lambda c: (c[2], c[0]))[:2]


def _part_of(ws: list[str], fws: list[str], m: Mention, f: Mention, lexicon: Lexicon) -> bool:
    """Whether the words ws are a shortened form of the fuller name's words fws."""
    if f.type == "person":
        if len(ws) >= len(fws):
            return False
        it = iter(fws)
        return all(w in it for w in ws) and not all(w in lexicon.given_names for w in ws[:-1] + ws[-1:]) \
            or (len(ws) == 1 and ws[0] in fws)
    # organizations: "Lashkar" for "Lashkar-e-Toiba", "Haqqanis" for "Haqqani Network",
    # "Ansarullah" for "Ansarullah Bangla Team", "Nangarhar group" for "Nangarhar faction"
    if len(fws) > 1 and len(ws) == len(fws) - 1 and fws[1:] == ws and _demonym(f.name):
        return True  # "Afghan NDS" after "NDS": the other way round
    if len(ws) > 1 and ws[1:] == fws and _demonym(m.name):
        return False
    if len(ws) == 1:
        w = ws[0]
        first = fws[0]
        if w == first or (w.endswith("s") and w[:-1] == first):
            return m.type != "location" and not m.name.isupper()
        return False
    if ws[-1] in GROUP_HEADS and fws[-1] in GROUP_HEADS and ws[:-1] == fws[:-1]:
        return True
    if len(ws) >= 2 and len(ws) < len(fws) and fws[-len(ws):] == ws:
        return True  # "Department of Justice" after "United States Department of Justice"
    it = iter(fws)
    return len(ws) >= 2 and len(ws) < len(fws) and ws[-1] == fws[-1] and all(w in it for w in ws)


def _demonym(name: str) -> bool:
    from dossier.lang.gazetteer import gazetteer
    first = name.split()[0] if name.split() else ""
    return gazetteer().country_of_demonym(first) is not None


def _spelling_variants(mentions: list[Mention], uf: _Union) -> None:
    """Join names of one type that are spelt almost alike ("Khaama Press"/"Khama Press")."""
    # (type, first letter) → (key, mention number) of each key's first mention, in order: alike
    # keys share their first letter
    seen: dict[tuple[str, str], list[tuple[str, int]]] = {}
    keys: set[tuple[str, str]] = set()
    types: dict[str, None] = {}  # the types met, in order
    untyped = []
    for i, m in enumerate(mentions):
        if m.type is None:
            untyped.append(i)
            continue
        types[m.type] = None
        key = name_key(m.name)
        if (m.type, key) in keys or not key:
            continue
        keys.add((m.type, key))
        bucket = seen.setdefault((m.type, key[0]), [])
        for other, j in bucket:
            if _alike(key, other):
                uf.union(j, i)
                break
        bucket.append((key, i))
    for i in untyped:
        m = mentions[i]
        for kind in types:
            bucket = seen.get((kind, m.key[:1]), ())
            match = next((j for other, j in bucket if _alike(m.key, other)), None)
            if match is not None and len(m.name.split()) == 1:
                m.type, m.strength, m.why = kind, 2, "spelling of " + mentions[match].name
                uf.union(match, i)
                break


def _alike(key: str, other: str) -> bool:
    return len(key) >= 6 and key != other and other[0] == key[0] and abs(len(other) - len(key)) <= 2 \
        and ratio(key, other) >= 85


def _same_referent(mentions: list[Mention], uf: _Union, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
    """Join names known to mean one thing: one gazetteer place ("U.S."/"United States"), or one
    group of well-established equivalents ("ISIS"/"Daesh")."""
    first: dict[tuple, int] = {}
    for i, m in enumerate(mentions):
        keys = []
        if m.type == "location":
            place = gazetteer.place(m.name)
            if place and place.subtype in ("country", "region", "continent"):
                keys.append(("place", place.name))
        group = lexicon.known_aliases.get(m.key)
        if group is not None and m.type in ("organization", "location"):
            keys.append(("known", group))
        for k in keys:
            if k in first and mentions[first[k]].type == m.type:
                uf.union(first[k], i)
            else:
                first.setdefault(k, i)


def _acronyms_of_names(mentions: list[Mention], uf: _Union) -> None:
    """Join an acronym never defined in brackets to the one organization whose initials it spells ("IM")."""
    orgs: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.type == "organization" and len(m.name.split()) > 1:
            orgs.setdefault(m.key, i)
    spelt: dict[str, list[int]] = {}  # acronym → the organizations (first mentions) whose initials it spells
    for i, m in enumerate(mentions):
        letters = [c for c in m.name if c.isalpha()]
        if not (2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= 2 and " " not in m.name):
            continue
        if m.type not in (None, "organization"):
            continue
        if m.name not in spelt:
            spelt[m.name] = [j for j in orgs.values() if _spells(mentions[j].name, m.name)]
        matches = {uf.find(j) for j in spelt[m.name]}
        if len(matches) == 1:
            j = matches.pop()
            if uf.find(i) != j:
                uf.union(j, i)
                if m.type is None:
                    m.type, m.strength, m.why = "organization", GOOD, "initials of " + mentions[j].name


def _alias_lists(text: str, mentions: list[Mention], uf: _Union) -> None:
    """Names listed after "the following aliases:" or "aliases include" join the organization before."""
    for i, m in enumerate(mentions):
        head = text[max(0, m.start - 80):m.start]
        if not re.search(r"\baliases?\b[^.:]{0,60}:\s*(?:the\s+)?[\"“']?$", head, re.I):
            continue
        target = next((j for j in range(i - 1, -1, -1) if mentions[j].type == "organization"
                       and mentions[j].start >= m.start - 80), None)
        target = target if target is not None else next(
            (j for j in range(i - 1, -1, -1) if mentions[j].type == "organization"), None)
        if target is None:
            continue
        k = i
        while k < len(mentions) and mentions[k].sentence == m.sentence:
            if k > i and not LIST_AND.match(text[mentions[k - 1].end:mentions[k].start].replace("the ", "")
                                            .replace("“", "").replace("”", "").replace('"', "")):
                if not re.fullmatch(r"[\s,\"“”()]*(?:and\s+)?(?:the\s+)?[\"“]?", text[mentions[k - 1].end:mentions[k].start]):
                    break
            if mentions[k].type in (None, "organization"):
                mentions[k].type = "organization"
                uf.union(target, k)
            k += 1


@lru_cache(maxsize=65536)
def _spells(long_form: str, acronym: str) -> bool:
    """Whether an acronym spells the initials of a long form (cached: documents repeat both)."""
    return acronym[0].lower() == long_form[0].lower() and _initials_match(long_form, acronym)


def _lone_names(mentions: list[Mention], uf: _Union) -> None:
    """Lone person names that joined no fuller name are one entity per name."""
    first: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.type == "person" and len(m.name.split()) == 1 and uf.find(i) == i:
            if m.key in first:
                uf.union(first[m.key], i)
            else:
                first[m.key] = i
