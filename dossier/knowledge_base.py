"""The library API a notebook uses: `dossier.open(db).entity("Farooqi")`."""
from __future__ import annotations

from pathlib import Path

from dossier.errors import NotFound, UsageError
from dossier.registry import build_registry
from dossier.store import Store, open_store
from dossier.store import views
from dossier.store.views import DocumentInfo, EntityInfo, Profile, SourceInfo


class KnowledgeBase:
    """A knowledge base opened for reading."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.store: Store = open_store(db)

    def close(self) -> None:
        """Close the database file."""
        self.store.close()

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def documents(self) -> list[DocumentInfo]:
        """Every stored document."""
        return views.documents(self.store)

    def document(self, ref: str) -> DocumentInfo:
        """One document by name or path."""
        return views.document(self.store, ref)

    def sources(self, document: str | None = None) -> list[SourceInfo]:
        """Sources cited by one document, or by all."""
        return views.sources(self.store, document)

    def entities(self, type: str | None = None) -> list[EntityInfo]:
        """Resolved entities, optionally of one type (person, organization, location)."""
        from dossier.ontology import ontology
        if type is not None and type not in ontology().entity_types:
            raise UsageError(f"unknown entity type '{type}'", f"use one of: {', '.join(ontology().entity_types)}")
        return views.entities(self.store, type)

    def find(self, name: str) -> list[EntityInfo]:
        """Entities any document calls by this name or alias."""
        return views.find_entities(self.store, name)

    def entity(self, name: str) -> Profile:
        """The profile of the entity best known by this name or alias."""
        found = self.find(name)
        if not found:
            close = views.suggest(self.store, name)
            raise NotFound(f"no entity called '{name}'",
                           f"did you mean: {', '.join(close)}" if close else "list names with `dossier entities`")
        return views.profile(self.store, found[0].id)

    def export(self, format: str, out: str | Path, **options) -> list[Path]:
        """Write the knowledge base in a format other tools read; returns the files written."""
        registry = build_registry()
        if format not in registry.exporters:
            raise UsageError(f"unknown export format '{format}'", f"available: {', '.join(sorted(registry.exporters))}")
        return registry.exporters[format](self.store, out, **options)


def open(db: str | Path | None = None) -> KnowledgeBase:  # noqa: A001 - the API reads dossier.open(db)
    """Open a knowledge base for reading."""
    return KnowledgeBase(db)
