"""Readers: a file → Document. One reader per format, all producing the same Document."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from dossier.errors import ReadError
from dossier.model import Document
from dossier.read.document import build_document
from dossier.read.layout import Layout

MAX_BYTES = 25 * 1024 * 1024

# A reader turns the bytes of a file into a Layout; the encoding is the user's override.
Reader = Callable[[bytes, Path, "str | None"], Layout]


def read_document(path: str | Path, readers: dict[str, tuple[str, Reader]], *,
                  encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file with the reader registered for its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in readers:
        known = ", ".join(sorted(readers))
        raise ReadError(f"{path}: unsupported format '{suffix or '(none)'}'", f"dossier reads {known}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"{path}: {size / 2**20:.1f} MB is larger than the {max_bytes / 2**20:.0f} MB limit",
                            "split the file or raise the limit with --max-size")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except OSError as e:
        raise ReadError(f"{path}: cannot read ({e.strerror or e})") from None
    if not data.strip():
        raise ReadError(f"{path}: empty file", "nothing to read")
    format_name, reader = readers[suffix]
    layout = reader(data, path, encoding)
    if not any(b.inline.text.strip() for b in layout.blocks) and not layout.notes:
        raise ReadError(f"{path}: no text found")
    return build_document(layout, path=str(path), name=path.stem, format=format_name,
                          content_hash=hashlib.sha256(data).hexdigest())


def decode_text(data: bytes, path: Path, encoding: str | None) -> str:
    """Text of a file that should be text: refuses binary content and invalid UTF-8."""
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
        raise ReadError(f"{path}: binary content, not a text file", "give a Markdown, text, HTML or PDF file")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ReadError(f"{path}: unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as e:
            raise ReadError(f"{path}: not valid {encoding} ({e.reason} at byte {e.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ReadError(f"{path}: not valid UTF-8 ({e.reason} at byte {e.start})",
                        "give the file's encoding with --encoding, e.g. --encoding cp1252") from None
