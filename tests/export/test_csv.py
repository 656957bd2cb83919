"""`export --format csv`: one RFC 4180 table per kind of row, read back with the csv module."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from river_reports import export

TABLES = ("documents", "sources", "entities", "names", "relations", "events", "participants", "evidence")


def read_tables(folder: Path) -> dict[str, list[dict]]:
    """Every table of an export, as rows of column → text."""
    tables = {}
    for name in TABLES:
        with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
            tables[name] = list(csv.DictReader(f))
    return tables


@pytest.fixture
def tables(river_db, tmp_path, cli) -> dict[str, list[dict]]:
    """The whole knowledge base exported through the command line and read back."""
    export(cli, river_db, "csv", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    return read_tables(tmp_path)


def test_each_table_has_as_many_rows_as_the_library_counts(tables, river):
    documents = river.documents()
    assert len(tables["documents"]) == len(documents)
    assert len(tables["sources"]) == len(river.sources())
    assert len(tables["entities"]) == len(river.entities())
    assert len(tables["relations"]) + len(tables["events"]) == sum(d.claims for d in documents)


def test_every_id_refers_to_a_row_that_exists(tables):
    ids = {name: {row["id"] for row in tables[name]} for name in ("documents", "sources", "entities", "evidence")}
    claims = {row["id"] for row in tables["relations"]} | {row["id"] for row in tables["events"]}
    events = {row["id"] for row in tables["events"]}
    assert {r["document_id"] for r in tables["sources"]} <= ids["documents"]
    assert {r["entity_id"] for r in tables["names"]} == ids["entities"]
    assert {r[end] for r in tables["relations"] for end in ("subject_id", "object_id")} <= ids["entities"]
    assert {r["document_id"] for t in ("relations", "events", "evidence") for r in tables[t]} <= ids["documents"]
    assert {r["event_id"] for r in tables["participants"]} <= events
    assert {r["entity_id"] for r in tables["participants"]} <= ids["entities"]
    assert {r["claim_id"] for r in tables["evidence"]} == claims  # every claim has its evidence
    assert {s for r in tables["evidence"] for s in r["source_ids"].split()} <= ids["sources"]


def test_a_relation_row_has_its_period_and_entities(tables):
    name_of = {r["id"]: r["name"] for r in tables["entities"]}
    led = [r for r in tables["relations"] if r["type"] == "leader_of" and r["start"]]
    assert sorted((name_of[r["subject_id"]], name_of[r["object_id"]], r["start"], r["end"]) for r in led) == [
        ("Bilal Sethi", "River Liberation Front", "2018-07", ""),
        ("Haroon Qadri", "River Liberation Front", "2014-03", "2018-06")]


def test_every_name_of_an_entity_is_a_row_with_its_document(tables):
    qadri = next(r["id"] for r in tables["entities"] if r["name"] == "Haroon Qadri")
    names = {(r["name"], r["document"], r["main"]) for r in tables["names"] if r["entity_id"] == qadri}
    assert ("Abu Talha", "river-front", "0") in names
    assert ("Haroon Qadri", "qadri-custody", "1") in names


def test_sentences_and_sources_read_back_exactly(tables, river):
    profile = river.entity("Naveed Anjum")
    stated = profile.claims[0].evidence[0]
    row = next(r for r in tables["evidence"] if r["sentence"] == stated.sentence)
    assert (int(row["start"]), int(row["end"])) == (stated.start, stated.end)
    cited = [s for s in tables["sources"] if s["id"] in row["source_ids"].split()]
    assert [(s["title"], s["publisher"], s["url"]) for s in cited] == [
        ("A new chief for the Front", "Daily Ledger", "https://ledger.example.com/new-chief")]


def test_event_participants_are_rows_with_their_roles(tables):
    name_of = {r["id"]: r["name"] for r in tables["entities"]}
    arrest = next(r for r in tables["events"] if r["type"] == "arrest")
    assert arrest["date"] == "2019-08"
    assert [(p["role"], name_of[p["entity_id"]]) for p in tables["participants"] if p["event_id"] == arrest["id"]] == [
        ("patient", "Haroon Qadri")]


def test_as_of_keeps_what_holds_then(river_db, tmp_path, cli):
    export(cli, river_db, "csv", tmp_path, "--as-of", "2016-05")
    tables = read_tables(tmp_path)
    assert ("2014-03", "2018-06") in {(r["start"], r["end"]) for r in tables["relations"]}
    assert "2018-07" not in {r["start"] for r in tables["relations"]}
    assert tables["events"] == [] and tables["participants"] == []


def test_entity_narrows_to_its_neighbourhood(river_db, tmp_path, cli):
    export(cli, river_db, "csv", tmp_path, "--entity", "Hill Brigade")
    tables = read_tables(tmp_path)
    assert sorted(r["name"] for r in tables["entities"]) == ["Hill Brigade", "River Liberation Front"]
    assert [r["type"] for r in tables["relations"]] == ["part_of"]
    assert [r["id"] for r in tables["documents"]] == [r["document_id"] for r in tables["relations"]]
