"""Ingest: files → read → extract → resolve → store, one transaction per document."""
from __future__ import annotations

import fnmatch
import hashlib
import multiprocessing
import os
import signal
from collections import Counter
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from dossier.errors import DossierError, UsageError
from dossier.model import Document, Extraction
from dossier.read import MAX_BYTES, read_document
from dossier.registry import Registry, build_registry
from dossier.resolve.entities import reconcile, resolve_entities
from dossier.store import Store, open_store
from dossier.store.sqlite import check_creatable, default_path
from dossier.store.fingerprints import claim_fingerprints

DEFAULT_EXTRACTOR = "builtin"


@dataclass(frozen=True)
class FileResult:
    """What happened to one file."""

    path: str
    status: str  # added | updated | unchanged | duplicate | failed
    message: str = ""
    entities: int = 0
    claims: int = 0
    sources: int = 0
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """What happened to every file of one run."""

    results: list[FileResult] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # extension → files in folders not read

    def count(self, status: str) -> int:
        """Number of files with this status."""
        return sum(r.status == status for r in self.results)

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return self.count("failed") == 0

    @property
    def stored_any(self) -> bool:
        """True when at least one file is in the store after the run (new, updated or unchanged)."""
        return any(r.status in ("added", "updated", "unchanged", "duplicate") for r in self.results)


def collect_files(paths: Iterable[str | Path], registry: Registry, exclude: tuple[str, ...] = ()
                  ) -> tuple[list[Path], list[FileResult], Counter]:
    """Files to read: given files as they are, folders recursively by known extension."""
    files: list[Path] = []
    problems: list[FileResult] = []
    skipped: Counter = Counter()
    seen: set[Path] = set()

    def excluded(p: Path) -> bool:
        return any(fnmatch.fnmatch(p.name, pat) or fnmatch.fnmatch(str(p), pat) for pat in exclude)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_dir() or any(part.startswith(".") for part in found.relative_to(path).parts):
                    continue
                if found.suffix.lower() not in registry.readers:
                    skipped[found.suffix.lower() or "(none)"] += 1
                elif not excluded(found) and found.resolve() not in seen:
                    seen.add(found.resolve())
                    files.append(found)
        elif path.exists() or path.is_symlink():
            if not excluded(path) and path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
        else:
            problems.append(FileResult(str(path), "failed", f"{path}: no such file or folder"))
    return files, problems, skipped


def _hash(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


# ---- work done in worker processes -------------------------------------------------------

_worker: dict = {}


def _init_worker(extractor: str, options: dict, plugins: bool) -> None:
    registry = build_registry(plugins)
    _worker.update(registry=registry, extractor=registry.extractor(extractor, **options))


def _init_pool_worker(extractor: str, options: dict, plugins: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the pool
    _init_worker(extractor, options, plugins)


def prepare(path: str, encoding: str | None, max_bytes: int) -> tuple[Document, Extraction] | DossierError:
    """Read and extract one file (in a worker); a user error comes back as a value."""
    try:
        doc = read_document(path, _worker["registry"].readers, encoding=encoding, max_bytes=max_bytes)
        return doc, _worker["extractor"].extract(doc)
    except DossierError as e:
        return e
    except RecursionError:
        return DossierError(f"{path}: structure nested too deeply to read")


def extract_file(path: str | Path, extractor: str = DEFAULT_EXTRACTOR, *, extractor_options: dict | None = None,
                 encoding: str | None = None, max_bytes: int = MAX_BYTES,
                 plugins: bool = True) -> tuple[Document, Extraction]:
    """Read and extract one file without storing anything."""
    registry = build_registry(plugins)
    chosen = registry.extractor(extractor, **(extractor_options or {}))  # a missing model fails before reading
    doc = read_document(path, registry.readers, encoding=encoding, max_bytes=max_bytes)
    return doc, chosen.extract(doc)


# ---- the run ---------------------------------------------------------------------------------

def ingest(paths: Iterable[str | Path], db: str | Path | None = None, *, extractor: str = DEFAULT_EXTRACTOR,
           extractor_options: dict | None = None, workers: int | None = None, encoding: str | None = None,
           max_bytes: int = MAX_BYTES, exclude: tuple[str, ...] = (), force: bool = False,
           on_start: Callable[[int], None] | None = None, on_result: Callable[[FileResult], None] | None = None,
           plugins: bool = True) -> IngestReport:
    """Read, extract and store every file; each document is stored completely or not at all.

    A new database file is created only when a first document is stored.
    """
    registry = build_registry(plugins)
    extractor_name = registry.extractor(extractor, **(extractor_options or {})).name
    files, problems, skipped = collect_files(paths, registry, exclude)
    report = IngestReport(skipped=skipped)
    target = _Target(Path(db or default_path()))
    try:
        if on_start:
            on_start(len(files) + len(problems))
        for result in problems:
            _record(report, result, on_result)
        todo: list[tuple[Path, str]] = []
        first_with: dict[str, Path] = {}
        for path in files:
            result, digest = _check_unchanged(target.existing, path, extractor_name, force, first_with)
            if result:
                _record(report, result, on_result)
            else:
                todo.append((path, digest))
        with _prepared(todo, extractor, extractor_options or {}, workers, encoding, max_bytes, plugins) as outcomes:
            for (path, digest), outcome in zip(todo, outcomes):
                if isinstance(outcome, DossierError):
                    _record(report, FileResult(str(path), "failed", outcome.line()), on_result)
                    continue
                _record(report, save(target.store(), *outcome), on_result)
        if target.existing is not None:
            reconcile(target.existing)  # entities that several documents tie together, re-clustered
    finally:
        target.close()
    return report


class _Target:
    """The store an ingest writes to, created only when there is something to store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.existing: Store | None = open_store(path, write=True) if path.exists() or path.is_symlink() else None
        if self.existing is None:
            check_creatable(path)

    def store(self) -> Store:
        """The store, created now if it does not exist yet."""
        if self.existing is None:
            self.existing = open_store(self.path, create=True)
        return self.existing

    def close(self) -> None:
        """Close the store if it was opened."""
        if self.existing is not None:
            self.existing.close()


def _record(report: IngestReport, result: FileResult, on_result) -> None:
    report.results.append(result)
    if on_result:
        on_result(result)


def _check_unchanged(store: Store | None, path: Path, extractor_name: str, force: bool,
                     first_with: dict[str, Path]) -> tuple[FileResult | None, str]:
    """A result when the file needs no work (same bytes, same extractor, or a duplicate)."""
    digest = _hash(path)
    if digest is None:
        return None, ""
    key = str(path.resolve())
    state = store.document_state(key) if store else None
    if not force and state and state["content_hash"] == digest and state["extractor"] == extractor_name:
        return FileResult(str(path), "unchanged", "unchanged"), digest
    if state is None:
        other = first_with.get(digest) or (store.path_with_hash(digest) if store else None)
        if other is not None and str(other) != key:
            return FileResult(str(path), "duplicate", f"same content as {other}; not stored twice"), digest
    first_with.setdefault(digest, path)
    return None, digest


@contextmanager
def _prepared(todo: list[tuple[Path, str]], extractor: str, options: dict, workers: int | None,
              encoding: str | None, max_bytes: int, plugins: bool) -> Iterator[Iterator]:
    """Prepared documents in input order, on several processes when there is enough work.

    Leaving early (an error, Ctrl-C) cancels the files not started yet instead of waiting for them.
    """
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(todo) < 2:
        _init_worker(extractor, options, plugins)
        yield (prepare(str(path), encoding, max_bytes) for path, _ in todo)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=context,
                               initializer=_init_pool_worker, initargs=(extractor, options, plugins))
    try:
        yield _in_order(pool, [str(path) for path, _ in todo], encoding, max_bytes, 2 * workers)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _in_order(pool: ProcessPoolExecutor, paths: list[str], encoding: str | None, max_bytes: int,
              ahead: int) -> Iterator:
    """Results in input order, with at most `ahead` files in flight, so that finished documents
    waiting to be stored never pile up in memory."""
    pending: deque = deque()
    queued = iter(paths)
    for path in queued:
        pending.append(pool.submit(prepare, path, encoding, max_bytes))
        if len(pending) >= ahead:
            break
    while pending:
        result = pending.popleft().result()
        path = next(queued, None)
        if path is not None:
            pending.append(pool.submit(prepare, path, encoding, max_bytes))
        yield result


def save(store: Store, doc: Document, extraction: Extraction) -> FileResult:
    """Store one document and its extraction in one transaction, replacing an earlier version."""
    key = str(Path(doc.path).resolve())
    doc = replace(doc, path=key)
    warnings = [*doc.warnings, *extraction.warnings]
    with store.transaction():
        existed = store.document_state(key) is not None
        store.delete_document(key)
        document_id = store.insert_document(doc, extraction.extractor, warnings)
        source_ids = store.insert_sources(document_id, doc)
        assignment, keys, blocking = resolve_entities(extraction, store)
        entity_ids = store.insert_entities(document_id, extraction.entities, assignment, keys, blocking)
        store.insert_claims(document_id, extraction, entity_ids, source_ids,
                            claim_fingerprints(doc.name, extraction, keys))
    claims = len(extraction.relations) + len(extraction.events)
    return FileResult(doc.path, "updated" if existed else "added", "", len(extraction.entities), claims,
                      len(doc.sources), tuple(warnings))


def check_paths(paths: list[str]) -> None:
    """Refuse an empty list of paths."""
    if not paths:
        raise UsageError("no files or folders given", "name at least one file or folder to ingest")
