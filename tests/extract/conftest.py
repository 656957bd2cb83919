"""Fixtures for the extractor's tests: one RuleExtractor for the session, and short reports of our
own written to a file and read as dossier reads them."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.extract.pipeline import RuleExtractor
from dossier.model import Document, Extraction
from dossier.read import read_document
from dossier.registry import build_registry

REPORT_DATE = "2020-05-12"


@pytest.fixture(scope="session")
def rule_extractor() -> RuleExtractor:
    """The built-in extractor, built once: it loads spaCy and the gazetteer."""
    return RuleExtractor()


@pytest.fixture(scope="session")
def readers() -> dict:
    return build_registry(plugins=False).readers


@pytest.fixture
def read(tmp_path: Path, readers: dict):
    """A Markdown report dated 12 May 2020 (or `date`) whose body is `body`, read as a Document."""
    def read(body: str, date: str = REPORT_DATE) -> Document:
        path = tmp_path / "report.md"
        path.write_text(f"Document-date: {date}\n\n# A report\n\n{body}\n", encoding="utf-8")
        return read_document(path, readers)
    return read


@pytest.fixture
def extract(read, rule_extractor: RuleExtractor):
    """What the built-in extractor finds in a report whose body is `body`."""
    def extract(body: str, date: str = REPORT_DATE) -> Extraction:
        return rule_extractor.extract(read(body, date))
    return extract


@pytest.fixture
def entities(extract):
    """The entities of a report as (type, name, sorted aliases), in the order the extractor gives them."""
    def entities(body: str) -> list[tuple[str, str, list[str]]]:
        return [(e.type, e.name, sorted(e.aliases)) for e in extract(body).entities]
    return entities


@pytest.fixture
def relations(extract):
    """The relations of a report as (type, subject name, object name, start, end, role)."""
    def relations(body: str) -> list[tuple]:
        extraction = extract(body)
        names = {e.id: e.name for e in extraction.entities}
        return [(r.type, names[r.subject], names[r.object], r.start, r.end, r.role) for r in extraction.relations]
    return relations
