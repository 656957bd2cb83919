"""Saved web pages → Layout: the article body (not menus or scripts), its links and footnotes.

Footnote links (`<sup><a href="#fn1">1</a></sup>` → `<li id="fn1">`, as Wikipedia, Pandoc and
blog footnote plugins write them) are turned into markers and notes before trafilatura picks
the main text, so that citations survive boilerplate removal.
"""
from __future__ import annotations

import re
from configparser import ConfigParser
from functools import cache
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from dossier.errors import ReadError
from dossier.read import decode_text
from dossier.read.layout import Layout
from dossier.read.markdown import read_markdown

MARK = "⟦fn:{}⟧"
MARK_RE = re.compile(r"⟦fn:([^⟧]{1,20})⟧")
NOTE_LABEL = re.compile(r"^\[?\s*([0-9]{1,4}[a-z]?|[a-z]{1,3}|[ivxlc]{1,6}|\*{1,3}|†|‡)\s*\]?$", re.I)
BACKLINK = re.compile(r"backlink|footnote-back|fn-back|cite-backlink|reversefootnote|return", re.I)
TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+(?:\||–|—|-|::)\s+(?P<site>[^|–—]{2,40})$")
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def read_html_file(data: bytes, path: Path, encoding: str | None) -> Layout:
    """Layout of a saved web page."""
    declared = CHARSET.search(data[:4096])
    text = decode_text(data, path, encoding or (declared.group(1).decode() if declared and
                                                 declared.group(1).lower() not in (b"utf-8", b"utf8") else None))
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"{path}: not readable as HTML ({e})") from None
    meta = _metadata(tree, text)
    notes = _footnotes(tree)
    html = lxml.html.tostring(tree, encoding="unicode")
    body = trafilatura.extract(html, output_format="markdown", include_links=True, include_formatting=True,
                               include_tables=True, include_comments=False, favor_recall=True,
                               with_metadata=False, config=_extraction_settings())
    if not body:
        body = "\n\n".join(p.text_content().strip() for p in tree.iter("p", "h1", "h2", "h3", "li")
                           if p.text_content().strip())
    body = MARK_RE.sub(lambda m: f"[^{m.group(1)}]", body)
    lines = [body, ""] + [f"[^{label}]: {note}" for label, note in notes]
    layout = read_markdown("\n\n".join(lines))
    for key, value in meta.items():
        if value:
            layout.meta.setdefault(key, value)
    return layout


@cache
def _extraction_settings() -> ConfigParser:
    """trafilatura's settings, except that a short article keeps its paragraphs and headings."""
    # By default an article under 250 characters goes to a fallback that runs its text into one line.
    settings = use_config()
    settings.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return settings


def _metadata(tree, text: str) -> dict:
    """Title, date, authors, publisher and canonical URL from the page's head."""
    found = trafilatura.extract_metadata(text, extensive=False)
    head = lambda xpath: next((v.strip() for v in tree.xpath(xpath) if v and v.strip()), None)  # noqa: E731
    title = head('//meta[@property="og:title"]/@content') or head("//h1//text()")
    page_title = head("//title/text()")
    site = head('//meta[@property="og:site_name"]/@content')
    m = TITLE_SUFFIX.match(page_title or "")
    if m:
        title = title or m.group("title")
        site = site or m.group("site")
    authors = [a.strip() for a in re.split(r"\s*(?:;|,| and )\s*", found.author or "") if a.strip()] if found else []
    return {
        "title": title or page_title or (found.title if found else None),
        "date": (found.date if found else None) or head('//meta[@property="article:published_time"]/@content'),
        "authors": authors,
        "publisher": site or (found.sitename if found else None),
        "url": head('//link[@rel="canonical"]/@href') or head('//meta[@property="og:url"]/@content'),
    }


def _footnotes(tree) -> list[tuple[str, str]]:
    """Replace footnote links by markers; return (label, note text) in order and drop the notes."""
    ids = {el.get("id"): el for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    ids.update({el.get("name"): el for el in tree.iter("a") if el.get("name") and el.get("name") not in ids})
    notes: dict[str, str] = {}
    targets = []
    for a in list(tree.iter("a")):
        href = a.get("href") or ""
        target = ids.get(href[1:]) if href.startswith("#") else None
        label_match = NOTE_LABEL.match(a.text_content().strip())
        if target is None or not label_match or _is_backlink(a):
            continue
        holder = a.getparent() if a.getparent() is not None and a.getparent().tag == "sup" else a
        if holder is a and a.find(".//sup") is None and not re.search(r"note|ref|fn", (a.get("class") or "") + href, re.I):
            continue
        label = label_match.group(1)
        note_el = _note_element(target)
        if label not in notes:
            notes[label] = _note_text(note_el)
            targets.append(note_el)
        _replace(holder, MARK.format(label))
    for el in targets:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    return [(label, text) for label, text in notes.items() if text]


def _is_backlink(a) -> bool:
    return bool(BACKLINK.search((a.get("class") or "") + " " + (a.getparent().get("class") or "")
                                if a.getparent() is not None else a.get("class") or ""))


def _note_element(target):
    """The element that holds a note's text: the list item or paragraph around the anchor."""
    el = target
    while el is not None and el.tag not in ("li", "p", "div", "dd", "aside", "section", "body"):
        el = el.getparent()
    return el if el is not None and el.tag != "body" else target


def _note_text(el) -> str:
    """A note's text as Markdown-ish inline text (links kept), without back-links."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            return
        if node.tag == "a" and (_is_backlink(node) or (node.get("href") or "").startswith("#")):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag in ("script", "style"):
            return
        if node.tag == "a" and node.get("href"):
            parts.append(f"[{node.text_content()}]({node.get('href')})")
        # A <cite> with elements inside is a whole citation (Wikipedia's CS1), not a title: walked below.
        elif node.tag in ("i", "em", "cite") and node.text_content().strip() \
                and not (node.tag == "cite" and len(node)):
            inner = node.text_content().strip()
            parts.append(f"*{inner}*" if node.find(".//a") is None else inner)
            if node.find(".//a") is not None:
                for link in node.iter("a"):
                    if link.get("href", "").startswith("http"):
                        parts.append(f" [{link.get('href')}]({link.get('href')})")
        else:
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
        if node.tail:
            parts.append(node.tail)

    tail, el_tail = el.tail, None
    el.tail = el_tail
    walk(el)
    el.tail = tail
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    return re.sub(r"^[\^↑]\s*(?:[a-z]\s+)*", "", text).strip()


def _replace(el, text: str) -> None:
    """Put text where an element stood, keeping what followed it."""
    parent = el.getparent()
    if parent is None:
        return
    joined = text + (el.tail or "")
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(el)
