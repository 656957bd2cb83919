"""What a reader produces before assembly: blocks of inline text, notes and metadata."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from dossier.read.markup import Inline


@dataclass
class RawBlock:
    """A block as a reader found it: kind, inline content, heading level."""

    kind: str  # heading | paragraph | caption | quote | item | table
    inline: Inline
    level: int = 0
    part: str = "body"
    after_break: bool = False  # a page break or notes came between it and the block before


@dataclass
class Note:
    """A footnote or endnote definition, or an unnumbered reference-list entry (label "")."""

    label: str
    inline: Inline


@dataclass
class Layout:
    """A document's blocks, notes and metadata, in reading order."""

    blocks: list[RawBlock] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@cache
def section_words() -> dict:
    """Heading names for notes and boilerplate sections (data/sections.yaml)."""
    raw = yaml.safe_load(resources.files("dossier.read").joinpath("data/sections.yaml").read_text("utf-8"))
    return {
        "notes": frozenset(raw["notes"]),
        "boilerplate": re.compile(r"(?:%s)\s*:?\s*$" % "|".join(raw["boilerplate"]), re.I),
        "keep": re.compile(r"(?:%s)\s*:?\s*$" % "|".join(raw["keep"]), re.I),
    }


@cache
def caption_pattern() -> re.Pattern:
    """What marks a short paragraph as a caption or photo credit (data/captions.txt)."""
    text = resources.files("dossier.read").joinpath("data/captions.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{line})" for line in lines), re.I)


def is_notes_heading(text: str) -> bool:
    """True for a heading such as "Notes", "References" or "Sources:"."""
    return text.strip().rstrip(":").strip().lower() in section_words()["notes"]


def is_boilerplate_heading(text: str) -> bool:
    """True for a heading that starts publisher or site boilerplate ("Welcome to X", "Related posts")."""
    words = section_words()
    t = text.strip()
    return bool(words["boilerplate"].match(t)) and not words["keep"].match(t)


def is_caption(text: str) -> bool:
    """True for a short paragraph that captions or credits an image."""
    words = len(text.split())
    return words <= 45 and bool(caption_pattern().search(text))
