"""PDF (text layer) → Layout, through pdfplumber.

Font sizes and positions tell the parts of a page apart: superscript digits become footnote
markers, small-type lines at the foot of a page that start with a number become notes,
lines repeated at the top or bottom of most pages (running heads, page numbers) are dropped,
and large type becomes headings. The result is written as Markdown and read like any report
converted from PDF.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

import pdfplumber
import yaml
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from dossier.dates import parse_date
from dossier.errors import ReadError
from dossier.read.layout import Layout
from dossier.read.markdown import read_markdown

SMALL = 0.88  # a line set in less than this share of the body size is small type
HEADING = 1.18  # a line set in more than this share of the body size is a heading
# A gap wider than this share of the font size parts two words: PDFs made by pdfTeX place words
# apart without space characters, with gaps of 0.2-0.33 em (a fixed 3 pt merges them in 10 pt text).
WORD_GAP = 0.15
ESCAPE = re.compile(r"([\\*_<\[\]`])")
NOTE_END = re.compile(r"[.!?\"”’)]\s*$")
URL_AT_END = re.compile(r"(?:https?://|www\.)\S+$")
URL_BREAK_BEFORE = re.compile(r"\\?[/?#&=~_.-][\w%~/.-]")  # "/operation-in-...", "-the-road", "?id=4"
URL_PIECE = re.compile(r"[\w%~\\]*[/.?=&#_-][\w%~/.?=&#\\-]*|\d{5,}")  # "operation-in-waziristan", "1112917"
NOTE_START = re.compile(r"^(?:<sup>)?(\d{1,3})(?:</sup>)?[.)]?\s+(?=\S)")


def read_pdf_file(data: bytes, path: Path, encoding: str | None) -> Layout:
    """Layout of a PDF file's text layer."""
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError(f"{path}: not a PDF file (no %PDF header)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_lines(page) for page in pdf.pages]
            info = pdf.metadata or {}
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, OSError) as e:
        raise ReadError(f"{path}: cannot read this PDF (damaged or truncated: {_why(e)})") from None
    if not any(pages):
        raise ReadError(f"{path}: this PDF has no text layer", "run OCR on it first (e.g. ocrmypdf)")
    layout = read_markdown(_markdown(pages))
    placeholders = placeholder_properties()
    title = str(info.get("Title") or "").strip()
    if title and not placeholders["titles"].search(title):
        layout.meta.setdefault("title", title)
    author = str(info.get("Author") or "").strip()
    if author and author.lower() not in placeholders["authors"] and "authors" not in layout.meta:
        layout.meta["authors"] = [a.strip() for a in re.split(r";|,| and ", author) if a.strip()]
    created = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(info.get("CreationDate") or ""))
    if created:
        # The day the file was made: only when the report prints no date of its own.
        layout.meta["file_date"] = parse_date("-".join(created.groups()))
    return layout


@cache
def placeholder_properties() -> dict:
    """Titles and authors that PDF producers fill in by default (data/pdf_properties.yaml)."""
    raw = yaml.safe_load(resources.files("dossier.read").joinpath("data/pdf_properties.yaml").read_text("utf-8"))
    return {"titles": re.compile("|".join(f"(?:{p})" for p in raw["placeholder_titles"]), re.I),
            "authors": frozenset(a.lower() for a in raw["placeholder_authors"])}


def _why(error: Exception) -> str:
    text = str(error).strip() or error.__class__.__name__
    return text.splitlines()[0][:120]


def _lines(page) -> list[dict]:
    """The text lines of a page, each with its words, size and vertical position."""
    words = page.extract_words(extra_attrs=["size", "fontname"], use_text_flow=True, keep_blank_chars=False,
                               x_tolerance_ratio=WORD_GAP)
    lines: list[dict] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        height = max(w["bottom"] - w["top"], 1.0)
        for line in reversed(lines[-3:]):
            overlap = min(line["bottom"], w["bottom"]) - max(line["top"], w["top"])
            if overlap >= 0.3 * height:
                line["words"].append(w)
                if w["size"] >= line["size"]:
                    line["top"], line["bottom"], line["size"] = w["top"], w["bottom"], w["size"]
                break
        else:
            lines.append({"words": [w], "top": w["top"], "bottom": w["bottom"], "size": w["size"],
                          "page_height": page.height})
    for line in lines:
        line["words"].sort(key=lambda w: w["x0"])
        line["bold"] = all("bold" in w["fontname"].lower() for w in line["words"] if w["size"] >= line["size"] - 0.1)
    return lines


def _markdown(pages: list[list[dict]]) -> str:
    """Markdown of all pages: body text, headings, notes; running heads and page numbers dropped."""
    sizes = Counter()
    for lines in pages:
        for line in lines:
            for w in line["words"]:
                sizes[round(w["size"], 1)] += len(w["text"])
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    repeated = _running_lines(pages)
    out: list[str] = []
    last_note = None  # index in out of the latest note, which may go on at the foot of the next page
    for lines in pages:
        gaps = [b["top"] - a["bottom"] for a, b in zip(lines, lines[1:])
                if abs(a["size"] - body) < 0.5 and abs(b["size"] - body) < 0.5]
        # The gap between lines of one paragraph: a low quantile, as on a short page the paragraph
        # gaps can be half of all gaps.
        usual_gap = sorted(gaps)[len(gaps) // 4] if gaps else 3.0
        last_body = max((i for i, line in enumerate(lines) if line["size"] >= body * SMALL), default=-1)
        previous = heading = None
        in_notes = False
        for i, line in enumerate(lines):
            text = _line_text(line, body)
            key = _line_key(text)
            if key in repeated or re.fullmatch(r"(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", key):
                continue
            small = line["size"] < body * SMALL
            if small and i > last_body:
                m = NOTE_START.match(text)
                if m:
                    out.append(f"\n<sup>{m.group(1)}</sup> {text[m.end():]}")
                    in_notes, last_note = True, len(out) - 1
                elif in_notes:
                    out[-1] = _join(out[-1], text)
                elif last_note is not None and (text[:1].islower() or not NOTE_END.search(out[last_note])):
                    out[last_note] = _join(out[last_note], text)
                else:
                    out.append("\n" + text)
                continue
            if line["size"] >= body * HEADING or (line["bold"] and len(text) < 90 and not text.endswith(".")):
                level = 1 if line["size"] >= body * 1.6 else 2 if line["size"] >= body * HEADING else 3
                if heading and heading[1] == level and _close_below(heading[0], line):
                    out[-1] = out[-1].rstrip("\n") + " " + text + "\n"  # a heading set over two lines
                else:
                    out.append("\n" + "#" * level + " " + text + "\n")
                previous, heading = None, (line, level)
                continue
            heading = None
            if previous is not None and line["top"] - previous["bottom"] > max(usual_gap * 1.6, usual_gap + 2):
                out.append("")
            if previous is not None and out and out[-1]:
                out[-1] = _join(out[-1], text, newline=True)
            else:
                out.append(text)
            previous = line
        out.append("\n---\n")
    return "\n".join(out)


def _close_below(above: dict, line: dict) -> bool:
    """True when a line follows the one above it with less than a line's height between them."""
    return line["top"] - above["bottom"] < line["bottom"] - line["top"]


def _join(first: str, second: str, newline: bool = False) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation of lower-case words."""
    if _url_goes_on(first, second):
        return first + re.sub(r"^\\(?=[#>+-])", "", second)
    if re.search(r"[a-z]-$", first) and second[:1].islower():
        return first[:-1] + second
    return first + ("\n" if newline else " ") + second


def _url_goes_on(first: str, second: str) -> bool:
    """True when a line ends inside a URL that the next line continues."""
    # Typesetters break a URL before or after "/", "-", "." and the like. After a hyphen the URL
    # surely goes on; after "/" or "." only if the next word looks like a piece of a URL, since
    # "Accessed on ..." may follow a URL that ends with a slash.
    if not URL_AT_END.search(first):
        return False
    second = re.sub(r"^\\(?=[#>+-])", "", second)
    if URL_BREAK_BEFORE.match(second):
        return True
    if first.endswith("-"):
        return bool(re.match(r"[\w%~]", second))
    token = second.split(maxsplit=1)[0].rstrip(".,;:)") if second.strip() else ""
    return bool(re.search(r"[/.=&?#~+_]$", first) and URL_PIECE.fullmatch(token))


def _line_text(line: dict, body: float) -> str:
    """A line's text, with raised small digits written as footnote markers."""
    parts: list[str] = []
    baseline = line["bottom"]
    previous_end = None
    for w in line["words"]:
        text = w["text"]
        touching = previous_end is not None and w["x0"] - previous_end < 0.15 * w["size"]
        previous_end = w["x1"]
        raised = w["size"] < line["size"] * SMALL and w["bottom"] < baseline - 1.0
        if raised and re.fullmatch(r"\d{1,3}(?:[,–-]\d{1,3})*[.,;:]?", text):
            digits = text.rstrip(".,;:")
            parts.append(f"<sup>{digits}</sup>{text[len(digits):]}")
            continue
        parts.append(("" if not parts or touching else " ") + ESCAPE.sub(r"\\\1", text))
    text = "".join(parts).strip()
    return "\\" + text if text.startswith(("#", ">", "-", "+")) else text


def _line_key(text: str) -> str:
    """A line with digits and case folded, to spot running heads that differ only in page number."""
    return re.sub(r"\d+", "0", re.sub(r"<sup>.*?</sup>", "", text)).strip().lower()


def _running_lines(pages: list[list[dict]]) -> set[str]:
    """Lines repeated in the top or bottom margin of at least half the pages (when there are 3+)."""
    if len(pages) < 2:
        return set()
    seen: Counter = Counter()
    for lines in pages:
        keys = set()
        for line in lines:
            margin = line["page_height"] * 0.09
            if line["top"] < margin or line["bottom"] > line["page_height"] - margin:
                keys.add(_line_key(_line_text(line, line["size"])))
        seen.update(keys)
    return {k for k, n in seen.items() if n >= max(2, len(pages) / 2) and k}
