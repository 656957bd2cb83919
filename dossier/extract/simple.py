"""A small rule-based extractor: capitalised names, bracketed acronyms, cited authors and outlets,
and "X, chief of Y" relations. Enough to exercise reading and storing end to end."""
from __future__ import annotations

import re

from dossier.model import Document, Entity, Evidence, Extraction, Mention, Relation

NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|al|ul|e|of|the)){0,4}[ -][A-Z][a-z]+\b")
ACRONYM = re.compile(r"\b((?:[A-Z][\w'-]+\s+){1,6}?(?:of\s+|the\s+)?[A-Z][\w'-]+)\s+\(([A-Z][A-Za-z-]{1,7})\)")
LEADER = re.compile(r"\b([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3}), (?:the )?(?:chief|leader|head|emir) of (?:the )?"
                    r"([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,5})")
ORG_WORDS = re.compile(r"\b(?:Army|Network|Group|Front|Movement|Party|Council|Agency|Directorate|State|Province"
                       r"|Intelligence|Police|Ministry|Department|Times|News|Press|Institute|University)\b")


class SimpleExtractor:
    """Capitalised names, acronyms and one relation pattern; no events."""

    name = "simple/1"

    def extract(self, document: Document) -> Extraction:
        text = document.text
        found: dict[str, dict] = {}

        def add(name: str, kind: str, start: int, end: int, alias: str | None = None) -> None:
            item = found.setdefault(name, {"type": kind, "aliases": [], "mentions": []})
            item["mentions"].append((start, end))
            if alias and alias not in item["aliases"]:
                item["aliases"].append(alias)

        for m in ACRONYM.finditer(text):
            add(m.group(1), "organization", m.start(1), m.end(1), m.group(2))
        for s in document.sources:
            if s.author:
                add(s.author, "person", 0, 0)
            if s.publisher:
                add(s.publisher, "organization", 0, 0)
        for m in NAME.finditer(text):
            if m.group() not in found:
                add(m.group(), "organization" if ORG_WORDS.search(m.group()) else "person", m.start(), m.end())
        entities = []
        ids = {}
        for i, (name, item) in enumerate(found.items(), 1):
            ids[name] = f"e{i}"
            mentions = tuple(Mention(s, e, text[s:e]) for s, e in item["mentions"] if e > s)
            entities.append(Entity(f"e{i}", item["type"], name, tuple(item["aliases"]), None, mentions))
        relations = []
        for m in LEADER.finditer(text):
            person, org = m.group(1), m.group(2)
            if person in ids and org in ids and found[person]["type"] == "person" \
                    and found[org]["type"] == "organization":
                sentence = next(s for s in document.sentences if s.start <= m.start() < s.end + 1)
                relations.append(Relation("leader_of", ids[person], ids[org], role="chief", evidence=(
                    Evidence(sentence.start, sentence.end, text[sentence.start:sentence.end], sentence.sources),)))
        return Extraction(self.name, tuple(entities), tuple(relations), ())
