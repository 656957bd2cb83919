"""Writing export files so that a failure leaves no partial file behind."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from dossier.errors import UsageError


def prepare_folder(out: str | Path) -> Path:
    """An output folder that exists and can be written, or a clear error."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder", "give a folder for --out")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"{folder}: cannot create the folder ({e.strerror or e})") from None
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{folder}: folder is not writable", "choose another --out")
    return folder


@contextmanager
def atomic_files(folder: Path) -> Iterator[dict[str, str]]:
    """Collect name → text; all files appear together at the end, or none if anything failed."""
    pending: dict[str, str] = {}
    yield pending
    temps: list[tuple[Path, Path]] = []
    try:
        for name, text in pending.items():
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".dossier-", suffix=".tmp")
            temps.append((Path(temp), folder / name))
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
    except OSError as e:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        raise UsageError(f"{folder}: cannot write the export ({e.strerror or e})") from None
    for temp, final in temps:
        os.replace(temp, final)
