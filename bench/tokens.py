"""Show sentences as the relation and event rules see them: names, references, dates and posts merged.

    python bench/tokens.py DOCUMENT [TEXT]   (only sentences containing TEXT)
"""
from __future__ import annotations

import sys

from dossier.extract.aliases import cluster_mentions
from dossier.extract.coref import find_references
from dossier.extract.dates import find_date_mentions
from dossier.extract.entities import find_mentions
from dossier.lang.gazetteer import gazetteer
from dossier.extract.lexicon import lexicon
from dossier.extract.pipeline import _add_cited, _nationalities
from dossier.extract.tokens import sentence_docs
from dossier.read import read_document
from dossier.registry import build_registry


def main() -> None:
    path, needle = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
    doc = read_document(path, build_registry().readers)
    lex, gaz = lexicon(), gazetteer()
    found = find_mentions(doc, lex, gaz)
    clusters = _add_cited(doc, cluster_mentions(doc.text, found, lex, gaz))
    names = {c.id: c.names[0] for c in clusters}
    types = {c.id: c.type for c in clusters}
    refs = find_references(doc, found.mentions, clusters, lex)
    for sd in sentence_docs(doc, found.mentions, refs, find_date_mentions(doc), types,
                            _nationalities(found, clusters, gaz)):
        if needle not in sd.text:
            continue
        words = []
        for t in sd.doc:
            if not t.ent_type_:
                words.append(t.text)
            elif t._.cluster >= 0:
                words.append(f"[{t.text}/{t.ent_type_}={names.get(t._.cluster)}]")
            elif t._.date:
                words.append(f"[{t.text}/DATE={t._.date}{'~' if t._.approx else ''}]")
            else:
                words.append(f"[{t.text}/{t.ent_type_}]")
        print(f"{sd.index}: " + " ".join(words) + "\n")


if __name__ == "__main__":
    main()
