"""Exports asked for what cannot be written: one clear line, a non-zero exit, no file left behind."""
from __future__ import annotations

import os
import stat

import pytest

from dossier.store import open_store
from samples import dump, error_line

FORMATS = ("stix", "csv")


def nothing_in(folder) -> list[str]:
    """The names in a folder (none, when it does not exist)."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unknown_entity_is_named_in_the_error(fmt, river_db, tmp_path, cli):
    result = cli("export", "--format", fmt, "--out", tmp_path / "out", "--entity", "Zarqa Nobody", db=river_db)
    assert result.returncode == 1
    assert error_line(result).startswith("Error: no entity called 'Zarqa Nobody'")
    assert nothing_in(tmp_path / "out") == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_neighbourhood_depth_under_one_is_an_error(fmt, river_db, tmp_path, cli):
    result = cli("export", "--format", fmt, "--out", tmp_path / "out", "--entity", "River Front", "--depth", "0",
                 db=river_db)
    assert result.returncode == 2
    assert error_line(result) == "Error: depth 0 is less than 1 — give a depth of 1 or more"
    assert nothing_in(tmp_path / "out") == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_knowledge_base_is_an_error(fmt, tmp_path, cli):
    db = tmp_path / "empty.db"
    open_store(db, create=True).close()
    result = cli("export", "--format", fmt, "--out", tmp_path / "out", db=db)
    assert result.returncode == 1
    assert error_line(result) == ("Error: the knowledge base holds no documents — ingest some with "
                                  "`dossier ingest FILES` first")
    assert nothing_in(tmp_path / "out") == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_as_of_date_before_anything_happened_is_an_error(fmt, river_db, tmp_path, cli):
    result = cli("export", "--format", fmt, "--out", tmp_path / "out", "--as-of", "1990", db=river_db)
    assert result.returncode == 1
    assert error_line(result) == ("Error: nothing in the knowledge base happened by 1990 (its earliest date is "
                                  "2014-03) — give a later --as-of date")
    assert nothing_in(tmp_path / "out") == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_as_of_that_is_no_date_is_a_usage_error(fmt, river_db, tmp_path, cli):
    result = cli("export", "--format", fmt, "--out", tmp_path / "out", "--as-of", "soon", db=river_db)
    assert result.returncode == 2
    assert "'soon' is not a date" in error_line(result)
    assert nothing_in(tmp_path / "out") == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unwritable_output_folder_is_an_error(fmt, river_db, tmp_path, cli):
    out = tmp_path / "locked"
    out.mkdir()
    os.chmod(out, stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = cli("export", "--format", fmt, "--out", out, db=river_db)
    finally:
        os.chmod(out, stat.S_IRWXU)
    assert result.returncode == 2
    assert error_line(result) == f"Error: {out}: folder is not writable — choose another --out"
    assert nothing_in(out) == []


@pytest.mark.parametrize("fmt, name", [("stix", "bundle.json"), ("csv", "evidence.csv")])
def test_a_file_that_cannot_be_written_leaves_no_other_file(fmt, name, river_db, tmp_path, cli):
    out = tmp_path / "out"
    (out / name).mkdir(parents=True)  # a folder where the export wants to put a file
    before = dump(river_db)
    result = cli("export", "--format", fmt, "--out", out, db=river_db)
    assert result.returncode == 2
    assert error_line(result) == f"Error: {out}: cannot write the export ({name} is a folder) — choose another --out"
    assert nothing_in(out) == [name]
    assert dump(river_db) == before
