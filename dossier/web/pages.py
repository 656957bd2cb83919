"""HTML pages of the web workspace: search, profile, network, timeline, document reader, review, upload.

Each page is a Jinja2 template (autoescaped) and a small script of our own that fills it from the
JSON API under /api with textContent, never innerHTML, so that names and sentences from documents
stay text. The graph library (Cytoscape.js) is vendored from npm at install time (setup.py).
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dossier.ontology import ontology

HERE = Path(__file__).parent
STATIC = HERE / "static"
GRAPH_LIBRARY = STATIC / "vendor" / "cytoscape.min.js"

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=HERE / "templates")


def static_files() -> StaticFiles:
    """Our own CSS and JavaScript, and the vendored graph library, served under /static."""
    return StaticFiles(directory=STATIC)


def vocabulary() -> dict:
    """The types the pages filter by and the labels they show, from the ontology."""
    onto = ontology()
    return {"entities": list(onto.entity_types),
            "relations": {name: r.label for name, r in onto.relations.items()},
            "events": {name: e.label for name, e in onto.events.items()}}


def page(request: Request, template: str, **context) -> HTMLResponse:
    """A page rendered from its template with the vocabulary every script reads."""
    return templates.TemplateResponse(request, template, {"vocabulary": vocabulary(), **context})


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", type: str = "") -> HTMLResponse:
    """Search across every name and alias, with type filters."""
    return page(request, "search.html", q=q, type=type)


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: int, as_of: str = "") -> HTMLResponse:
    """An entity's profile: names, relations with periods, events and conflicts, each with its evidence;
    as of a date, the relations that hold then and the events up to then."""
    return page(request, "entity.html", entity_id=entity_id, as_of=as_of)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, centre: int | None = None, depth: int = 1) -> HTMLResponse:
    """The network around an entity with an as-of slider, type filters and the leaders at that date."""
    return page(request, "network.html", centre=centre, depth=max(1, min(depth, 3)),
                graph_library=GRAPH_LIBRARY.is_file())


@router.get("/timeline/{entity_id}", response_class=HTMLResponse)
def timeline_page(request: Request, entity_id: int) -> HTMLResponse:
    """Dated events and the starts and ends of an entity's relations, oldest first."""
    return page(request, "timeline.html", entity_id=entity_id)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    """Every stored document."""
    return page(request, "documents.html")


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader_page(request: Request, document_id: int) -> HTMLResponse:
    """A document's text with its mentions highlighted and its footnote markers linked to their sources."""
    return page(request, "reader.html", document_id=document_id)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, status: str = "pending") -> HTMLResponse:
    """Extracted claims to accept, reject or edit; entities to merge or split."""
    return page(request, "review.html", status=status)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    """New documents to ingest, with a progress bar."""
    return page(request, "upload.html")
