"""`dossier analyze --org` on the development documents: IS-KP's succession with its sources, and brokers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import dossier
from samples import words


DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The development documents' knowledge base, built once for this module; skips cleanly where
    ../shared/corpus/dev is not present."""
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not present in this checkout")
    db = tmp_path_factory.mktemp("dev-analysis") / "dev.db"
    dossier.ingest([DEV_CORPUS], db=db, workers=1)
    return db


def test_iskp_has_a_sourced_succession_and_brokers(cli, dev_db):
    result = cli("analyze", "--org", "ISKP", "--json", db=dev_db)
    assert result.returncode == 0, result.stderr
    org = json.loads(result.stdout)["organization"]
    assert org["name"] == "Islamic State's Khorasan Province"
    assert len(org["succession"]) >= 2
    assert any(c["sources"] for t in org["succession"] for c in t["evidence"])
    assert all(t["evidence"] for t in org["succession"])
    assert "Aslam Farooqi" in {b["name"] for b in org["brokers"]}


def test_iskp_report_prints_the_succession_and_brokers(cli, dev_db):
    result = cli("analyze", "--org", "IS-KP", db=dev_db)
    assert result.returncode == 0, result.stderr
    text = words(result.stdout)
    assert "leadership succession:" in text and "mantraya-sr20-iskp [" in text
    assert "brokers: members also tied to other organizations" in text
    assert "Aslam Farooqi" in text.split("brokers: members also tied to other organizations")[1]
