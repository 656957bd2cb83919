"""A briefing on IS-KP from the development documents, through the real command line: it renders,
shows both figures with its leaders in them, and every statement in it cites a source."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_pages import (export_briefing, figure, markdown_notes, markdown_statements, notes, page, references,
                            statements, svg_texts, text_blocks)

SLUG = "islamic-state-s-khorasan-province"


@pytest.fixture(scope="module")
def iskp(dev_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("iskp")
    result = export_briefing(dev_db, out, "--entity", "ISKP")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out


def test_iskp_briefing_is_written_with_both_figures(iskp):
    assert sorted(p.name for p in iskp.iterdir()) == sorted(
        [f"{SLUG}.md", f"{SLUG}.html", f"{SLUG}-network.svg", f"{SLUG}-timeline.svg"])
    tree = page(iskp, SLUG)
    assert tree.xpath("//h1")[0].text_content() == "Briefing: Islamic State's Khorasan Province"
    assert {"IS-KP", "ISKP", "Wilayat Khorasan"} <= {r.xpath("td")[0].text_content()
                                                      for r in tree.xpath("//section[@id='names']//tbody/tr")}


def test_iskp_figures_draw_its_leaders(iskp):
    tree = page(iskp, SLUG)
    leaders = [r.xpath("td")[0].text_content() for r in tree.xpath("//section[@id='leaders']//tbody/tr")]
    assert "Aslam Farooqi" in leaders
    network, timeline = figure(tree, "network"), figure(tree, "timeline")
    assert set(leaders) <= set(svg_texts(network))
    assert "Aslam Farooqi (leader)" in svg_texts(timeline)
    for svg in (network, timeline):
        assert len(list(svg.iter("{*}path"))) + len(list(svg.iter("{*}use"))) >= 10


def test_every_iskp_statement_cites_a_source(iskp):
    tree = page(iskp, SLUG)
    found = notes(tree)
    assert len(statements(tree)) >= 30
    for element in statements(tree):
        assert references(element) and set(references(element)) <= set(found), element.text_content()
    for block in text_blocks(tree):
        assert references(block), block.text_content()
    assert all("(document mantraya-sr20-iskp)" in n for n in found.values() if "Mantraya" in n)
    text = (iskp / f"{SLUG}.md").read_text(encoding="utf-8")
    assert len(markdown_statements(text)) == len(statements(tree))
    assert all(re.search(r"\[\^\d+\]", line) for line in markdown_statements(text))
    assert len(markdown_notes(text)) == len(found)
