"""What the file system lets dossier do with a path, checked before any work starts."""
from __future__ import annotations

import os
import stat
from pathlib import Path


def writable(path: str | Path) -> bool:
    """True when a file or folder may be written: permitted, and not marked read-only by its mode bits.

    The mode bits are honoured even for root, whom os.access lets write anything: a file or folder
    that nobody may write was made read-only on purpose.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
