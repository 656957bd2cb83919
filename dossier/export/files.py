"""Writing export files so that a failure leaves no partial file behind."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TextIO

from dossier.errors import UsageError
from dossier.paths import writable


def prepare_folder(out: str | Path) -> Path:
    """An output folder that can be written or created, or a clear error; atomic_files creates it."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder", "give a folder for --out")
    if folder.is_dir():
        if not writable(folder):
            raise UsageError(f"{folder}: folder is not writable", "choose another --out")
        return folder
    existing = next((p for p in folder.absolute().parents if p.exists()), None)
    if existing is None or not existing.is_dir():
        raise UsageError(f"{folder}: cannot create the folder ({existing} is not a folder)", "choose another --out")
    if not writable(existing):
        raise UsageError(f"{folder}: cannot create the folder ({existing} is not writable)", "choose another --out")
    return folder


@contextmanager
def atomic_files(folder: Path) -> Iterator[dict[str, str]]:
    """Collect name → text; all files appear together at the end, or none if anything failed."""
    pending: dict[str, str] = {}
    yield pending
    temps: list[tuple[Path, Path]] = []
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in pending.items():
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".dossier-", suffix=".tmp")
            temps.append((Path(temp), folder / name))
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
        for temp, final in temps:
            if final.is_dir():
                raise IsADirectoryError(f"{final.name} is a folder")
    except OSError as e:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        if created and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        raise UsageError(f"{folder}: cannot write the export ({e.strerror or e})", "choose another --out") from None
    for temp, final in temps:
        os.replace(temp, final)


@contextmanager
def atomic_streams(folder: Path) -> Iterator[Callable[..., TextIO]]:
    """Open files by name and write them as streams (for exports too large to hold as text); all
    appear together at the end, or none if anything failed."""
    opened: list[tuple[TextIO, Path, Path]] = []
    created = not folder.exists()

    def open_file(name: str, newline: str | None = None) -> TextIO:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".dossier-", suffix=".tmp")
        os.chmod(temp, 0o666 & ~_umask())  # as open() would have made it, not mkstemp's owner-only
        stream = os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        opened.append((stream, Path(temp), folder / name))
        return stream

    try:
        yield open_file
        for stream, _, final in opened:
            stream.close()
            if final.is_dir():
                raise IsADirectoryError(f"{final.name} is a folder")
    except BaseException as e:
        for stream, temp, _ in opened:
            stream.close()
            temp.unlink(missing_ok=True)
        if created and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        if isinstance(e, OSError):
            raise UsageError(f"{folder}: cannot write the export ({e.strerror or e})", "choose another --out") from None
        raise
    for _, temp, final in opened:
        os.replace(temp, final)


def _umask() -> int:
    """The process's file mode mask (reading it means setting it: set it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
