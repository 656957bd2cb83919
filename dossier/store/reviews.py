"""The analyst's reviews of claims (accept, reject, edit) as rows of `decisions`, keyed by the claim's
fingerprint so that they outlive re-ingest and re-extraction; and claim views with them applied.
Only SQL and the applying; what a review may say is dossier/review.py's."""
from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING

from dossier.store.entity_claims import rows_in
from dossier.store.resolution import add_decision, set_undone
from dossier.store.sqlite import Store

if TYPE_CHECKING:
    from dossier.store.views import ClaimView

KINDS = ("accept", "reject", "edit")  # decisions.kind of a review
STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
IN_FORCE = f"kind IN ({','.join(repr(k) for k in KINDS)}) AND undone_at IS NULL"  # a review in force


def in_force(store: Store, fingerprints: set[str] | None = None) -> dict[str, dict]:
    """The review in force for each reviewed fingerprint (of these only, when given): id, kind,
    changes, note, created_at."""
    rows = store.query(f"SELECT * FROM decisions WHERE {IN_FORCE} ORDER BY id")
    found = {}
    for r in rows:
        payload = json.loads(r["payload"])
        if fingerprints is None or payload["fingerprint"] in fingerprints:
            found[payload["fingerprint"]] = {"id": r["id"], "kind": r["kind"], "changes": payload.get("changes", {}),
                                             "note": r["note"], "created_at": r["created_at"]}
    return found


def any_in_force(store: Store) -> bool:
    """Whether any claim has been reviewed (so that unreviewed stores pay one small query)."""
    return bool(store.query(f"SELECT 1 FROM decisions WHERE {IN_FORCE} LIMIT 1"))


def rejected(store: Store) -> set[str]:
    """The fingerprints of the claims the analyst rejected: what exporters reading claims row by row leave out."""
    return {f for f, review in in_force(store).items() if review["kind"] == "reject"}


def fingerprints(store: Store, claim_ids) -> dict[int, str]:
    """The fingerprint of each of these claims, by claim id."""
    return {r[0]: r[1] for r in rows_in(store, "SELECT id, fingerprint FROM claims WHERE id IN ({ids})", claim_ids)}


def record(store: Store, fingerprint: str, kind: str, changes: dict, note: str | None) -> int:
    """Store a review of the claims with this fingerprint, in place of any earlier one; in the caller's
    transaction. Returns the decision's id."""
    for earlier in store.query(f"SELECT id, payload FROM decisions WHERE {IN_FORCE}"):
        if json.loads(earlier["payload"])["fingerprint"] == fingerprint:
            set_undone(store, earlier["id"])
    return add_decision(store, kind, {"fingerprint": fingerprint, "changes": changes}, note)


def claim_page(store: Store, kind: str | None, limit: int, offset: int) -> tuple[list[int], int]:
    """Claim ids with a review of this kind in force (none reviewed yet when kind is None), by id: one
    page of them, and how many there are in all."""
    decided = in_force(store)
    prints = sorted(f for f, d in decided.items() if kind is None or d["kind"] == kind)
    marks = ",".join("?" * len(prints))
    if kind is None:
        where = f"fingerprint NOT IN ({marks})" if prints else "1"
        total = store.query("SELECT count(*) FROM claims")[0][0] - (
            store.query(f"SELECT count(*) FROM claims WHERE fingerprint IN ({marks})", prints)[0][0] if prints else 0)
    elif prints:
        where = f"fingerprint IN ({marks})"
        total = store.query(f"SELECT count(*) FROM claims WHERE {where}", prints)[0][0]
    else:
        return [], 0
    ids = [r[0] for r in store.query(f"SELECT id FROM claims WHERE {where} ORDER BY id LIMIT ? OFFSET ?",
                                     (*prints, limit, offset))]
    return ids, total


def reviewed(store: Store, claims: list[ClaimView]) -> list[ClaimView]:
    """Claims as the analyst has reviewed them: rejected ones left out, edited ones with the new
    values (the stored claim keeps the original), each marked with its review."""
    if not claims or not any_in_force(store):
        return claims
    prints = fingerprints(store, [c.id for c in claims])
    reviews = in_force(store, set(prints.values()))
    out = []
    for c in claims:
        review = reviews.get(prints.get(c.id, ""))
        if review is None:
            out.append(c)
        elif review["kind"] != "reject":
            out.append(replace(c, **review["changes"], review=STATUS[review["kind"]]))
    return out
