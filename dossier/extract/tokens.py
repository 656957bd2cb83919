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

import spacy
from spacy.matcher import PhraseMatcher
import numpy
import yaml
from spacy.attrs import ENT_TYPE, IDX, ORTH, TAG
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dossier.extract.coref import Reference
from dossier.extract.dates import DateMention
from dossier.extract.entities import Mention
from dossier.extract.lexicon import Lexicon, lexicon
from dossier.extract.patterns import CLAUSE_PUNCT, FILLER
from dossier.model import Document

LABELS = {"person": "PER", "organization": "ORG", "location": "LOC"}
NAME_LABELS = frozenset(["PER", "ORG", "LOC", "NAT"])
MAX_SENTENCE_CHARS = 3000  # longer "sentences" (lists, tables, run-ons) are read in windows of this size


@cache
def language() -> spacy.language.Language:
    """A blank English pipeline (tokenizer only), with dossier's token extensions."""
    for name, default in (("cluster", -1), ("date", None), ("approx", False), ("post", None), ("ref", False)):
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
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


@cache
def post_matcher() -> PhraseMatcher:
    """Finds posts ("public relations chief", "spokesman") in lower or any case."""
    nlp = language()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("POST", [nlp.make_doc(p) for p in lexicon().posts])
    return matcher


def sentence_docs(document: Document, mentions: list[Mention], references: list[Reference],
                  dates: list[DateMention], cluster_types: dict[int, str], lexicon: Lexicon,
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
            doc = nlp.make_doc(document.text[start:end])
            _merge(doc, start, end - start, spans_at.get(index, []), lexicon)
            yield SentenceDoc(index, start, doc)


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


def _merge(doc: Doc, offset: int, length: int, items: list[tuple], lexicon: Lexicon) -> None:
    """Merge each name, reference, date and post into one token carrying what it stands for."""
    spans, extras = [], {}
    for start, end, label, extra in items:
        if start < offset or end > offset + length:
            continue
        span = doc.char_span(start - offset, end - offset, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
            extras[(span.start_char, span.end_char)] = extra
    for _, s, e in post_matcher()(doc):
        span = Span(doc, s, e, label="POST")
        spans.append(span)
        extras[(span.start_char, span.end_char)] = {"post": span.text.lower()}
    kept = filter_spans(spans)
    at = {span.start_char: extras.get((span.start_char, span.end_char), {}) for span in kept}
    with doc.retokenize() as retokenizer:
        for span in kept:
            retokenizer.merge(span, attrs={"ENT_TYPE": span.label_})
    starts = doc.to_array([IDX]).tolist()
    for i, idx in enumerate(starts):
        extra = at.get(idx)
        if extra:
            token = doc[i]
            for key, value in extra.items():
                setattr(token._, key, value)
    _tag_fillers(doc)


def _tag_fillers(doc: Doc) -> None:
    """Tag the tokens a pattern may skip over (not names, not clause punctuation) so that the
    Matcher tests them with one integer comparison instead of a Python set lookup."""
    strings = doc.vocab.strings
    names = {strings.add(label) for label in ("PER", "ORG", "LOC")}
    stops = {strings.add(mark) for mark in CLAUSE_PUNCT}
    filler, other = strings.add(FILLER), strings.add("NOFILL")
    array = doc.to_array([ENT_TYPE, ORTH])
    tags = numpy.array([[other if kind in names or orth in stops else filler] for kind, orth in array.tolist()],
                       dtype="uint64")
    doc.from_array([TAG], tags)
