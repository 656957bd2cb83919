"""An ingest killed or interrupted half way leaves a sound store holding only whole documents.

The `simple` extractor keeps these runs quick; what is tested here is the store, whatever fills it.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dossier
from samples import generated_report, write

FILES = 150
COUNTS = {
    "entities": "SELECT count(*) FROM doc_entities WHERE document_id = ?",
    "names": "SELECT count(*) FROM names n JOIN doc_entities e ON e.id = n.doc_entity_id WHERE e.document_id = ?",
    "mentions": "SELECT count(*) FROM mentions m JOIN doc_entities e ON e.id = m.doc_entity_id"
                " WHERE e.document_id = ?",
    "claims": "SELECT count(*) FROM claims WHERE document_id = ?",
    "evidence": "SELECT count(*) FROM evidence v JOIN claims c ON c.id = v.claim_id WHERE c.document_id = ?",
    "cited": "SELECT count(*) FROM evidence_sources x JOIN evidence v ON v.id = x.evidence_id"
             " JOIN claims c ON c.id = v.claim_id WHERE c.document_id = ?",
    "sources": "SELECT count(*) FROM sources WHERE document_id = ?",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 generated reports, each with its own group, leader and 25 footnotes."""
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(FILES):
        write(folder, f"report-{n:03d}.md", generated_report(n))
    return folder


def start_ingest(corpus: Path, db: Path, *extra: str) -> subprocess.Popen:
    """`dossier ingest` running in its own process group, as a shell would start it."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("DOSSIER_DB", None)
    command = [sys.executable, "-m", "dossier", "ingest", str(corpus), "--db", str(db), "--extractor", "simple"]
    return subprocess.Popen([*command, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def stored_count(db: Path) -> int:
    """Documents committed so far, read without writing (0 while the file is not there or not ready)."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def wait_for_documents(process: subprocess.Popen, db: Path, at_least: int) -> int:
    """Poll until the running ingest has committed some documents; fails if it finished first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        count = stored_count(db)
        if count >= at_least:
            return count
        assert process.poll() is None, "the ingest ended before it could be interrupted"
        time.sleep(0.005)
    raise AssertionError("the ingest stored nothing within 60 s")


def counts(db: Path, document_id: int) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {what: connection.execute(sql, (document_id,)).fetchone()[0] for what, sql in COUNTS.items()}
    finally:
        connection.close()


@pytest.fixture(scope="module")
def killed(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A store whose ingest was killed (SIGKILL) after a few documents; and how many it held before the kill."""
    db = tmp_path_factory.mktemp("killed") / "kb.db"
    process = start_ingest(corpus, db, "--workers", "1")
    seen = wait_for_documents(process, db, at_least=3)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    return db, seen


def test_killed_ingest_leaves_a_sound_database(killed):
    db, _ = killed
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()


def test_killed_ingest_lost_nothing_committed_and_did_not_finish(killed):
    db, seen = killed
    assert seen <= stored_count(db) < FILES


def test_documents_command_works_after_a_kill(cli, killed):
    db, _ = killed
    result = cli("documents", "--json", db=db)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == stored_count(db)


def test_killed_ingest_stored_the_first_files_in_order(killed):
    db, _ = killed
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [r[0] for r in connection.execute("SELECT name FROM documents ORDER BY id")]
    connection.close()
    assert names == [f"report-{n:03d}" for n in range(len(names))]


def test_every_document_stored_before_the_kill_is_complete(killed, corpus, tmp_path):
    db, _ = killed
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = connection.execute("SELECT id, name FROM documents ORDER BY id").fetchall()
    connection.close()
    for document_id, name in stored:
        alone = tmp_path / f"{name}.db"
        dossier.ingest([corpus / f"{name}.md"], db=alone, workers=1, extractor="simple")
        found = counts(db, document_id)
        assert min(found.values()) > 0, found  # every kind of row is there to be compared
        assert found == counts(alone, 1), name


def test_running_the_same_ingest_again_completes_the_rest(cli, killed, corpus, tmp_path):
    db = tmp_path / "kb.db"  # a copy, so that the other tests still see the store as the kill left it
    for suffix in ("", "-wal"):
        if Path(f"{killed[0]}{suffix}").exists():
            shutil.copyfile(f"{killed[0]}{suffix}", f"{db}{suffix}")
    done = stored_count(db)
    assert done == stored_count(killed[0])
    result = cli("ingest", corpus, "--workers", "1", "--extractor", "simple", db=db)
    assert result.returncode == 0, result.stderr
    assert f"{FILES} files: {FILES - done} added, {done} unchanged" in result.stdout
    assert stored_count(db) == FILES


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_the_ingest_and_says_how_much_was_stored(corpus, tmp_path, workers):
    db = tmp_path / "kb.db"
    process = start_ingest(corpus, db, "--workers", workers)
    wait_for_documents(process, db, at_least=2)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends: the whole process group
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr
    assert process.returncode == 130
    assert stderr.splitlines() == [f"Error: interrupted; {stored_count(db)} documents stored — run the same"
                                   " command again to store the rest"]
    assert stored_count(db) < FILES
