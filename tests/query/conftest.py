"""The knowledge base of the reports in tests/data/kb (see tests/conftest.py), opened for the query tests."""
from __future__ import annotations

import pytest

import dossier


@pytest.fixture(scope="module")
def kb(reports_db):
    """The reports' knowledge base, opened for reading."""
    with dossier.open(reports_db) as opened:
        yield opened


@pytest.fixture
def kb_copy(reports_copy):
    """A private copy of it, for tests that take decisions."""
    with dossier.open(reports_copy) as opened:
        yield opened
