"""Bad input to the question and decision commands: one `Error:` line naming the value and the reason,
a non-zero exit, no traceback, and the database file exactly as it was."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from samples import dump, error_line

NOBODY = "Zebulon Quince"
# Every command that takes a name, with the name in each place it can stand.
NAMED = {
    "show": ["show", "{}"],
    "show --as-of": ["show", "{}", "--as-of", "2019"],
    "explain": ["explain", "{}"],
    "leaders": ["leaders", "{}"],
    "timeline": ["timeline", "{}"],
    "conflicts": ["conflicts", "{}"],
    "path from": ["path", "{}", "Afghanistan"],
    "path to": ["path", "Afghanistan", "{}"],
    "network": ["network", "{}"],
    "merge": ["merge", "{}", "Fazlullah"],
    "merge with": ["merge", "Fazlullah", "{}"],
    "split": ["split", "{}", "Fazal"],
}
READERS = [["explain", "TTP"], ["leaders", "TTP"], ["timeline", "TTP"], ["conflicts"], ["path", "TTP", "Afghanistan"],
           ["network", "TTP"], ["decisions"], ["show", "TTP", "--as-of", "2019"]]
WRITERS = [["merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand"],
           ["split", "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"], ["undo", "1"]]
DATED = [["show", "TTP"], ["leaders", "TTP"], ["path", "TTP", "Afghanistan"], ["network", "TTP"]]


def refused(cli, db: Path, *args: str) -> tuple[str, int]:
    """Run a command that must fail; check the database file and its folder are untouched; return
    the error line and the exit status."""
    before, files = db.read_bytes(), sorted(db.parent.iterdir())
    result = cli(*args, db=db)
    line = error_line(result)
    assert result.stdout == ""
    assert db.read_bytes() == before
    assert sorted(db.parent.iterdir()) == files  # no journal, WAL or new file left beside it
    return line, result.returncode


def fill(command: list[str], name: str) -> list[str]:
    return [part.format(name) for part in command]


# ---- names ----------------------------------------------------------------------------------

@pytest.mark.parametrize("command", NAMED.values(), ids=NAMED.keys())
def test_an_unknown_name_is_one_line_pointing_to_entities(cli, reports_copy, command):
    line, code = refused(cli, reports_copy, *fill(command, NOBODY))
    assert line == f"Error: no entity called '{NOBODY}' — list names with `dossier entities`"
    assert code == 1


def test_an_unknown_name_suggests_names_that_contain_it(cli, reports_copy):
    line, code = refused(cli, reports_copy, "leaders", "Ahrar")
    assert line.startswith("Error: no entity called 'Ahrar' — did you mean: ") and "Jamaat-ul-Ahrar" in line
    assert code == 1


@pytest.fixture
def split_copy(cli, reports_copy) -> Path:
    """The reports' knowledge base with the records that spell the TTP 'Tehreek-e-Taliban' split off:
    both parts are called 'TTP' by some document."""
    assert cli("split", "TTP", "Tehreek-e-Taliban Pakistan", db=reports_copy).returncode == 0
    return reports_copy


@pytest.mark.parametrize("command", NAMED.values(), ids=NAMED.keys())
def test_a_name_two_entities_go_by_lists_them_with_their_ids(cli, split_copy, command):
    line, code = refused(cli, split_copy, *fill(command, "TTP"))
    assert line.startswith("Error: 'TTP' names 2 entities: ")
    assert line.count("(#") == 2 and line.count("organization") == 2
    assert line.endswith(" — give a fuller name, or the #ID")
    assert code == 1


def test_an_id_picks_one_of_the_entities_a_name_is_ambiguous_between(cli, split_copy):
    line, _ = refused(cli, split_copy, "show", "TTP")
    first_id = line.split("(#")[1].split(",")[0]
    result = cli("show", f"#{first_id}", db=split_copy)
    assert result.returncode == 0, result.stderr


def test_an_id_no_entity_has_is_refused(cli, reports_copy):
    line, code = refused(cli, reports_copy, "show", "#99999")
    assert line == "Error: no entity with id 99999"
    assert code == 1


# ---- dates and depths -----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2019-13", "2019-02-30", "soon"])
@pytest.mark.parametrize("command", DATED, ids=[c[0] for c in DATED])
def test_an_as_of_that_is_no_date_is_named_and_refused(cli, reports_copy, command, value):
    line, code = refused(cli, reports_copy, *command, "--as-of", value)
    assert line == f"Error: '{value}' is not a date — give the as-of date as YYYY, YYYY-MM or YYYY-MM-DD"
    assert code == 2


@pytest.mark.parametrize("depth", ["0", "-2"])
def test_a_depth_below_one_is_refused(cli, reports_copy, depth):
    line, code = refused(cli, reports_copy, "network", "TTP", "--depth", depth)
    assert line == f"Error: depth {depth} is less than 1 — give a depth of 1 or more"
    assert code == 2


def test_a_depth_that_is_no_number_is_named_and_refused(cli, reports_copy):
    line, code = refused(cli, reports_copy, "network", "TTP", "--depth", "two")
    assert line == "Error: 'two' is not a depth — give --depth as a whole number, 1 or more"
    assert code == 2


# ---- questions without an answer, decisions that cannot be taken -----------------------------

NETWORK_HINT = "see what each is tied to with `dossier network NAME`"
REFUSED = {
    "no path as of a date": (
        ["path", "Omar Khalid Khorasani", "al-Qaeda", "--as-of", "2021"], 1,
        f"Error: no path between 'Omar Khalid Khorasani' and 'al-Qaeda' within 6 relations as of 2021 — {NETWORK_HINT}"),
    "no path from an entity without relations": (
        ["path", "Pakistan Army", "al-Qaeda"], 1,
        f"Error: no path between 'Pakistan Army' and 'al-Qaeda' within 6 relations — {NETWORK_HINT}"),
    "leaders of a person": (
        ["leaders", "Fazlullah"], 2,
        "Error: 'Fazlullah' is a person, not an organization — ask for the leaders of an organization"),
    "merging entities of two types": (
        ["merge", "Omar Khalid Khorasani", "Jamaat-ul-Ahrar"], 1,
        "Error: cannot merge 'Omar Khalid Khorasani' (person) with 'Jamaat-ul-Ahrar' (organization)"
        " — an entity has one type; merge entities of the same type"),
    "splitting a name the entity does not have": (
        ["split", "Jamaat-ul-Ahrar", "Ahrar-ul-Hind"], 1,
        "Error: 'Ahrar-ul-Hind' is not a name of Jamaat-ul-Ahrar — its names: Jamaat-ul-Ahrar"),
    "splitting the only name": (
        ["split", "Omar Khalid Khorasani", "Omar Khalid Khorasani"], 1,
        "Error: every document that names Omar Khalid Khorasani calls it 'Omar Khalid Khorasani': nothing is left"
        " to split it from — a name one document gives an entity stays with that document's entity"),
    "undoing an unknown decision": (
        ["undo", "7"], 1, "Error: no decision #7 — list them with `dossier decisions`"),
    "undoing something that is no number": (
        ["undo", "last"], 2, "Error: 'last' is not a decision number — give the number `dossier decisions` shows"),
}


@pytest.mark.parametrize("command,code,expected", REFUSED.values(), ids=REFUSED.keys())
def test_what_has_no_answer_or_makes_no_sense_is_one_line(cli, reports_copy, command, code, expected):
    assert refused(cli, reports_copy, *command) == (expected, code)


@pytest.mark.parametrize("command,code,said", [
    (["path", "TTP", "Tehrik-i-Taliban Pakistan"], 2, ("are one entity, ", " — give two different entities")),
    (["merge", "TTP", "Tehrik-i-Taliban Pakistan"], 1, ("are already one entity, ", " — see why with `dossier explain")),
], ids=["path", "merge"])
def test_two_names_of_one_entity_are_refused_where_two_entities_are_needed(cli, reports_copy, command, code, said):
    line, status = refused(cli, reports_copy, *command)
    assert line.startswith(f"Error: 'TTP' and 'Tehrik-i-Taliban Pakistan' {said[0]}") and said[1] in line
    assert status == code


def test_a_merge_that_a_split_forbids_is_refused_and_not_recorded(cli, split_copy):
    # the merge is tried in a transaction that is rolled back: the content is as it was (the header's
    # change counter is not)
    before = dump(split_copy)
    result = cli("merge", "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", db=split_copy)
    assert error_line(result) == (
        "Error: 'Tehrik-i-Taliban Pakistan' and 'Tehreek-e-Taliban Pakistan' are kept apart by split decision #1"
        " — undo that split first with `dossier undo ID`")
    assert result.returncode == 1
    assert dump(split_copy) == before


def test_undoing_a_decision_twice_is_refused(cli, split_copy):
    assert cli("undo", "1", db=split_copy).returncode == 0
    line, code = refused(cli, split_copy, "undo", "1")
    assert line.startswith("Error: decision #1 was already undone at ")
    assert code == 1


@pytest.mark.parametrize("command", WRITERS, ids=[c[0] for c in WRITERS])
def test_a_decision_on_a_read_only_database_is_refused(cli, split_copy, command):
    split_copy.chmod(0o444)
    line, code = refused(cli, split_copy, *command)
    assert "reports.db" in line and "read-only" in line
    assert code == 1


def test_a_decision_on_a_locked_database_is_refused(cli, reports_copy):
    before = reports_copy.read_bytes()  # not while locked: closing any handle on the file drops the process's locks
    holder = sqlite3.connect(reports_copy, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("merge", "Omar Khalid Khorasani", "Abdul Wali Mohmand", db=reports_copy)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = error_line(result)
    assert "reports.db" in line and "locked" in line
    assert result.returncode == 1
    assert reports_copy.read_bytes() == before


# ---- databases that cannot be used ----------------------------------------------------------

@pytest.mark.parametrize("command", READERS + WRITERS, ids=[" ".join(c[:1]) for c in READERS + WRITERS])
def test_a_missing_database_is_named_and_not_created(cli, tmp_path, command):
    missing = tmp_path / "missing.db"
    result = cli(*command, db=missing)
    line = error_line(result)
    assert "missing.db" in line and "no database here" in line and "dossier ingest" in line
    assert result.returncode == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", READERS + WRITERS, ids=[" ".join(c[:1]) for c in READERS + WRITERS])
def test_random_bytes_are_no_database(cli, tmp_path, command):
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    line, code = refused(cli, junk, *command)
    assert "junk.db" in line and "not an SQLite file" in line
    assert code == 1


@pytest.mark.parametrize("command", READERS + WRITERS, ids=[" ".join(c[:1]) for c in READERS + WRITERS])
def test_a_truncated_database_is_reported_as_damaged(cli, reports_db, tmp_path, command):
    cut = tmp_path / "cut.db"
    whole = reports_db.read_bytes()
    cut.write_bytes(whole[:len(whole) // 2])
    line, code = refused(cli, cut, *command)
    assert "cut.db" in line and "damaged (truncated" in line
    assert code == 1
