"""Writing export files so that a failure leaves no partial file behind."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

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
