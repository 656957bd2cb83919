"""The only code that speaks SQL: one SQLite file per knowledge base."""
from dossier.store.sqlite import Store, open_store

__all__ = ["Store", "open_store"]
