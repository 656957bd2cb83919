"""Bad input to `dossier export --format briefing`: one clear line, a non-zero exit, the store unchanged
and no file written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from samples import dump, error_line

SLUG = "northern-valley-front"


def briefing(cli, db: Path, out: Path, *options: str):
    return cli("export", "--format", "briefing", "--out", out, *options, db=db)


def test_without_entity_says_a_briefing_needs_one(cli, valley_db, tmp_path):
    result = briefing(cli, valley_db, tmp_path / "out")
    assert result.returncode == 2
    assert error_line(result) == ("Error: briefing needs --entity NAME — give the entity or organization the "
                                  "briefing is about")
    assert not (tmp_path / "out").exists()


def test_unknown_entity_is_named_in_one_line(cli, valley_db, tmp_path):
    before = dump(valley_db)
    result = briefing(cli, valley_db, tmp_path / "out", "--entity", "Southern Hills Army")
    assert result.returncode == 1
    assert error_line(result).startswith("Error: no entity called 'Southern Hills Army' — ")
    assert not (tmp_path / "out").exists()
    assert dump(valley_db) == before


def test_empty_base_has_no_entity_to_brief(cli, tmp_path):
    from dossier.store import open_store
    db = tmp_path / "empty.db"
    open_store(db, create=True).close()
    result = briefing(cli, db, tmp_path / "out", "--entity", "NVF")
    assert result.returncode == 1
    assert error_line(result).startswith("Error: no entity called 'NVF' — ")
    assert not (tmp_path / "out").exists()


def test_as_of_before_anything_happened_says_when_things_begin(cli, valley_db, tmp_path):
    result = briefing(cli, valley_db, tmp_path / "out", "--entity", "NVF", "--as-of", "1990")
    assert result.returncode == 2
    assert error_line(result) == ("Error: nothing is known of Northern Valley Front as of 1990; its earliest dated "
                                  "fact is 2012-03 — give a later --as-of")
    assert not (tmp_path / "out").exists()


def test_as_of_that_is_no_date_is_refused(cli, valley_db, tmp_path):
    result = briefing(cli, valley_db, tmp_path / "out", "--entity", "NVF", "--as-of", "soon")
    assert result.returncode == 2
    assert error_line(result).startswith("Error: 'soon' is not a date")


@pytest.mark.skipif(os.name != "posix", reason="folder modes")
def test_unwritable_folder_is_refused_and_left_empty(cli, valley_db, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = briefing(cli, valley_db, locked, "--entity", "NVF")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert error_line(result) == f"Error: {locked}: folder is not writable — choose another --out"
    assert list(locked.iterdir()) == []


def test_out_that_is_a_file_is_refused(cli, valley_db, tmp_path):
    taken = tmp_path / "taken.txt"
    taken.write_text("mine\n")
    result = briefing(cli, valley_db, taken, "--entity", "NVF")
    assert result.returncode == 2
    assert error_line(result) == f"Error: {taken}: exists and is not a folder — give a folder for --out"
    assert taken.read_text() == "mine\n"


def test_a_file_that_cannot_be_written_leaves_none_of_the_others(cli, valley_db, tmp_path):
    out = tmp_path / "out"
    (out / f"{SLUG}.html").mkdir(parents=True)  # the page's name is taken by a folder
    result = briefing(cli, valley_db, out, "--entity", "NVF")
    assert result.returncode == 2
    assert error_line(result).startswith(f"Error: {out}: cannot write the export")
    assert sorted(p.name for p in out.iterdir()) == [f"{SLUG}.html"]
