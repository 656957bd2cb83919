"""The read commands, export and the library API over a knowledge base of two small reports."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import dossier
from samples import DELTA_REPORT, FRONT_REPORT, words, write

DOCUMENT_FIELDS = {"id", "name", "path", "format", "title", "date", "authors", "publisher", "url", "words",
                   "sources", "entities", "claims", "extractor", "ingested_at", "warnings"}
SOURCE_FIELDS = {"id", "document", "local_id", "kind", "title", "publisher", "author", "date", "url", "accessed"}
FRONT_SOURCES = [
    ("1", "Splinters in the Valley", "Frontier Review", "Sara Lindqvist", "2019-01-12",
     "https://frontier-review.example.org/splinters"),
    ("2", "Front moves its base", "Daily Ledger", None, "2017-02-03", "https://ledger.example.com/front-moves"),
    ("3", "Couriers held in Peshawar", "Frontier Review", None, "2018-05-20",
     "https://frontier-review.example.org/couriers"),
]
LEADER_SENTENCE = "Karim Osman, the chief of the Northern Valley Front, moved its headquarters to Lahore in 2016."


def as_json(result: subprocess.CompletedProcess):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# ---- documents ------------------------------------------------------------------------------

def test_documents_lists_every_stored_document(cli, kb):
    result = cli("documents", db=kb)
    assert result.returncode == 0, result.stderr
    text = words(result.stdout)
    assert "2 documents" in text
    assert "front markdown 2021-03-04 The Northern Valley Front after 2015" in text
    assert "delta markdown 2020-11-20 Smugglers of the Delta" in text


def test_documents_json_has_each_document_with_its_counts(cli, kb, reports):
    docs = as_json(cli("documents", "--json", db=kb))
    assert [d["name"] for d in docs] == ["delta", "front"]
    assert all(set(d) == DOCUMENT_FIELDS for d in docs)
    front = docs[1]
    assert (front["path"], front["format"], front["title"], front["date"], front["publisher"], front["sources"]) == (
        str((reports / "front.md").resolve()), "markdown", "The Northern Valley Front after 2015", "2021-03-04",
        "Frontier Monitor", 3)


def test_documents_does_not_change_the_database_file(cli, kb):
    before = kb.read_bytes()
    files = sorted(kb.parent.iterdir())
    assert cli("documents", db=kb).returncode == 0
    assert kb.read_bytes() == before
    assert sorted(kb.parent.iterdir()) == files  # no journal or WAL files left beside it


# ---- sources --------------------------------------------------------------------------------

def test_sources_of_one_document_are_its_footnotes(cli, kb):
    found = as_json(cli("sources", "front", "--json", db=kb))
    assert [(s["local_id"], s["title"], s["publisher"], s["author"], s["date"], s["url"]) for s in found] \
        == FRONT_SOURCES
    assert {s["document"] for s in found} == {"front"}


def test_sources_without_a_document_lists_all_documents_sources(cli, kb):
    found = as_json(cli("sources", "--json", db=kb))
    assert [(s["document"], s["local_id"]) for s in found] == [
        ("delta", "1"), ("delta", "2"), ("front", "1"), ("front", "2"), ("front", "3")]
    assert all(set(s) == SOURCE_FIELDS for s in found)


def test_sources_table_shows_titles_and_urls(cli, kb):
    result = cli("sources", "delta", db=kb)
    assert result.returncode == 0, result.stderr
    assert "2 sources" in result.stdout
    assert "Boats at night" in result.stdout and "Leila Moreau" in result.stdout


def test_sources_of_an_unknown_document_names_the_stored_ones(cli, kb):
    result = cli("sources", "nope", db=kb)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: no document 'nope' — stored documents: delta, front"


# ---- entities -------------------------------------------------------------------------------

def test_entities_of_one_type_are_only_that_type(cli, kb):
    found = as_json(cli("entities", "--type", "person", "--json", db=kb))
    assert {e["type"] for e in found} == {"person"}
    assert {"Karim Osman", "Yusuf Haddad", "Sara Lindqvist", "Leila Moreau"} <= {e["name"] for e in found}


def test_entities_json_counts_names_documents_and_claims(cli, kb):
    found = as_json(cli("entities", "--json", db=kb))
    front = next(e for e in found if e["name"] == "Northern Valley Front")
    assert (front["type"], front["names"], front["documents"], front["claims"]) == ("organization", 2, 2, 1)
    assert set(front) == {"id", "type", "name", "subtype", "names", "documents", "claims"}


def test_entities_table_lists_names_with_types(cli, kb):
    result = cli("entities", db=kb)
    assert result.returncode == 0, result.stderr
    assert "organization Northern Valley Front 2 2 1" in words(result.stdout)


# ---- show -----------------------------------------------------------------------------------

def test_show_finds_the_same_entity_by_any_alias(cli, kb):
    ids = {as_json(cli("show", name, "--json", db=kb))["entity"]["id"]
           for name in ("NVF", "Northern Valley Front", "northern valley front")}
    assert len(ids) == 1


def test_show_json_has_the_entity_its_names_memberships_and_claims(cli, kb):
    profile = as_json(cli("show", "NVF", "--json", db=kb))
    assert set(profile) == {"entity", "names", "memberships", "claims", "as_of", "counts"}
    assert profile["as_of"] is None
    assert sorted(document for document, _, _ in profile["memberships"]) == ["delta", "front"]


def test_show_lists_names_with_the_documents_that_use_them(cli, kb):
    profile = as_json(cli("show", "NVF", "--json", db=kb))
    assert profile["entity"]["name"] == "Northern Valley Front"
    assert profile["names"] == [{"name": "Northern Valley Front", "documents": ["delta", "front"]},
                                {"name": "NVF", "documents": ["front"]}]


def test_show_gives_claims_with_evidence_sentence_and_cited_source(cli, kb):
    profile = as_json(cli("show", "Karim Osman", "--json", db=kb))
    [claim] = profile["claims"]
    assert (claim["type"], claim["role"], [(p["role"], p["name"]) for p in claim["parties"]]) == (
        "leader_of", "chief", [("subject", "Karim Osman"), ("object", "Northern Valley Front")])
    [evidence] = claim["evidence"]
    assert (evidence["document"], evidence["sentence"]) == ("front", LEADER_SENTENCE)
    assert [(s["local_id"], s["title"], s["url"]) for s in evidence["sources"]] == [
        ("2", "Front moves its base", "https://ledger.example.com/front-moves")]


def test_show_prints_names_claims_evidence_and_sources(cli, kb):
    result = cli("show", "NVF", db=kb)
    assert result.returncode == 0, result.stderr
    text = words(result.stdout)
    assert "Northern Valley Front organization 2 documents, 1 claims" in text
    assert "Northern Valley Front delta, front" in text and "NVF front" in text
    assert "leader of ← Karim Osman (chief)" in text
    assert f"“{LEADER_SENTENCE}” — front [2: “Front moves its base”, Daily Ledger, 2017-02-03]" in text


# ---- export ---------------------------------------------------------------------------------

def test_export_writes_one_json_per_document(cli, kb, tmp_path):
    out = tmp_path / "out"
    result = cli("export", "--format", "extract-json", "--out", out, db=kb)
    assert result.returncode == 0, result.stderr
    assert f"wrote 2 files to {out}" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["delta.json", "front.json"]


def test_exported_files_are_valid_for_the_scorer(cli, kb, tmp_path, scorer):
    out = tmp_path / "out"
    assert cli("export", "--format", "extract-json", "--out", out, db=kb).returncode == 0
    for exported in sorted(out.iterdir()):
        scored = subprocess.run([sys.executable, str(scorer), str(exported), str(exported), "--json"],
                                capture_output=True, text=True)
        assert scored.returncode == 0, scored.stderr
        assert json.loads(scored.stdout)["total"]["sources"]["f1"] == 1.0


def test_exported_sources_are_the_documents_footnotes(cli, kb, tmp_path):
    out = tmp_path / "out"
    assert cli("export", "--format", "extract-json", "--out", out, db=kb).returncode == 0
    front = json.loads((out / "front.json").read_text())
    assert front["format"] == "dossier-extract/1"
    assert [(s["id"], s["title"], s["publisher"], s["author"], s["date"], s["url"]) for s in front["sources"]] \
        == [tuple(s) for s in FRONT_SOURCES]


def test_export_gives_documents_that_share_a_name_distinct_files(cli, db, tmp_path):
    write(tmp_path / "a", "report.md", FRONT_REPORT)
    write(tmp_path / "b", "report.md", DELTA_REPORT)
    assert cli("ingest", tmp_path / "a", tmp_path / "b", db=db).returncode == 0
    out = tmp_path / "out"
    assert cli("export", "--format", "extract-json", "--out", out, db=db).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["report-2.json", "report.json"]
    assert json.loads((out / "report.json").read_text())["document"]["title"] == "The Northern Valley Front after 2015"
    assert json.loads((out / "report-2.json").read_text())["document"]["title"] == "Smugglers of the Delta"


def test_export_replaces_files_of_an_earlier_export(cli, kb, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "front.json").write_text("{}")
    assert cli("export", "--format", "extract-json", "--out", out, db=kb).returncode == 0
    assert json.loads((out / "front.json").read_text())["format"] == "dossier-extract/1"


# ---- ingest output --------------------------------------------------------------------------

def test_ingest_json_reports_each_file(cli, db, reports):
    found = as_json(cli("ingest", reports, "--json", db=db))
    assert [(Path(r["path"]).name, r["status"], r["sources"]) for r in found["results"]] == [
        ("delta.md", "added", 2), ("front.md", "added", 3)]
    assert found["skipped"] == {}


def test_ingest_counts_files_of_formats_it_does_not_read(cli, db, tmp_path):
    write(tmp_path / "in", "front.md", FRONT_REPORT)
    write(tmp_path / "in", "notes.docx", "not read")
    write(tmp_path / "in", "data.csv", "a,b")
    result = cli("ingest", tmp_path / "in", db=db)
    assert result.returncode == 0, result.stderr
    assert "1 files: 1 added; skipped 1 .csv, 1 .docx (not a readable format)" in result.stdout


# ---- the library API ------------------------------------------------------------------------

def test_library_ingest_and_open_work_from_python(tmp_path, reports):
    db = tmp_path / "kb.db"
    report = dossier.ingest([reports], db=db, workers=1, extractor="simple")
    assert [(Path(r.path).name, r.status) for r in report.results] == [("delta.md", "added"), ("front.md", "added")]
    with dossier.open(db) as kb:
        profile = kb.entity("NVF")
        assert profile.entity.name == "Northern Valley Front"
        assert [d.name for d in kb.documents()] == ["delta", "front"]
