"""The extractor's shortcuts find exactly what the plain procedures they replace find.

Dates are searched only near digits (or the word "year"), name chunks only in runs of
capitalised words, and sentence Docs are built from their merged words instead of being
retokenized. Each is checked here against the plain procedure, on generated text that mixes
what each shortcut skips with what it must not miss.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from dossier.dates import DIGITS, DOCUMENT_SYMBOL, PATTERNS, near
from dossier.extract import dates as vague
from dossier.extract.chunks import _chunks_in, find_chunks, words_of
from dossier.extract.lexicon import lexicon
from dossier.extract.patterns import CLAUSE_PUNCT
from dossier.extract.tokens import _merged_doc, language, post_matcher

SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "", ", ", "-", "/", ".", " & ", " (", ") "])


def texts(words: list[str], max_size: int = 40) -> st.SearchStrategy[str]:
    """Texts of up to `max_size` words from `words`, joined by assorted spacing and punctuation."""
    pair = st.tuples(st.sampled_from(words), SEPARATORS)
    return st.lists(pair, max_size=max_size).map(lambda pairs: "".join(w + s for w, s in pairs))


DATE_WORDS = ["January", "june", "MAY", "Sept.", "March", "of", "the", "mid", "early", "late", "summer", "year",
              "years", "ago", "last", "this", "two", "a", "3rd", "14", "31", "9", "2019", "1998", "1990s", "2020s",
              "20", "07", "12", "S/2011/433", "A/HRC/12/48", "1890", "12345", "said", "police", "Kabul", "x" * 70,
              "summer of", "the middle of", "second half of the year", "the early", "two years", "September",
              "by the end of the year", "the current year"]


PREFIXES = ["", "summer of", "the middle of", "second half of the year", "the early", "September", "3rd of June,",
            "Feb.", "the", "mid-", "late", "by the end of", "in   the   spring  of"]
NUMBERS = ["2019", "1990s", "14", "1998", "2011-12", "22.12.2007", "5", "12 May 2020"]
DATED = st.lists(st.tuples(st.sampled_from(DATE_WORDS), SEPARATORS, st.sampled_from(PREFIXES), SEPARATORS,
                           st.sampled_from(NUMBERS), SEPARATORS), max_size=12).map(
    lambda units: "".join("".join(unit) for unit in units))


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts(DATE_WORDS), DATED))
def test_searching_near_digits_finds_every_date_a_whole_text_search_finds(text):
    for pattern in [p for _, p in PATTERNS] + [DOCUMENT_SYMBOL, vague.DECADE, vague.SEASON, vague.SEASON_WORD]:
        everywhere = [m.span() for m in pattern.finditer(text)]
        nearby = [m.span() for start, end in near(text, DIGITS) for m in pattern.finditer(text, start, end)]
        assert nearby == everywhere, pattern.pattern


@settings(max_examples=300, deadline=None)
@given(texts(DATE_WORDS))
def test_searching_near_the_word_year_finds_every_relative_date(text):
    everywhere = [m.span() for m in vague.RELATIVE.finditer(text)]
    nearby = [m.span() for start, end in near(text, vague.YEAR_WORD) for m in vague.RELATIVE.finditer(text, start, end)]
    assert nearby == everywhere


def test_stretches_near_anchors_are_merged_and_end_after_whitespace():
    text = "a" * 200 + " 2019 and 2020 " + "more words " * 20 + "1999"
    spans = near(text, DIGITS)
    assert len(spans) == 2  # 2019 and 2020 share one stretch; 1999 is far from both
    (s1, e1), (s2, e2) = spans
    assert s1 == 0  # the run of a's is one word: the stretch takes all of it
    assert text[e1 - 1] == " " and text[e1] == "m" and text[s2 - 1] == " "
    assert 64 <= text.index("1999") - s2 < 64 + len("more words ") and e2 == len(text)
    assert near("no digits here", DIGITS) == []


NAME_WORDS = ["Taliban", "Islamic", "State", "Movement", "of", "Uzbekistan", "Abu", "Bakr", "al-Baghdadi", "al", "el",
              "Qaeda", "bin", "Laden", "de", "la", "the", "The", "and", "&", "in", "on", "for", "ISIS", "U.S.", "LeT",
              "Lashkar-e-Taiba", "Kabul-based", "ISI-backed", "Haqqanis'", "group's", "Haqqani's", "said", "police",
              "2019", "neo-Nazi", "anti-Taliban", "Ürümqi", "Élysée", "éclair", "Mr.", "Dr.", "al-", "x", "ABTs",
              "National", "Directorate", "Security", "Bank", "Republic", "Zia-ul", "Haq", "o'clock", "McChrystal"]


@settings(max_examples=400, deadline=None)
@given(texts(NAME_WORDS), st.sampled_from(["", "“", "(", " ", "- "]))
def test_chunks_found_in_capitalised_runs_are_those_of_every_word(body, opening):
    text = "Before. " + opening + body
    start, end = len("Before. "), len(text)
    first = re.compile(r"[@#]?[^\W_][\w'’\-.&@]*").search(text, start, end)
    first_start = first.start() if first and not text[start:first.start()].strip("'\"‘’“”([ *") else -1
    every_word = _chunks_in(text, words_of(text, start, end), 4, first_start, lexicon())
    fast = find_chunks(text, 4, start, end, lexicon())
    assert [(c.start, c.end, c.initial, c.possessive, c.text) for c in fast] == \
        [(c.start, c.end, c.initial, c.possessive, c.text) for c in every_word]


SENTENCE_WORDS = ["Abu", "Omar", "al-Hindi", "joined", "the", "Islamic", "State", "in", "May", "2019", ",", ";", "(",
                  ")", "public", "relations", "chief", "spokesman", "son-in-law", "don't", "U.S.", "$5", "...", "—"]


@st.composite
def sentences_with_names(draw):
    """A sentence and some labelled spans of it, as names, dates and posts are given to merging."""
    words = draw(st.lists(st.sampled_from(SENTENCE_WORDS), min_size=1, max_size=25))
    spaces = draw(st.lists(st.sampled_from([" ", " ", "", "  ", "\n"]), min_size=len(words), max_size=len(words)))
    text, offsets = "", []
    for word, space in zip(words, spaces):
        offsets.append((len(text), len(text) + len(word)))
        text += word + space
    items = []
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(words) - 1))
        j = draw(st.integers(i, min(len(words) - 1, i + 3)))
        label = draw(st.sampled_from(["PER", "ORG", "LOC", "DATE", "NAT"]))
        items.append((offsets[i][0], offsets[j][1], label, {"cluster": draw(st.integers(0, 9))}))
    return text, items


@settings(max_examples=300, deadline=None)
@given(sentences_with_names())
def test_a_sentence_doc_built_from_merged_words_is_the_retokenized_doc(case):
    text, items = case
    nlp = language()
    built = _merged_doc(nlp, text, 0, items)

    doc = nlp.make_doc(text)  # the plain procedure: merge each span into one token, then set its values
    spans, values = [], {}
    for start, end, label, extra in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        spans.append(span)
        values[(span.start_char, span.end_char)] = extra
    for _, s, e in post_matcher()(doc):
        spans.append(Span(doc, s, e, label="POST"))
        values[(spans[-1].start_char, spans[-1].end_char)] = {"post": spans[-1].text.lower()}
    with doc.retokenize() as retokenizer:
        for span in filter_spans(spans):
            retokenizer.merge(span, attrs={"ENT_TYPE": span.label_})

    def filler(token) -> str:
        return "NOFILL" if token.ent_type_ in ("PER", "ORG", "LOC") or token.text in CLAUSE_PUNCT else "FILL"

    assert built.text == text
    assert [(t.text, t.whitespace_, t.ent_type_, t.tag_) for t in built] == \
        [(t.text, t.whitespace_, t.ent_type_, filler(t)) for t in doc]
    for token in doc:
        expected = values.get((token.idx, token.idx + len(token.text)), {}) if token.ent_type_ else {}
        assert built[token.i]._.cluster == expected.get("cluster", -1)
        assert built[token.i]._.post == expected.get("post")
