"""Knowledge bases for the briefing tests: two short reports of our own (a succession of leaders, an
alliance, and an arrest that the other report calls a surrender), one document whose names and
sentences carry markup, and the development documents."""
from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from briefing_reports import CUSTODY_REPORT, LEADERS_REPORT, MARKUP_NAME, MARKUP_REPORT
from samples import write

DEV_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def valley_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two valley reports ingested with the built-in extractor; tests must not change it."""
    folder = tmp_path_factory.mktemp("valley")
    write(folder, "valley-leaders.md", LEADERS_REPORT)
    write(folder, "valley-custody.md", CUSTODY_REPORT)
    db = folder / "valley.db"
    report = dossier.ingest([folder], db=db, workers=1)
    assert report.count("added") == 2
    return db


@pytest.fixture(scope="session")
def markup_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A base whose organization is named with a <script> element, as an extractor plugin might name it:
    the document is read for real; the extraction is ours, stored by the ingest's own `save`."""
    from dossier.ingest import extract_file, save
    from dossier.model import Entity, Evidence, Extraction, Relation
    from dossier.store import open_store
    folder = tmp_path_factory.mktemp("markup")
    path = write(folder, "markup.md", MARKUP_REPORT)
    doc, _ = extract_file(path, "simple")
    sentence = next(s for s in doc.sentences if "leads" in doc.text[s.start:s.end])
    evidence = Evidence(sentence.start, sentence.end, doc.text[sentence.start:sentence.end], sentence.sources)
    extraction = Extraction("test/1", (Entity("e1", "person", "Omar Said"), Entity("e2", "organization", MARKUP_NAME)),
                            (Relation("leader_of", "e1", "e2", start="2018", evidence=(evidence,)),), ())
    db = folder / "markup.db"
    store = open_store(db, create=True)
    try:
        save(store, doc, extraction)
    finally:
        store.close()
    return db


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The development documents ingested once; skips cleanly where they are not present."""
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not present in this checkout")
    db = tmp_path_factory.mktemp("dev") / "dev.db"
    report = dossier.ingest([DEV_CORPUS], db=db, workers=1)
    assert report.count("added") == len([p for p in DEV_CORPUS.iterdir() if p.suffix in (".md", ".html", ".pdf")])
    return db
