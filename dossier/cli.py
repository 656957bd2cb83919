"""The `dossier` command: a thin layer over the library API."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dossier.ingest import DEFAULT_EXTRACTOR, FileResult, ingest as run_ingest
from dossier.errors import DossierError, NotFound, UsageError
from dossier.knowledge_base import MAX_PATH, KnowledgeBase
from dossier.read import MAX_BYTES
from dossier.store.sqlite import default_path

try:  # Typer >= 0.22 vendors Click; its exceptions derive from TyperException
    from typer import TyperException as CommandLineError
except ImportError:  # older Typer raises Click's own
    from click import ClickException as CommandLineError

T = TypeVar("T")
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False,
                  help="Turn reports about armed groups into a sourced, time-aware knowledge base.")
# Wide enough for tables when the output goes to a file or a pipe rather than a terminal.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

DB = typer.Option(None, "--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).",
                  show_default=False)
JSON = typer.Option(False, "--json", help="Print JSON for machines.")
NAME = typer.Argument(..., help="Any name or alias of the entity, or #ID.", show_default=False)
AS_OF = typer.Option(None, "--as-of", help="A date (YYYY, YYYY-MM or YYYY-MM-DD): only what holds then.",
                     show_default=False)
NOTE = typer.Option(None, "--note", help="Why: kept with the decision.", show_default=False)
MODEL = typer.Option(None, "--model", help="An installed spaCy pipeline (package name or folder) whose named "
                     "entities help type names; never downloaded.", show_default=False)


@app.callback(invoke_without_command=True)
def overview(ctx: typer.Context) -> None:
    """Turn reports about armed groups into a sourced, time-aware knowledge base."""
    if ctx.invoked_subcommand is None:
        out.print(ctx.get_help(), highlight=False)


def fail(error: DossierError) -> None:
    """Print one clear line for a user error and exit (2 for usage, 1 otherwise)."""
    err.print(f"[red]Error:[/red] {error.line()}", markup=True, highlight=False, soft_wrap=True)
    raise typer.Exit(2 if isinstance(error, UsageError) else 1)


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=str) + "\n")


def _model_option(model: Optional[str]) -> dict:
    """Extractor options for `--model` (none when it is not given, so any extractor accepts them)."""
    return {"model": model} if model else {}


def _kb(db: Optional[str]) -> KnowledgeBase:
    return KnowledgeBase(db or default_path())


def _ask(db: Optional[str], question: Callable[[KnowledgeBase], T]) -> T:
    """The answer of the knowledge base to a question; a user error becomes one line and the exit."""
    try:
        with _kb(db) as kb:
            return question(kb)
    except DossierError as e:
        fail(e)


def _show(answer, as_json: bool, view: Callable) -> None:
    """An answer as JSON (dataclasses as objects) or as the terminal view of it."""
    if as_json:
        print_json([asdict(a) for a in answer] if isinstance(answer, list) else asdict(answer))
    else:
        out.print(view(answer))


def _bar(hidden: bool) -> Progress:
    """A progress bar on stderr, shown only on a terminal and not when the output is JSON."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=hidden or not err.is_terminal)


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively).", show_default=False),
           db: Optional[str] = DB,
           extractor: str = typer.Option(DEFAULT_EXTRACTOR, help="Extractor to use."),
           model: Optional[str] = MODEL,
           workers: int = typer.Option(0, help="Processes to use (0: one per core)."),
           encoding: Optional[str] = typer.Option(None, help="Encoding of text files that are not UTF-8."),
           max_size: float = typer.Option(MAX_BYTES / 2**20, help="Largest file to read, in MB."),
           exclude: list[str] = typer.Option([], help="Glob of files to leave out (repeatable)."),
           force: bool = typer.Option(False, help="Re-read files even when unchanged."),
           strict: bool = typer.Option(False, help="Exit non-zero when any file fails."),
           as_json: bool = JSON) -> None:
    """Read, extract and store documents (PDF, HTML, Markdown, text); one transaction per document."""
    progress = _bar(as_json)
    task = None
    stored = 0

    def started(total: int) -> None:
        nonlocal task
        task = progress.add_task("ingesting", total=total)

    def finished(result: FileResult) -> None:
        nonlocal stored
        stored += result.status in ("added", "updated")
        progress.advance(task)
        if as_json:
            return
        if result.status == "failed":
            err.print(f"[red]Error:[/red] {result.message}", highlight=False, soft_wrap=True)
            return
        detail = (f"{result.entities} entities, {result.claims} claims, {result.sources} sources"
                  if result.status in ("added", "updated") else result.message)
        out.print(f"{result.status:>9}  {result.path}  [dim]{detail}[/dim]", highlight=False, soft_wrap=True)

    try:
        with progress:
            report = run_ingest(
                paths, db or default_path(), extractor=extractor, extractor_options=_model_option(model),
                workers=workers or None, encoding=encoding,
                max_bytes=int(max_size * 2**20), exclude=tuple(exclude), force=force, on_start=started,
                on_result=finished)
    except DossierError as e:
        fail(e)
    except KeyboardInterrupt:
        err.print(f"[red]Error:[/red] interrupted; {stored} documents stored — run the same command again to "
                  "store the rest", highlight=False, soft_wrap=True)
        raise typer.Exit(130) from None
    if as_json:
        print_json({"results": [asdict(r) for r in report.results], "skipped": dict(report.skipped)})
    else:
        counts = ", ".join(f"{report.count(s)} {s}" for s in ("added", "updated", "unchanged", "duplicate", "failed")
                           if report.count(s))
        skipped = ", ".join(f"{n} {ext}" for ext, n in sorted(report.skipped.items()))
        out.print(f"{len(report.results)} files: {counts or 'nothing to do'}"
                  + (f"; skipped {skipped} (not a readable format)" if skipped else ""), highlight=False)
    if not report.stored_any or (strict and not report.ok):
        raise typer.Exit(1)


@app.command()
def extract(path: Path = typer.Argument(..., help="A report (PDF, HTML, Markdown or text).", show_default=False),
            extractor: str = typer.Option(DEFAULT_EXTRACTOR, help="Extractor to use."),
            model: Optional[str] = MODEL,
            encoding: Optional[str] = typer.Option(None, help="Encoding of a text file that is not UTF-8."),
            as_json: bool = typer.Option(False, "--json", help="Print dossier-extract/1 JSON.")) -> None:
    """Show what the extractor finds in one file, without storing anything."""
    from dossier.export.extract_json import to_extract_json
    from dossier.ingest import extract_file
    from dossier.render import extraction_view
    try:
        doc, extraction = extract_file(path, extractor, encoding=encoding, extractor_options=_model_option(model))
    except DossierError as e:
        fail(e)
    if as_json:
        meta = {"title": doc.title, "date": doc.date, "authors": doc.authors, "publisher": doc.publisher}
        print_json(to_extract_json(meta, extraction, doc.sources))
    else:
        out.print(extraction_view(doc, extraction))
    for warning in (*doc.warnings, *extraction.warnings):
        err.print(f"[yellow]Warning:[/yellow] {path}: {warning}", highlight=False, soft_wrap=True)


@app.command()
def documents(db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """List stored documents with their size and what was extracted."""
    from dossier.render import documents_table
    _show(_ask(db, lambda kb: kb.documents()), as_json, documents_table)


@app.command()
def sources(document: Optional[str] = typer.Argument(None, help="Document name (default: all)."),
            db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """List the sources (footnotes, references, links) cited by one document or all."""
    from dossier.render import sources_table
    _show(_ask(db, lambda kb: kb.sources(document)), as_json,
          lambda found: sources_table(found, with_document=document is None))


@app.command()
def entities(type: Optional[str] = typer.Option(None, "--type", help="person, organization or location."),
             db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """List resolved entities with how many names, documents and claims each has."""
    from dossier.render import entities_table
    _show(_ask(db, lambda kb: kb.entities(type)), as_json, entities_table)


@app.command()
def show(name: str = NAME, as_of: Optional[str] = AS_OF, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Profile of an entity: its names (and who uses them), relations and events, each with its evidence."""
    from dossier.render import profile_view
    _show(_ask(db, lambda kb: kb.entity(name, as_of)), as_json, profile_view)


@app.command()
def explain(name: str = NAME, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Why an entity holds its names: which document uses which, why each joined, the decisions that apply."""
    from dossier.render import explanation_view
    _show(_ask(db, lambda kb: kb.explain(name)), as_json, explanation_view)


@app.command()
def merge(a: str = typer.Argument(..., help="A name (or #ID) of one entity.", show_default=False),
          b: str = typer.Argument(..., help="A name (or #ID) of the other entity.", show_default=False),
          note: Optional[str] = NOTE, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Make two entities one; the decision is kept through re-ingest until `dossier undo` withdraws it."""
    _show(_ask(db, lambda kb: kb.merge(a, b, note)), as_json, _decided)


@app.command()
def split(name: str = NAME,
          alias: str = typer.Argument(..., help="The name whose documents' records become an entity of their own.",
                                      show_default=False),
          note: Optional[str] = NOTE, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Part the records that use one name from an entity; kept through re-ingest until undone."""
    _show(_ask(db, lambda kb: kb.split(name, alias, note)), as_json, _decided)


def _decided(decision) -> str:
    from dossier.render import decision_text
    return escape(f"decision #{decision.id}: {decision_text(decision)}" + (" (undone)" if decision.undone_at else ""))


@app.command()
def decisions(db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """List the analyst's merges and splits, undone ones too."""
    from dossier.render import decisions_table
    _show(_ask(db, lambda kb: kb.decisions()), as_json, decisions_table)


@app.command()
def undo(decision: str = typer.Argument(..., help="The decision's number, as `dossier decisions` shows it.",
                                        show_default=False),
         db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Withdraw a merge or split; the entities it touched are re-clustered without it."""
    number = _whole_number(decision.removeprefix("#"), decision, "a decision number",
                           "give the number `dossier decisions` shows")
    _show(_ask(db, lambda kb: kb.undo(number)), as_json, _decided)


def _whole_number(text: str, given: str, what: str, hint: str) -> int:
    """A whole number written on the command line; one error line naming what was given when it is none."""
    try:
        return int(text)
    except ValueError:
        fail(UsageError(f"'{given}' is not {what}", hint))


@app.command()
def conflicts(name: Optional[str] = typer.Argument(None, help="Only the conflicts about this entity (default: all).",
                                                   show_default=False),
              db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Statements that contradict each other, side by side, each with its sentence and sources."""
    from dossier.render import conflicts_view
    with _bar(as_json) as bar:
        task = bar.add_task("looking for conflicts", total=None)
        found = _ask(db, lambda kb: kb.conflicts(name, lambda done, total: bar.update(task, completed=done,
                                                                                         total=total)))
    _show(found, as_json, conflicts_view)


@app.command()
def leaders(org: str = typer.Argument(..., help="Any name of the organization, or #ID.", show_default=False),
            as_of: Optional[str] = AS_OF, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Who led an organization, when (at the precision the sources give) and on whose word."""
    from dossier.render import leaders_view
    _show(_ask(db, lambda kb: kb.leaders(org, as_of)), as_json, lambda found: leaders_view(org, found, as_of))


@app.command()
def timeline(name: str = NAME, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Events and the starts and ends of relations of an entity, oldest first, each with its source."""
    from dossier.render import timeline_table
    _show(_ask(db, lambda kb: kb.timeline(name)), as_json, timeline_table)


@app.command()
def path(a: str = typer.Argument(..., help="Where the path starts: any name, or #ID.", show_default=False),
         b: str = typer.Argument(..., help="Where it ends: any name, or #ID.", show_default=False),
         as_of: Optional[str] = AS_OF, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """The shortest chain of relations between two entities, each hop with its sentence and citation."""
    from dossier.render import path_view
    hops = _ask(db, lambda kb: kb.path(a, b, as_of))
    if not hops:
        fail(NotFound(f"no path between '{a}' and '{b}' within {MAX_PATH} relations"
                      + (f" as of {as_of}" if as_of else ""), "see what each is tied to with `dossier network NAME`"))
    _show(hops, as_json, path_view)


@app.command()
def network(name: str = NAME, depth: str = typer.Option("1", "--depth", help="How many relations away to go."),
            as_of: Optional[str] = AS_OF, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """The entities around one entity and the relations between them (--json: nodes and edges)."""
    from dossier.render import network_view
    steps = _whole_number(depth, depth, "a depth", "give --depth as a whole number, 1 or more")
    _show(_ask(db, lambda kb: kb.network(name, steps, as_of)), as_json, network_view)


@app.command()
def analyze(as_of: Optional[str] = AS_OF,
            org: Optional[str] = typer.Option(None, "--org", help="Also report on this organization: members by "
                                              "origin and period, succession, brokers.", show_default=False),
            db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Central actors, communities and brokers of the network, each broker, member and leader with its sources."""
    from dossier.analysis.render import analysis_view
    with _bar(as_json) as bar:
        task = bar.add_task("analyzing", total=None)
        found = _ask(db, lambda kb: kb.analyze(as_of, org, lambda step: bar.update(task, description=step)))
    _show(found, as_json, analysis_view)


@app.command()
def export(format: str = typer.Option(..., "--format", help="stix, csv, extract-json, graphml, gexf or briefing."),
        out_dir: Path = typer.Option(..., "--out", help="Folder to write into."),
        entity: Optional[str] = typer.Option(None, "--entity", help="Only this entity's neighbourhood (any name, "
                                             "or #ID).", show_default=False),
        depth: str = typer.Option("1", "--depth", help="With --entity: how many relations away to go."),
        as_of: Optional[str] = AS_OF, db: Optional[str] = DB) -> None:
    """Write the knowledge base for other tools; nothing is left half-written on error."""
    steps = _whole_number(depth, depth, "a depth", "give --depth as a whole number, 1 or more")
    with _bar(False) as bar:
        task = bar.add_task("exporting", total=None)
        written = _ask(db, lambda kb: kb.export(format, out_dir, entity=entity, depth=steps, as_of=as_of,
                                                progress=lambda done, total: bar.update(task, completed=done,
                                                                                        total=total)))
    out.print(f"wrote {len(written)} file{'s' if len(written) != 1 else ''} to {out_dir}", highlight=False)


# ---- the analyst's review of claims, and the web workspace ---------------------------------------

CLAIM = typer.Argument(..., help="The claim's number, as `dossier review` shows it.", show_default=False)


@app.command()
def review(status: str = typer.Option("pending", "--status", help="pending, accepted, rejected or edited."),
           limit: int = typer.Option(50, "--limit", help="How many claims to show."),
           offset: int = typer.Option(0, "--offset", help="How many to skip."),
           db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Claims to review (or reviewed ones, by --status), each with its number, statement and evidence."""
    from dossier.render import reviews_view
    found, total = _ask(db, lambda kb: kb.reviews(status, limit, offset))
    if as_json:
        print_json({"total": total, "claims": [{**asdict(r), "reviewed": asdict(r.reviewed)} for r in found]})
    else:
        out.print(reviews_view((found, total), status))


def _reviewed(db: Optional[str], claim: str, verdict: str, changes: dict | None, note: Optional[str],
              as_json: bool) -> None:
    from dossier.render import review_line
    number = _whole_number(claim.removeprefix("#"), claim, "a claim number", "give the number `dossier review` shows")
    done = _ask(db, lambda kb: kb.review(number, verdict, changes, note))
    if as_json:
        print_json({**asdict(done), "reviewed": asdict(done.reviewed)})
    else:
        out.print(review_line(done))


@app.command()
def accept(claim: str = CLAIM, note: Optional[str] = NOTE, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Mark a claim as checked and right; kept through re-ingest."""
    _reviewed(db, claim, "accept", None, note, as_json)


@app.command()
def reject(claim: str = CLAIM, note: Optional[str] = NOTE, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Mark a claim as wrong: profiles, leaders, timelines, networks and exports leave it out."""
    _reviewed(db, claim, "reject", None, note, as_json)


@app.command()
def edit(claim: str = CLAIM,
         type: Optional[str] = typer.Option(None, "--type", help="Another relation or event type.", show_default=False),
         role: Optional[str] = typer.Option(None, "--role", help="A relation's role or post.", show_default=False),
         start: Optional[str] = typer.Option(None, "--start", help="A relation's start (YYYY[-MM[-DD]]).",
                                             show_default=False),
         end: Optional[str] = typer.Option(None, "--end", help="A relation's end (YYYY[-MM[-DD]]).",
                                           show_default=False),
         date: Optional[str] = typer.Option(None, "--date", help="An event's date (YYYY[-MM[-DD]]).",
                                            show_default=False),
         note: Optional[str] = NOTE, db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """Correct a claim's type, role or dates; the document's own version is kept beside the edit."""
    given = {"type": type, "role": role, "start": start, "end": end, "date": date}
    _reviewed(db, claim, "edit", {k: v for k, v in given.items() if v is not None}, note, as_json)


@app.command()
def serve(db: Optional[str] = DB,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; any but this machine's "
                                   "own (127.0.0.1, ::1, localhost) needs --token."),
          port: int = typer.Option(8765, "--port", help="Port to listen on."),
          token: Optional[str] = typer.Option(None, "--token", envvar="DOSSIER_TOKEN",
                                              help="Access token every request must carry (Authorization: Bearer "
                                                   "TOKEN, or ?token=TOKEN once in a browser).", show_default=False)
          ) -> None:
    """The knowledge base as a local web workspace: search, profiles, network, documents, review, upload."""
    from dossier.web.app import check_binding, create_app, run
    try:
        check_binding(host, token)
        application = create_app(db or default_path(), token=token)
    except DossierError as e:
        fail(e)
    address = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    err.print(f"dossier serve: {address}" + ("?token=TOKEN once, to set the browser's cookie" if token else "")
              + "  (Ctrl-C to stop)", highlight=False, soft_wrap=True)
    run(application, host, port)


def main() -> None:
    """Entry point of the `dossier` console script: usage errors in one line too."""
    try:
        code = app(standalone_mode=False)
    except CommandLineError as e:
        ctx = getattr(e, "ctx", None)
        command = ctx.command_path if ctx else "dossier"
        err.print(f"[red]Error:[/red] {escape(e.format_message())} — see `{escape(command)} --help`",
                  highlight=False, soft_wrap=True)
        code = getattr(e, "exit_code", 2)
    sys.exit(code or 0)
