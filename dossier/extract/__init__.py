"""Extractors: a Document → an Extraction (entities, aliases, relations, events, evidence)."""
from __future__ import annotations

from typing import Protocol

from dossier.model import Document, Extraction


class Extractor(Protocol):
    """Anything that turns a Document into an Extraction; `name` records who filled the store."""

    name: str

    def extract(self, document: Document) -> Extraction:
        """What the document says."""
        ...
