"""Reading a written briefing back: its statements, their footnote references and its notes."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from lxml import etree, html

def export_briefing(db: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """`dossier export --format briefing --out OUT OPTIONS --db DB` run as a user would (as tests/conftest.py's
    run_cli does, for fixtures wider than one test)."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("DOSSIER_DB", None)
    command = [sys.executable, "-m", "dossier", "export", "--format", "briefing", "--out", str(out), *options,
               "--db", str(db)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


BODY = "//main/section[@id != 'sources' and @id != 'figures']"


def page(folder: Path, slug: str):
    """The briefing's HTML page, parsed."""
    return html.fromstring((folder / f"{slug}.html").read_text(encoding="utf-8"))


def statements(tree) -> list:
    """The statement elements of the body sections: profile sentences, table rows, list items."""
    return tree.xpath(f"{BODY}//*[contains(concat(' ', @class, ' '), ' statement ')]")


def text_blocks(tree) -> list:
    """Every paragraph, list item and table body row of the body sections."""
    return tree.xpath(f"{BODY}//p | {BODY}//li | {BODY}//tbody/tr")


def references(element) -> list[str]:
    """The note ids an element points to (#note-N)."""
    return [a.get("href").removeprefix("#") for a in element.xpath(".//a[contains(@class, 'ref')]")]


def notes(tree) -> dict[str, str]:
    """The Sources section: note id → its text."""
    return {li.get("id"): " ".join(li.text_content().split()) for li in tree.xpath("//section[@id='sources']/ol/li")}


def figure(tree, kind: str):
    """The inline SVG of a figure, re-parsed as XML on its own."""
    svg = tree.xpath(f"//figure[@id='{kind}']/*[local-name()='svg']")[0]
    return etree.fromstring(html.tostring(svg))


def svg_texts(svg) -> list[str]:
    """The text drawn in an SVG figure."""
    return [" ".join("".join(t.itertext()).split()) for t in svg.iter("{*}text")]


def markdown_statements(text: str) -> list[str]:
    """The lines of a briefing's Markdown body that state something: profile sentences, table rows
    (not their headers and rules), list items."""
    body = text.split("\n## Profile\n", 1)[1].split("\n## Figures\n", 1)[0]
    out = []
    for line in body.splitlines():
        if not line.strip() or line.startswith("#") or re.fullmatch(r"\|(---\|)+", line):
            continue
        out.append(line)
    headers = {line for line in out if line.startswith("| ") and not re.search(r"\[\^\d+\]", line)
               and line.rstrip().endswith("Sources |")}
    return [line for line in out if line not in headers]


def markdown_notes(text: str) -> dict[str, str]:
    """The footnote definitions of a briefing's Markdown: number → text."""
    return dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.MULTILINE))
