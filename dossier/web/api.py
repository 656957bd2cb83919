"""The JSON API of the web workspace: the library's questions and decisions over HTTP.

Every answer is a model of web/models.py; entities are asked for by id. Reads use the thread's own
connection; decisions and reviews open the store for writing, one at a time.
"""
from __future__ import annotations

import pathlib
import shutil
from dataclasses import replace
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, File, Path, Query, Request, UploadFile

from dossier import __version__
from dossier.conflicts import Conflict
from dossier.dates import normalise
from dossier.errors import NotFound, UsageError
from dossier.knowledge_base import KnowledgeBase
from dossier.query import Edge, Fact, Neighbourhood, facts, holds
from dossier.read import MAX_BYTES
from dossier.render import decision_text
from dossier.store.reading import claim_documents, document_text
from dossier.store.views import ClaimView, EvidenceView, Profile, SourceInfo
from dossier.web import models
from dossier.web.jobs import upload_name

router = APIRouter(prefix="/api", responses={404: {"model": models.Error}, 422: {"model": models.Error}})

MAX_ID = 2**63 - 1  # SQLite's largest integer
EVIDENCE_SHOWN = 5  # sentences a fact shows; the rest are counted
CONFLICT_CLAIMS = 200  # a profile checks conflicts for entities with at most this many claims (else: /api/conflicts)
GRAPH_NODES = 150  # entities a graph shows at most
NAME_DOCUMENTS = 20  # documents listed for each name of a profile; the rest are counted
EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="an entity's id")]
AsOf = Annotated[Optional[str], Query(max_length=40, description="a date (YYYY, YYYY-MM or YYYY-MM-DD): "
                                                                  "only what holds then")]
Status = Literal["pending", "accepted", "rejected", "edited"]


def _kb(request: Request) -> KnowledgeBase:
    return request.app.state.workspace.reader()


def _ref(entity_id: int) -> str:
    return f"#{entity_id}"


# ---- shaping answers --------------------------------------------------------------------------

def _source(s: SourceInfo) -> models.Source:
    return models.Source(id=s.id, local_id=s.local_id, title=s.title, url=s.url, publisher=s.publisher,
                         author=s.author, date=s.date)


def _evidence(claim: ClaimView, ev: EvidenceView, documents: dict[int, int]) -> models.Evidence:
    return models.Evidence(claim_id=claim.id, document_id=documents.get(claim.id, 0), document=ev.document,
                           sentence=ev.sentence, start=ev.start, end=ev.end, sources=[_source(s) for s in ev.sources])


def _fact_evidence(fact: Fact, documents: dict[int, int]) -> tuple[list[models.Evidence], int]:
    every = [(c, e) for c in fact.claims for e in c.evidence]
    return [_evidence(c, e, documents) for c, e in every[:EVIDENCE_SHOWN]], max(0, len(every) - EVIDENCE_SHOWN)


def _party(p) -> models.Party:
    return models.Party(id=p.entity_id, name=p.name, type=p.type, role=p.role)


def _claims(fact: Fact, documents: dict[int, int]) -> list[models.ClaimRef]:
    return [models.ClaimRef(id=c.id, document=c.document, document_id=documents.get(c.id, 0), review=c.review)
            for c in fact.claims]


def _review(fact: Fact) -> str | None:
    """A fact's review: edited when any of its claims was, accepted when all were."""
    marks = {c.review for c in fact.claims}
    return "edited" if "edited" in marks else "accepted" if marks == {"accepted"} else None


def _relation(fact: Fact, entity_id: int, documents: dict[int, int]) -> models.Relation:
    subject, obj = fact.parties[0], fact.parties[1]
    out = subject.entity_id == entity_id
    other = obj if out else subject
    evidence, more = _fact_evidence(fact, documents)
    return models.Relation(id=fact.claims[0].id, type=fact.type, role=", ".join(fact.roles) or None, start=fact.start,
                           end=fact.end, approx=fact.approx, direction="out" if out else "in",
                           other=models.EntityRef(id=other.entity_id, name=other.name, type=other.type),
                           claims=_claims(fact, documents), evidence=evidence, more_evidence=more,
                           review=_review(fact))


def _event(fact: Fact, documents: dict[int, int]) -> models.Event:
    evidence, more = _fact_evidence(fact, documents)
    first = fact.claims[0]
    return models.Event(id=first.id, type=fact.type, date=fact.date, approx=fact.approx, location=fact.location,
                        killed=first.killed, count=first.count, participants=[_party(p) for p in fact.parties],
                        claims=_claims(fact, documents), evidence=evidence, more_evidence=more, review=_review(fact))


def _claim(c: ClaimView, documents: dict[int, int]) -> models.Claim:
    return models.Claim(id=c.id, kind=c.kind, type=c.type, document=c.document, document_id=documents.get(c.id, 0),
                        parties=[_party(p) for p in c.parties], start=c.start, end=c.end, date=c.date, role=c.role,
                        location=c.location, killed=c.killed, count=c.count, approx=c.approx,
                        evidence=[_evidence(c, e, documents) for e in c.evidence], review=c.review)


def _conflict(c: Conflict, documents: dict[int, int]) -> models.Conflict:
    return models.Conflict(kind=c.kind, about=c.about, first=_claim(c.first, documents),
                           second=_claim(c.second, documents))


def _profile(kb: KnowledgeBase, p: Profile) -> models.Profile:
    found = facts(list(p.claims))
    checked = p.entity.claims <= CONFLICT_CLAIMS
    conflicts = kb.conflicts(_ref(p.entity.id)) if checked else []
    ids = {c.id for c in p.claims} | {c.id for x in conflicts for c in (x.first, x.second)}
    documents = claim_documents(kb.store, ids)
    return models.Profile(
        id=p.entity.id, type=p.entity.type, name=p.entity.name, subtype=p.entity.subtype, as_of=p.as_of,
        names=[models.NameUse(name=n.name, documents=list(n.documents[:NAME_DOCUMENTS]),
                              more_documents=max(0, len(n.documents) - NAME_DOCUMENTS)) for n in p.names],
        counts=dict(p.counts), more_claims=p.more_claims,
        relations=[_relation(f, p.entity.id, documents) for f in found if f.kind == "relation"],
        events=[_event(f, documents) for f in found if f.kind == "event"],
        conflicts=[_conflict(c, documents) for c in conflicts], conflicts_checked=checked)


# ---- questions ----------------------------------------------------------------------------------

@router.get("/health", response_model=models.Health, summary="Whether the server answers")
def health() -> models.Health:
    return models.Health(ok=True, version=__version__)


@router.get("/search", response_model=list[models.SearchHit], summary="Entities by any of their names")
def search(request: Request, q: Annotated[str, Query(max_length=200, description="a name, alias or its beginning")],
           type: Annotated[Optional[Literal["person", "organization", "location"]], Query()] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[models.SearchHit]:
    return [models.SearchHit(id=m.id, type=m.type, name=m.name, aliases=list(m.aliases), matched=m.matched,
                             exact=m.exact) for m in _kb(request).search(q, type, limit)]


@router.get("/entities/{entity_id}", response_model=models.Profile,
            summary="An entity's names, relations and events with their evidence and sources")
def entity(request: Request, entity_id: EntityId, as_of: AsOf = None) -> models.Profile:
    kb = _kb(request)
    return _profile(kb, kb.entity(_ref(entity_id), as_of, records=False))


@router.get("/entities/{entity_id}/timeline", response_model=list[models.Moment],
            summary="Events and the starts and ends of relations, oldest first")
def timeline(request: Request, entity_id: EntityId) -> list[models.Moment]:
    kb = _kb(request)
    moments = kb.timeline(_ref(entity_id))
    documents = claim_documents(kb.store, {c.id for m in moments for c in m.fact.claims})
    out = []
    for m in moments:
        evidence, more = _fact_evidence(m.fact, documents)
        out.append(models.Moment(date=m.date, approx=m.approx, what=m.what, kind=m.fact.kind, type=m.fact.type,
                                 parties=[_party(p) for p in m.fact.parties], documents=m.fact.documents,
                                 evidence=evidence, more_evidence=more))
    return out


@router.get("/entities/{entity_id}/leaders", response_model=list[models.Tenure],
            summary="The leaders of an organization, oldest first; as of a date, those in office then")
def leaders(request: Request, entity_id: EntityId, as_of: AsOf = None) -> list[models.Tenure]:
    kb = _kb(request)
    tenures = kb.leaders(_ref(entity_id), as_of)
    documents = claim_documents(kb.store, {c.id for t in tenures for c in t.claims})
    return [models.Tenure(person=models.EntityRef(id=t.person.entity_id, name=t.person.name, type=t.person.type),
                          start=t.start, end=t.end, role=t.role, approx=t.approx, how=t.how,
                          evidence=[_evidence(c, e, documents) for c in t.claims for e in c.evidence],
                          more_claims=t.more_claims) for t in tenures]


@router.get("/graph", response_model=models.Graph, summary="The network around an entity")
def graph(request: Request, centre: Annotated[int, Query(ge=1, le=MAX_ID, description="the entity in the middle")],
          depth: Annotated[int, Query(ge=1, le=3)] = 1, as_of: AsOf = None,
          types: Annotated[Optional[str], Query(max_length=100, description="entity types to show, comma-separated"
                                                 " (default: all)")] = None) -> models.Graph:
    kb = _kb(request)
    shown = _types(types)
    date = _date(as_of)
    net = kb.network(_ref(centre), depth, limit=GRAPH_NODES)
    edges = _with_tenures(kb, centre, net)
    if date:  # a relation holds when its period, from all the claims that state it, holds
        edges = [e for e in edges if holds(e.start, e.end, date, e.approx)]
    types_of = {n.id: n.type for n in net.nodes}
    edges = [e for e in edges if all(i == centre or shown is None or types_of[i] in shown for i in (e.source, e.target))]
    distance = _distances(centre, edges, depth)
    nodes = [n for n in net.nodes if n.id in distance]
    edges = [e for e in edges if e.source in distance and e.target in distance]
    dates = [d for e in edges for d in (e.start, e.end) if d]
    return models.Graph(
        centre=centre, depth=depth, as_of=date,
        nodes=[models.Node(id=n.id, name=n.name, type=n.type, distance=distance[n.id]) for n in nodes],
        edges=[models.Edge(id=f"{e.source}-{e.type}-{e.target}", source=e.source, target=e.target, type=e.type,
                           start=e.start, end=e.end, approx=e.approx, documents=list(e.documents)) for e in edges],
        span=models.Span(first=min(dates) if dates else None, last=max(dates) if dates else None),
        limited=len(net.nodes) >= GRAPH_NODES)


def _date(as_of: str | None) -> str | None:
    """An as-of date as a partial date; 422 naming it when it is none."""
    try:
        return normalise(as_of) if as_of is not None else None
    except ValueError:
        raise UsageError(f"'{as_of}' is not a date", "give the as-of date as YYYY, YYYY-MM or YYYY-MM-DD") from None


def _distances(centre: int, edges: list[Edge], depth: int) -> dict[int, int]:
    """How many of these relations away from the centre each entity is, up to `depth`."""
    around: dict[int, set[int]] = {}
    for e in edges:
        around.setdefault(e.source, set()).add(e.target)
        around.setdefault(e.target, set()).add(e.source)
    distance = {centre: 0}
    frontier = [centre]
    for step in range(1, depth + 1):
        frontier = [b for a in frontier for b in around.get(a, ()) if b not in distance]
        distance.update((b, step) for b in frontier if b not in distance)
    return distance


def _with_tenures(kb: KnowledgeBase, centre: int, net: Neighbourhood) -> list[Edge]:
    """The edges of a network, those that lead the centre organization ending when `leaders` has the
    tenure end (the next leader's start, a removal), so that the graph and the leaders agree on a date."""
    leading = [e for e in net.edges if e.type == "leader_of" and e.target == centre and not e.end]
    if not leading or next(n for n in net.nodes if n.id == centre).type != "organization":
        return list(net.edges)
    ends = {t.person.entity_id: t.end for t in kb.leaders(_ref(centre))}
    return [replace(e, end=ends.get(e.source)) if e in leading else e for e in net.edges]


def _types(given: str | None) -> set[str] | None:
    from dossier.ontology import ontology
    if not given:
        return None
    wanted = {t.strip() for t in given.split(",") if t.strip()}
    unknown = sorted(wanted - set(ontology().entity_types))
    if unknown:
        raise UsageError(f"unknown entity type '{unknown[0]}'", f"use some of: {', '.join(ontology().entity_types)}")
    return wanted


@router.get("/documents", response_model=list[models.DocumentSummary], summary="Every stored document")
def documents(request: Request) -> list[models.DocumentSummary]:
    return [models.DocumentSummary(id=d.id, name=d.name, title=d.title, date=d.date, format=d.format, words=d.words,
                                   sources=d.sources, entities=d.entities, claims=d.claims)
            for d in _kb(request).documents()]


@router.get("/documents/{document_id}", response_model=models.Document,
            summary="A document's text with its sentences, mentions and footnote markers")
def document(request: Request, document_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> models.Document:
    d = document_text(_kb(request).store, document_id)
    return models.Document(
        id=d.id, name=d.name, title=d.title, date=d.date, publisher=d.publisher, url=d.url, authors=list(d.authors),
        text=d.text, sentences=[models.TextSpan(start=s, end=e) for s, e in d.sentences],
        mentions=[models.Mention(start=m.start, end=m.end, entity_id=m.entity_id, name=m.name, type=m.type)
                  for m in d.mentions],
        footnotes=[models.Footnote(start=f.start, end=f.end, marker=f.marker, source_ids=list(f.source_ids))
                   for f in d.footnotes],
        sources=[_source(s) for s in d.sources])


@router.get("/conflicts", response_model=list[models.Conflict],
            summary="Statements that contradict each other, about one entity or any")
def conflicts(request: Request, entity: Annotated[Optional[int], Query(ge=1, le=MAX_ID)] = None
              ) -> list[models.Conflict]:
    kb = _kb(request)
    found = kb.conflicts(_ref(entity) if entity is not None else None)
    documents = claim_documents(kb.store, {c.id for x in found for c in (x.first, x.second)})
    return [_conflict(c, documents) for c in found]


# ---- the analyst's review and decisions -----------------------------------------------------------

def _reviewed(kb: KnowledgeBase, reviews) -> list[models.Review]:
    documents = claim_documents(kb.store, {r.claim.id for r in reviews})
    return [models.Review(claim=_claim(r.claim, documents), reviewed=_claim(r.reviewed, documents), status=r.status,
                          changes=r.changes, note=r.note, decision=r.decision, reviewed_at=r.reviewed_at)
            for r in reviews]


@router.get("/review", response_model=models.ReviewPage, summary="Claims by review status, with their evidence")
def review_queue(request: Request, status: Status = "pending", limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0) -> models.ReviewPage:
    kb = _kb(request)
    found, total = kb.reviews(status, limit, offset)
    return models.ReviewPage(total=total, limit=limit, offset=offset, items=_reviewed(kb, found))


@router.post("/claims/{claim_id}/review", response_model=models.Review,
             responses={409: {"model": models.Error}, 503: {"model": models.Error}},
             summary="Accept, reject or edit a claim; kept through re-ingest")
def review_claim(request: Request, claim_id: Annotated[int, Path(ge=1, le=MAX_ID)],
                 body: models.ReviewRequest) -> models.Review:
    changes = body.changes.model_dump(exclude_unset=True) if body.changes else None
    with request.app.state.workspace.writer() as kb:
        done = kb.review(claim_id, body.verdict, changes, body.note)
        return _reviewed(kb, [done])[0]


def _decision(d) -> models.Decision:
    return models.Decision(id=d.id, kind=d.kind, type=d.type, names=list(d.names), others=list(d.others),
                           text=decision_text(d), note=d.note, created_at=d.created_at, undone_at=d.undone_at)


@router.get("/decisions", response_model=list[models.Decision], summary="The analyst's merges and splits")
def decisions(request: Request) -> list[models.Decision]:
    return [_decision(d) for d in _kb(request).decisions()]


@router.post("/merge", response_model=models.Decision, responses={409: {"model": models.Error}},
             summary="Make two entities one")
def merge(request: Request, body: models.MergeRequest) -> models.Decision:
    with request.app.state.workspace.writer() as kb:
        return _decision(kb.merge(body.a, body.b, body.note))


@router.post("/split", response_model=models.Decision, responses={409: {"model": models.Error}},
             summary="Part the records that use one name from an entity")
def split(request: Request, body: models.SplitRequest) -> models.Decision:
    with request.app.state.workspace.writer() as kb:
        return _decision(kb.split(body.name, body.alias, body.note))


@router.post("/decisions/{decision_id}/undo", response_model=models.Decision, responses={409: {"model": models.Error}},
             summary="Withdraw a merge or split")
def undo(request: Request, decision_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> models.Decision:
    with request.app.state.workspace.writer() as kb:
        return _decision(kb.undo(decision_id))


# ---- uploads -------------------------------------------------------------------------------------

@router.post("/upload", response_model=models.JobStarted, status_code=202, summary="Store new documents; poll /api/jobs/{job}")
def upload(request: Request, files: Annotated[list[UploadFile], File(description="reports to ingest")]
           ) -> models.JobStarted:
    if not files:
        raise UsageError("no files uploaded", "choose one or more reports to upload")
    jobs = request.app.state.workspace.jobs
    folder = jobs.folder()
    saved = []
    try:
        for f in files:
            target = folder / upload_name(f.filename)
            _save(f, target)
            saved.append(target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return models.JobStarted(job=jobs.submit(saved).id)


def _save(upload: UploadFile, target: pathlib.Path) -> None:
    """Write an uploaded file, refusing it as soon as it is larger than a document may be."""
    written = 0
    with open(target, "wb") as out:
        while chunk := upload.file.read(1 << 20):
            written += len(chunk)
            if written > MAX_BYTES:
                raise UsageError(f"{target.name} is larger than {MAX_BYTES // 2**20} MB", "upload a smaller file")
            out.write(chunk)


@router.get("/jobs/{job_id}", response_model=models.Job, summary="The progress of an upload")
def job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> models.Job:
    found = request.app.state.workspace.jobs.get(job_id)
    if found is None:
        raise NotFound(f"no upload job '{job_id}'", "start one with POST /api/upload")
    return models.Job(id=found.id, state=found.state, done=found.done, total=found.total, message=found.message,
                      results=[models.FileOutcome(file=r.file, status=r.status, message=r.message)
                               for r in found.results])
