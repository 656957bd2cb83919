"""Bad input: one clear line on stderr, no traceback, the right exit status, and the store as it was."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from samples import DELTA_REPORT, FRONT_REPORT, dump, error_line, write

LATIN1_REPORT = "Caf\xe9 owners in Quetta said Hamid Baloch, the chief of the Quetta Traders Council, paid them.\n"


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def make_pdf(path: Path) -> Path:
    """A one-page PDF with a text layer, written with reportlab."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for i, line in enumerate(["Karim Osman, the chief of the Northern Valley Front, moved to Lahore in 2016.",
                              "Police in Peshawar arrested two couriers of the group in May 2018."]):
        pdf.drawString(72, 780 - 20 * i, line)
    pdf.showPage()
    pdf.save()
    return path


# ---- files that cannot be read --------------------------------------------------------------

def test_empty_file_is_refused_and_store_unchanged(cli, kb_copy, tmp_path):
    empty = write(tmp_path / "in", "empty.md", "")
    before = dump(kb_copy)
    result = cli("ingest", empty, db=kb_copy)
    line = error_line(result)
    assert "empty.md" in line and "empty file" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_binary_garbage_named_md_is_refused_as_binary(cli, kb_copy, tmp_path):
    garbage = tmp_path / "garbage.md"
    garbage.write_bytes(bytes(range(256)) * 12)
    before = dump(kb_copy)
    result = cli("ingest", garbage, db=kb_copy)
    line = error_line(result)
    assert "garbage.md" in line and "binary content" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_unsupported_extension_is_refused_with_the_formats_dossier_reads(cli, kb_copy, tmp_path):
    docx = tmp_path / "brief.docx"
    docx.write_bytes(b"PK\x03\x04 not really a word file")
    before = dump(kb_copy)
    result = cli("ingest", docx, db=kb_copy)
    line = error_line(result)
    assert "brief.docx" in line and "unsupported format '.docx'" in line and ".md" in line and ".pdf" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_truncated_pdf_is_refused_as_damaged(cli, kb_copy, tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf").read_bytes()
    half = tmp_path / "half.pdf"
    half.write_bytes(whole[:len(whole) // 2])
    before = dump(kb_copy)
    result = cli("ingest", half, db=kb_copy)
    line = error_line(result)
    assert "half.pdf" in line and "damaged or truncated" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_the_whole_pdf_the_truncated_one_was_cut_from_is_readable(cli, db, tmp_path):
    result = cli("ingest", make_pdf(tmp_path / "whole.pdf"), db=db)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout


def test_invalid_utf8_names_the_byte_and_suggests_encoding(cli, kb_copy, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes(LATIN1_REPORT.encode("cp1252"))
    before = dump(kb_copy)
    result = cli("ingest", latin, db=kb_copy)
    line = error_line(result)
    assert "latin.md" in line and "not valid UTF-8" in line and "byte 3" in line and "--encoding" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_encoding_option_reads_a_cp1252_file(cli, db, tmp_path):
    latin = tmp_path / "latin.md"
    latin.write_bytes(LATIN1_REPORT.encode("cp1252"))
    result = cli("ingest", latin, "--encoding", "cp1252", db=db)
    assert result.returncode == 0, result.stderr
    stored = sqlite3.connect(db).execute("SELECT text FROM documents").fetchone()[0]
    assert stored.startswith("Café owners in Quetta")


def test_file_over_the_size_limit_is_refused_with_how_to_raise_it(cli, kb_copy, tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)  # 50 MB without writing them: the limit is checked before reading
    before = dump(kb_copy)
    result = cli("ingest", big, db=kb_copy)
    line = error_line(result)
    assert "big.md" in line and "50.0 MB" in line and "limit" in line and "--max-size" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_max_size_raises_the_limit(cli, db, tmp_path):
    big = tmp_path / "big.md"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)
    result = cli("ingest", big, "--max-size", "60", db=db)
    line = error_line(result)  # read now, and refused for what it holds (zeros), not for its size
    assert "big.md" in line and "binary content" in line


def test_max_size_lowers_the_limit(cli, db, tmp_path):
    report = write(tmp_path, "front.md", FRONT_REPORT)
    result = cli("ingest", report, "--max-size", "0.0005", db=db)
    line = error_line(result)
    assert "front.md" in line and "larger than" in line
    assert not db.exists()


def test_missing_input_file_is_named(cli, kb_copy, tmp_path):
    before = dump(kb_copy)
    result = cli("ingest", tmp_path / "nowhere.md", db=kb_copy)
    line = error_line(result)
    assert "nowhere.md" in line and "no such file" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_failed_ingest_into_a_new_path_creates_no_database(cli, db, tmp_path):
    result = cli("ingest", write(tmp_path / "in", "empty.md", ""), db=db)
    assert result.returncode == 1
    assert listing(db.parent) == ["in"]


# ---- one bad file among good ones -----------------------------------------------------------

@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    write(folder, "front.md", FRONT_REPORT)
    write(folder, "delta.md", DELTA_REPORT)
    (folder / "broken.md").write_bytes(LATIN1_REPORT.encode("cp1252"))
    return folder


def test_folder_with_one_bad_file_stores_the_good_ones_and_exits_zero(cli, db, mixed_folder):
    result = cli("ingest", mixed_folder, db=db)
    line = error_line(result)
    assert "broken.md" in line and "not valid UTF-8" in line
    assert result.returncode == 0
    assert "3 files: 2 added, 1 failed" in result.stdout
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM documents ORDER BY name")]
    assert names == ["delta", "front"]


def test_strict_makes_one_bad_file_exit_one(cli, db, mixed_folder):
    result = cli("ingest", mixed_folder, "--strict", db=db)
    assert "broken.md" in error_line(result)
    assert result.returncode == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 2


# ---- databases that cannot be used ----------------------------------------------------------

@pytest.mark.parametrize("command", [["documents"], ["show", "Karim Osman"], ["sources"], ["entities"]])
def test_read_command_on_missing_database_creates_nothing(cli, tmp_path, command):
    missing = tmp_path / "missing.db"
    result = cli(*command, db=missing)
    line = error_line(result)
    assert "missing.db" in line and "no database here" in line and "dossier ingest" in line
    assert result.returncode == 1
    assert listing(tmp_path) == []


def test_ingest_into_a_folder_that_does_not_exist_is_refused(cli, tmp_path):
    report = write(tmp_path / "in", "front.md", FRONT_REPORT)
    result = cli("ingest", report, db=tmp_path / "no-such-folder" / "kb.db")
    line = error_line(result)
    assert "no-such-folder" in line and "does not exist" in line
    assert result.returncode == 1
    assert listing(tmp_path) == ["in"]


@pytest.mark.parametrize("lock", ["IMMEDIATE", "EXCLUSIVE"])
def test_locked_database_is_reported_and_left_unchanged(cli, kb_copy, tmp_path, lock):
    report = write(tmp_path / "in", "extra.md", FRONT_REPORT.replace("Karim Osman", "Nabil Osman"))
    before = dump(kb_copy)
    holder = sqlite3.connect(kb_copy, isolation_level=None)
    holder.execute(f"BEGIN {lock}")
    try:
        result = cli("ingest", report, db=kb_copy)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = error_line(result)
    assert "kb.db" in line and "locked" in line
    assert result.returncode == 1
    assert dump(kb_copy) == before


def test_read_only_database_refuses_ingest_and_stays_unchanged(cli, kb_copy, tmp_path):
    # Mode bits are honoured even for root (whom the kernel would let write), so this holds for any user.
    report = write(tmp_path / "in", "extra.md", FRONT_REPORT.replace("Karim Osman", "Nabil Osman"))
    kb_copy.chmod(0o444)
    before = kb_copy.read_bytes()
    result = cli("ingest", report, db=kb_copy)
    line = error_line(result)
    assert "kb.db" in line and "read-only" in line
    assert result.returncode == 1
    assert kb_copy.read_bytes() == before


def test_read_only_database_can_still_be_read(cli, kb_copy):
    kb_copy.chmod(0o444)
    result = cli("documents", "--json", db=kb_copy)
    assert result.returncode == 0, result.stderr
    assert "front" in result.stdout


def test_random_bytes_are_not_a_database(cli, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    before = junk.read_bytes()
    for command in (["documents"], ["ingest", write(tmp_path / "in", "front.md", FRONT_REPORT)]):
        result = cli(*command, db=junk)
        line = error_line(result)
        assert "junk.db" in line and "not an SQLite file" in line
        assert result.returncode == 1
    assert junk.read_bytes() == before
    assert listing(tmp_path) == ["in", "junk.db"]


def test_truncated_database_is_reported_as_damaged(cli, kb, tmp_path):
    cut = tmp_path / "cut.db"
    whole = kb.read_bytes()
    cut.write_bytes(whole[:len(whole) // 2])
    before = cut.read_bytes()
    for command in (["documents"], ["ingest", write(tmp_path / "in", "other.md", DELTA_REPORT + "\nMore.\n")]):
        result = cli(*command, db=cut)
        line = error_line(result)
        assert "cut.db" in line and "damaged (truncated" in line
        assert result.returncode == 1
    assert cut.read_bytes() == before


def test_newer_schema_version_is_refused_and_file_unchanged(cli, kb_copy, tmp_path):
    connection = sqlite3.connect(kb_copy)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = kb_copy.read_bytes()
    for command in (["documents"], ["ingest", write(tmp_path / "in", "front.md", FRONT_REPORT)]):
        result = cli(*command, db=kb_copy)
        line = error_line(result)
        assert "schema version 99 is newer" in line and "upgrade dossier" in line
        assert result.returncode == 1
    assert kb_copy.read_bytes() == before


def test_database_of_another_program_is_refused(cli, tmp_path):
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.close()
    before = other.read_bytes()
    result = cli("ingest", write(tmp_path / "in", "front.md", FRONT_REPORT), db=other)
    line = error_line(result)
    assert "other.db" in line and "not a dossier database (it has other tables)" in line
    assert other.read_bytes() == before


# ---- values that make no sense --------------------------------------------------------------

def test_unknown_entity_type_lists_the_known_ones(cli, kb):
    before = kb.read_bytes()
    result = cli("entities", "--type", "weapon", db=kb)
    line = error_line(result)
    assert "unknown entity type 'weapon'" in line and "person, organization, location" in line
    assert result.returncode == 2
    assert kb.read_bytes() == before


def test_unknown_export_format_lists_the_known_ones_and_writes_nothing(cli, kb, tmp_path):
    result = cli("export", "--format", "pdf", "--out", tmp_path / "out", db=kb)
    line = error_line(result)
    assert "unknown export format 'pdf'" in line and "extract-json" in line
    assert result.returncode == 2
    assert listing(tmp_path) == []


def test_show_unknown_name_suggests_close_names(cli, kb):
    result = cli("show", "Osman", db=kb)
    line = error_line(result)
    assert line == "Error: no entity called 'Osman' — did you mean: Karim Osman"
    assert result.returncode == 1


def test_show_unknown_name_without_anything_close_points_to_entities(cli, kb):
    result = cli("show", "Zebulon Quince", db=kb)
    line = error_line(result)
    assert line == "Error: no entity called 'Zebulon Quince' — list names with `dossier entities`"
    assert result.returncode == 1


def test_export_onto_an_existing_file_is_refused(cli, kb, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("keep me\n")
    result = cli("export", "--format", "extract-json", "--out", target, db=kb)
    line = error_line(result)
    assert "notes.txt" in line and "not a folder" in line
    assert result.returncode == 2
    assert target.read_text() == "keep me\n"
    assert listing(tmp_path) == ["notes.txt"]


def test_export_into_a_folder_that_cannot_be_created_is_refused(cli, kb, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me\n")
    result = cli("export", "--format", "extract-json", "--out", tmp_path / "notes.txt" / "out", db=kb)
    line = error_line(result)
    assert "cannot create the folder" in line and "notes.txt is not a folder" in line
    assert listing(tmp_path) == ["notes.txt"]


def test_export_into_a_read_only_folder_is_refused_and_leaves_it_empty(cli, kb, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = cli("export", "--format", "extract-json", "--out", locked, db=kb)
    line = error_line(result)
    assert "locked" in line and "not writable" in line
    assert listing(locked) == []


def test_usage_error_is_one_line_with_exit_two(cli, db):
    result = cli("ingest", "--workers", "many", "x.md", db=db)
    line = error_line(result)
    assert "'--workers'" in line and "--help" in line
    assert result.returncode == 2


def test_ingest_without_paths_is_a_usage_error(cli, db):
    result = cli("ingest", db=db)
    assert "Missing argument" in error_line(result)
    assert result.returncode == 2


def test_show_unknown_spelling_suggests_the_name_spelled_alike(cli, kb):
    result = cli("show", "Karim Usmani", db=kb)
    assert error_line(result) == "Error: no entity called 'Karim Usmani' — did you mean: Karim Osman"


def test_show_finds_a_name_in_another_spelling(cli, kb):
    result = cli("show", "Karim Usman", db=kb)
    assert result.returncode == 0 and "Karim Osman" in result.stdout
