"""Relations between entities, from the rules in data/relations.yaml.

Each match gives a subject, an object and perhaps a role; the ontology checks the types; a
date in the sentence becomes the relation's start (or end) when the rule says so; "former"
marks a relation that has ended. The same relation stated twice is one relation with two
pieces of evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dossier.extract.rules import Match, rule_set
from dossier.extract.tokens import SentenceDoc
from dossier.model import Evidence, Relation
from dossier.ontology import ontology

LEADER_POSTS = frozenset("chief head leader emir amir governor commander-in-chief chairman president founder "
                         "co-founder supreme leader top leader ideological leader spiritual leader overall "
                         "chief supremo moderator director".split() + ["supreme leader", "top leader",
                                                                        "ideological leader", "spiritual leader",
                                                                        "overall chief", "top commander"])
ENDED = frozenset(["former", "ex", "erstwhile", "then", "slain", "late"])


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


def find_relations(sentences: list[SentenceDoc], evidence_of, cluster_types: dict[int, str]) -> list[Found]:
    """Relations stated in the sentences, merged per (type, subject, object)."""
    rules = rule_set("relations.yaml")
    onto = ontology()
    merged: dict[tuple, Found] = {}
    for sentence in sentences:
        for match in rules.run(sentence.doc):
            found = _relation(match, sentence, cluster_types, onto)
            if found is None:
                continue
            key = (found.type, *((min(found.subject, found.object), max(found.subject, found.object))
                                 if onto.symmetric(found.type) else (found.subject, found.object)))
            evidence = evidence_of(sentence.index)
            old = merged.get(key)
            if old is None:
                found.evidence.append(evidence)
                merged[key] = found
            else:
                old.role = old.role or found.role
                old.start = old.start or found.start
                old.end = old.end or found.end
                if evidence not in old.evidence:
                    old.evidence.append(evidence)
    return list(merged.values())


def _relation(match: Match, sentence: SentenceDoc, cluster_types: dict[int, str], onto) -> Found | None:
    subject = match.parts.get("subject")
    obj = match.parts.get("object")
    if not subject or not obj:
        return None
    s, o = subject[0]._.cluster, obj[-1]._.cluster
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
    dated = [t for t in sentence.doc[match.start:match.end] if t._.date]
    if match.rule.dates != "none":
        if not dated:
            dated = _nearest_dates(sentence, match)
        if dated:
            setattr(found, match.rule.dates, dated[0]._.date)
            found.approx = dated[0]._.approx
    return found


def _nearest_dates(sentence: SentenceDoc, match: Match) -> list:
    """The date tokens of the sentence, nearest to the match first."""
    dates = [t for t in sentence.doc if t._.date]
    return sorted(dates, key=lambda t: min(abs(t.i - match.start), abs(t.i - match.end)))


def to_relations(found: list[Found], ids: dict[int, str]) -> list[Relation]:
    """Model relations with entity ids of the extraction."""
    out = []
    for f in found:
        if f.subject in ids and f.object in ids:
            out.append(Relation(f.type, ids[f.subject], ids[f.object], f.start, f.end, f.role, f.approx,
                                tuple(f.evidence)))
    return out
