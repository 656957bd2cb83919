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
from importlib import resources

import yaml
from spacy.attrs import ENT_TYPE, LOWER
from spacy.tokens import Doc, Token

from dossier.extract.clauses import apposed, coordinated, hedged, names_a_post, subject, words
from dossier.extract.rules import Match, RuleSet, rule_set
from dossier.extract.tokens import SentenceDoc, language
from dossier.model import Event, Evidence, Participant

ROLE_ORDER = ("agent", "patient", "organization", "origin", "destination", "via")
CITATION = re.compile(r"https?://|www\.|\bAccessed\b|\bRetrieved\b", re.I)
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
           "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a": 1}
PEOPLE_COUNTED = ("arrest", "surrender")
DEATHS = ("killing", "attack")
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
    people: int = 0  # named persons among the patients: the dead or held when no number is given

    def clusters(self, *roles: str) -> set[int]:
        """The entities in the given roles (all roles when none is given)."""
        return {c for r in (roles or self.roles) for c in self.roles.get(r, [])}


@dataclass(frozen=True)
class Spec:
    """What the rules file says besides its patterns: which entity labels may fill each role."""

    roles: dict[str, dict[str, frozenset[str]]]
    arrest_words: frozenset[str]  # a raid where people are arrested is an arrest, not an attack
    triggers: frozenset[int]  # every word an event can hang on (as string hashes): without one, no event
    attack_nouns: frozenset[str]


@cache
def spec() -> Spec:
    """The role constraints, trigger words and attack words of data/events.yaml."""
    raw = yaml.safe_load(resources.files("dossier.extract").joinpath("data", "events.yaml").read_text("utf-8"))
    lists = {name: [w.lower() for w in ws] for name, ws in raw["lists"].items()}
    roles = {kind: {role: frozenset(labels) for role, labels in by_role.items()}
             for kind, by_role in raw["roles"].items()}
    triggers = set()
    for rule in raw["rules"]:
        for pattern in rule["patterns"]:
            for item in re.findall(r"(\S+):trigger", pattern):
                triggers.update(lists[item[1:]] if item.startswith("@") else [item.lower()])
    strings = language().vocab.strings
    arrests = frozenset(lists["arrest_act"] + lists["arrest_pass"] + lists["arrest_noun"])
    return Spec(roles, arrests, frozenset(strings.add(w) for w in triggers), frozenset(lists["attack_noun"]))


def find_events(sentences: list[SentenceDoc], evidence_of, cluster_types: dict[int, str],
                ids: dict[int, str], mention_names: dict[int, str]) -> list[Event]:
    """Events stated in the sentences (one per occurrence)."""
    rules = rule_set("events.yaml")
    found: list[Found] = []
    for sentence in sentences:
        for event in _sentence_events(sentence, rules, spec()):
            event.evidence.append(evidence_of(sentence.index))
            found.append(event)
    people = {c for c, kind in cluster_types.items() if kind == "person"}
    return [_to_event(e, ids) for e in _merge(found, people)]


def _sentence_events(sentence: SentenceDoc, rules: RuleSet, sp: Spec) -> list[Found]:
    """The events one sentence states, before merging across the document."""
    doc = sentence.doc
    text = sentence.text.strip()
    if CITATION.search(text) or text.endswith("?") or sp.triggers.isdisjoint(doc.to_array([LOWER]).tolist()):
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
        if hedged(doc, trigger):
            continue
        events.append(_build(kind, trigger, matches, sentence, sp))
    _add_numbers(events, quantities, doc)
    out = []
    for event in events:
        if _arrest_raid(event, doc, sp):
            continue
        for one in _by_place(event, doc):
            out.extend(_with_twins(one, doc, sp))
    return [e for e in out if _enough(e)]


def _arrest_raid(event: Found, doc: Doc, sp: Spec) -> bool:
    """Whether an "attack" is a raid in which people were arrested: that raid is the arrest."""
    return event.type == "attack" and doc[event.trigger].lower_ in ("raid", "raids") and any(
        t.lower_ in sp.arrest_words for t in doc[max(0, event.trigger - 6):event.trigger + 6])


def _build(kind: str, trigger: int, matches: list[Match], sentence: SentenceDoc, sp: Spec) -> Found:
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
            who = subject(doc, trigger) or (apposed(doc, trigger) if role == "patient" else None)
            if who is not None and not any(who in toks for toks in tokens.values()):
                tokens[role] = [who]
            break
    for role in ("agent", "patient", "organization", "successor"):
        for token in list(tokens.get(role, [])):
            tokens[role].extend(t for t in coordinated(doc, token) if t not in tokens[role])
    for role, toks in tokens.items():
        labels = allowed.get("patient" if role == "successor" else role)
        if labels is None:
            continue
        for token in toks:
            if role == "patient" and token.ent_type_ == "ORG" and names_a_post(doc, token):
                continue  # "the arrest of an IS-KP leader": the leader, not the group
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
    event.people = len({t._.cluster for t in tokens.get("patient", []) if t.ent_type_ == "PER"})
    if kind in ("arrest", "surrender") and event.count is None:
        event.count = event.people or None
    return event


def _place(doc: Doc, trigger: int, given: list[Token] | None, event: Found) -> str | None:
    """The place of an event: a LOC part of the pattern, else a LOC after in/at/near/on/from after the trigger."""
    lex = words()
    if given:
        return given[0].text
    taken = event.clusters()
    for i in range(trigger + 1, min(len(doc), trigger + WINDOW)):
        token = doc[i]
        if token.text in lex.clause_breaks or token.lower_ in ("when", "where", "while", "after", "before", "because"):
            return None
        if token.lower_ in lex.place_prepositions and not (token.lower_ == "on" and event.type == "attack"):
            loc = _place_after(doc, i + 1)
            if loc is not None and loc._.cluster not in taken:
                return loc.text
    return None


def _place_after(doc: Doc, i: int) -> Token | None:
    """A LOC at i, after at most two determiners, adjectives or possessives ("in her native Bangladesh")."""
    lex = words()
    for j in range(i, min(len(doc), i + 3)):
        token = doc[j]
        if token.ent_type_ == "LOC":
            if j + 2 < len(doc) and doc[j + 1].lower_ in ("'s", "’s") and doc[j + 2].ent_type_ == "LOC":
                return doc[j + 2]  # "Afghanistan's Nangarhar province"
            return token
        if token.ent_type_ in ("PER", "ORG", "DATE") and token.lower_ not in lex.possessives:
            return None
        if token.is_punct or (not token.is_alpha and token.ent_type_ == ""):
            return None
    return None


def _travel_ends(doc: Doc, trigger: int, event: Found) -> None:
    """Origin, destination and via of a move, from "to", "from", "via" after the trigger."""
    lex = words()
    role = "destination" if doc[trigger].lower_ in lex.arriving else None
    for token in doc[trigger + 1:min(len(doc), trigger + WINDOW)]:
        word = token.lower_
        if token.text in lex.clause_breaks or word in ("when", "where", "while", "because", "who", "which"):
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
        elif word not in lex.route_words and not token.ent_type_ == "POST":
            role = None


def _date(doc: Doc, trigger: int, matches: list[Match], event: Found) -> None:
    """The date in the matched words, else the date of the trigger's clause, else the sentence's date
    nearest the trigger that is not another person's ("the arrest of A in April and of B in May 2020").
    A bare mention with no participants ("the Jaipur blasts") takes only a date near it."""
    start = min(m.start for m in matches)
    end = max(m.end for m in matches)
    taken = event.clusters()
    dates = [t for t in _date_tokens(doc) if start <= t.i < end]
    if not dates:
        dates = [t for t in _date_tokens(doc) if not _dates_other(doc, t, taken)
                 and not _in_relative_clause(doc, t, trigger)]
        first, last = _clause(doc, trigger)
        dates = [t for t in dates if first <= t.i < last] or dates
    if not taken:
        dates = [t for t in dates if -4 <= t.i - trigger <= WINDOW]
    if dates:
        best = min(dates, key=lambda t: abs(t.i - trigger))
        event.date, event.approx = best._.date, bool(best._.approx)


def _clause(doc: Doc, trigger: int) -> tuple[int, int]:
    """The token range of the trigger's clause, between clause words and breaks."""
    lex = words()
    first = trigger
    while first > 0 and doc[first - 1].text not in lex.clause_breaks and doc[first - 1].lower_ not in lex.clause_words:
        first -= 1
    last = trigger + 1
    while last < len(doc) and doc[last].text not in lex.clause_breaks and doc[last].lower_ not in lex.clause_words:
        last += 1
    return first, last


def _date_tokens(doc: Doc) -> list[Token]:
    """The dated tokens of a sentence (found once per sentence)."""
    if "event_dates" not in doc.user_data:
        date = language().vocab.strings.add("DATE")
        kinds = doc.to_array([ENT_TYPE]).tolist()
        doc.user_data["event_dates"] = [doc[i] for i, k in enumerate(kinds) if k == date and doc[i]._.date]
    return doc.user_data["event_dates"]


def _in_relative_clause(doc: Doc, date: Token, trigger: int) -> bool:
    """Whether a date before the trigger sits in a relative clause that ends before it ("X, whom ... in 2012, was")."""
    lex = words()
    if date.i > trigger:
        return False
    for i in range(date.i - 1, -1, -1):
        if doc[i].text in (",", ";") or doc[i].text in lex.clause_breaks:
            return False
        if doc[i].lower_ in lex.relative:
            return any(doc[k].text == "," for k in range(date.i + 1, trigger))
    return False


def _dates_other(doc: Doc, date: Token, taken: set[int]) -> bool:
    """Whether a date follows a person who takes no part in the event ("B in May 2020")."""
    i = date.i - 1
    while i >= 0 and doc[i].lower_ in ("in", "on", "since", "the", "until", "till", "by", "around"):
        i -= 1
    return i >= 0 and doc[i].ent_type_ == "PER" and doc[i]._.cluster not in taken


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


def _by_place(event: Found, doc: Doc) -> list[Found]:
    """An event with no participants at several places ("blasts in A, B and C") is one event per place."""
    if event.roles or not event.location:
        return [event]
    at = next((t for t in doc[event.trigger:] if t.ent_type_ == "LOC" and t.text == event.location), None)
    if at is None:
        return [event]
    places = coordinated(doc, at)
    if not places or not any(t.lower_ in ("and", "or") for t in doc[at.i:places[-1].i]):
        return [event]  # "Garland, Texas" is one place
    out = [event]
    for place in places:
        out.append(Found(event.type, event.sentence, event.trigger, {}, event.date, event.approx, place.text,
                         event.killed, event.count, list(event.evidence)))
    return out


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
        event.killed = event.people or None
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


def _same(a: Found, b: Found, people: set[int]) -> bool:
    """Whether two mentions of one type state the same occurrence."""
    if a.type != b.type or not _compatible(a.date, b.date):
        return False
    bare = not a.roles or not b.roles
    for x, y in ((a.killed, b.killed), (a.count, b.count)):
        if x and y and x != y and (bare or min(x, y) > 1):
            return False
    if a.type == "travel":
        ends_a, ends_b = a.clusters("destination"), b.clusters("destination")
        if ends_a and ends_b and not ends_a & ends_b:
            return False
    near = abs(a.sentence - b.sentence) <= 1
    pa, pb = a.clusters("patient"), b.clusters("patient")
    if pa and pb:
        shared = pa & pb
        return bool(shared & people) or (bool(shared) and (near or bool(a.date and b.date)))
    if a.location and b.location and a.location != b.location:
        return False
    if a.roles and b.roles:
        bare_mention = not (b.date or b.location or pb)  # "the attack was carried out by X": an attack told before
        return bool(a.clusters() & b.clusters()) and (near or bool(a.date and b.date) or bare_mention
                                                      or (a.location is not None and a.location == b.location))
    if not a.roles and not b.roles:
        return a.location == b.location
    return near


def _merge(found: list[Found], people: set[int]) -> list[Found]:
    """One event per occurrence: mentions that agree on type, date and participants (or place) are one.

    Earlier events are looked up by participant, place and sentence, so merging stays linear."""
    merged: list[Found] = []
    index: dict[tuple, list[int]] = {}
    for event in found:
        candidates = sorted({n for key in _keys(event) for n in index.get(key, ())})
        into_n = next((n for n in candidates if _same(merged[n], event, people)), None)
        if into_n is None:
            into_n = len(merged)
            merged.append(event)
        else:
            _absorb(merged[into_n], event)
        for key in _keys(merged[into_n]):
            if into_n not in index.setdefault(key, []):
                index[key].append(into_n)
    return merged


def _keys(event: Found) -> list[tuple]:
    """What an event can be found again by: its participants, its place, its sentence and the ones around."""
    keys = [(event.type, "c", c) for c in event.clusters()]
    if event.location:
        keys.append((event.type, "l", event.location))
    keys += [(event.type, "s", event.sentence + d) for d in (-1, 0, 1)]
    return keys


def _absorb(into: Found, event: Found) -> None:
    """Add what a second mention of an event says to the first."""
    for role, clusters in event.roles.items():
        into.roles.setdefault(role, [])
        into.roles[role].extend(c for c in clusters if c not in into.roles[role])
    if event.date and (not into.date or len(event.date) > len(into.date)):
        into.date, into.approx = event.date, event.approx
    into.location = into.location or event.location
    into.killed = into.killed if into.killed is not None else event.killed
    into.count = max(filter(None, (into.count, event.count)), default=None)
    into.evidence.extend(e for e in event.evidence if e not in into.evidence)


def _to_event(found: Found, ids: dict[int, str]) -> Event:
    """A model Event with entity ids of the extraction."""
    participants = []
    for role in ROLE_ORDER:
        for cluster in found.roles.get(role, []):
            if cluster in ids and Participant(role, ids[cluster]) not in participants:
                participants.append(Participant(role, ids[cluster]))
    return Event(found.type, found.date, found.location, tuple(participants), found.killed, found.count,
                 found.approx, tuple(found.evidence))
