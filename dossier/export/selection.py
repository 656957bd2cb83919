"""What of the knowledge base an export scope takes: the documents to read and the claims to keep;
clear errors for an empty base and for an as-of date before anything happened."""
from __future__ import annotations

from dossier.dates import bounds
from dossier.errors import NotFound
from dossier.export import ExportScope
from dossier.query import holds
from dossier.store import Store
from dossier.store.batches import ClaimRow, document_count, document_ids, documents_about, earliest_date
from dossier.store.views import ClaimView


def check_not_empty(store: Store) -> None:
    """An error when the knowledge base holds no documents: there is nothing to export."""
    if document_count(store) == 0:
        raise NotFound("the knowledge base holds no documents", "ingest some with `dossier ingest FILES` first")


def scoped_documents(store: Store, scope: ExportScope) -> list[int]:
    """The documents an export reads, by id: every one, or those with a claim about an entity in scope."""
    return document_ids(store) if scope.entity_ids is None else documents_about(store, scope.entity_ids)


def keeps(claim: ClaimRow | ClaimView, scope: ExportScope) -> bool:
    """Whether a claim is in the export: a relation between two entities in scope that holds on the
    as-of date; an event with a participant in scope that happened by then (undated ones are left out);
    never a claim the analyst rejected."""
    if isinstance(claim, ClaimRow) and claim.key.rsplit("-", 1)[0] in scope.rejected:
        return False
    if claim.kind == "relation":
        return (all(scope.covers(p.entity_id) for p in claim.parties)
                and (scope.as_of is None or holds(claim.start, claim.end, scope.as_of, claim.approx)))
    if scope.entity_ids is not None and not any(scope.covers(p.entity_id) for p in claim.parties):
        return False
    if scope.as_of is None:
        return True
    return bool(claim.date) and bounds(claim.date, claim.approx)[0] <= bounds(scope.as_of)[1]


def check_as_of(store: Store, scope: ExportScope) -> None:
    """An error when the as-of date comes before every date the knowledge base holds."""
    earliest = earliest_date(store)
    if scope.as_of and earliest and bounds(scope.as_of)[1] < bounds(earliest)[0]:
        raise NotFound(f"nothing in the knowledge base happened by {scope.as_of} (its earliest date is {earliest})",
                       "give a later --as-of date")
