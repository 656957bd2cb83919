"""Events (arrests, attacks, killings, appointments, removals, surrenders, travel): see data/events.yaml."""
from __future__ import annotations

from dossier.extract.tokens import SentenceDoc
from dossier.model import Event


def find_events(sentences: list[SentenceDoc], evidence_of, cluster_types: dict[int, str],
                ids: dict[int, str], mention_names: dict[int, str]) -> list[Event]:
    """Events stated in the sentences (one per occurrence)."""
    return []
