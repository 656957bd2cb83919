"""Relations between entities, from the rules in data/relations.yaml.

Each match gives a subject, an object and perhaps a role; the ontology checks the types; a
date in the sentence becomes the relation's start (or end) when the rule says so; "former"
marks a relation that has ended. The same relation stated twice is one relation with two
pieces of evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dossier.extract.rules import Match, rule_set, signature
from dossier.extract.tokens import SentenceDoc
from dossier.model import Evidence, Relation
from dossier.ontology import ontology

LEADER_POSTS = frozenset("chief head leader emir amir governor commander-in-chief chairman president founder "
                         "co-founder supreme leader top leader ideological leader spiritual leader overall "
                         "chief supremo moderator director".split() + ["supreme leader", "top leader",
                                                                        "ideological leader", "spiritual leader",
                                                                        "overall chief", "top commander"])
NAMES = frozenset(["PER", "ORG", "LOC", "NAT"])


@cache
def name_labels() -> frozenset[int]:
    """The token kinds of names, as string hashes."""
    from dossier.extract.tokens import language
    return frozenset(language().vocab.strings.add(label) for label in NAMES)
ENDED = frozenset(["former", "ex", "erstwhile", "then", "slain", "late"])
UNTIL = frozenset(["until", "till"])  # a date after these ends a relation
PERIOD_OPENS = frozenset(["from", "between"])  # "from DATE to DATE", "between DATE and DATE"
PERIOD_LINKS = frozenset(["to", "until", "till", "and", "through"])
STATE = re.compile(r"(?i)\b(?:government|army|police|ministry|embassy|court|agency|directorate|intelligence|forces|"
                   r"navy|parliament|assembly|council|commission|express|times|news|press|post|daily|media|centre|"
                   r"center|institute|university|bank|party)\b")


@dataclass
class Found:
    """A relation under construction: its ends are entity cluster numbers."""

    type: str
    subject: int
    object: int
    role: str | None = None
    start: str | None = None
    end: str | None = None
    approx: bool = False
    evidence: list[Evidence] = field(default_factory=list)


def find_relations(sentences: list[SentenceDoc], evidence_of, cluster_types: dict[int, str],
                   main: int | None = None) -> list[Found]:
    """Relations stated in the sentences, merged per (type, subject, object); `main` is the document's main group."""
    rules = rule_set("relations.yaml")
    onto = ontology()
    merged: dict[tuple, Found] = {}
    for sentence in sentences:
        if signature(sentence.doc)[1].isdisjoint(name_labels()):
            continue  # no name, no relation
        for match in rules.run(sentence.doc):
            for found in _relations(match, sentence, cluster_types, onto, main):
                _keep(merged, found, evidence_of(sentence.index), onto)
    return list(merged.values())


def _keep(merged: dict[tuple, Found], found: Found, evidence: Evidence, onto) -> None:
    """Add a relation, or its evidence to the same relation found before."""
    ends = (found.subject, found.object)
    key = (found.type, *(sorted(ends) if onto.symmetric(found.type) else ends))
    old = merged.get(key)
    if old is None:
        found.evidence.append(evidence)
        merged[key] = found
        return
    old.role = old.role or found.role
    old.start = old.start or found.start
    old.end = old.end or found.end
    if evidence not in old.evidence:
        old.evidence.append(evidence)


def _relations(match: Match, sentence: SentenceDoc, cluster_types: dict[int, str], onto,
               main: int | None) -> list[Found]:
    """The relations a match states: one, or one per name of a list ("by the U.S., the EU and Canada")."""
    subjects = _ends(match, sentence, "subject", main)
    objects = _ends(match, sentence, "object", main)
    if not subjects or not objects:
        return []
    out = []
    for s in subjects:
        for o in objects:
            found = _relation(match, sentence, cluster_types, onto, s, o)
            if found is not None:
                out.append(found)
    return out


def _ends(match: Match, sentence: SentenceDoc, part: str, main: int | None) -> list[int]:
    """Entity clusters filling one end of a match, with the names listed after it."""
    tokens = match.parts.get(part)
    if tokens:
        return [t._.cluster for t in _listed(tokens[0] if part == "subject" else tokens[-1], sentence.doc)]
    how = match.rule.extra.get(part)
    if how == "main":
        return [main] if main is not None else []
    return [t._.cluster for t in _implicit(match, sentence, how, {})]


def _implicit(match: Match, sentence: SentenceDoc, how: str | None, cluster_types: dict[int, str]) -> list:
    """The entity a rule leaves out: the sentence's first person or group, or the nearest group before."""
    doc = sentence.doc
    if how == "first":
        first = next((t for t in doc[:match.start] if t.ent_type_ in ("PER", "ORG") and t._.cluster >= 0), None)
        return [first] if first is not None else []
    if how == "previous":
        before = [t for t in doc[:match.start] if t.ent_type_ == "ORG" and t._.cluster >= 0]
        return before[-1:] if before else []
    return []


def _listed(token, doc) -> list:
    """A name and the names listed after it with it: "X, Y and Z", "X's and Y"."""
    out = [token]
    i = token.i + 1
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].lower_ in (",", "and", "or", "the", "'s", "’s", "as", "well", "also",
                                                 "both", "later", "then", "subsequently", "eventually"):
            j += 1
        if j == i or j >= len(doc) or doc[j].ent_type_ != token.ent_type_ or doc[j]._.cluster < 0:
            break
        out.append(doc[j])
        i = j + 1
    return out


def _relation(match: Match, sentence: SentenceDoc, cluster_types: dict[int, str], onto, s: int,
              o: int) -> Found | None:
    if s < 0 or o < 0 or s == o:
        return None
    role_tokens = match.parts.get("role", [])
    role = " ".join(t.text.lower() for t in role_tokens) or None
    kind = match.rule.kind
    if kind == "post":
        post = next((t._.post for t in role_tokens if t._.post), role or "")
        kind = "leader_of" if post in LEADER_POSTS else "member_of"
    if kind not in onto.relations or not onto.allows(kind, cluster_types[s], cluster_types[o]):
        return None
    found = Found(kind, s, o, role)
    if match.parts.get("start") or match.parts.get("end"):  # the pattern says which date is which
        for part in ("start", "end"):
            token = next((t for t in match.parts.get(part, []) if t._.date), None)
            if token is not None:
                setattr(found, part, token._.date)
                found.approx = found.approx or token._.approx
        return found
    if match.rule.dates == "none":
        return found
    periods = _periods(sentence.doc) if match.rule.dates == "start" else []
    if periods:
        first, last = min(periods, key=lambda p: _distance(p[0], match))
        found.start, found.end = first._.date, last._.date
        found.approx = first._.approx or last._.approx
        return found
    dated = [t for t in sentence.doc[match.start:match.end] if t._.date] or _nearest_dates(sentence, match)
    if dated:
        # "led the group until 2015": a date after "until" ends the relation, whatever the rule says
        ends = match.rule.dates == "start" and dated[0].i > 0 and sentence.doc[dated[0].i - 1].lower_ in UNTIL
        setattr(found, "end" if ends else match.rule.dates, dated[0]._.date)
        found.approx = dated[0]._.approx
    return found


def _periods(doc) -> list[tuple]:
    """(first, last) date tokens of each period the sentence states: "from 2010 to 2015", "between 2010 and 2015"."""
    out = []
    for t in doc[1:-2]:
        if t._.date and doc[t.i - 1].lower_ in PERIOD_OPENS and doc[t.i + 1].lower_ in PERIOD_LINKS \
                and doc[t.i + 2]._.date:
            out.append((t, doc[t.i + 2]))
    return out


def _distance(token, match: Match) -> int:
    return min(abs(token.i - match.start), abs(token.i - match.end))


def _nearest_dates(sentence: SentenceDoc, match: Match) -> list:
    """The date tokens of the sentence, nearest to the match first."""
    dates = [t for t in sentence.doc if t._.date]
    return sorted(dates, key=lambda t: _distance(t, match))


def to_relations(found: list[Found], ids: dict[int, str]) -> list[Relation]:
    """Model relations with entity ids of the extraction."""
    out = []
    for f in found:
        if f.subject in ids and f.object in ids:
            out.append(Relation(f.type, ids[f.subject], ids[f.object], f.start, f.end, f.role, f.approx,
                                tuple(f.evidence)))
    return out


def named_bases(clusters, names_of, place_of_demonym) -> list[Found]:
    """Organizations named with a nationality ("Afghan Taliban", "Pakistani police") are based in that country."""
    out = []
    for cluster in clusters:
        if cluster.type != "organization" or cluster.subtype or any(STATE.search(n) for n in names_of(cluster)):
            continue  # armed groups only: "Afghan government" is not based in Afghanistan news
        for name in names_of(cluster):
            words = name.split()
            country = place_of_demonym(words[0]) if len(words) > 1 else None
            if country is not None and country != cluster.id:
                out.append(Found("based_in", cluster.id, country))
                break
    return out
