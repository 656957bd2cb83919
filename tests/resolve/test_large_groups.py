"""A group of records too large to re-cluster whole is re-clustered key by key: ingest still ends
with every queued key done, and the same people are one entity across documents."""
from __future__ import annotations

from pathlib import Path

import dossier
from dossier.resolve import entities
from dossier.store import open_store
from dossier.store import resolution as rs
from samples import REPORTS


def _entity_of(db: Path, name: str) -> set[int]:
    with open_store(db) as store:
        return {r[0] for r in store.db.execute(
            "SELECT DISTINCT d.entity_id FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id WHERE n.name = ?",
            (name,))}


def test_key_by_key_reclustering_resolves_as_whole_groups_do(tmp_path: Path, monkeypatch):
    whole = tmp_path / "whole.db"
    dossier.ingest([REPORTS], db=whole, workers=1)
    monkeypatch.setattr(entities, "MAX_COMPONENT", 2)  # every group counts as large
    by_key = tmp_path / "by-key.db"
    dossier.ingest([REPORTS], db=by_key, workers=1)
    with open_store(by_key) as store:
        assert rs.dirty(store) == []
    for name in ("Fazlullah", "Hakimullah Mehsud", "Tehrik-i-Taliban Pakistan"):
        assert len(_entity_of(by_key, name)) == len(_entity_of(whole, name)) == 1, name
