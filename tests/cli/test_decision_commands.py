"""merge, split, decisions and undo through the real command line: the decision changes show and
explain at once, survives re-ingest (forced, or of a changed file), and undo restores."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from samples import REPORTS, words


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return words(result.stdout)


def documents_of(cli, db, name: str) -> list[str]:
    """The documents whose records make up the entity a name finds."""
    explanation = json.loads(ok(cli("explain", name, "--json", db=db)))
    return sorted(r["document"] for r in explanation["records"])


@pytest.fixture
def folder(tmp_path):
    """A copy of the reports, to change."""
    copy = tmp_path / "reports"
    shutil.copytree(REPORTS, copy)
    return copy


@pytest.fixture
def built(cli, folder, tmp_path):
    """A knowledge base of the copied reports."""
    db = tmp_path / "kb.db"
    assert cli("ingest", folder, "--workers", "1", db=db).returncode == 0
    return db


def test_merge_prints_the_decision_and_show_has_both_names(cli, reports_copy):
    assert ok(cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", "--note", "birth name", db=reports_copy)) \
        == "decision #1: merge Omar Khalid Khorasani + Abdul Wali Mohmand"
    profile = json.loads(ok(cli("show", "Abdul Wali Mohmand", "--json", db=reports_copy)))
    assert {n["name"] for n in profile["names"]} == {"Omar Khalid Khorasani", "Abdul Wali Mohmand"}
    assert "2022-08-07" in {c["date"] for c in profile["claims"]}


def test_explain_shows_the_merge_decision_and_its_note(cli, reports_copy):
    ok(cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", "--note", "birth name", db=reports_copy))
    text = ok(cli("explain", "Omar Khalid Khorasani", db=reports_copy))
    assert "merged by analyst decision #1" in text
    assert "analyst decisions #1 merge Omar Khalid Khorasani + Abdul Wali Mohmand — birth name" in text


def test_a_merge_survives_forced_reingest(cli, built, folder):
    ok(cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", db=built))
    assert "5 updated" in ok(cli("ingest", folder, "--force", "--workers", "1", db=built))
    assert documents_of(cli, built, "Abdul Wali Mohmand") == ["paktika-blast", "ttp-ahrar"]


def test_a_merge_survives_reingest_of_a_changed_file(cli, built, folder):
    ok(cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", db=built))
    ahrar = folder / "ttp-ahrar.md"
    ahrar.write_text(ahrar.read_text().replace("# Jamaat-ul-Ahrar, from breakaway to return",
                                               "# Jamaat-ul-Ahrar: a breakaway that came back"))
    assert "1 updated" in ok(cli("ingest", folder, "--workers", "1", db=built))
    assert documents_of(cli, built, "Abdul Wali Mohmand") == ["paktika-blast", "ttp-ahrar"]


def test_undo_parts_merged_entities_and_decisions_lists_it_as_undone(cli, reports_copy):
    ok(cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", db=reports_copy))
    assert ok(cli("undo", "1", db=reports_copy)).endswith("(undone)")
    assert documents_of(cli, reports_copy, "Abdul Wali Mohmand") == ["paktika-blast"]
    listed = json.loads(ok(cli("decisions", "--json", db=reports_copy)))
    assert [(d["id"], d["kind"], bool(d["undone_at"])) for d in listed] == [(1, "merge", True)]


def test_split_makes_an_entity_of_the_records_using_a_name(cli, reports_copy):
    assert ok(cli("split", "TTP", "Tehreek-e-Taliban Pakistan", db=reports_copy)) == (
        "decision #1: split 'Tehreek-e-Taliban Pakistan' off Tehrik-i-Taliban Pakistan")
    assert documents_of(cli, reports_copy, "Tehreek-e-Taliban Pakistan") == ["ttp-split"]
    assert documents_of(cli, reports_copy, "Tehrik-i-Taliban Pakistan") == [
        "paktika-blast", "ttp-ahrar", "ttp-ehsan", "ttp-leaders"]


def test_a_split_survives_forced_reingest_and_undo_joins_again(cli, built, folder):
    ok(cli("split", "TTP", "Tehreek-e-Taliban Pakistan", db=built))
    ok(cli("ingest", folder, "--force", "--workers", "1", db=built))
    assert documents_of(cli, built, "Tehreek-e-Taliban Pakistan") == ["ttp-split"]
    ok(cli("undo", "#1", db=built))
    assert len(documents_of(cli, built, "Tehreek-e-Taliban Pakistan")) == 5


def test_decisions_table_shows_kind_names_and_note(cli, reports_copy):
    ok(cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", "--note", "birth name", db=reports_copy))
    text = ok(cli("decisions", db=reports_copy))
    assert text.startswith("1 decisions")
    assert "#1 merge Omar Khalid Khorasani + Abdul Wali Mohmand person birth name" in text
