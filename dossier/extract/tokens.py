"""Sentences as spaCy Docs in which every name, reference, date and post is one token.

Relation and event patterns then read "PER , the chief of ORG" instead of word soup. Token
extensions carry what the token stands for: `_.cluster` (entity), `_.date`/`_.approx`,
`_.post` (a post such as "public relations chief").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterator

import numpy
import spacy
import yaml
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH, ORTH, TAG
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dossier.extract.coref import Reference
from dossier.extract.dates import DateMention
from dossier.extract.entities import Mention
from dossier.extract.lexicon import lexicon
from dossier.extract.patterns import CLAUSE_PUNCT, FILLER
from dossier.model import Document

LABELS = {"person": "PER", "organization": "ORG", "location": "LOC"}
NAME_LABELS = frozenset(["PER", "ORG", "LOC", "NAT"])
MAX_SENTENCE_CHARS = 3000  # longer "sentences" (lists, tables, run-ons) are read in windows of this size
EXTENSIONS = {"cluster": -1, "date": None, "approx": False, "post": None, "ref": False}
VALUES = "dossier"  # the key of Doc.user_data holding the extensions' values: {token index: {name: value}}
NAMES = frozenset(LABELS.values())  # a pattern's filler may not skip over a name ...
STOPS = frozenset(CLAUSE_PUNCT)  # ... nor may it cross clause punctuation
NOT_FILLER = "NOFILL"
BEGIN, OUTSIDE = 3, 2  # ENT_IOB codes: a merged token begins an entity; any other token is outside one


def _extension(name: str, default):
    """A token extension's getter: its value as merging set it, or the default."""
    def get(token: Token):
        return token.doc.user_data[VALUES].get(token.i, {}).get(name, default)
    return get


@cache
def language() -> spacy.language.Language:
    """A blank English pipeline (tokenizer only), with dossier's token extensions."""
    for name, default in EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=_extension(name, default))
    nlp = spacy.blank("en")
    nlp.max_length = 10 * MAX_SENTENCE_CHARS
    for word in _hyphenated_list_words():
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def _hyphenated_list_words() -> set[str]:
    """The hyphenated words of the rules files' word lists ("son-in-law", "co-founded"): kept as one
    token, as a list item matches one token (spaCy would split them at every hyphen)."""
    out: set[str] = set()
    for path in resources.files("dossier.extract").joinpath("data").iterdir():
        if path.name.endswith(".yaml"):
            lists = (yaml.safe_load(path.read_text("utf-8")) or {}).get("lists") or {}
            out |= {w.lower() for words in lists.values() for w in words
                    if isinstance(w, str) and re.fullmatch(r"[a-z]+(?:-[a-z]+)+", w.lower())}
    return out


@dataclass
class SentenceDoc:
    """One sentence (or window of a long one) as a spaCy Doc, with its place in the document."""

    index: int  # sentence number in the Document
    offset: int  # character offset of the Doc's text in the Document
    doc: Doc
    text: str  # the Doc's text (Doc.text joins every token, so it is kept)


@cache
def post_matcher() -> PhraseMatcher:
    """Finds posts ("public relations chief", "spokesman") in lower or any case."""
    nlp = language()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("POST", [nlp.make_doc(p) for p in lexicon().posts])
    return matcher


def sentence_docs(document: Document, mentions: list[Mention], references: list[Reference],
                  dates: list[DateMention], cluster_types: dict[int, str],
                  nationalities: list[tuple[int, int, int]] = ()) -> Iterator[SentenceDoc]:
    """Every sentence of the body as a Doc with names, references, dates, nationalities and posts merged.

    `nationalities` are (start, end, cluster) of words like "Pakistani" whose country the document names.
    """
    nlp = language()
    spans_at = _by_sentence(document, mentions, references, dates, cluster_types, nationalities)
    citing = {s.id.rstrip("abcdefghij") for s in document.sources} | {s.id for s in document.sources}
    for index, sentence in enumerate(document.sentences):
        block = document.blocks[sentence.block]
        if block.kind in ("heading", "byline") or block.part in ("back",):
            continue
        if block.kind == "note" and block.label in citing:
            continue  # a citation: what its title says is the cited author's claim, not this document's
        if not any(label in NAME_LABELS for _, _, label, _ in spans_at.get(index, ())):
            continue  # a sentence that names nothing states no relation or event
        for start in range(sentence.start, sentence.end, MAX_SENTENCE_CHARS):
            end = min(sentence.end, start + MAX_SENTENCE_CHARS)
            text = document.text[start:end]
            yield SentenceDoc(index, start, _merged_doc(nlp, text, start, spans_at.get(index, [])), text)


def _by_sentence(document: Document, mentions, references, dates, cluster_types,
                 nationalities) -> dict[int, list[tuple]]:
    """(start, end, label, attributes) of what to merge, grouped by sentence."""
    starts = [s.start for s in document.sentences]
    out: dict[int, list[tuple]] = {}

    def put(start: int, end: int, label: str, attrs: dict) -> None:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= document.sentences[i].end:
            out.setdefault(i, []).append((start, end, label, attrs))

    for m in mentions:
        if m.cluster >= 0 and m.type:
            put(m.start, m.end, LABELS[m.type], {"cluster": m.cluster})
    for r in references:
        put(r.start, r.end, LABELS[cluster_types[r.cluster]], {"cluster": r.cluster, "ref": True})
    for d in dates:
        put(d.start, d.end, "DATE", {"date": d.value, "approx": d.approx})
    for start, end, cluster in nationalities:
        put(start, end, "NAT", {"cluster": cluster})
    return out


def _merged_doc(nlp: spacy.language.Language, text: str, offset: int, items: list[tuple]) -> Doc:
    """The Doc of a sentence in which each name, reference, date and post is one token carrying
    what it stands for (its label as the entity type, the rest as token extensions)."""
    plain = nlp.make_doc(text)
    spans, extras = [], {}
    for start, end, label, extra in items:
        if start < offset or end > offset + len(text):
            continue
        span = plain.char_span(start - offset, end - offset, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
            extras[(span.start, span.end)] = extra
    for _, s, e in post_matcher()(plain):
        span = Span(plain, s, e, label="POST")
        spans.append(span)
        extras[(s, e)] = {"post": span.text.lower()}
    merged = {span.start: span for span in filter_spans(spans)}
    # Build the merged Doc from its words, as the tokenizer split them, instead of retokenizing:
    # the same tokens, texts and spaces, for a fraction of the cost.
    strings = nlp.vocab.strings
    filler, not_filler = strings.add(FILLER), strings.add(NOT_FILLER)
    bounds = plain.to_array([IDX, LENGTH]).tolist()
    words, spaces, rows, values = [], [], [], {}
    i, n = 0, len(bounds)
    while i < n:
        span = merged.get(i)
        j = span.end if span is not None else i + 1
        start, end = bounds[i][0], bounds[j - 1][0] + bounds[j - 1][1]
        word = text[start:end]
        if span is not None:
            extra = extras.get((i, j))
            if extra:
                values[len(words)] = extra
            label = span.label_
            rows.append((BEGIN, strings.add(label), not_filler if label in NAMES or word in STOPS else filler))
        else:
            rows.append((OUTSIDE, 0, not_filler if word in STOPS else filler))
        words.append(word)
        spaces.append((bounds[j][0] if j < n else len(text)) > end)
        i = j
    doc = Doc(nlp.vocab, words=words, spaces=spaces, user_data={VALUES: values})
    if rows:
        doc.from_array([ENT_IOB, ENT_TYPE, TAG], numpy.array(rows, dtype="uint64"))
    return doc
