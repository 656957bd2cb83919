"""The built-in extractor: a pipeline of small components over a document.

    mentions (entities.py) → entities (aliases.py) → dates → relations → events

Each component reads the document and what earlier components found; none reaches into
another's internals. Language data lives in data/.
"""
from __future__ import annotations

from collections import Counter

import re
import time
from dataclasses import replace

from dossier.extract.aliases import Cluster, cluster_mentions
from dossier.extract.coref import find_references, main_group
from dossier.extract.dates import find_date_mentions
from dossier.extract.entities import STRONG, Mention, find_mentions
from dossier.extract.events import find_events
from dossier.lang.gazetteer import gazetteer
from dossier.extract.lexicon import lexicon
from dossier.extract.model_signals import entity_signals, load_model
from dossier.extract.relations import find_relations, named_bases, to_relations
from dossier.extract.tokens import sentence_docs
from dossier.model import Document, Entity, Evidence, Extraction
from dossier.model import Mention as MentionSpan
from dossier.resolve.names import name_key

VERSION = "rules/1"
MAX_SECONDS = 300.0  # per document: relations and events stop here, with a warning
MAX_WORDS = 120_000  # per document: a longer text (a book, a dump) is read up to here, with a warning
LETTER = re.compile(r"[^\W\d_]")
LATIN = r"A-Za-z\u00c0-\u024f"  # Basic Latin, Latin-1 Supplement and Latin Extended-A/B letters
LATIN_LETTER = re.compile(rf"[{LATIN}]")
NON_LATIN_LETTER = re.compile(rf"[^\W\d_{LATIN}]")
DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}$")


class RuleExtractor:
    """Offline rule-based extraction: no model download, no network."""

    name = VERSION

    def __init__(self, model: str | None = None, max_seconds: float = MAX_SECONDS, max_words: int = MAX_WORDS) -> None:
        self.lexicon = lexicon()
        self.gazetteer = gazetteer()
        self.model = model
        self.max_seconds = max_seconds
        self.max_words = max_words
        if model:
            load_model(model)  # fail now, with one clear line, if it is not installed
            self.name = f"{VERSION}+{model}"

    def extract(self, document: Document) -> Extraction:
        """Entities with their aliases, relations and events, each claim with its evidence."""
        started = time.monotonic()
        document, cut = _first_words(document, self.max_words)
        signals = entity_signals(document, self.model) if self.model else []
        found = find_mentions(document, self.lexicon, self.gazetteer, signals)
        clusters = cluster_mentions(document.text, found, self.lexicon, self.gazetteer)
        clusters = _add_cited(document, clusters)
        types = {c.id: c.type for c in clusters}
        references = find_references(document, found.mentions, clusters, self.lexicon)
        dates = find_date_mentions(document)
        sentences = sentence_docs(document, found.mentions, references, dates, types,
                                  _nationalities(found, clusters, self.gazetteer))
        evidence = _evidence_maker(document)
        ids = {c.id: f"e{i + 1}" for i, c in enumerate(clusters)}
        names = {c.id: c.names[0] for c in clusters if c.names}
        warnings = _warnings(document, clusters) + cut
        sentences = _within(sentences, started + self.max_seconds, warnings)
        found_relations = find_relations(sentences, evidence, types, main_group(found.mentions, clusters))
        found_relations += _named_bases(clusters, found_relations, self.gazetteer, document)
        relations = to_relations(found_relations, ids)
        events = find_events(sentences, evidence, types, ids, names)
        entities = tuple(_entity(ids[c.id], c, self.lexicon) for c in clusters)
        return Extraction(self.name, entities, tuple(relations), tuple(events), tuple(warnings))


def _first_words(document: Document, limit: int) -> tuple[Document, list[str]]:
    """The document up to its first `limit` words (all of it when shorter), and a warning when cut."""
    words = 0
    for i, s in enumerate(document.sentences):
        words += document.text.count(" ", s.start, s.end) + 1
        if words > limit:
            kept = replace(document, sentences=document.sentences[:i])
            return kept, [f"the document has more than {limit:,} words; only the first {limit:,} were read"]
    return document, []


def _within(sentences, deadline: float, warnings: list[str]) -> list:
    """The sentence Docs that can be prepared before the deadline; the rest is skipped with a warning."""
    out = []
    for sentence in sentences:
        if time.monotonic() > deadline:
            warnings.append(f"stopped reading relations and events after {len(out)} sentences: the "
                            f"document took longer than the time allowed; entities are complete")
            break
        out.append(sentence)
    return out


def _warnings(document: Document, clusters: list[Cluster]) -> list[str]:
    """What a reader of the result should know: nothing found, or a script the rules do not read."""
    sample = document.text[:20000]
    out = []
    if NON_LATIN_LETTER.search(sample) and _mostly_not_latin(sample):
        out.append("most of the text is not in Latin script; the built-in extractor reads English")
    if not clusters:
        out.append("no names of people, organizations or places were found")
    return out


def _mostly_not_latin(text: str) -> bool:
    """True when fewer than half the letters of a text are Latin ones."""
    letters = len(LETTER.findall(text))
    return bool(letters) and len(LATIN_LETTER.findall(text)) / letters < 0.5


def _named_bases(clusters: list[Cluster], found: list, places, document: Document) -> list:
    """based_in relations implied by nationality-prefixed names, with the first mention as evidence."""
    countries = {name_key(n): c.id for c in clusters if c.type == "location" for n in c.names}
    known = {(f.type, f.subject, f.object) for f in found}

    def country_of(word: str) -> int | None:
        country = places.country_of_demonym(word)
        return countries.get(name_key(country)) if country else None

    out = []
    for f in named_bases(clusters, lambda c: [m.name for m in c.mentions], country_of):
        if (f.type, f.subject, f.object) in known:
            continue
        cluster = next(c for c in clusters if c.id == f.subject)
        mention = next((m for m in cluster.mentions if places.country_of_demonym(m.name.split()[0])), None)
        if mention is not None:
            s = document.sentences[mention.sentence]
            f.evidence.append(Evidence(s.start, s.end, document.text[s.start:s.end], s.sources))
            out.append(f)
    return out


def _nationalities(found, clusters: list[Cluster], places) -> list[tuple[int, int, int]]:
    """Nationality words whose country the document names as an entity: (start, end, cluster)."""
    by_name = {name_key(n): c.id for c in clusters if c.type == "location" for n in c.names}
    out = []
    for start, end, country in found.demonyms:
        cluster = by_name.get(name_key(country))
        if cluster is not None:
            out.append((start, end, cluster))
    return out


def _evidence_maker(document: Document):
    """A function from sentence number to the Evidence of that sentence (cached)."""
    made: dict[int, Evidence] = {}

    def evidence(index: int) -> Evidence:
        if index not in made:
            s = document.sentences[index]
            made[index] = Evidence(s.start, s.end, document.text[s.start:s.end], s.sources)
        return made[index]

    return evidence


def _add_cited(document: Document, clusters: list[Cluster]) -> list[Cluster]:
    """Authors and publishers of the document (when the text names them) and of its cited sources."""
    by_key = {name_key(n): c for c in clusters for n in c.names}

    def add(name: str | None, kind: str, subtype: str | None = None) -> None:
        if not name or DOMAIN.match(name) or len(name) > 80:
            return
        key = name_key(name)
        if not key:
            return
        cluster = by_key.get(key)
        if cluster is None:
            cluster = Cluster(len(clusters), kind, subtype=subtype)
            clusters.append(cluster)
            by_key[key] = cluster
        elif cluster.type != kind and max((m.strength for m in cluster.mentions), default=0) < STRONG:
            cluster.type = kind
        cluster.add_name(name)
        cluster.subtype = cluster.subtype or subtype

    for author in document.authors:
        if author in document.text:
            add(author, "person")
    if document.publisher and document.publisher in document.text:
        add(document.publisher, "organization")
    for source in document.sources:
        if source.kind == "link":
            continue
        for author in re.split(r"\s*(?:&|\band\b|;)\s*", source.author or ""):
            if author and len(author.split()) <= 5 and not re.search(r"\b(?:Committee|Council|Team|Office)\b", author):
                add(author.strip(), "person")
            elif author:
                add(author.strip(), "organization")
        add(source.publisher, "organization", "news_outlet")
    return clusters


def _entity(entity_id: str, cluster: Cluster, lex) -> Entity:
    """An Entity for a cluster, named by its fullest name."""
    names = cluster.names
    plain = [m.name for m in cluster.mentions] or names

    uses = Counter(name_key(m.name) for m in cluster.mentions)
    aliases_only = {m.name for m in cluster.mentions if m.secondary} - {
        m.name for m in cluster.mentions if not m.secondary}

    def fullness(name: str) -> tuple:
        """Not a name given only as another's alias; then more words; then the one used most;
        then the first."""
        ws = name.split()
        demonym_start = gazetteer().country_of_demonym(ws[0]) is not None if ws else False
        return (not name.isupper() or len(name) > 6, not demonym_start, name not in aliases_only, len(ws),
                uses[name_key(name)], -names.index(name))

    name = max(plain, key=fullness)
    aliases = tuple(n for n in names if n != name)
    spans = tuple(MentionSpan(m.start, m.end, m.text) for m in cluster.mentions)
    return Entity(entity_id, cluster.type, name, aliases, cluster.subtype, spans)


__all__ = ["RuleExtractor", "Mention"]
