"""The web workspace's application: the JSON API under /api, the HTML pages, and the guards every
request passes (access token, this machine's own host names, same-origin writes)."""
from __future__ import annotations

import hmac
import ipaddress
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dossier import __version__
from dossier.errors import AmbiguousName, DecisionError, DossierError, NotFound, StoreError, UsageError
from dossier.knowledge_base import KnowledgeBase
from dossier.web.jobs import Jobs

LOOPBACK_NAMES = ("localhost",)
TOKEN_COOKIE = "dossier_token"
STATUS = [(NotFound, 404), (DecisionError, 409), (StoreError, 503), (UsageError, 422), (AmbiguousName, 422),
          (DossierError, 422)]  # the first class an error is an instance of gives its status


def is_loopback(host: str) -> bool:
    """Whether an address or host name is this machine's own (127.0.0.0/8, ::1, localhost)."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    """Refuse to listen where other machines can reach the workspace without an access token."""
    if not is_loopback(host) and not token:
        raise UsageError(f"--host {host} can be reached from other machines, and no access token is set",
                         "give one with --token or DOSSIER_TOKEN, or listen on 127.0.0.1")


class Workspace:
    """What the requests of one server share: the database path, one reading connection per thread
    (SQLite connections are not shared between threads), the writers' lock and the upload jobs."""

    def __init__(self, db: Path) -> None:
        self.db = db
        KnowledgeBase(db).close()  # a missing or foreign database is refused before serving
        self.local = threading.local()
        self.write_lock = threading.Lock()
        self.jobs = Jobs(db)

    def reader(self) -> KnowledgeBase:
        """This thread's knowledge base, opened for reading."""
        kb = getattr(self.local, "kb", None)
        if kb is None:
            kb = self.local.kb = KnowledgeBase(self.db)
        return kb

    @contextmanager
    def writer(self) -> Iterator[KnowledgeBase]:
        """A knowledge base for one decision; one decision at a time."""
        with self.write_lock:
            kb = KnowledgeBase(self.db)
            try:
                yield kb
            finally:
                kb.close()


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The workspace over one knowledge base; with a token, every request must carry it."""
    from dossier.web.api import router as api_router
    from dossier.web.pages import router as pages_router, static_files
    app = FastAPI(title="dossier", version=__version__,
                  description="A sourced, time-aware knowledge base about armed groups: search, profiles, "
                              "networks, documents, review of claims, analyst decisions and uploads.")
    app.state.workspace = Workspace(Path(db))
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", static_files(), name="static")
    _add_error_answers(app)
    _add_guards(app, token or None)
    return app


def _add_error_answers(app: FastAPI) -> None:
    """Every error as {"detail": one line}: the user's errors with their status, bad values as 422."""

    @app.exception_handler(DossierError)
    async def user_error(request: Request, error: DossierError) -> JSONResponse:
        status = next(code for kind, code in STATUS if isinstance(error, kind))
        return JSONResponse({"detail": error.line()}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def bad_value(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _first_problem(error)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(error.detail)}, status_code=error.status_code, headers=error.headers)


def _first_problem(error: RequestValidationError) -> str:
    """The first problem pydantic found, in one line naming where and what was given."""
    problems = error.errors()
    if not problems:
        return "the request is not valid"
    first = problems[0]
    where = " ".join(str(part) for part in first.get("loc", ()))
    given = first.get("input")
    shown = f" (got {given!r:.80})" if given is not None and not isinstance(given, (dict, list)) else ""
    return f"{where}: {first.get('msg', 'not valid')}{shown}"


def _add_guards(app: FastAPI, token: str | None) -> None:
    """With a token: every request carries it (header, cookie, or ?token= once, which sets the cookie).
    Without one (this machine only): requests must name this machine as their host, so that a web page
    elsewhere cannot reach the workspace through a name of its own. Writes must come from the
    workspace's own pages."""

    @app.middleware("http")
    async def guard(request: Request, call_next):
        from_query = request.query_params.get("token")
        if token:
            given = _bearer(request) or request.cookies.get(TOKEN_COOKIE) or from_query or ""
            if not hmac.compare_digest(given.encode(), token.encode()):
                return JSONResponse({"detail": "this workspace needs its access token: send the header "
                                               "'Authorization: Bearer TOKEN' or open a page with ?token=TOKEN"},
                                    status_code=401, headers={"WWW-Authenticate": "Bearer"})
        elif not is_loopback(urlsplit(f"//{request.headers.get('host', '')}").hostname or ""):
            return JSONResponse({"detail": f"host '{request.headers.get('host', '')}' is not this machine"},
                                status_code=400)
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD", "OPTIONS") and origin and \
                urlsplit(origin).netloc != request.headers.get("host"):
            return JSONResponse({"detail": f"a change requested from another site ({origin}) is refused"},
                                status_code=403)
        response = await call_next(request)
        if token and from_query and hmac.compare_digest(from_query.encode(), token.encode()):
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def run(app: FastAPI, host: str, port: int) -> None:
    """Serve until interrupted."""
    import uvicorn
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
