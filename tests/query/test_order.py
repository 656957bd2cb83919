"""The knowledge base does not depend on the order documents arrive in: the same documents ingested
one at a time in different orders give the same entities (the same names grouped together) and the
same facts."""
from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from dossier import query
from dossier.store import views
from samples import REPORTS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"  # absent in a fresh clone elsewhere
READABLE = (".md", ".html", ".pdf")
DOCUMENTS = sorted(REPORTS.glob("*.md")) + sorted(p for p in EXAMPLES.iterdir() if p.suffix in READABLE) + (
    sorted(p for p in DEV.iterdir() if p.suffix in READABLE) if DEV.is_dir() else [])
ORDERS = {
    "as listed": DOCUMENTS,
    "reversed": DOCUMENTS[::-1],
    "interleaved": DOCUMENTS[1::2] + DOCUMENTS[::2],
}


def entity_names(kb) -> dict[int, frozenset[str]]:
    """Each entity's id → every name any document gives it."""
    names: dict[int, set[str]] = {}
    for r in kb.store.query("SELECT d.entity_id, n.name FROM names n JOIN doc_entities d ON d.id = n.doc_entity_id"):
        names.setdefault(r[0], set()).add(r[1])
    return {k: frozenset(v) for k, v in names.items()}


def picture(db: Path) -> tuple[set, set]:
    """The entities (type and set of names) and the facts (each a set of claims told by document,
    type, dates and the entities taking part) of a knowledge base, free of its row ids."""
    with dossier.open(db) as kb:
        names = entity_names(kb)
        entities = {(e.type, names[e.id]) for e in kb.entities()}
        claims = views.claims(kb.store, [r[0] for r in kb.store.query("SELECT id FROM claims")])
        facts = set()
        for fact in query.facts(claims):
            told = frozenset(
                (c.document, c.type, c.start, c.end, c.date, c.role, c.location, c.approx,
                 tuple(sorted((p.role, tuple(sorted(names[p.entity_id]))) for p in c.parties)),
                 tuple(ev.sentence for ev in c.evidence))
                for c in fact.claims)
            facts.add((fact.kind, fact.type, told))
    return entities, facts


@pytest.fixture(scope="module")
def pictures(tmp_path_factory) -> dict[str, tuple[set, set]]:
    out = {}
    for label, order in ORDERS.items():
        db = tmp_path_factory.mktemp("order") / "kb.db"
        for document in order:  # one file at a time, as documents arrive
            report = dossier.ingest([document], db=db, workers=1)
            assert [r.status for r in report.results] == ["added"], report.results
        out[label] = picture(db)
    return out


def differences(a: set, b: set) -> str:
    return ("only in the first: " + "; ".join(sorted(map(str, a - b)))
            + "\nonly in the second: " + "; ".join(sorted(map(str, b - a))))


@pytest.mark.parametrize("label", [label for label in ORDERS if label != "as listed"])
def test_the_same_entities_whatever_the_order(pictures, label):
    first, other = pictures["as listed"][0], pictures[label][0]
    assert first == other, differences(first, other)


@pytest.mark.parametrize("label", [label for label in ORDERS if label != "as listed"])
def test_the_same_facts_whatever_the_order(pictures, label):
    first, other = pictures["as listed"][1], pictures[label][1]
    assert first == other, differences(first, other)


def test_the_orders_are_different_orders_of_the_same_documents():
    assert len(DOCUMENTS) >= 9
    assert len({tuple(order) for order in ORDERS.values()}) == len(ORDERS)
    assert all(sorted(order) == sorted(DOCUMENTS) for order in ORDERS.values())
