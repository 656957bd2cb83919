"""Layout → Document: one text with offsets, parts, sections, sentences, citations and sources."""
from __future__ import annotations

import bisect
import re

from dossier.dates import find_dates, normalise
from dossier.model import Block, Citation, Document, Section, Sentence, Source
from dossier.read.footnotes import citation_words, link_source, site_name, sources_from_notes
from dossier.read.layout import Layout, RawBlock, is_boilerplate_heading, is_notes_heading
from dossier.read.markup import Inline
from dossier.read.sentences import split_sentences

SEPARATOR = "\n\n"
ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]\s*$")
_BYLINE_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al|bin|ibn|de|del|van|von|la|le|el))*"
BYLINE = re.compile(
    rf"^(?i:by|written by|words by)\s+(?P<names>{_BYLINE_NAME}(?:(?:,|\s+and|\s*&)\s+{_BYLINE_NAME})*)\.?$"
)
NAME_LINE = re.compile(r"^(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]*\.?){1,3}$")
BODY_WORDS = 12


def build_document(layout: Layout, *, path: str, name: str, format: str, content_hash: str) -> Document:
    """The Document a reader's layout describes."""
    blocks = _join_continuations(layout.blocks)
    _mark_parts(blocks)
    meta = dict(layout.meta)
    warnings = list(layout.warnings)
    _byline(blocks, meta)

    note_sources, pointers, note_warnings = sources_from_notes(layout.notes)
    warnings += note_warnings
    text_parts: list[str] = []
    out_blocks: list[Block] = []
    citations: list[tuple[int, int, str, tuple[str, ...] | None, str | None]] = []
    size = 0
    for raw in blocks:
        inline = _squeeze(raw.inline)
        if not inline.text:
            continue
        if text_parts:
            text_parts.append(SEPARATOR)
            size += len(SEPARATOR)
        start = size
        text_parts.append(inline.text)
        size += len(inline.text)
        out_blocks.append(Block(raw.kind, start, size, raw.part, raw.level))
        for offset, label in inline.markers:
            citations.append((start + offset, start + offset, label, pointers.get(label), None))
        for s, e, url in inline.links:
            citations.append((start + s, start + e, url, None, url))
    for note in layout.notes:
        inline = _squeeze(note.inline)
        if not inline.text:
            continue
        text_parts.append(SEPARATOR)
        size += len(SEPARATOR)
        start = size
        text_parts.append(inline.text)
        size += len(inline.text)
        out_blocks.append(Block("note", start, size, "notes", 0, note.label))
    text = "".join(text_parts)

    own_site = site_name(meta.get("url") or "")
    sources, resolved = _link_sources(citations, note_sources, own_site)
    for label in sorted({c[2] for c in citations if c[4] is None and c[3] is None}, key=_label_order):
        warnings.append(f"footnote marker {label} has no note")
    sentences = _sentences(text, out_blocks, resolved)
    return Document(
        path=path, name=name, format=format, text=text, content_hash=content_hash,
        title=meta.get("title") or _title(blocks), date=_document_date(meta, blocks),
        authors=tuple(meta.get("authors") or ()), publisher=meta.get("publisher") or _publisher(blocks),
        url=meta.get("url"), blocks=tuple(out_blocks), sections=_sections(text, out_blocks),
        sentences=sentences, citations=tuple(resolved), sources=tuple(sources), warnings=tuple(warnings),
    )


def _label_order(label: str) -> tuple[int, str]:
    digits = re.match(r"\d+", label)
    return (int(digits.group()) if digits else 10**6, label)


def _squeeze(inline: Inline) -> Inline:
    """Inline text with runs of white space made one space and the ends trimmed, offsets remapped."""
    text = inline.text
    keep: list[int] = []  # new offset of each old offset
    out: list[str] = []
    size = 0
    prev_space = True
    for ch in text:
        keep.append(size)
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            size += 1
            prev_space = True
        else:
            out.append(ch)
            size += 1
            prev_space = False
    keep.append(size)
    new = "".join(out)
    trimmed = new.rstrip()
    clamp = lambda o: min(keep[o], len(trimmed))  # noqa: E731
    return Inline(trimmed, [(clamp(o), label) for o, label in inline.markers],
                  [(clamp(s), clamp(e), u) for s, e, u in inline.links if clamp(e) > clamp(s)],
                  [(clamp(s), clamp(e)) for s, e in inline.emphasis])


def _join_continuations(blocks: list[RawBlock]) -> list[RawBlock]:
    """Rejoin paragraphs that a page break, footnotes or a caption cut in two mid-sentence."""
    out: list[RawBlock] = []
    for block in blocks:
        if block.kind == "paragraph" and out:
            target = next((b for b in reversed(out) if b.kind != "caption"), None)
            interrupted = block.after_break or out[-1].kind == "caption"
            if target is not None and _continues(target, block, interrupted):
                _append(target.inline, block.inline)
                continue
        out.append(RawBlock(block.kind, block.inline, block.level, block.part, block.after_break))
    return out


def _continues(target: RawBlock, block: RawBlock, interrupted: bool) -> bool:
    """True when a paragraph goes on with the sentence the paragraph before it left open."""
    # After a page break, notes or a caption it may go on with a capital or a digit ("on 15" / "June
    # 2014."), unless what was left open is short enough to be a heading set in body type.
    if target.kind != "paragraph" or ENDS_SENTENCE.search(target.inline.text):
        return False
    if block.inline.text.strip()[:1].islower():
        return True
    return interrupted and len(target.inline.text.split()) >= BODY_WORDS


def _append(first: Inline, second: Inline) -> None:
    """Append one inline to another, with a space between."""
    head = first.text.rstrip()
    offset = len(head) + 1
    tail = second.text.lstrip()
    shift = offset - (len(second.text) - len(tail))
    first.markers = [(min(o, len(head)), label) for o, label in first.markers] + \
        [(o + shift, label) for o, label in second.markers]
    first.links = first.links + [(s + shift, e + shift, u) for s, e, u in second.links]
    first.emphasis = first.emphasis + [(s + shift, e + shift) for s, e in second.emphasis]
    first.text = head + " " + tail


def _mark_parts(blocks: list[RawBlock]) -> None:
    """Front matter before the body's first real paragraph; publisher boilerplate after it."""
    start = next((i for i, b in enumerate(blocks)
                  if b.kind in ("paragraph", "item", "quote") and len(b.inline.text.split()) >= BODY_WORDS), 0)
    if start and blocks[start - 1].kind == "heading":
        start -= 1
    for b in blocks[:start]:
        b.part = "front"
    back_level = None
    for b in blocks[start:]:
        if b.kind == "heading":
            if back_level is not None and b.level <= back_level and not is_boilerplate_heading(b.inline.text):
                back_level = None
            if back_level is None and is_boilerplate_heading(b.inline.text):
                back_level = b.level
        if back_level is not None:
            b.part = "back"


def _byline(blocks: list[RawBlock], meta: dict) -> None:
    """Authors from a "By NAME" line near the top, or a name line in the front matter."""
    for b in blocks[:12]:
        text = b.inline.text.strip()
        m = BYLINE.match(text)
        if m and b.kind in ("paragraph", "heading") and len(text.split()) <= 12:
            b.kind = "byline"
            if "authors" not in meta:
                names = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names").strip().rstrip("."))
                meta["authors"] = [_name_case(n) for n in names if n]
            return
    if "authors" in meta:
        return
    front = [b for b in blocks if b.part == "front"]
    for b in front[1:]:
        text = b.inline.text.strip()
        names = _names_line(text)
        if b.kind == "paragraph" and names and not find_dates(text):
            b.kind = "byline"
            meta["authors"] = names
            return


def _names_line(text: str) -> list[str]:
    """The names of a line that holds only names: "A B", "A B and C D", "A B, C D & E F"."""
    last = re.split(r"\s+(?:and|&)\s+", text)
    names = [n.strip() for n in last[0].split(",")] + last[1:] if len(last) == 2 else last
    if len(names) > 4 or citation_words()["kind_words"].search(text):
        return []  # "Special Report", "Policy Brief": a series label, not a name
    return names if all(NAME_LINE.match(n) for n in names) else []


def _name_case(name: str) -> str:
    name = name.strip()
    return name.title() if name.isupper() else name


def _title(blocks: list[RawBlock]) -> str | None:
    """The longest heading of the front matter, else the first heading."""
    front = [b for b in blocks if b.kind == "heading" and b.part == "front"]
    if front:
        return max(front, key=lambda b: len(b.inline.text.split())).inline.text.strip()
    first = next((b for b in blocks if b.kind == "heading" and b.part == "body"
                  and not is_notes_heading(b.inline.text)), None)
    return first.inline.text.strip() if first else None


def _document_date(meta: dict, blocks: list[RawBlock]) -> str | None:
    """The date given in metadata, else a front-matter line that is only a date, else the file's date."""
    if meta.get("date"):
        return _normalised(meta["date"])
    for b in blocks:
        if b.part != "front":
            break
        dates = find_dates(b.inline.text)
        if len(dates) == 1 and len(b.inline.text.split()) <= 5:
            return dates[0][2]
    return _normalised(meta.get("file_date"))


def _normalised(value: object) -> str | None:
    """A metadata date as a partial date, or None when it is missing or not a date."""
    try:
        return normalise(str(value)) if value else None
    except ValueError:
        return None


def _publisher(blocks: list[RawBlock]) -> str | None:
    """A publisher named in italics at the very top of a report (its masthead)."""
    first = blocks[0] if blocks else None
    if first and first.part == "front" and first.inline.emphasis:
        s, e = first.inline.emphasis[0]
        name = first.inline.text[s:e].strip()
        if s <= 1 and 0 < len(name.split()) <= 5:
            return name
    return None


def _link_sources(citations, note_sources: list[Source], own_site: str | None):
    """Sources for links in the text (one per URL), merged with reference-list entries."""
    by_url: dict[str, str] = {}
    sources: list[Source] = []
    references = {s.url: s for s in note_sources if s.kind == "reference" and s.url}
    resolved: list[Citation] = []
    link_number = 0
    for start, end, label, pointed, url in sorted(citations, key=lambda c: c[0]):
        if url is None:
            resolved.append(Citation(start, end, label, pointed or ()))
            continue
        if not url.startswith(("http://", "https://")) or (own_site and site_name(url) == own_site):
            continue
        if url not in by_url:
            link_number += 1
            source = link_source(f"L{link_number}", url)
            ref = references.pop(url, None)
            if ref:
                source = Source(source.id, ref.title, ref.publisher or source.publisher, ref.author,
                                ref.date or source.date, url, ref.accessed, "link", ref.note)
            by_url[url] = source.id
            sources.append(source)
        resolved.append(Citation(start, end, url, (by_url[url],)))
    kept_notes = [s for s in note_sources if not (s.kind == "reference" and s.url in by_url)]
    return kept_notes + sources, resolved


def _sentences(text: str, blocks: list[Block], citations: list[Citation]) -> tuple[Sentence, ...]:
    """Sentences of every block, each with the sources its citations point to."""
    spans: list[tuple[int, int, int]] = []
    for i, b in enumerate(blocks):
        spans += [(s, e, i) for s, e in split_sentences(text, b.start, b.end)]
    cited: dict[int, list[str]] = {}
    starts = [s for s, _, _ in spans]
    for c in citations:
        if not c.sources:
            continue
        i = bisect.bisect_right(starts, c.start) - 1
        if c.start == c.end and i > 0 and c.start == starts[i] and spans[i - 1][2] == spans[i][2]:
            i -= 1  # a marker never opens a sentence: set apart after a stop, it cites the one before
        if i >= 0:
            ids = cited.setdefault(i, [])
            ids += [s for s in c.sources if s not in ids]
    return tuple(Sentence(s, e, b, tuple(cited.get(i, ()))) for i, (s, e, b) in enumerate(spans))


def _sections(text: str, blocks: list[Block]) -> tuple[Section, ...]:
    """The span under each heading, up to the next heading of the same or a higher level."""
    heads = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading"]
    body_end = max((b.end for b in blocks if b.part != "notes"), default=0)
    sections = []
    for n, (i, b) in enumerate(heads):
        end = next((h.start for _, h in heads[n + 1:] if h.level <= b.level), body_end)
        sections.append(Section(text[b.start:b.end], b.level, b.start, max(end, b.end)))
    return tuple(sections)
