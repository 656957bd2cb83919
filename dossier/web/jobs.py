"""Upload jobs: files received by the server are ingested one after another on a background thread,
through the library's `dossier.ingest` (one transaction per document), with progress per file.

A job's files wait in a temporary folder of their own until its turn comes; then they move into the
uploads folder beside the database (`kb-uploads/` for `kb.db`), so that the stored documents keep a
path that exists and a later upload of the same file name updates its document. Files that fail are
removed again. Readers go on reading meanwhile: a writing store journals in WAL mode.
"""
from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import DossierError, UsageError
from dossier.ingest import FileResult, ingest

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What happened to one uploaded file."""

    file: str
    status: str  # added | updated | unchanged | duplicate | failed
    message: str


@dataclass
class Job:
    """The ingest of the files of one upload."""

    id: str
    files: list[Path]  # in the job's temporary folder
    state: str = "queued"  # queued | running | done | failed
    done: int = 0
    total: int = 0
    message: str = ""
    results: list[Outcome] = field(default_factory=list)


def uploads_folder(db: Path) -> Path:
    """Where uploaded files are kept: beside the database, named after it."""
    return db.parent / f"{db.stem}-uploads"


def upload_name(name: str | None) -> str:
    """The file name an upload is kept under: its last part, without folders; an error when there is none."""
    base = Path((name or "").replace("\\", "/")).name.strip()
    if base in ("", ".", "..") or base.startswith(".") or "\x00" in base:
        raise UsageError(f"'{name}' is not a file name to keep an upload under", "upload a file with a plain name")
    return base


class Jobs:
    """The upload jobs of one server, run one at a time in the order received."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.jobs: dict[str, Job] = {}
        self.queue: queue.Queue[Job] = queue.Queue()
        self.lock = threading.Lock()
        threading.Thread(target=self._work, name="dossier-uploads", daemon=True).start()

    def folder(self) -> Path:
        """A new temporary folder for one upload's files."""
        return Path(tempfile.mkdtemp(prefix="dossier-upload-"))

    def submit(self, files: list[Path]) -> Job:
        """Queue the ingest of files saved in a folder from `folder()`."""
        job = Job(uuid.uuid4().hex[:12], files, total=len(files))
        with self.lock:
            self.jobs[job.id] = job
        self.queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def _work(self) -> None:
        while True:
            job = self.queue.get()
            try:
                self._run(job)
            except DossierError as e:
                job.state, job.message = "failed", e.line()
            except Exception as e:  # a bug: the job says so, the server keeps serving
                log.exception("upload job %s failed", job.id)
                job.state, job.message = "failed", f"internal error: {type(e).__name__}: {e}"
            finally:
                for folder in {f.parent for f in job.files}:
                    shutil.rmtree(folder, ignore_errors=True)

    def _run(self, job: Job) -> None:
        job.state = "running"
        kept = uploads_folder(self.db)
        kept.mkdir(exist_ok=True)
        paths = []
        for file in job.files:
            shutil.move(file, kept / file.name)  # in place of an earlier upload of that name
            paths.append(kept / file.name)

        def finished(result: FileResult) -> None:
            name = Path(result.path).name
            job.results.append(Outcome(name, result.status, result.message))
            job.done += 1
            if result.status == "failed":
                (kept / name).unlink(missing_ok=True)

        ingest(paths, self.db, workers=1, on_result=finished)
        job.state = "done"
