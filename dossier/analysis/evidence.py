"""The evidence behind a row of an analysis: the documents that state a tie and the sources they cite."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from dossier.query import holds
from dossier.store import Store, views
from dossier.store.views import ClaimView

CLAIMS_PER_TIE = 5  # claims whose evidence a tie shows: a tie stated by thousands of documents shows these


@dataclass(frozen=True)
class Citation:
    """A document that states something, and the ids of the sources (footnotes, links) it cites for it."""

    document: str
    sources: tuple[str, ...]


def citations(claims: Iterable[ClaimView]) -> tuple[Citation, ...]:
    """Each document the claims' sentences stand in, once, with the sources they cite (each once)."""
    cited: dict[str, list[str]] = {}
    for claim in claims:
        for ev in claim.evidence:
            ids = cited.setdefault(ev.document, [])
            ids += [s.local_id for s in ev.sources if s.local_id not in ids]
        if not claim.evidence:
            cited.setdefault(claim.document, [])
    return tuple(Citation(document, tuple(ids)) for document, ids in cited.items())


def tie_claims(store: Store, entity: int, others: set[int], types: tuple[str, ...] | None = None,
               as_of: str | None = None) -> dict[int, list[ClaimView]]:
    """For each of `others`, the first CLAIMS_PER_TIE relation claims (of these types) between it and
    `entity`, either way, with their evidence; as of a date, those whose period can include it."""
    wanted: dict[int, list[int]] = {}
    for _, other, claim_id, kind in views.relation_edges(store, [entity]):
        if other in others and (types is None or kind in types):
            wanted.setdefault(other, []).append(claim_id)
    first = {i: other for other, ids in wanted.items() for i in sorted(ids)[:CLAIMS_PER_TIE]}
    found: dict[int, list[ClaimView]] = {}
    for claim in views.claims(store, sorted(first)):
        if as_of is None or holds(claim.start, claim.end, as_of, claim.approx):
            found.setdefault(first[claim.id], []).append(claim)
    return found
