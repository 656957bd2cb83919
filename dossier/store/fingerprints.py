"""Stable identities of claims, so analyst decisions survive re-ingest and re-extraction."""
from __future__ import annotations

import hashlib

from dossier.model import Event, Extraction, Relation


def claim_fingerprints(document: str, extraction: Extraction, keys: dict[str, str]) -> list[str]:
    """One fingerprint per relation then event: document, type and the names of the entities."""
    key_of = {e.id: keys.get(e.name, e.name) for e in extraction.entities}
    prints = []
    for claim in (*extraction.relations, *extraction.events):
        if isinstance(claim, Relation):
            parts = ["relation", claim.type, key_of[claim.subject], key_of[claim.object]]
        else:
            assert isinstance(claim, Event)
            parts = ["event", claim.type, claim.date or "", *sorted(f"{p.role}={key_of[p.entity]}"
                                                                   for p in claim.participants)]
        prints.append(hashlib.sha1("|".join([document, *parts]).encode()).hexdigest()[:16])
    return prints
