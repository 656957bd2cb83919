"""Fixtures for the reading stage: write a real file in a temporary folder and read it."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from dossier.model import Document, Source
from dossier.read import read_document
from dossier.registry import build_registry


@pytest.fixture(scope="session")
def readers() -> dict:
    """The built-in readers, as the command line registers them (no plugins)."""
    return build_registry(plugins=False).readers


@pytest.fixture
def read(tmp_path: Path, readers: dict) -> Callable[..., Document]:
    """Write `content` (text or bytes) to a file called `name` and read it as dossier would."""
    def write_and_read(name: str, content: str | bytes, **options) -> Document:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return read_document(path, readers, **options)
    return write_and_read


@pytest.fixture
def source() -> Callable[[Document, str], Source]:
    """Look up the source of a document by id."""
    def lookup(doc: Document, source_id: str) -> Source:
        found = [s for s in doc.sources if s.id == source_id]
        assert found, f"no source {source_id!r}; sources are {[s.id for s in doc.sources]}"
        return found[0]
    return lookup


@pytest.fixture
def cited() -> Callable[[Document, str], tuple[str, ...]]:
    """The source ids cited by the one sentence that contains a fragment of text."""
    def sentence_sources(doc: Document, fragment: str) -> tuple[str, ...]:
        found = [s for s in doc.sentences if fragment in doc.span(s.start, s.end)]
        assert len(found) == 1, f"{len(found)} sentences contain {fragment!r}"
        return found[0].sources
    return sentence_sources


@pytest.fixture
def blocks() -> Callable[..., list[str]]:
    """The text of a document's blocks, optionally only those of one kind and/or part."""
    def texts(doc: Document, kind: str | None = None, part: str | None = None) -> list[str]:
        return [doc.span(b.start, b.end) for b in doc.blocks
                if (kind is None or b.kind == kind) and (part is None or b.part == part)]
    return texts
