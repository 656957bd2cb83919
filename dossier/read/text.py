"""Markdown and plain-text files."""
from __future__ import annotations

from pathlib import Path

from dossier.read import decode_text
from dossier.read.layout import Layout
from dossier.read.markdown import read_markdown


def read_text_file(data: bytes, path: Path, encoding: str | None) -> Layout:
    """Layout of a Markdown or plain-text file."""
    return read_markdown(decode_text(data, path, encoding))
