"""Events (arrests, attacks, killings, appointments, removals, surrenders, travel): see data/events.yaml.

The rules find a trigger word and the arguments bound to it ("arrested X", "by Y", "the arrest
of X"); the clause around the trigger gives the rest: its subject ("X was arrested": X is the
patient), coordinated names ("A, B and C"), the place ("in Kabul"), the nearest date, and the
numbers ("claimed 27 lives"). Negated and hypothetical statements are dropped. Mentions of one
occurrence across the document are merged into one event with all their evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from dossier.extract.rules import Match, RuleSet, rule_set
from dossier.extract.tokens import SentenceDoc
from dossier.model import Event, Evidence, Participant

ROLE_ORDER = ("agent", "patient", "organization", "origin", "destination", "via")
ENTITY = frozenset(["PER", "ORG", "LOC", "NAT"])
CITATION = re.compile(r"https?://|www\.|\bAccessed\b|\bRetrieved\b", re.I)
NEGATION = frozenset("not n't never no neither nor without would will could might may should shall cannot can "
                     "unable suspected feared rumoured rumored whether if".split())
HYPOTHETICAL_BEFORE_TO = frozenset("plan plans planned planning plot plotting attempt attempts attempted attempting "
                                   "try tries tried trying want wants wanted wish wishes wished willing able "
                                   "intend intends intended threatened threaten threatens decided decide sought "
                                   "seek seeks seeking aim aims aimed order ordered refused failed going agreed "
                                   "expected likely ready preparing prepared hoping hoped vowed promised urged "
                                   "encouraged encouraging called allowed permitted asked chose".split())
HYPOTHETICAL_BEFORE = frozenset("failed foiled thwarted possible potential future attempted would-be imminent "
                                "warrant warrants reward rewards leading plot alleged-".split())
CLAUSE_BREAK = frozenset([";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!"])
CLAUSE_WORDS = frozenset("that which who whom whose when where while because although though whereas if "
                         "after before since until".split())
RELATIVE = frozenset("who which whom that".split())
PREPOSITIONS = frozenset("of in at from to for with by on near into under against about like including among "
                         "between via through toward towards over across within inside outside behind "
                         "alongside upon as than".split())
POSSESSIVE_PRONOUNS = frozenset("his her its their hers".split())
LEADING = frozenset("in on at after following since before during upon when while although though despite amid "
                    "according among by sometime back once as in".split())
PLACE_PREPOSITIONS = frozenset("in at near on from outside inside".split())
SKIPPABLE = frozenset("the a an its his her their this that".split())
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
           "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a": 1}
PEOPLE_COUNTED = ("arrest", "surrender")
DEATHS = ("killing", "attack")
ARRIVING = frozenset("arrived arrives reached reaches toured tours visited visits entered".split())
ROUTE_WORDS = frozenset(["and", "or", ",", "the", "a", "an", "there", "back", "abroad", "out", "away", "area",
                         "city", "town", "province", "district", "region", "then", "later", "country", "capital",
                         "eventually", "finally", "of"])
WINDOW = 12  # tokens after a trigger in which its place and travel ends are looked for


@dataclass
class Found:
    """An event under construction: its participants are entity cluster numbers."""

    type: str
    sentence: int
    trigger: int
    roles: dict[str, list[int]] = field(default_factory=dict)
    date: str | None = None
    approx: bool = False
    location: str | None = None
    killed: int | None = None
    count: int | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def clusters(self, *roles: str) -> set[int]:
        return {c for r in (roles or self.roles) for c in self.roles.get(r, [])}


@dataclass(frozen=True)
class Spec:
    """What the rules file says besides its patterns: which entity labels may fill each role."""

    roles: dict[str, dict[str, frozenset[str]]]
    attack_nouns: frozenset[str]


@cache
def spec() -> Spec:
    """The role constraints and attack words of data/events.yaml."""
    import yaml
    from importlib import resources

    raw = yaml.safe_load(resources.files("dossier.extract").joinpath("data", "events.yaml").read_text("utf-8"))
    roles = {kind: {role: frozenset(labels) for role, labels in by_role.items()} for kind, by_role in raw["roles"].items()}
    return Spec(roles, frozenset(w.lower() for w in raw["lists"]["attack_noun"]))


def find_events(sentences: list[SentenceDoc], evidence_of, cluster_types: dict[int, str],
                ids: dict[int, str], mention_names: dict[int, str]) -> list[Event]:
    """Events stated in the sentences (one per occurrence)."""
    rules = rule_set("events.yaml")
    found: list[Found] = []
    for sentence in sentences:
        for event in _sentence_events(sentence, rules, spec()):
            event.evidence.append(evidence_of(sentence.index))
            found.append(event)
    return [_to_event(e, ids) for e in _merge(found)]


def _sentence_events(sentence: SentenceDoc, rules: RuleSet, sp: Spec) -> list[Found]:
    """The events one sentence states, before merging across the document."""
    doc = sentence.doc
    text = doc.text.strip()
    if CITATION.search(text) or text.endswith("?"):
        return []
    groups: dict[tuple[str, int], list[Match]] = {}
    quantities: list[Match] = []
    for match in rules.run(doc):
        if match.rule.kind == "quantity":
            quantities.append(match)
        elif match.parts.get("trigger"):
            groups.setdefault((match.rule.kind, match.parts["trigger"][0].i), []).append(match)
    events = []
    for (kind, trigger), matches in sorted(groups.items(), key=lambda kv: kv[0][1]):
        if _hedged(doc, trigger):
            continue
        event = _build(kind, trigger, matches, sentence, sp)
        if event is not None:
            events.append(event)
    _add_numbers(events, quantities, doc)
    out = []
    for event in events:
        out.extend(_with_twins(event, doc, sp))
    return [e for e in out if _enough(e)]


def _build(kind: str, trigger: int, matches: list[Match], sentence: SentenceDoc, sp: Spec) -> Found | None:
    """One event from the matches of a trigger: roles from the parts, the clause subject, coordination."""
    doc = sentence.doc
    allowed = sp.roles[kind]
    event = Found(kind, sentence.index, trigger)
    tokens: dict[str, list[Token]] = {}
    subject_roles: list[str] = []
    for match in matches:
        role = match.rule.extra.get("subject")
        if role and role not in subject_roles:
            subject_roles.append(role)
        for part, toks in match.parts.items():
            if part == "possessor":
                after = doc[trigger + 1].lower_ if trigger + 1 < len(doc) else ""
                part = "agent" if after in ("of", "on", "against") else "patient"
            tokens.setdefault(part, [])
            tokens[part].extend(t for t in toks if t not in tokens[part])
    for role in subject_roles:
        if not tokens.get(role):
            subject = _subject(doc, trigger)
            if subject is not None and not any(subject in toks for toks in tokens.values()):
                tokens[role] = [subject]
            break
    for role in ("agent", "patient", "organization", "successor"):
        for token in list(tokens.get(role, [])):
            tokens[role].extend(t for t in _coordinated(doc, token) if t not in tokens[role])
    for role, toks in tokens.items():
        labels = allowed.get("patient" if role == "successor" else role)
        if labels is None:
            continue
        for token in toks:
            if token.ent_type_ in labels and token._.cluster >= 0:
                event.roles.setdefault(role, [])
                if token._.cluster not in event.roles[role]:
                    event.roles[role].append(token._.cluster)
    if kind == "travel":
        _travel_ends(doc, trigger, event)
    else:
        event.location = _place(doc, trigger, tokens.get("location"), event)
    _date(doc, trigger, matches, event)
    if tokens.get("count"):
        event.count = _number(tokens["count"][0])
    if kind in ("arrest", "surrender") and event.count is None:
        people = sum(1 for t in tokens.get("patient", []) if t.ent_type_ == "PER")
        event.count = people or None
    return event


def _hedged(doc: Doc, trigger: int) -> bool:
    """Whether the trigger is negated, hypothetical or wished-for: "did not arrest", "plans to attack"."""
    before = []
    for i in range(trigger - 1, max(-1, trigger - 6), -1):
        token = doc[i]
        if token.text in CLAUSE_BREAK or token.text == "," or token.lower_ in ("and", "but", "or"):
            break
        before.append(token.lower_)
    if any(w in NEGATION for w in before[:4]):
        return True
    words = [w for w in before if w not in ("be", "have", "the", "a", "an")]
    if words[:1] == ["to"] and len(words) > 1 and words[1] in HYPOTHETICAL_BEFORE_TO:
        return True
    return any(w in HYPOTHETICAL_BEFORE for w in before[:3])


def _subject(doc: Doc, trigger: int) -> Token | None:
    """The entity that is the subject of the trigger's clause, if it comes before the trigger."""
    start = 0
    for i in range(trigger - 1, -1, -1):
        token = doc[i]
        if token.text in CLAUSE_BREAK or token.lower_ in CLAUSE_WORDS:
            if token.lower_ in RELATIVE:
                j = i - 1
                while j >= 0 and doc[j].text == ",":
                    j -= 1
                if j >= 0 and doc[j].ent_type_ in ENTITY:
                    return _head_of_list(doc, j)
            start = i + 1
            break
    if start < trigger and doc[start].lower_ in LEADING:
        comma = next((i for i in range(start, trigger) if doc[i].text == ","), None)
        if comma is not None:
            start = comma + 1
    if start >= trigger and trigger <= 1:
        comma = next((i for i in range(trigger, min(len(doc), trigger + 15)) if doc[i].text == ","), None)
        if comma is not None:
            return _first_entity(doc, comma + 1, min(len(doc), comma + 6))
        return None
    return _first_entity(doc, start, trigger)


def _first_entity(doc: Doc, start: int, end: int) -> Token | None:
    """The first name in [start, end) that is not the object of a preposition, a possessor or a modifier."""
    for i in range(start, end):
        token = doc[i]
        if token.ent_type_ not in ENTITY or (token.ent_type_ == "NAT" and i + 1 < len(doc)
                                              and doc[i + 1].ent_type_ in ("PER", "ORG")):
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if token.lower_ in POSSESSIVE_PRONOUNS or (after is not None and after.lower_ in ("'s", "’s", "'")):
            continue
        if after is not None and after.ent_type_ == "POST" and (token.ent_type_ == "PER" or (
                i + 2 < end and doc[i + 2].ent_type_ in ENTITY)):
            continue
        j = i - 1
        while j >= start and (doc[j].lower_ in SKIPPABLE or doc[j].ent_type_ in ("POST", "NAT")):
            j -= 1
        if j >= start and doc[j].lower_ in PREPOSITIONS:
            continue
        return token
    return None


def _head_of_list(doc: Doc, i: int) -> Token:
    """The first name of a list that ends at token i ("A, B and C" → A), else the token itself."""
    while i - 2 >= 0 and doc[i - 1].lower_ in (",", "and") and doc[i - 2].ent_type_ == doc[i].ent_type_:
        i -= 2
    return doc[i]


def _coordinated(doc: Doc, token: Token) -> list[Token]:
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
    described = any(t.ent_type_ == "POST" for t in segment) or (len(segment) and segment[0].lower_ in
                                                               ("the", "a", "an", "former", "then", "also"))
    named = any(t.ent_type_ == label and (t.i == 0 or t.doc[t.i - 1].lower_ not in PREPOSITIONS | SKIPPABLE)
                for t in segment)
    return described and not named


def _place(doc: Doc, trigger: int, given: list[Token] | None, event: Found) -> str | None:
    """The place of an event: a LOC part of the pattern, else a LOC after in/at/near/on/from after the trigger."""
    if given:
        return given[0].text
    taken = event.clusters()
    for i in range(trigger + 1, min(len(doc), trigger + WINDOW)):
        token = doc[i]
        if token.text in CLAUSE_BREAK or token.lower_ in ("when", "where", "while", "after", "before", "because"):
            return None
        if token.lower_ in PLACE_PREPOSITIONS:
            loc = _place_after(doc, i + 1)
            if loc is not None and loc._.cluster not in taken:
                return loc.text
    return None


def _place_after(doc: Doc, i: int) -> Token | None:
    """A LOC at i, after at most two determiners, adjectives or possessives ("in her native Bangladesh")."""
    for j in range(i, min(len(doc), i + 3)):
        token = doc[j]
        if token.ent_type_ == "LOC":
            return token
        if token.ent_type_ in ("PER", "ORG", "DATE") and token.lower_ not in POSSESSIVE_PRONOUNS:
            return None
        if token.is_punct or (not token.is_alpha and token.ent_type_ == ""):
            return None
    return None


def _travel_ends(doc: Doc, trigger: int, event: Found) -> None:
    """Origin, destination and via of a move, from "to", "from", "via" after the trigger."""
    role = "destination" if doc[trigger].lower_ in ARRIVING else None
    for token in doc[trigger + 1:min(len(doc), trigger + WINDOW)]:
        word = token.lower_
        if token.text in CLAUSE_BREAK or word in ("when", "where", "while", "because", "who", "which"):
            break
        if word in ("to", "into", "towards", "toward", "for"):
            role = "destination"
        elif word == "from":
            role = "origin"
        elif word in ("via", "through"):
            role = "via"
        elif token.ent_type_ == "LOC" and role and token._.cluster >= 0:
            event.roles.setdefault(role, [])
            if token._.cluster not in event.roles[role]:
                event.roles[role].append(token._.cluster)
        elif word not in ROUTE_WORDS and not token.ent_type_ == "POST":
            role = None


def _date(doc: Doc, trigger: int, matches: list[Match], event: Found) -> None:
    """The date in the matched words, else the sentence's date nearest the trigger."""
    start = min(m.start for m in matches)
    end = max(m.end for m in matches)
    dates = [t for t in doc[start:end] if t.ent_type_ == "DATE" and t._.date]
    if not dates:
        dates = [t for t in doc if t.ent_type_ == "DATE" and t._.date]
    if dates:
        best = min(dates, key=lambda t: abs(t.i - trigger))
        event.date, event.approx = best._.date, bool(best._.approx)


def _number(token: Token) -> int | None:
    """The value of a number token: "27", "1,200", "five", "twenty"."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    parts = [NUMBERS.get(w) for w in re.split(r"[-\s]", text)]
    if parts and all(p is not None for p in parts):
        return sum(parts)
    return None


def _add_numbers(events: list[Found], quantities: list[Match], doc: Doc) -> None:
    """Give each number of dead or of people held to the nearest event of the sentence that takes it."""
    seen: set[tuple[str, int]] = set()
    for match in sorted(quantities, key=lambda m: m.start):
        for part, kinds in (("killed", DEATHS), ("count", PEOPLE_COUNTED), ("plus", PEOPLE_COUNTED)):
            tokens = match.parts.get(part)
            if not tokens or (part, tokens[0].i) in seen:
                continue
            value = _number(tokens[0])
            at = tokens[0].i
            candidates = [e for e in events if e.type in kinds]
            if value is None or not candidates:
                continue
            seen.add((part, at))
            best = min(candidates, key=lambda e: abs(e.trigger - at))
            if part == "plus":
                named = len(best.roles.get("patient", [])) or 1
                best.count = value + named
            elif part == "killed":
                for e in candidates:
                    if abs(e.trigger - at) == abs(best.trigger - at) and e.killed is None:
                        e.killed = value
            elif best.count is None or best.count <= len(best.roles.get("patient", [])):
                best.count = value


def _with_twins(event: Found, doc: Doc, sp: Spec) -> list[Found]:
    """The event and what it implies: the appointment of a successor, the killing of an attack with dead,
    the attack of a killing "in a drone strike"."""
    out = [event]
    successor = [c for c in event.roles.pop("successor", []) if c not in event.clusters("patient")]
    if successor:
        roles = {"patient": successor, "organization": list(event.roles.get("organization", []))}
        out.append(Found("appointment", event.sentence, event.trigger, roles, event.date, event.approx,
                         evidence=list(event.evidence)))
    if event.type == "killing" and event.killed is None:
        event.killed = len(event.roles.get("patient", [])) or None
    if event.type == "attack" and event.killed:
        out.append(_twin(event, "killing"))
    elif event.type == "killing":
        near = doc[max(0, event.trigger - 6):min(len(doc), event.trigger + 6)]
        if any(t.lower_ in sp.attack_nouns for t in near if t.i != event.trigger):
            out.append(_twin(event, "attack"))
    return out


def _twin(event: Found, kind: str) -> Found:
    return Found(kind, event.sentence, event.trigger, {r: list(c) for r, c in event.roles.items()}, event.date,
                 event.approx, event.location, event.killed, None, list(event.evidence))


def _enough(event: Found) -> bool:
    """Whether the event can be told apart: a participant, or a place; a move needs who moved and where."""
    if event.type == "travel":
        return bool(event.roles.get("patient")) and any(event.roles.get(r) for r in ("origin", "destination", "via"))
    if event.type in ("appointment", "removal"):
        return bool(event.roles.get("patient"))
    return bool(event.clusters("agent", "patient")) or bool(event.location)


def _compatible(a: str | None, b: str | None) -> bool:
    """Whether two partial dates agree at their common precision."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _same(a: Found, b: Found) -> bool:
    """Whether two mentions of one type state the same occurrence."""
    if a.type != b.type or not _compatible(a.date, b.date):
        return False
    if a.type == "travel":
        ends_a, ends_b = a.clusters("destination"), b.clusters("destination")
        if ends_a and ends_b and not ends_a & ends_b:
            return False
    pa, pb = a.clusters("patient"), b.clusters("patient")
    if pa and pb:
        return bool(pa & pb)
    if a.location and b.location and a.location != b.location:
        return False
    if a.roles and b.roles:
        return bool(a.clusters() & b.clusters())
    if a.location and b.location:
        return True
    return abs(a.sentence - b.sentence) <= 1


def _merge(found: list[Found]) -> list[Found]:
    """One event per occurrence: mentions that agree on type, date and participants (or place) are one."""
    merged: list[Found] = []
    for event in found:
        into = next((m for m in merged if _same(m, event)), None)
        if into is None:
            merged.append(event)
            continue
        for role, clusters in event.roles.items():
            into.roles.setdefault(role, [])
            into.roles[role].extend(c for c in clusters if c not in into.roles[role])
        if event.date and (not into.date or len(event.date) > len(into.date)):
            into.date, into.approx = event.date, event.approx
        into.location = into.location or event.location
        into.killed = into.killed if into.killed is not None else event.killed
        into.count = max(filter(None, (into.count, event.count)), default=None)
        into.evidence.extend(e for e in event.evidence if e not in into.evidence)
    return merged


def _to_event(found: Found, ids: dict[int, str]) -> Event:
    """A model Event with entity ids of the extraction."""
    participants = []
    for role in ROLE_ORDER:
        for cluster in found.roles.get(role, []):
            if cluster in ids and Participant(role, ids[cluster]) not in participants:
                participants.append(Participant(role, ids[cluster]))
    return Event(found.type, found.date, found.location, tuple(participants), found.killed, found.count,
                 found.approx, tuple(found.evidence))
