"""Optional signals from an installed statistical spaCy pipeline (`--model NAME`).

dossier never downloads a model. When the user names one that is installed (a package such
as en_core_web_sm, or a pipeline folder), its named entities become one more typing signal:
a name the rules could not type takes the model's type. The rules stand on their own without it.
"""
from __future__ import annotations

from functools import cache

from dossier.errors import ExtractError
from dossier.model import Document

# spaCy's OntoNotes labels → dossier's entity types (NORP, nationalities, is not an entity here).
LABELS = {"PERSON": "person", "PER": "person", "ORG": "organization", "GPE": "location", "LOC": "location",
          "FAC": "location"}


@cache
def load_model(name: str):
    """A spaCy pipeline by package name or folder, only if it is already installed."""
    import spacy
    try:
        return spacy.load(name, exclude=["lemmatizer"])
    except (OSError, ImportError, ValueError) as e:
        reason = str(e).splitlines()[0] if str(e) else e.__class__.__name__
        raise ExtractError(f"spaCy model '{name}' is not installed ({reason[:120]})",
                           "install it with pip first: dossier never downloads models") from None


def entity_signals(document: Document, name: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the named entities the model finds in the document's sentences."""
    nlp = load_model(name)
    texts = [document.text[s.start:s.end] for s in document.sentences]
    out = []
    for sentence, doc in zip(document.sentences, nlp.pipe(texts, batch_size=64)):
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            if kind:
                out.append((sentence.start + ent.start_char, sentence.start + ent.end_char, kind))
    return out
