"""The values every stage passes on: read → Document, extract → Extraction, store → views.

Offsets are character offsets into ``Document.text``. Dates are partial ISO dates
(``"2015"``, ``"2015-01"``, ``"2015-01-28"``): the precision is the length.
"""
from __future__ import annotations

from dataclasses import dataclass, field

PartialDate = str


@dataclass(frozen=True)
class Source:
    """A cited work: a footnote, endnote, reference-list entry or inline link."""

    id: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    accessed: PartialDate | None = None
    kind: str = "footnote"  # footnote | reference | link
    note: str = ""  # the citation as written


@dataclass(frozen=True)
class Block:
    """A run of text in the document: a heading, paragraph, caption, quote, list item or note."""

    kind: str  # heading | paragraph | caption | quote | item | note | table
    start: int
    end: int
    part: str = "body"  # front | body | back | notes
    level: int = 0  # heading level; 0 for other blocks
    label: str = ""  # for notes: the footnote label


@dataclass(frozen=True)
class Section:
    """The span of text under one heading."""

    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """A footnote marker or cited link at a place in the text, and the sources it points to."""

    start: int
    end: int
    label: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence span, its block, and the ids of the sources its citations point to."""

    start: int
    end: int
    block: int
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A report as read: clean text with its structure, citations and sources."""

    path: str
    name: str
    format: str
    text: str
    content_hash: str
    title: str | None = None
    date: PartialDate | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    citations: tuple[Citation, ...] = ()
    sources: tuple[Source, ...] = ()
    warnings: tuple[str, ...] = ()

    def span(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def words(self) -> int:
        """Number of whitespace-separated words in the text."""
        return len(self.text.split())


@dataclass(frozen=True)
class Mention:
    """A place where the text names an entity."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organization or location as one document names it."""

    id: str  # local to the extraction: "e1", "e2", ...
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    subtype: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a claim, and the sources it cites."""

    start: int
    end: int
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A typed, optionally time-bounded link between two entities of one extraction."""

    type: str
    subject: str
    object: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    role: str | None = None
    approx: bool = False
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True)
class Participant:
    """An entity taking part in an event, with its role."""

    role: str
    entity: str


@dataclass(frozen=True)
class Event:
    """Something that happened: an arrest, attack, killing, appointment, ..."""

    type: str
    date: PartialDate | None = None
    location: str | None = None
    participants: tuple[Participant, ...] = ()
    killed: int | None = None
    count: int | None = None
    approx: bool = False
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True)
class Extraction:
    """What an extractor found in one document."""

    extractor: str
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())
