"""How the clause around an event trigger is read: its subject, the names listed with a name, and
whether the statement is negated or hypothetical.

Enough syntax for events without a parser: clause words ("who", "after", "that") and breaks (";",
"—") bound a clause; a subject is the first name in it that is no preposition's object, possessor
or modifier; appositions (", the spokesman;") are stepped over when collecting "A, B and C".
The words themselves are language data, in data/events.yaml under `words`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

ENTITY = frozenset(["PER", "ORG", "LOC", "NAT"])


@dataclass(frozen=True)
class Words:
    """The word lists that clause reading needs (data/events.yaml, `words`)."""

    negation: frozenset[str]
    hypothetical_before_to: frozenset[str]
    hypothetical_before: frozenset[str]
    reported_doubt: frozenset[str]
    clause_breaks: frozenset[str]
    clause_words: frozenset[str]
    relative: frozenset[str]
    subordinators: frozenset[str]
    prepositions: frozenset[str]
    members: frozenset[str]
    possessives: frozenset[str]
    leading: frozenset[str]
    determiners: frozenset[str]
    place_prepositions: frozenset[str]
    route_words: frozenset[str]
    arriving: frozenset[str]


@cache
def words() -> Words:
    """The clause words of data/events.yaml."""
    raw = yaml.safe_load(resources.files("dossier.extract").joinpath("data", "events.yaml").read_text("utf-8"))
    return Words(**{name: frozenset(str(w).lower() for w in raw["words"][name]) for name in Words.__dataclass_fields__})


def hedged(doc: Doc, trigger: int) -> bool:
    """Whether the trigger is negated, hypothetical or wished-for: "did not arrest", "plans to attack"."""
    lex = words()
    before = []
    for i in range(trigger - 1, max(-1, trigger - 9), -1):
        token = doc[i]
        if token.text in lex.clause_breaks or token.text == ".":
            break
        before.append(token.lower_)
    if any(w in lex.reported_doubt for w in before):
        return True
    near = []
    for word in before[:6]:
        if word in (",", "and", "but", "or"):
            break
        near.append(word)
    if any(w in lex.negation for w in near[:4]) or any(w in lex.hypothetical_before for w in near[:5]):
        return True
    kept = [w for w in near if w not in ("be", "have", "the", "a", "an", "out", "up")]
    return any(w == "to" and k + 1 < len(kept) and kept[k + 1] in lex.hypothetical_before_to
               for k, w in enumerate(kept[:3]))


def subject(doc: Doc, trigger: int) -> Token | None:
    """The entity that is the subject of the trigger's clause, if it comes before the trigger."""
    lex = words()
    start = 0
    for i in range(trigger - 1, -1, -1):
        token = doc[i]
        if token.lower_ in lex.clause_words and i + 1 < trigger and doc[i + 1].lower_.endswith("ing"):
            continue  # "after being appointed", "before returning": the main clause's subject
        if token.lower_ in lex.relative and any(doc[k].text == "," for k in range(i + 1, trigger)):
            continue  # "X, who fought under another name, succeeded Y": the relative clause has ended
        if (token.lower_ in ("and", "but") and i > 0 and doc[i - 1].text in (",", ";")
                and i + 1 < trigger and doc[i + 1].ent_type_ in ENTITY):
            start = i + 1  # "A stepped down, and B took over": B's own clause
            break
        if token.text in lex.clause_breaks or token.lower_ in lex.clause_words:
            if token.lower_ in lex.relative:
                j = i - 1
                while j >= 0 and doc[j].text == ",":
                    j -= 1
                if j >= 0 and doc[j].ent_type_ in ENTITY:
                    return _head_of_list(doc, j)
            start = i + 1
            if token.lower_ in lex.subordinators:
                comma = next((k for k in range(i + 1, trigger) if doc[k].text == ","), None)
                start = comma + 1 if comma is not None else start  # "since X did Y, Z was arrested": Z's clause
            break
    if start < trigger and doc[start].lower_ in lex.leading:
        comma = next((i for i in range(start, trigger) if doc[i].text == ","), None)
        if comma is not None:
            start = comma + 1
    if start >= trigger and trigger <= 1:
        comma = next((i for i in range(trigger, min(len(doc), trigger + 15)) if doc[i].text == ","), None)
        if comma is not None:
            return _first_entity(doc, comma + 1, min(len(doc), comma + 6))
        return None
    return _first_entity(doc, start, trigger)


def apposed(doc: Doc, trigger: int) -> Token | None:
    """The name an apposition describes: "Atif Amin, the youth slain in ..." → Atif Amin."""
    i = trigger - 1
    while i >= 0 and doc[i].ent_type_ == "" and not doc[i].is_punct and trigger - i <= 5:
        i -= 1
    if i >= 1 and doc[i].text == "," and doc[i - 1].ent_type_ in ("PER", "ORG"):
        return doc[i - 1]
    return None


def _first_entity(doc: Doc, start: int, end: int) -> Token | None:
    """The first name in [start, end) that is not the object of a preposition, a possessor or a modifier."""
    lex = words()
    for i in range(start, end):
        token = doc[i]
        if token.ent_type_ not in ENTITY or (token.ent_type_ == "NAT" and i + 1 < len(doc)
                                              and doc[i + 1].ent_type_ in ("PER", "ORG")):
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if token.lower_ in lex.possessives or (after is not None and after.lower_ in ("'s", "’s", "'")):
            continue
        if i > start and doc[i - 1].text == "(":
            continue
        if after is not None and after.ent_type_ == "POST" and (token.ent_type_ == "PER" or (
                i + 2 < end and doc[i + 2].ent_type_ in ENTITY)):
            continue
        j = i - 1
        while j >= start and (doc[j].lower_ in lex.determiners or doc[j].ent_type_ in ("POST", "NAT")):
            j -= 1
        if j >= start and doc[j].lower_ in lex.prepositions and not (
                doc[j].lower_ == "of" and token.ent_type_ == "ORG" and j > 0 and doc[j - 1].lower_ in lex.members):
            continue  # the object of a preposition, but "five members of the group": the group
        return token
    return None


def _head_of_list(doc: Doc, i: int) -> Token:
    """The first name of a list that ends at token i ("A, B and C" → A), else the token itself."""
    while i - 2 >= 0 and doc[i - 1].lower_ in (",", "and") and doc[i - 2].ent_type_ == doc[i].ent_type_:
        i -= 2
    return doc[i]


def coordinated(doc: Doc, token: Token) -> list[Token]:
    """Names coordinated with a token: "A, the spokesman; and B", "A and B", "A (AB), B"."""
    label, out, i = token.ent_type_, [], token.i + 1
    if label not in ENTITY:
        return out
    steps = 0
    while i < len(doc) and steps < 8:
        steps += 1
        i = _skip_apposition(doc, i, label)
        j = i
        while j < len(doc) and doc[j].text in (",", ";"):
            j += 1
        if j < len(doc) and doc[j].lower_ in ("and", "or", "&"):
            j += 1
        if j == i:
            break
        while j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
            j += 1
        if j < len(doc) and doc[j].ent_type_ == label and doc[j]._.cluster >= 0:
            out.append(doc[j])
            i = j + 1
        else:
            break
    i = token.i - 1
    while i - 1 >= 0 and doc[i].lower_ in ("and", ",") and doc[i - 1].ent_type_ == label:
        out.append(doc[i - 1])
        i -= 2
    return out


def _skip_apposition(doc: Doc, i: int, label: str) -> int:
    """The position after appositions at i: "(ISKP)", "alias X", ", the chief of the group"."""
    while i < len(doc):
        if doc[i].text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
            i += 3
        elif doc[i].lower_ in ("alias", "aka", "a.k.a.", "a.k.a") and i + 1 < len(doc):
            i += 2
        elif doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].ent_type_ != label:
            j = i + 1
            while j < min(len(doc), i + 12) and doc[j].text not in (",", ";", ".") and doc[j].lower_ != "and":
                j += 1
            segment = doc[i + 1:j]
            if j >= len(doc) or doc[j].text not in (",", ";") or not _apposition(segment, label):
                return i
            i = j
        else:
            return i
    return i


def _apposition(segment, label: str) -> bool:
    """Whether words between commas describe the name before them ("the public relations chief")."""
    lex = words()
    described = any(t.ent_type_ == "POST" for t in segment) or (len(segment) and segment[0].lower_ in
                                                               ("the", "a", "an", "former", "then", "also"))
    named = any(t.ent_type_ == label and (t.i == 0 or t.doc[t.i - 1].lower_ not in lex.prepositions | lex.determiners)
                for t in segment)
    return described and not named


def names_a_post(doc: Doc, token: Token) -> bool:
    """Whether a group name only qualifies one post after it ("an IS-KP leader"), not a body of members."""
    lex = words()
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is not None and after.ent_type_ == "POST" and after.lower_ not in lex.members and not (
        after.lower_.endswith("s") and after.lower_ not in ("boss",))
