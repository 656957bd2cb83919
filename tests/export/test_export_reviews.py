"""A claim the analyst rejected is in no export: CSV, STIX, GraphML, and the network analysis."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

import dossier


@pytest.fixture
def reviewed(river_db: Path, tmp_path: Path):
    """A copy of the river knowledge base with its first relation rejected; yields (kb, that relation)."""
    db = tmp_path / "kb.db"
    shutil.copy(river_db, db)
    with dossier.open(db) as kb:
        pending, _ = kb.reviews("pending", limit=500)
        relation = next(r for r in pending if r.claim.kind == "relation" and r.claim.parties[0].entity_id
                        != r.claim.parties[1].entity_id)
        kb.review(relation.claim.id, "reject", note="misread")
        yield kb, relation.claim


def _relations_csv(folder: Path) -> list[dict]:
    return list(csv.DictReader((folder / "relations.csv").open(encoding="utf-8")))


def _stix_relations(folder: Path) -> int:
    bundle = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    return sum(1 for o in bundle["objects"] if o["type"] == "relationship"
               and not o["source_ref"].startswith("incident--"))


def _edges(folder: Path) -> set[tuple[str, str, str]]:
    graph = nx.read_graphml(folder / "network.graphml")
    return {(u, v, d["relation"]) for u, v, d in graph.edges(data=True)}


@pytest.fixture
def before(river_db: Path, tmp_path: Path) -> Path:
    """The exports of the base as extracted, nothing rejected."""
    with dossier.open(river_db) as kb:
        for fmt in ("csv", "stix", "graphml"):
            kb.export(fmt, tmp_path / "before" / fmt)
    return tmp_path / "before"


def test_exports_leave_out_a_rejected_relation(reviewed, before: Path, river_db: Path, tmp_path: Path):
    kb, claim = reviewed
    for fmt in ("csv", "stix", "graphml"):
        kb.export(fmt, tmp_path / "after" / fmt)
    after = tmp_path / "after"
    gone = {r["id"] for r in _relations_csv(before / "csv")} - {r["id"] for r in _relations_csv(after / "csv")}
    assert str(claim.id) in gone
    assert _stix_relations(after / "stix") == _stix_relations(before / "stix") - len(gone)
    subject, obj = (str(p.entity_id) for p in claim.parties)
    still_stated = [r for r in _relations_csv(after / "csv") if r["type"] == claim.type
                    and {r["subject_id"], r["object_id"]} == {subject, obj}]
    lost_edges = _edges(before / "graphml") - _edges(after / "graphml")
    assert bool(lost_edges) == (not still_stated)
    with dossier.open(river_db) as untouched:
        facts_before = untouched.analyze().relations
    assert kb.analyze().relations == facts_before - len(lost_edges)
