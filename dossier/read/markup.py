"""Inline markup (Markdown and the HTML found inside it) → plain text, footnote markers and links.

Offsets in the result are offsets into the plain text, so later stages can point at what the
reader sees.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

URL_TAIL = ".,;:!?)]}'\"’”"

TOKEN = re.compile(
    r"""
    (?P<sup><sup>\s*(?P<sup_body>[^<]{0,40}?)\s*</sup>)
  | (?P<usup>(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,3}(?![⁰¹²³⁴⁵⁶⁷⁸⁹]))
  | (?P<note>\[\^(?P<note_label>[^\]\s]{1,20})\](?!:))
  | (?P<image>!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\))
  | (?P<mdlink>\[(?P<md_text>[^\]\n]{0,500})\]\((?P<md_url><[^>\s]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\))
  | (?P<alink><a\b[^>]*?\bhref\s*=\s*["'](?P<a_url>[^"']*)["'][^>]*>(?P<a_text>.*?)</a\s*>)
  | (?P<auto><(?P<auto_url>https?://[^>\s]+)>)
  | (?P<bare>\bhttps?://[^\s<>"]+)
  | (?P<br><br\s*/?>)
  | (?P<tag></?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->)
  | (?P<entity>&(?:[A-Za-z]{2,8}|\#\d{1,6}|\#x[0-9A-Fa-f]{1,6});)
  | (?P<escape>\\(?P<escaped>[!-/:-@\[-`{-~]))
  | (?P<dash>(?<=\s)---?(?=\s))
  | (?P<stars>\*{1,3})
  | (?P<underscores>(?<!\w)_{1,3}|_{1,3}(?!\w))
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
MARKER_BODY = re.compile(r"\d{1,4}[a-z]?(?:\s*[,–-]\s*\d{1,4}[a-z]?)*")


@dataclass
class Inline:
    """Plain text with the footnote markers and links that stood in it."""

    text: str
    markers: list[tuple[int, str]] = field(default_factory=list)  # (offset, label)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, url)
    emphasis: list[tuple[int, int]] = field(default_factory=list)  # italic or bold spans


def marker_labels(body: str) -> list[str]:
    """Labels of a marker body: "3" → ["3"], "3,4" → ["3", "4"], "5-7" → ["5", "6", "7"]."""
    labels: list[str] = []
    for part in re.split(r"\s*,\s*", body.strip()):
        m = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", part)
        if m and 0 < int(m.group(2)) - int(m.group(1)) < 20:
            labels += [str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif part:
            labels.append(part)
    return labels


def strip_inline(source: str) -> Inline:
    """Plain text of a line of Markdown, with its footnote markers, links and emphasis."""
    out: list[str] = []
    size = 0
    result = Inline("")
    open_emphasis: dict[str, int] = {}
    pos = 0

    def emit(text: str) -> None:
        nonlocal size
        out.append(text)
        size += len(text)

    for m in TOKEN.finditer(source):
        emit(source[pos:m.start()])
        pos = m.end()
        kind = m.lastgroup if m.lastgroup in ("stars", "underscores") else next(
            k for k in ("sup", "usup", "note", "image", "mdlink", "alink", "auto", "bare", "br", "tag",
                        "entity", "escape", "dash") if m.group(k) is not None)
        if kind == "sup":
            body = m.group("sup_body")
            if MARKER_BODY.fullmatch(body.strip()):
                result.markers += [(size, label) for label in marker_labels(body)]
            else:
                emit(html.unescape(body))
        elif kind == "usup":
            digits = m.group()
            if _raises_a_unit(source, m.start(), digits[0]):
                emit(digits[0])
                digits = digits[1:]
            if digits:
                result.markers.append((size, digits.translate(SUPERSCRIPT_DIGITS)))
        elif kind == "note":
            result.markers.append((size, m.group("note_label")))
        elif kind in ("mdlink", "alink"):
            text, url = (m.group("md_text"), m.group("md_url")) if kind == "mdlink" else (
                m.group("a_text"), m.group("a_url"))
            inner = strip_inline(text)
            start = size
            result.markers += [(start + o, label) for o, label in inner.markers]
            result.emphasis += [(start + s, start + e) for s, e in inner.emphasis]
            emit(inner.text)
            result.links.append((start, size, _clean_url(url.strip("<>"))))
        elif kind in ("auto", "bare"):
            url = m.group("auto_url") or m.group("bare")
            if kind == "bare":
                trimmed = url.rstrip(URL_TAIL)
                if url.endswith(")") and trimmed.count("(") > trimmed.count(")"):
                    trimmed += ")"
                pos -= len(url) - len(trimmed)
                url = trimmed
            url = _clean_url(url)
            start = size
            emit(url)
            result.links.append((start, size, url))
        elif kind == "br":
            emit(" ")
        elif kind == "entity":
            emit(html.unescape(m.group()))
        elif kind == "escape":
            emit(m.group("escaped"))
        elif kind == "dash":
            emit("—" if m.group() == "---" else "–")
        elif kind in ("stars", "underscores"):
            can_open, can_close = _flanking(source, m.start(), m.end(), m.group()[0])
            if can_close and m.group() in open_emphasis:
                result.emphasis.append((open_emphasis.pop(m.group()), size))
            elif can_open:
                open_emphasis[m.group()] = size
        # image and tag: dropped
    emit(source[pos:])
    result.text = "".join(out)
    return result


@cache
def unit_symbols() -> frozenset[str]:
    """Unit symbols that take a power such as km² (data/units.txt)."""
    text = resources.files("dossier.read").joinpath("data/units.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _raises_a_unit(source: str, start: int, digit: str) -> bool:
    """True for a ² or ³ right after a unit symbol ("km²"): a power, not a footnote marker."""
    word = re.search(r"(?<![A-Za-z])[A-Za-z]+$", source[max(0, start - 5):start])
    return digit in "²³" and bool(word) and word.group() in unit_symbols()


def _flanking(source: str, start: int, end: int, char: str) -> tuple[bool, bool]:
    """Whether a run of * or _ can open and can close emphasis (CommonMark's flanking rules)."""
    before = source[start - 1] if start else " "
    after = source[end] if end < len(source) else " "
    punct = lambda c: not c.isalnum() and not c.isspace()  # noqa: E731
    left = not after.isspace() and (not punct(after) or before.isspace() or punct(before))
    right = not before.isspace() and (not punct(before) or after.isspace() or punct(after))
    if char == "*":
        return left, right
    return left and (not right or punct(before)), right and (not left or punct(after))


def _clean_url(url: str) -> str:
    """A URL with Markdown escapes removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", html.unescape(url)).strip()
