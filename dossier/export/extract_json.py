"""`dossier-extract/1`: one JSON file per document, as ../shared/eval/SCHEMA.md defines it."""
from __future__ import annotations

import json
from pathlib import Path

from dossier.export import EVERYTHING, ExportScope
from dossier.export.files import atomic_files, prepare_folder
from dossier.model import Extraction, Source
from dossier.store import Store
from dossier.store.views import documents, stored_extraction

FORMAT = "dossier-extract/1"


def to_extract_json(meta: dict, extraction: Extraction, sources: tuple[Source, ...]) -> dict:
    """The dossier-extract/1 object for one document."""
    def cited(evidence) -> list[str]:
        ids: list[str] = []
        for ev in evidence:
            ids += [s for s in ev.sources if s not in ids]
        return ids

    out = {
        "format": FORMAT,
        "document": {k: meta.get(k) for k in ("title", "date", "authors", "publisher")},
        "entities": [{"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                      **({"subtype": e.subtype} if e.subtype else {})} for e in extraction.entities],
        "relations": [{"type": r.type, "subject": r.subject, "object": r.object, "start": r.start, "end": r.end,
                       "role": r.role, "approx": r.approx, "sources": cited(r.evidence)}
                      for r in extraction.relations],
        "events": [{"type": e.type, "date": e.date, "location": e.location,
                    "participants": [{"role": p.role, "entity": p.entity} for p in e.participants],
                    "killed": e.killed, "count": e.count, "approx": e.approx, "sources": cited(e.evidence)}
                   for e in extraction.events],
        "sources": [{"id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author, "date": s.date,
                     "url": s.url, "accessed": s.accessed} for s in sources],
    }
    out["document"]["authors"] = list(meta.get("authors") or [])
    return out


def export_extract_json(store: Store, out: str | Path, scope: ExportScope = EVERYTHING) -> list[Path]:
    """Write NAME.json for every stored document NAME.md (NAME-2.json when two share a name).

    The extraction of a document is what it says, whatever the scope: every document is written."""
    folder = prepare_folder(out)
    written = []
    taken: set[str] = set()
    with atomic_files(folder) as files:
        for info in documents(store):
            doc, extraction, sources = stored_extraction(store, info.id)
            name, n = info.name, 1
            while name in taken:
                n += 1
                name = f"{info.name}-{n}"
            taken.add(name)
            meta = {"title": doc.title, "date": doc.date, "authors": doc.authors, "publisher": doc.publisher}
            files[f"{name}.json"] = json.dumps(to_extract_json(meta, extraction, sources), ensure_ascii=False,
                                               indent=1) + "\n"
            written.append(folder / f"{name}.json")
    return written
