"""Markdown and plain text → Layout: blocks, notes and metadata.

Handles what real reports converted to Markdown contain: `<sup>N</sup>`, `[^N]` and `¹`
markers, footnote lines scattered between page breaks, notes of several paragraphs, reference
lists (numbered, bulleted, one URL a line or one entry a paragraph), HTML lists and links inside
Markdown, image captions, a YAML front-matter block or leading `Key: value` metadata lines.
"""
from __future__ import annotations

import re

import yaml

from dossier.read.layout import Layout, Note, RawBlock, is_caption, is_notes_heading
from dossier.read.markup import SUPERSCRIPT_DIGITS, Inline, strip_inline

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
META_LINE = re.compile(r"^(?P<key>[A-Z][A-Za-z]*(?:[- ][A-Za-z]+)?)\s*:\s+(?P<value>\S.*)$")
META_KEYS = {
    "source": "url", "url": "url", "link": "url", "canonical": "url",
    "document-date": "date", "date": "date", "published": "date", "publication date": "date",
    "title": "title", "author": "authors", "authors": "authors", "by": "authors",
    "publisher": "publisher", "site": "publisher", "source-publisher": "publisher",
}
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BREAK = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
SETEXT = re.compile(r"^\s*=+\s*$")
SUP_NOTE = re.compile(r"^\s*(?:<sup>\s*(\d{1,4}[a-z]?)\s*</sup>|([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,3}))\s*(.*)$")
PANDOC_NOTE = re.compile(r"^\s*\[\^([^\]\s]{1,20})\]:\s*(.*)$")
NUMBERED = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s+(.*)$")
BULLET = re.compile(r"^\s*[-*+•]\s+(.*)$")
QUOTE = re.compile(r"^\s*>\s?(.*)$")
IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
HTML_BLOCK = re.compile(r"</?(?:ol|ul|p|div|section|article|table|tbody|thead|tr|blockquote|h[1-6])\b[^>]*>", re.I)
HTML_ITEM = re.compile(r"<li\b[^>]*>", re.I)
HTML_END_ITEM = re.compile(r"</li\s*>", re.I)
ALL_CAPS_HEADING = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")
URL_LINE = re.compile(r"^\s*<?(?:https?://|www\.)\S+")
REFERENCE_WORDS = 80  # a paragraph of a notes section longer than this is prose, not a reference entry


def read_markdown(text: str) -> Layout:
    """Blocks, notes and metadata of a Markdown or plain-text document."""
    layout = Layout()
    text = _front_matter(text.replace("\r\n", "\n").replace("\r", "\n"), layout.meta)
    text = _metadata_lines(text, layout.meta)
    text = _html_blocks(text)
    _Parser(layout).run(text.split("\n"))
    return layout


def _front_matter(text: str, meta: dict) -> str:
    """Read and remove a YAML front-matter block."""
    m = FRONT_MATTER.match(text)
    if not m:
        return text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return text
    if not isinstance(data, dict):
        return text
    for key, value in data.items():
        field = META_KEYS.get(str(key).lower())
        if field and value:
            _set_meta(meta, field, value)
    return text[m.end():]


def _metadata_lines(text: str, meta: dict) -> str:
    """Read and remove leading `Key: value` lines (Source:, Document-date:, Title:, ...)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    start = i
    while i < len(lines):
        m = META_LINE.match(lines[i].strip())
        field = META_KEYS.get(m.group("key").lower()) if m else None
        if not field:
            break
        _set_meta(meta, field, m.group("value").strip())
        i += 1
    return text if i == start else "\n".join(lines[i:])


def _set_meta(meta: dict, field: str, value) -> None:
    if field == "authors":
        names = value if isinstance(value, list) else re.split(r"\s*(?:;|,| and | & )\s*", str(value))
        meta["authors"] = [str(n).strip() for n in names if str(n).strip()]
    else:
        meta.setdefault(field, str(value).strip())


def _html_blocks(text: str) -> str:
    """Put HTML block elements found inside Markdown on lines of their own, list items as bullets."""
    if "<" not in text:
        return text
    text = HTML_ITEM.sub("\n- ", text)
    text = HTML_END_ITEM.sub("\n", text)
    return HTML_BLOCK.sub("\n\n", text)


class _Parser:
    """Line-by-line block parser; one instance per document."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.lines: list[str] = []  # the paragraph being collected
        self.kind = "paragraph"
        self.note: Note | None = None  # the footnote being collected
        self.note_lines: list[str] = []
        self.in_notes_section = False
        self.notes_level = 0
        self.after_image = False
        self.last_note: tuple[Note, list[str]] | None = None  # a note that an indented paragraph may continue
        self.after_break = False  # a page break or notes since the last block

    def run(self, lines: list[str]) -> None:
        for number, line in enumerate(lines):
            self.line(line, lines[number + 1] if number + 1 < len(lines) else "")
        self.flush()

    def line(self, line: str, following: str) -> None:
        stripped = line.strip()
        if not stripped:
            ending = (self.note, self.note_lines) if self.note is not None else None
            self.flush()
            if ending and ending[0] in self.layout.notes:
                self.last_note = ending
            return
        if self.note is None and self.last_note and line.startswith(("    ", "\t")):
            self.reopen_note()
        self.last_note = None
        if self.note is not None and (line.startswith(("    ", "\t")) or self._continues_note(stripped)):
            self.note_lines.append(stripped)
            return
        if not self.lines and is_notes_heading(stripped):
            self.flush()
            self.lines = [stripped]
            self.flush()
            return
        if SETEXT.match(following) and not self.lines:
            self.heading(stripped, 1)
            return
        if SETEXT.match(stripped):
            return
        m = HEADING.match(stripped)
        if m:
            self.flush()
            self.heading(m.group(2), len(m.group(1)))
            return
        if BREAK.match(stripped) or TABLE_RULE.match(stripped):
            self.flush()
            self.after_break = self.after_break or bool(BREAK.match(stripped))
            return
        if IMAGE_LINE.match(stripped):
            self.flush()
            self.after_image = True
            return
        m = SUP_NOTE.match(line)
        if m:
            self.start_note(m.group(1) or m.group(2).translate(SUPERSCRIPT_DIGITS), m.group(3))
            return
        m = PANDOC_NOTE.match(line)
        if m:
            self.start_note(m.group(1), m.group(2))
            return
        if self.in_notes_section:
            if URL_LINE.match(line):
                self.start_note("", stripped)
                return
            m = NUMBERED.match(line)
            if m:
                self.start_note(m.group(1) or m.group(2), m.group(3))
                return
            m = BULLET.match(line)
            if m:
                self.start_note("", m.group(1))
                return
        m = QUOTE.match(line)
        if m:
            self.switch("quote")
            self.lines.append(m.group(1))
            return
        m = BULLET.match(line) or (NUMBERED.match(line) if not self.lines else None)
        if m:
            self.flush()
            self.kind = "item"
            self.lines.append(m.group(m.lastindex))
            return
        if stripped.startswith("|") and stripped.endswith("|"):
            self.switch("table")
            self.lines.append(" ; ".join(c.strip() for c in stripped.strip("|").split("|") if c.strip()))
            return
        if self.note is not None:
            self.flush()
        if self.kind not in ("paragraph", "item") or (self.kind == "item" and not line.startswith(" ")):
            self.switch("paragraph")
        self.lines.append(stripped)

    def _continues_note(self, stripped: str) -> bool:
        """A line right after a note line that does not start anything new belongs to the note."""
        if not self.note.label and URL_LINE.match(stripped):
            return False  # a reference list of bare URLs, one a line
        return not (HEADING.match(stripped) or BREAK.match(stripped) or SUP_NOTE.match(stripped)
                    or PANDOC_NOTE.match(stripped) or BULLET.match(stripped) or NUMBERED.match(stripped))

    def reopen_note(self) -> None:
        """Continue the last note with an indented paragraph (a Pandoc note of several paragraphs)."""
        note, lines = self.last_note
        self.layout.notes.remove(note)
        self.note, self.note_lines = note, lines

    def switch(self, kind: str) -> None:
        if self.kind != kind or self.note is not None:
            self.flush()
        self.kind = kind

    def heading(self, text: str, level: int) -> None:
        inline = strip_inline(text)
        title = inline.text.strip()
        if not title:
            return
        if self.in_notes_section and level <= self.notes_level:
            self.in_notes_section = False
        if is_notes_heading(title):
            self.in_notes_section, self.notes_level = True, level
        self.add(RawBlock("heading", inline, level))
        self.after_image = False

    def start_note(self, label: str, text: str) -> None:
        self.flush()
        self.after_break = True
        self.note = Note(label, strip_inline(""))
        self.note_lines = [text]

    def add(self, block: RawBlock) -> None:
        """Append a block, noting whether a page break or notes came before it."""
        block.after_break, self.after_break = self.after_break, False
        self.layout.blocks.append(block)

    def flush(self) -> None:
        if self.note is not None:
            self.note.inline = strip_inline(" ".join(self.note_lines))
            if self.note.inline.text.strip():
                self.layout.notes.append(self.note)
            self.note, self.note_lines = None, []
        if self.lines:
            inline = strip_inline(" ".join(self.lines))
            text = inline.text.strip()
            kind = self.kind
            if kind == "paragraph" and is_notes_heading(text):
                self.in_notes_section, self.notes_level = True, 7
                kind = "heading"
            elif kind == "paragraph" and self.in_notes_section and _reference_entry(inline):
                kind = "reference"
            elif kind == "paragraph" and (self.after_image or _parenthesised(text)) and is_caption(text):
                kind = "caption"
            elif kind == "paragraph" and len(text.split()) <= 60 and _credit(text):
                kind = "caption"
            elif kind == "paragraph" and len(text) <= 80 and ALL_CAPS_HEADING.match(text) \
                    and len(text.split()) <= 8 and not text.rstrip().endswith("."):
                kind = "heading"
            if kind == "reference":
                self.layout.notes.append(Note("", inline))
            elif text:
                self.add(RawBlock(kind, inline, 3 if kind == "heading" else 0))
            self.after_image = False
        self.lines = []
        self.kind = "paragraph"


def _reference_entry(inline: Inline) -> bool:
    """True for a paragraph of a notes section that is an entry, not prose: short, no links on words."""
    text = inline.text
    prose_links = [u for s, e, u in inline.links if not text[s:e].strip().startswith(("http", "www."))]
    return len(text.split()) <= REFERENCE_WORDS and not prose_links


def _parenthesised(text: str) -> bool:
    return text.startswith("(") and text.rstrip(".").endswith(")")


def _credit(text: str) -> bool:
    """True when a paragraph ends with a photographer or agency credit ("REUTERS/Stringer")."""
    return bool(re.search(r"\b[A-Z]{2,}\s*/\s*[A-Z][\w ]*\.?\s*$|\(.*(?i:photo|credit).*\)\s*$", text))
