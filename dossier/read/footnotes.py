"""Citations → Sources: footnotes, endnotes, reference-list entries and inline links.

A note may cite several works ("X", *A*, 2011 and "Y", *B*, 2011), point back to the
previous note ("Ibid.") or to an author's earlier work ("Berg, op. cit."), or only comment
(then it is not a source).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

from dossier.dates import DOCUMENT_SYMBOL, MONTHS, find_dates, make
from dossier.model import Source
from dossier.read.layout import Note
from dossier.read.markup import Inline
from dossier.read.sentences import split_sentences

QUOTED = re.compile(r"“(?P<a>[^”]{2,400})”|\"(?P<b>[^\"]{2,400})\"|‘(?P<c>[^’]{2,400})’|(?<!\w)'(?P<d>[^']{3,400}?)'(?!\w)")
SPLIT = re.compile(r"\s*;\s+|(?<=[\s,])and\s+(?=[\"“‘])|(?:(?<=\.)|(?<=\.\)))\s+(?=(?:Also see|See also|See)\b)")
LEAD = re.compile(r"^\s*(?:also see|see also|see|cf\.?)\s*:?\s*", re.I)
AUTHOR = re.compile(r"^(?:[A-Z][\w.'’-]*\.?|&|and|de|da|van|von|al|el|bin|ibn|ul|ur)"
                    r"(?:\s+(?:[A-Z][\w.'’-]*\.?|&|and|de|da|van|von|al|el|bin|ibn|ul|ur))*$")
BY_AUTHOR = re.compile(r"^\s*,?\s*by\s+([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|&|and)){0,5})")
PLACE_PUBLISHER = re.compile(r"\(\s*[A-Z][\w .'-]{1,40}:\s*(?P<publisher>[^,()]{2,80}?)\s*,\s*(?:\d{4}|[A-Z])")
PLACE_PUBLISHER_SENTENCE = re.compile(r"(?:^|[.;]\s+)[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}:\s*"
                                      r"(?P<publisher>[A-Z][^,.;:()\d]{1,80}?)\s*(?:[.,;]|$)")
SKIP_SEGMENT = re.compile(r"^(?:vol|no|nos|issue|pp?|ed|eds|chapter|ch|part|iss|n°)\b\.?|^\(?\d|^\(?(?:\d+(?:st|nd|rd|th)\s+)?ed\b", re.I)
BRACKETED_YEAR = re.compile(r"\(\s*[\w ,.]{0,25}?\b(?:1[89]|20)\d\d[a-z]?\s*\)")
SURNAME_FIRST = re.compile(r"^(?P<surname>[A-Z][\w'’-]+),\s+(?P<given>[A-Z][\w.'’ -]*)$")
URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2}|[a-z]{3,9})(?:/(?P<d>\d{1,2}))?(?=/|$|\.)", re.I)


@cache
def citation_words() -> dict:
    """Ibid forms, document words, publication kinds and access-date phrases (data/citations.yaml)."""
    raw = yaml.safe_load(resources.files("dossier.read").joinpath("data/citations.yaml").read_text("utf-8"))
    words = lambda key: "|".join(re.escape(w) for w in sorted(raw[key], key=len, reverse=True))  # noqa: E731
    return {
        "ibid": re.compile(r"^\s*(?:%s)(?=$|[\s,.;:])" % words("ibid"), re.I),
        "op_cit": re.compile(r"(?<=\w)[,.]?\s+(?:%s)(?=$|[\s,.;:])" % words("op_cit"), re.I),
        "document": re.compile(r"\b(?:%s)\b" % words("document_words"), re.I),
        "kinds": frozenset(raw["publication_kinds"]),
        "kind_words": re.compile(r"\b(?:%s)\b" % words("publication_kinds"), re.I),
        "accessed": re.compile(r"\b(?:%s)\s*:?\s*" % words("accessed"), re.I),
        # "I" before "of", "and" or "or" is a roman numeral ("Part I of", "Volume I and II").
        "remark": re.compile(r"(?i:\b(?:%s)\b)|\b(?:%s)\s+(?!(?:of|and|or)\b)[a-z]{2,}"
                             % (words("remark_phrases"), words("first_person"))),
        # An organisation's name has one of these words, or an acronym ("UN", "UNAMA").
        "corporate": re.compile(r"(?i:\b(?:%s)\b)|\b[A-Z]{2,8}\b" % words("corporate_words")),
        # A numbered series label ("Occasional Paper No. 14", "Asia Report 301"): neither title nor publisher.
        "series": re.compile(r"(?:[A-Z][\w-]*\s+){0,3}?(?i:%s)\s*(?:No\.?|Number|#)?\s*\d+\b"
                             % words("publication_kinds")),
    }


@dataclass
class _Segment:
    """Part of a note that cites one work: its text, italic spans and links (offsets local)."""

    text: str
    emphasis: list[tuple[int, int]]
    links: list[tuple[int, int, str]]


def sources_from_notes(notes: list[Note]) -> tuple[list[Source], dict[str, tuple[str, ...]], list[str]]:
    """Sources cited by the notes, which source ids each note label points to, and warnings."""
    sources: list[Source] = []
    pointers: dict[str, tuple[str, ...]] = {}
    warnings: list[str] = []
    previous: tuple[str, ...] = ()
    reference_number = 0
    for note in notes:
        text = note.inline.text.strip()
        back, unresolved = _points_back(text, previous, sources)
        if unresolved:
            warnings.append(f"note {note.label or '?'} {unresolved}")
        found = [s for s in (parse_citation(seg) for seg in _segments(note.inline) if not _points_back_at(seg.text))
                 if s]
        if not note.label:
            reference_number += 1
            base = f"R{reference_number}"
        else:
            base = note.label
        ids = (base,) if len(found) == 1 else tuple(f"{base}{chr(97 + i)}" for i in range(len(found)))
        trailing = _trailing_access_date(text)
        for source_id, source in zip(ids, found):
            accessed = source.accessed or (trailing if source.url else None)
            sources.append(Source(source_id, source.title, source.publisher, source.author, source.date,
                                  source.url, accessed, "footnote" if note.label else "reference", text))
        pointed = (back or ()) + ids
        if note.label:
            if note.label in pointers:
                warnings.append(f"note {note.label} is defined twice; the later one is used")
            pointers[note.label] = pointed
        if pointed:
            previous = pointed
    return sources, pointers, warnings


def _trailing_access_date(text: str) -> str | None:
    """The access date that ends a note ("... <url2>. Accessed on 10 March 2023."): it covers every URL."""
    for m in reversed(list(citation_words()["accessed"].finditer(text))):
        dates = find_dates(text[m.end():])
        if dates and dates[0][0] == 0 and not text[m.end() + dates[0][1]:].strip(" .;)"):
            return dates[0][2]
    return None


def _points_back_at(text: str) -> re.Match | None:
    """Where a citation points back to an earlier one: "Ibid." at its start, or "Name, op. cit."."""
    words = citation_words()
    return words["ibid"].match(text) or words["op_cit"].search(text)


def _points_back(text: str, previous: tuple[str, ...],
                 sources: list[Source]) -> tuple[tuple[str, ...] | None, str | None]:
    """Ids an "Ibid." or "op. cit." note points to (None if it does not) and a warning if they are missing."""
    m = _points_back_at(text)
    if not m:
        return None, None
    if m.start() == 0:
        return previous, None if previous else "says Ibid. but no source comes before it"
    who = LEAD.sub("", text[:m.start()]).strip(" ,.;:")
    named = [s for s in sources if who.lower() in f"{s.author or ''} {s.title or ''}".lower()]
    return ((named[-1].id,), None) if named else ((), f"says op. cit. but no earlier source names {who}")


def link_source(source_id: str, url: str) -> Source:
    """A source for a link in the text: its URL, site and the date its path carries."""
    return Source(source_id, None, site_name(url), None, date_in_url(url), url, None, "link", url)


def site_name(url: str) -> str | None:
    """The host of a URL without "www."."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed address such as "http://[x.org"
        return None
    return re.sub(r"^www\d?\.", "", host) or None


def date_in_url(url: str) -> str | None:
    """The date a URL path carries: /2015/01/09/ → 2015-01-09, /2014/sep/22/ → 2014-09-22."""
    try:
        m = URL_DATE.search(urlsplit(url).path)
    except ValueError:
        return None
    if not m:
        return None
    month = m.group("m")
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    if not month_number:
        return make(int(m.group("y")))
    return make(int(m.group("y")), month_number, int(m.group("d")) if m.group("d") else None)


def _segments(inline: Inline) -> list[_Segment]:
    """The parts of a note that each cite one work."""
    text = inline.text
    cuts = [0] + [m.end() for m in SPLIT.finditer(text)] + [len(text)]
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        pieces += _split_at_second_url(inline, start, end)
    segments: list[_Segment] = []
    for start, end in pieces:
        seg = _Segment(text[start:end],
                       [(max(s, start) - start, min(e, end) - start) for s, e in inline.emphasis
                        if s < end and e > start],
                       [(s - start, e - start, u) for s, e, u in inline.links if start <= s < end])
        if segments and not _stands_alone(seg):
            last = segments[-1]
            offset = len(last.text)
            last.emphasis += [(s + offset, e + offset) for s, e in seg.emphasis]
            last.links += [(s + offset, e + offset, u) for s, e, u in seg.links]
            last.text += seg.text
        else:
            segments.append(seg)
    return segments


def _split_at_second_url(inline: Inline, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a piece that carries two different URLs after the first one's sentence."""
    urls = [(s, e) for s, e, u in inline.links if start <= s < end and _absolute(u)]
    if len(urls) < 2 or len({u for s, e, u in inline.links if start <= s < end and _absolute(u)}) < 2:
        return [(start, end)]
    first_end = urls[0][1]
    second = next(s for s, e in urls if s >= first_end)
    m = re.search(r"[.;]\s*(?:(?:accessed|retrieved)[^.;]*[.;]\s*)?", inline.text[first_end:second], re.I)
    cut = first_end + m.end() if m else second
    return [(start, cut)] + _split_at_second_url(inline, cut, end)


def _stands_alone(seg: _Segment) -> bool:
    """True when a piece has a title, a URL or a date of its own."""
    return bool(QUOTED.search(seg.text) or any(_absolute(u) for _, _, u in seg.links)
                or seg.emphasis or find_dates(seg.text))


def _absolute(url: str) -> bool:
    return url.startswith(("http://", "https://", "ftp://")) or url.startswith("doi:")


def parse_citation(seg: _Segment) -> Source | None:
    """The work one citation names, or None when the text only comments."""
    if _remark(seg):
        return None
    text = LEAD.sub("", seg.text)
    shift = len(seg.text) - len(text)
    emphasis = [(max(0, s - shift), e - shift) for s, e in seg.emphasis if e - shift > 0]
    links = [(s - shift, e - shift, u) for s, e, u in seg.links if _absolute(u)]
    url = links[0][2] if links else None
    blank = _Blanker(text)
    for s, e, u in links:
        if text[s:e].strip().startswith(("http", "www.", "doi:")):
            blank.out(s, e)
    accessed = None
    for m in citation_words()["accessed"].finditer(text):
        dates = find_dates(text[m.end():m.end() + 40])
        if dates and dates[0][0] == 0:
            accessed = dates[0][2]
            blank.out(m.start(), m.end() + dates[0][1])
            break
    title = author = publisher = None
    quoted = _quoted_title(blank.text) or _linked_title(blank.text, links)
    if quoted:
        (qs, qe), title = quoted
        before = BRACKETED_YEAR.sub("", blank.text[:qs]).strip().rstrip(",:;.").strip()
        author = before if _author_like(before) else None
        after_start = qe
        m = BY_AUTHOR.match(blank.text[qe:])
        if m:
            author = author or m.group(1).rstrip(",.")
            after_start = qe + m.end()
        blank.out(qs, qe)
        if author:
            blank.out(blank.text.find(author), blank.text.find(author) + len(author))
        publisher = _publisher_after(blank, emphasis, after_start)
    else:
        italic = next(((s, e) for s, e in emphasis if e - s >= 3), None)
        lead = BRACKETED_YEAR.sub("", blank.text[:italic[0]]).strip().rstrip(",:;.").strip() if italic else ""
        if italic and not lead and not url and not re.search(r"\w", blank.text[italic[1]:]):
            return None  # a remark set wholly in italics, not a title
        if italic and (not lead or _author_like(lead)):
            title = text[italic[0]:italic[1]].strip()
            author = lead or None
            blank.out(italic[0], italic[1])
            if author:
                blank.out(blank.text.find(author), blank.text.find(author) + len(author))
            publisher = _place_publisher(blank.text) or _publisher_after(blank, [], italic[1])
        elif not (url or find_dates(blank.text) or citation_words()["document"].search(blank.text)):
            return None
        else:
            title, author = _plain_title(blank, emphasis)
            publisher = _place_publisher(blank.text)
            if title:
                blank.out(0, blank.text.find(title) + len(title) if title in blank.text else 0)
    date = _date(blank.text)
    if not title and not url:
        return None
    if not publisher and author and _corporate(author):
        publisher = author
    if not publisher and url and not title:
        publisher = site_name(url)
    if not date and url and not title:
        date = date_in_url(url)
    return Source("", _tidy(title), _tidy(publisher), _natural_order(_tidy(author)), date, url, accessed)


def _remark(seg: _Segment) -> bool:
    """True for the author's own remark ("we use ...", "is also rendered "X""), not a citation."""
    # A link, an italic title, or an outlet or date after the quotation make it a citation after all.
    if seg.emphasis or any(_absolute(u) for _, _, u in seg.links):
        return False
    outside = QUOTED.sub(" ", seg.text)
    if not citation_words()["remark"].search(outside):
        return False
    quotes = list(QUOTED.finditer(seg.text))
    if quotes:
        after = seg.text[quotes[-1].end():]
        return not find_dates(after) and not re.search(r"[A-Z]", after)
    return not citation_words()["document"].search(outside)


class _Blanker:
    """Text in which used parts are replaced by spaces, so offsets stay put."""

    def __init__(self, text: str) -> None:
        self.text = text

    def out(self, start: int, end: int) -> None:
        start, end = max(0, start), min(len(self.text), end)
        if start < end:
            self.text = self.text[:start] + " " * (end - start) + self.text[end:]


def _quoted_title(text: str) -> tuple[tuple[int, int], str] | None:
    """The first quoted title and its span; also "Title", when the opening quote was lost."""
    m = QUOTED.search(text)
    lost = re.match(r"^\s*([^\"“”]{3,300}?\w[?!.]?)[\"”](?=\s*[,.;]|\s+by\b)", text)
    if lost and (not m or m.start() >= lost.end() - 1):
        return (0, lost.end()), lost.group(1).strip()
    if not m:
        return None
    return (m.start(), m.end()), next(g for g in m.groups() if g is not None).strip().rstrip(",")


def _linked_title(text: str, links: list[tuple[int, int, str]]) -> tuple[tuple[int, int], str] | None:
    """A title written as a link ("[Title](url), *Outlet*"): the first link on words, after an author at most."""
    for s, e, _ in links:
        words = text[s:e].strip()
        if words and not words.startswith(("http", "www.", "doi:")):
            lead = BRACKETED_YEAR.sub("", text[:s]).strip().rstrip(",:;.").strip()
            return ((s, e), words) if not lead or _author_like(lead) else None
    return None


def _author_like(text: str) -> bool:
    """True for a short run of capitalised names: "Shishir Gupta", "N. Rahim & R. Nordland"."""
    words = text.split()
    if not 1 <= len(words) <= 8 or any(c.isdigit() for c in text):
        return False
    if citation_words()["document"].match(text):
        return False
    surname_first = re.fullmatch(r"[A-Z][\w'’-]+,\s+[A-Z][\w.'’ -]*", text)
    return bool(AUTHOR.match(text) or surname_first)


def _corporate(author: str) -> bool:
    """True for an organisation named as author: "UN Security Council", "Regional Security Forum"."""
    return not SURNAME_FIRST.match(author) and bool(citation_words()["corporate"].search(author))


def _publisher_after(blank: _Blanker, emphasis: list[tuple[int, int]], start: int) -> str | None:
    """The publisher named after a title: "(Place: Publisher", else the first italic span or plain segment."""
    place = _place_publisher(blank.text[start:])
    if place:
        return place
    for s, e in emphasis:
        if s >= start and blank.text[s:e].strip():
            return blank.text[s:e].strip()
    rest = citation_words()["series"].sub(lambda m: " " * len(m.group()), blank.text[start:])
    for piece in re.split(r"[,.]\s+|\(|\)", rest):
        piece = piece.strip().strip(",.;:()").strip()
        if not piece or not piece[0].isupper() or len(piece.split()) > 8:
            continue
        if SKIP_SEGMENT.match(piece) or find_dates(piece) or piece.lower() in citation_words()["kinds"]:
            continue
        if DOCUMENT_SYMBOL.fullmatch(piece):
            continue
        if citation_words()["accessed"].match(piece):
            continue
        return piece
    return None


def _place_publisher(text: str) -> str | None:
    """The publisher of "(London: C. Hurst & Co., 2018)" or of "... London: Harbour Press. p. 44"."""
    m = PLACE_PUBLISHER.search(text) or PLACE_PUBLISHER_SENTENCE.search(text)
    return m.group("publisher").strip() if m else None


def _plain_title(blank: _Blanker, emphasis: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    """Title and author of a citation without quotes: its first sentence, less author and date."""
    text = blank.text
    spans = split_sentences(text)
    if not spans:
        return None, None
    start, end = spans[0]
    first = text[start:end]
    cut = next((s - start for s, e in emphasis if start < s < end), None)
    if cut:
        first = first[:cut]
    first = re.split(r"\(\s*[A-Z][\w .'-]{1,40}:", first)[0]
    series = re.search(r",\s*" + citation_words()["series"].pattern, first)
    if series:
        first = first[:series.start()]
    author = None
    head, _, rest = first.partition(", ")
    if rest and _author_like(head) and len(rest.split()) >= 3 and not citation_words()["document"].match(head):
        author, first = head, rest
    first = re.sub(r"(?:,\s*(?:dated|submitted on|submitted|published on|published|issued on|issued)"
                   r"|\s+\(?dated)\b.*$", "", first, flags=re.I | re.S)
    dates = find_dates(first)
    if dates and dates[-1][1] >= len(first.rstrip(" .,;")):
        first = first[:dates[-1][0]]
    title = first.strip().rstrip(",;:.").strip()
    return (title or None), author


def _date(text: str) -> str | None:
    """The publication date of a citation: the common prefix of the dates it gives."""
    dates = [d for _, _, d in find_dates(text)]
    if not dates:
        return None
    first = dates[0]
    same = [d for d in dates if d[:4] == first[:4]]
    common = first
    for d in same[1:]:
        while common and not d.startswith(common):
            common = common[:-3] if len(common) > 4 else ""
    return common or first


def _natural_order(author: str | None) -> str | None:
    """One author written surname first ("Karimi, Nadia") in the order of the name ("Nadia Karimi")."""
    m = SURNAME_FIRST.match(author or "")
    return f"{m.group('given')} {m.group('surname')}" if m else author


def _tidy(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+", " ", text).strip().strip(",;:").strip()
    return text or None
