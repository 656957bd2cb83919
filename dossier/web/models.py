"""The shapes of the JSON API's answers and requests, as pydantic models (so /openapi.json has them)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Date = Optional[str]  # a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD


class Error(BaseModel):
    """Every error answer: one line saying what is wrong and, where it helps, what to do."""

    detail: str


class EntityRef(BaseModel):
    id: int
    name: str
    type: str


class Party(EntityRef):
    role: str


class SearchHit(BaseModel):
    id: int
    type: str
    name: str
    aliases: list[str]
    matched: str = Field(description="the name or alias that matched")
    exact: bool = Field(description="the whole name matched, not only its beginning")


class Source(BaseModel):
    id: int
    local_id: str = Field(description="the footnote label or link id in its document")
    title: Optional[str]
    url: Optional[str]
    publisher: Optional[str]
    author: Optional[str]
    date: Date


class Evidence(BaseModel):
    claim_id: int
    document_id: int
    document: str
    sentence: str
    start: int = Field(description="offset of the sentence in the document's text")
    end: int
    sources: list[Source]


class ClaimRef(BaseModel):
    id: int
    document: str
    document_id: int
    review: Optional[str] = Field(description="accepted | edited, when the analyst reviewed it")


class Relation(BaseModel):
    """A relation of the entity, as all the documents that state it tell it (one fact, several claims)."""

    id: int = Field(description="its first claim")
    type: str
    role: Optional[str]
    start: Date
    end: Date
    approx: bool
    direction: Literal["out", "in"] = Field(description="out: the entity is the subject")
    other: EntityRef
    claims: list[ClaimRef]
    evidence: list[Evidence]
    more_evidence: int = Field(description="sentences that state it too, left out")
    review: Optional[str]


class Event(BaseModel):
    id: int = Field(description="its first claim")
    type: str
    date: Date
    approx: bool
    location: Optional[str]
    killed: Optional[int]
    count: Optional[int]
    participants: list[Party]
    claims: list[ClaimRef]
    evidence: list[Evidence]
    more_evidence: int
    review: Optional[str]


class Claim(BaseModel):
    """One claim as one document states it."""

    id: int
    kind: Literal["relation", "event"]
    type: str
    document: str
    document_id: int
    parties: list[Party]
    start: Date = None
    end: Date = None
    date: Date = None
    role: Optional[str] = None
    location: Optional[str] = None
    killed: Optional[int] = None
    count: Optional[int] = None
    approx: bool = False
    evidence: list[Evidence] = []
    review: Optional[str] = None


class Conflict(BaseModel):
    kind: str
    about: str
    first: Claim
    second: Claim


class NameUse(BaseModel):
    name: str
    documents: list[str] = Field(description="the first documents that use it")
    more_documents: int = Field(description="documents that use it too, left out")


class Profile(BaseModel):
    id: int
    type: str
    name: str
    subtype: Optional[str]
    as_of: Date
    names: list[NameUse]
    counts: dict[str, int] = Field(description="claims of each type, shown or not")
    more_claims: int = Field(description="claims of the entity this profile leaves out")
    relations: list[Relation]
    events: list[Event]
    conflicts: list[Conflict]
    conflicts_checked: bool = Field(description="false for an entity with too many claims to check here; "
                                                "ask /api/conflicts?entity=ID")


class Tenure(BaseModel):
    person: EntityRef
    start: Date
    end: Date
    role: Optional[str]
    approx: bool
    how: str = Field(description="what gives the end: stated, succeeded by X, removal, ...")
    evidence: list[Evidence]
    more_claims: int


class Moment(BaseModel):
    date: Date
    approx: bool
    what: Literal["event", "start", "end"]
    kind: str
    type: str
    parties: list[Party]
    documents: list[str]
    evidence: list[Evidence]
    more_evidence: int


class Node(BaseModel):
    id: int
    name: str
    type: str
    distance: int


class Edge(BaseModel):
    id: str
    source: int
    target: int
    type: str
    start: Date
    end: Date
    approx: bool
    documents: list[str]


class Span(BaseModel):
    first: Date
    last: Date


class Graph(BaseModel):
    centre: int
    depth: int
    as_of: Date
    nodes: list[Node]
    edges: list[Edge]
    span: Span = Field(description="the earliest and latest date of the relations, for a date slider")
    limited: bool = Field(description="the neighbourhood has more entities than a graph shows")


class DocumentSummary(BaseModel):
    id: int
    name: str
    title: Optional[str]
    date: Date
    format: str
    words: int
    sources: int
    entities: int
    claims: int


class TextSpan(BaseModel):
    start: int
    end: int


class Mention(TextSpan):
    entity_id: int
    name: str
    type: str


class Footnote(TextSpan):
    marker: str
    source_ids: list[int]


class Document(BaseModel):
    id: int
    name: str
    title: Optional[str]
    date: Date
    publisher: Optional[str]
    url: Optional[str]
    authors: list[str]
    text: str
    sentences: list[TextSpan]
    mentions: list[Mention]
    footnotes: list[Footnote]
    sources: list[Source]


class Changes(BaseModel):
    """New values for a claim: type, role, start, end of a relation; type, date of an event."""

    model_config = ConfigDict(extra="forbid")
    type: Optional[str] = None
    role: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    date: Optional[str] = None


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verdict: Literal["accept", "reject", "edit"]
    changes: Optional[Changes] = None
    note: Optional[str] = Field(None, max_length=2000)


class Review(BaseModel):
    claim: Claim = Field(description="the claim as its document states it")
    reviewed: Claim = Field(description="the claim with the analyst's edits")
    status: Literal["pending", "accepted", "rejected", "edited"]
    changes: dict[str, Optional[str]]
    note: Optional[str]
    decision: Optional[int]
    reviewed_at: Optional[str]


class ReviewPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Review]


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: str = Field(description='a name, alias or "#ID" of one entity', min_length=1, max_length=500)
    b: str = Field(description="the same of the other entity", min_length=1, max_length=500)
    note: Optional[str] = Field(None, max_length=2000)


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description='a name, alias or "#ID" of the entity', min_length=1, max_length=500)
    alias: str = Field(description="the name whose documents' records become an entity of their own",
                       min_length=1, max_length=500)
    note: Optional[str] = Field(None, max_length=2000)


class Decision(BaseModel):
    id: int
    kind: str
    type: str
    names: list[str]
    others: list[str]
    text: str = Field(description="the decision in words")
    note: Optional[str]
    created_at: str
    undone_at: Optional[str]


class JobStarted(BaseModel):
    job: str


class FileOutcome(BaseModel):
    file: str
    status: str = Field(description="added | updated | unchanged | duplicate | failed")
    message: str


class Job(BaseModel):
    id: str
    state: Literal["queued", "running", "done", "failed"]
    done: int
    total: int
    message: str = Field(description="why the job failed, when it did")
    results: list[FileOutcome]


class Health(BaseModel):
    ok: bool
    version: str
