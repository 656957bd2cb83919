"""Exporters: the knowledge base → files other tools read. One module per format.

An exporter is a function ``export(store, out, scope, **options) -> list[Path]`` registered in
dossier/registry.py; `scope` says which part of the base to write.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportScope:
    """What part of the knowledge base an export covers: all of it, or one entity's neighbourhood,
    and everything or only what holds on one date."""

    as_of: str | None = None  # a partial date (YYYY, YYYY-MM, YYYY-MM-DD): only what holds then
    centre: int | None = None  # the entity whose neighbourhood is exported
    entity_ids: frozenset[int] | None = None  # None: every entity
    rejected: frozenset[str] = frozenset()  # fingerprints of the claims the analyst rejected: never exported

    def covers(self, entity_id: int) -> bool:
        """Whether this entity is in the export."""
        return self.entity_ids is None or entity_id in self.entity_ids


EVERYTHING = ExportScope()
