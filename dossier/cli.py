"""The `dossier` command: a thin layer over the library API."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dossier.ingest import DEFAULT_EXTRACTOR, FileResult, ingest as run_ingest
from dossier.errors import DossierError, UsageError
from dossier.knowledge_base import KnowledgeBase
from dossier.read import MAX_BYTES
from dossier.store.sqlite import default_path

try:  # Typer >= 0.22 vendors Click; its exceptions derive from TyperException
    from typer import TyperException as CommandLineError
except ImportError:  # older Typer raises Click's own
    from click import ClickException as CommandLineError

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False,
                  help="Turn reports about armed groups into a sourced, time-aware knowledge base.")
# Wide enough for tables when the output goes to a file or a pipe rather than a terminal.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

DB = typer.Option(None, "--db", envvar="DOSSIER_DB", help="Database file (default ./dossier.db).",
                  show_default=False)
JSON = typer.Option(False, "--json", help="Print JSON for machines.")
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
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=as_json or not err.is_terminal)
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
    try:
        with _kb(db) as kb:
            docs = kb.documents()
    except DossierError as e:
        fail(e)
    if as_json:
        print_json([asdict(d) for d in docs])
    else:
        out.print(documents_table(docs))


@app.command()
def sources(document: Optional[str] = typer.Argument(None, help="Document name (default: all)."),
            db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """List the sources (footnotes, references, links) cited by one document or all."""
    from dossier.render import sources_table
    try:
        with _kb(db) as kb:
            found = kb.sources(document)
    except DossierError as e:
        fail(e)
    if as_json:
        print_json([asdict(s) for s in found])
    else:
        out.print(sources_table(found, with_document=document is None))


@app.command()
def entities(type: Optional[str] = typer.Option(None, "--type", help="person, organization or location."),
             db: Optional[str] = DB, as_json: bool = JSON) -> None:
    """List resolved entities with how many names, documents and claims each has."""
    from dossier.render import entities_table
    try:
        with _kb(db) as kb:
            found = kb.entities(type)
    except DossierError as e:
        fail(e)
    if as_json:
        print_json([asdict(e) for e in found])
    else:
        out.print(entities_table(found))


@app.command()
def show(name: str = typer.Argument(..., help="Any name or alias of the entity."), db: Optional[str] = DB,
         as_json: bool = JSON) -> None:
    """Profile of an entity: its names (and who uses them), relations and events, each with its evidence."""
    from dossier.render import profile_view
    try:
        with _kb(db) as kb:
            profile = kb.entity(name)
    except DossierError as e:
        fail(e)
    if as_json:
        print_json(asdict(profile))
    else:
        out.print(profile_view(profile))


@app.command()
def export(format: str = typer.Option(..., "--format", help="extract-json"), out_dir: Path = typer.Option(
        ..., "--out", help="Folder to write into."), db: Optional[str] = DB) -> None:
    """Write the knowledge base for other tools; nothing is left half-written on error."""
    try:
        with _kb(db) as kb:
            written = kb.export(format, out_dir)
    except DossierError as e:
        fail(e)
    out.print(f"wrote {len(written)} files to {out_dir}", highlight=False)


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
