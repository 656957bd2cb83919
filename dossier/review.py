"""The analyst's review of extracted claims: accept, reject, or edit a claim's type, role and dates.

A review is an analyst decision kept apart from extracted data (store/reviews.py), keyed by the claim's
fingerprint (document, type, names of the entities), so it survives re-ingest and re-extraction; it
applies to every claim of that document with that fingerprint. Rejected claims drop out of profiles,
leaders, timelines, networks and exports; edited ones read with the new values; the stored claim keeps
what the document said.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from dossier.dates import normalise
from dossier.errors import NotFound, UsageError
from dossier.ontology import ontology
from dossier.store import Store
from dossier.store import reviews as stored
from dossier.store import views
from dossier.store.views import ClaimView

VERDICTS = tuple(stored.STATUS)  # accept | reject | edit
STATUSES = ("pending", *stored.STATUS.values())  # pending | accepted | rejected | edited
EDITABLE = {"relation": ("type", "role", "start", "end"), "event": ("type", "date")}
MAX_PAGE = 500


@dataclass(frozen=True)
class Review:
    """A claim as extracted and what the analyst made of it."""

    claim: ClaimView  # as the document states it
    status: str  # pending | accepted | rejected | edited
    changes: dict = field(default_factory=dict)  # field → new value, for an edit
    note: str | None = None
    decision: int | None = None  # the decision that holds the review
    reviewed_at: str | None = None

    @property
    def reviewed(self) -> ClaimView:
        """The claim with the analyst's edits applied."""
        return replace(self.claim, **self.changes)


def review(store: Store, claim_id: int, verdict: str, changes: dict | None = None,
           note: str | None = None) -> Review:
    """Accept, reject or edit a claim, in place of any earlier review of it; one transaction."""
    claim = _claim(store, claim_id)
    if verdict not in VERDICTS:
        raise UsageError(f"'{verdict}' is not a verdict", f"use one of: {', '.join(VERDICTS)}")
    changes = _checked(claim, verdict, dict(changes or {}))
    fingerprint = stored.fingerprints(store, [claim_id])[claim_id]
    with store.transaction():
        stored.record(store, fingerprint, verdict, changes, note)
    return _reviews(store, [claim_id])[0]


def reviews(store: Store, status: str = "pending", limit: int = 50, offset: int = 0) -> tuple[list[Review], int]:
    """One page of claims with this review status, by claim id, and how many there are in all."""
    if status not in STATUSES:
        raise UsageError(f"'{status}' is not a review status", f"use one of: {', '.join(STATUSES)}")
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise UsageError(f"a page of {limit} from {offset} is out of range",
                         f"give a limit from 1 to {MAX_PAGE} and an offset of 0 or more")
    kind = next((k for k, s in stored.STATUS.items() if s == status), None)
    ids, total = stored.claim_page(store, kind, limit, offset)
    return _reviews(store, ids), total


def _reviews(store: Store, claim_ids: list[int]) -> list[Review]:
    claims = {c.id: c for c in views.claims(store, claim_ids, as_reviewed=False)}
    prints = stored.fingerprints(store, claim_ids)
    decided = stored.in_force(store, set(prints.values()))
    out = []
    for claim_id in claim_ids:
        d = decided.get(prints[claim_id])
        out.append(Review(claims[claim_id], "pending") if d is None else
                   Review(claims[claim_id], stored.STATUS[d["kind"]], d["changes"], d["note"], d["id"],
                          d["created_at"]))
    return out


def _claim(store: Store, claim_id: int) -> ClaimView:
    found = views.claims(store, [claim_id], evidence=False, as_reviewed=False) if 0 < claim_id < 2**63 else []
    if not found:
        raise NotFound(f"no claim #{claim_id}", "list claims to review with `dossier review`")
    return found[0]


def _checked(claim: ClaimView, verdict: str, changes: dict) -> dict:
    """The changes of an edit, each value checked; an error naming the first that makes no sense."""
    if verdict != "edit":
        if changes:
            raise UsageError(f"a claim is given changes only by an edit, not by '{verdict}'",
                             "leave the changes out, or edit the claim")
        return {}
    if not changes:
        raise UsageError(f"nothing to edit in claim #{claim.id}",
                         f"give a new value for one of: {', '.join(EDITABLE[claim.kind])}")
    allowed = EDITABLE[claim.kind]
    checked = {}
    for key, value in changes.items():
        if key not in allowed:
            raise UsageError(f"'{key}' cannot be edited in a {claim.kind} claim", f"edit one of: {', '.join(allowed)}")
        checked[key] = _value(claim, key, value)
    return checked


def _value(claim: ClaimView, key: str, value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if key == "type":
            raise UsageError(f"claim #{claim.id} needs a type", "give a type")
        return None  # a date or role the document gave wrongly can be taken away
    if not isinstance(value, str):
        raise UsageError(f"{key} {value!r} is not text", f"give the {key} as text")
    if key == "type":
        known = ontology().relations if claim.kind == "relation" else ontology().events
        if value not in known:
            raise UsageError(f"'{value}' is not a {claim.kind} type", f"use one of: {', '.join(known)}")
        return value
    if key == "role":
        return value.strip()
    try:
        return normalise(value)
    except ValueError:
        raise UsageError(f"{key} '{value}' is not a date", "give it as YYYY, YYYY-MM or YYYY-MM-DD") from None
