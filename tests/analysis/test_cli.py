"""`dossier analyze` and the graph exports on the command line: tables with their evidence, JSON, and
bad input as one `Error:` line, a non-zero exit, the database unchanged and no file written."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from samples import error_line, words


@pytest.fixture
def groups_copy(groups_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "groups.db"
    shutil.copyfile(groups_db, copy)
    return copy


def refused(cli, db: Path, *args: str) -> tuple[str, int]:
    """Run a command that must fail; the database and its folder stay as they were; the error line
    and the exit status."""
    before, files = db.read_bytes(), sorted(db.parent.iterdir())
    result = cli(*args, db=db)
    line = error_line(result)
    assert result.stdout == ""
    assert db.read_bytes() == before
    assert sorted(db.parent.iterdir()) == files
    return line, result.returncode


def test_analyze_prints_the_broker_and_the_succession_with_sources(cli, groups_db):
    result = cli("analyze", "--org", "CRB", db=groups_db)
    assert result.returncode == 0, result.stderr
    text = words(result.stdout)
    assert "brokers (tied to several communities or organizations)" in text
    assert "Idris Malang (person)" in text
    assert "member of Silver Delta Movement (community " in text
    assert "leadership succession: 3 leaders" in text
    assert "Tariq Baloch 2011-03 – 2015-06 succeeded by Nadir Qasimi ridge [1]" in text
    assert "Hamid Rostami member of since 2012 Quetta ridge [2]" in text
    assert "Pakistan Quetta 1 Hamid Rostami" in text


def test_analyze_json_has_every_part(cli, groups_db):
    result = cli("analyze", "--org", "Silver Delta Movement", "--json", db=groups_db)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert {"entities", "relations", "central", "communities", "brokers", "organization"} <= found.keys()
    assert found["organization"]["brokers"][0]["name"] == "Idris Malang"
    assert found["organization"]["brokers"][0]["evidence"] == [{"document": "delta", "sources": ["2"]},
                                                               {"document": "ridge", "sources": ["4"]}]


def test_an_unknown_organization_is_one_line(cli, groups_copy):
    line, code = refused(cli, groups_copy, "analyze", "--org", "Zebulon Quince")
    assert line == "Error: no entity called 'Zebulon Quince' — list names with `dossier entities`"
    assert code == 1


def test_a_person_is_not_an_organization(cli, groups_copy):
    line, code = refused(cli, groups_copy, "analyze", "--org", "Hamid Rostami")
    assert line == "Error: 'Hamid Rostami' is a person, not an organization — give --org an organization"
    assert code == 2


def test_a_date_before_anything_happened_says_when_things_began(cli, groups_copy):
    line, code = refused(cli, groups_copy, "analyze", "--as-of", "1900")
    assert line == ("Error: nothing in the knowledge base happened by 1900 (its earliest date is 2011-03)"
                    " — give a later --as-of date")
    assert code == 1


def test_a_date_that_is_not_one_is_a_usage_error(cli, groups_copy):
    line, code = refused(cli, groups_copy, "analyze", "--as-of", "last spring")
    assert line == "Error: 'last spring' is not a date — give the as-of date as YYYY, YYYY-MM or YYYY-MM-DD"
    assert code == 2


def test_an_empty_base_has_nothing_to_analyze(cli, empty_db):
    line, code = refused(cli, empty_db, "analyze")
    assert line.startswith("Error: the knowledge base holds no documents")
    assert code == 1


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_an_export_before_anything_happened_writes_nothing(cli, groups_copy, tmp_path, format):
    out = tmp_path / "out"
    line, code = refused(cli, groups_copy, "export", "--format", format, "--out", out, "--as-of", "1900")
    assert "nothing in the knowledge base happened by 1900" in line
    assert code == 1
    assert not out.exists()


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_an_export_over_a_file_writes_nothing(cli, groups_copy, tmp_path, format):
    out = tmp_path / "taken"
    out.write_text("not a folder\n", encoding="utf-8")
    line, code = refused(cli, groups_copy, "export", "--format", format, "--out", out)
    assert line == f"Error: {out}: exists and is not a folder — give a folder for --out"
    assert code == 2
    assert out.read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_an_export_into_a_read_only_folder_writes_nothing(cli, groups_copy, tmp_path, format):
    out = tmp_path / "locked"
    out.mkdir()
    out.chmod(0o555)
    try:
        line, code = refused(cli, groups_copy, "export", "--format", format, "--out", out)
    finally:
        out.chmod(0o755)
    assert line == f"Error: {out}: folder is not writable — choose another --out"
    assert code == 2
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_an_export_of_an_empty_base_writes_nothing(cli, empty_db, tmp_path, format):
    out = tmp_path / "out"
    line, code = refused(cli, empty_db, "export", "--format", format, "--out", out)
    assert line.startswith("Error: the knowledge base holds no documents")
    assert code == 1
    assert not out.exists()


def test_an_export_around_an_unknown_entity_writes_nothing(cli, groups_copy, tmp_path):
    out = tmp_path / "out"
    line, code = refused(cli, groups_copy, "export", "--format", "graphml", "--out", out, "--entity", "Zebulon Quince")
    assert line == "Error: no entity called 'Zebulon Quince' — list names with `dossier entities`"
    assert code == 1
    assert not out.exists()
