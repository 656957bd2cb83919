"""`dossier export --format briefing`: what a briefing on one organization says, and that every
statement in it is footnoted to the sentence and sources behind it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import dossier
from briefing_pages import (export_briefing, figure, markdown_notes, markdown_statements, notes, page, references,
                            statements, svg_texts, text_blocks)
from briefing_reports import MARKUP_NAME

SLUG = "northern-valley-front"
FILES = [f"{SLUG}.md", f"{SLUG}.html", f"{SLUG}-network.svg", f"{SLUG}-timeline.svg"]


@pytest.fixture(scope="module")
def written(valley_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The briefing on the NVF, written by the real command line."""
    out = tmp_path_factory.mktemp("briefing") / "out"
    result = export_briefing(valley_db, out, "--entity", "NVF")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote 4 files to {out}"
    return out


def rows(tree, section: str) -> list[list[str]]:
    """The cells of a section's table, row by row (without the Sources column)."""
    return [[" ".join(td.text_content().split()) for td in tr.xpath("td")][:-1]
            for tr in tree.xpath(f"//section[@id='{section}']//tbody/tr")]


def test_briefing_writes_markdown_html_and_both_figures(written):
    assert sorted(p.name for p in written.iterdir()) == sorted(FILES)


def test_every_statement_cites_a_note_of_the_sources_section(written):
    tree = page(written, SLUG)
    found = notes(tree)
    assert len(statements(tree)) >= 10
    for element in statements(tree):
        cited = references(element)
        assert cited, element.text_content()
        assert set(cited) <= set(found), element.text_content()
    for block in text_blocks(tree):
        assert references(block), block.text_content()


def test_markdown_states_as_much_as_the_html_with_the_same_notes(written):
    tree = page(written, SLUG)
    text = (written / f"{SLUG}.md").read_text(encoding="utf-8")
    lines = markdown_statements(text)
    assert len(lines) == len(statements(tree))
    assert all(re.search(r"\[\^\d+\]", line) for line in lines)
    assert len(markdown_notes(text)) == len(notes(tree))
    cited = {n for line in lines for n in re.findall(r"\[\^(\d+)\]", line)}
    assert cited <= set(markdown_notes(text))


def test_leadership_is_the_succession_with_periods_and_precision(written):
    assert rows(page(written, SLUG), "leaders") == [
        ["Karim Osman", "", "2012-03", "2016-05", "month", "succeeded by Yusuf Haddad"],
        ["Yusuf Haddad", "leader", "2016-05", "2019-06", "month", "succeeded by Bilal Qadri"],
        ["Bilal Qadri", "", "2019-06", "", "month", "open"],
    ]


def test_profile_names_the_group_its_other_name_its_ally_and_its_leader(written):
    profile = [" ".join(s.text_content().split()) for s in statements(page(written, SLUG))
               if s.tag == "span"]
    texts = [re.sub(r"[\d,]+$", "", s) for s in profile]
    assert texts == ["Northern Valley Front is an organization.",
                     "It is also known as NVF.",
                     "Northern Valley Front is allied with Delta Brotherhood Network.",
                     "Its latest known leader is Bilal Qadri (since 2019-06)."]


def test_footnote_gives_the_cited_source_and_the_sentence_that_states_it(written):
    tree = page(written, SLUG)
    bilal = tree.xpath("//section[@id='leaders']//tbody/tr")[2]
    note = notes(tree)[references(bilal)[0]]
    assert note == ("The leaders of the Northern Valley Front, Frontier Monitor, 2022-02-01 (document valley-leaders). "
                    "Bilal Qadri took over the leadership of the NVF in June 2019. Cites: [3] “New chief for the "
                    "Valley Front”, Coastal Times, 2019-06-20, https://coastal-times.example.net/new-chief.")
    link = tree.xpath(f"//li[@id='{references(bilal)[0]}']//a/@href")
    assert link == ["https://coastal-times.example.net/new-chief"]


def test_a_sentence_citing_no_source_is_footnoted_to_its_document(written):
    tree = page(written, SLUG)
    custody = [n for n in notes(tree).values() if "valley-custody" in n]
    assert custody == ["A commander in custody, Valley Watch, 2019-07-02 (document valley-custody). Yusuf Haddad, the "
                       "leader of the Northern Valley Front, surrendered to the police in Peshawar in June 2019. "
                       "The sentence cites no source."]


def test_conflicting_accounts_are_side_by_side_each_with_its_notes(written):
    tree = page(written, SLUG)
    items = tree.xpath("//section[@id='conflicts']//li")
    assert len(items) == 1
    text = " ".join(items[0].text_content().split())
    assert text.startswith("Yusuf Haddad: arrest or surrender? valley-leaders says arrest of Yusuf Haddad on "
                           "2019-06-09 at Peshawar; valley-custody says surrender of Yusuf Haddad on 2019-06 at "
                           "Peshawar.")
    cited = [notes(tree)[n] for n in references(items[0])]
    assert any("document valley-leaders" in n and "Police arrested Yusuf Haddad" in n for n in cited)
    assert any("document valley-custody" in n for n in cited)


def test_relations_list_the_alliance_with_its_sources(written):
    assert ["Northern Valley Front", "allied with", "Delta Brotherhood Network", "", "undated", ""] in \
        rows(page(written, SLUG), "relations")


def test_figures_are_inline_svg_with_drawn_shapes_and_the_leaders_names(written):
    tree = page(written, SLUG)
    network, timeline = figure(tree, "network"), figure(tree, "timeline")
    for svg in (network, timeline):
        assert len(list(svg.iter("{*}path"))) + len(list(svg.iter("{*}use"))) >= 5
    assert {"Northern Valley Front", "Karim Osman", "Yusuf Haddad", "Bilal Qadri", "Delta Brotherhood Network"} <= \
        set(svg_texts(network))
    assert {"Karim Osman (leader)", "Yusuf Haddad (leader)", "Bilal Qadri (leader)", "appointment"} <= \
        set(svg_texts(timeline))


def test_markdown_refers_to_the_figure_files_beside_it(written):
    text = (written / f"{SLUG}.md").read_text(encoding="utf-8")
    assert f"![Network of Northern Valley Front]({SLUG}-network.svg)" in text
    assert f"![Timeline of Northern Valley Front]({SLUG}-timeline.svg)" in text


def test_html_is_self_contained_and_printable(written):
    text = (written / f"{SLUG}.html").read_text(encoding="utf-8")
    tree = page(written, SLUG)
    assert tree.xpath("//script | //link | //img | //iframe") == []
    assert "@media print" in text and "@import" not in text
    assert re.findall(r"url\((?!#)", text) == []  # the figures' clip paths point inside the page
    assert all(ref.startswith("#") for ref in tree.xpath("//*[local-name()='svg']//@*[local-name()='href']"))


def test_exporting_again_writes_the_same_bytes(written, valley_db, tmp_path, cli):
    again = tmp_path / "again"
    assert cli("export", "--format", "briefing", "--entity", "Northern Valley Front", "--out", again,
               db=valley_db).returncode == 0
    for name in FILES:
        assert (again / name).read_bytes() == (written / name).read_bytes(), name


def test_as_of_keeps_the_leader_then_and_says_the_date(valley_db, tmp_path, cli):
    out = tmp_path / "then"
    result = cli("export", "--format", "briefing", "--entity", "NVF", "--as-of", "2017", "--out", out, db=valley_db)
    assert result.returncode == 0, result.stderr
    tree = page(out, SLUG)
    assert [r[0] for r in rows(tree, "leaders")] == ["Yusuf Haddad"]
    assert tree.xpath("//header/p")[0].text_content().startswith("As of 2017: only what holds then.")
    assert "As of 2017 it was led by Yusuf Haddad (2016-05 – 2019-06)." in tree.xpath("//section[@id='profile']")[0]\
        .text_content()


def test_library_export_returns_the_files_it_wrote(valley_db, tmp_path):
    with dossier.open(valley_db) as kb:
        written = kb.export("briefing", tmp_path / "lib", entity="NVF")
    assert [p.name for p in written] == FILES
    assert all(p.is_file() for p in written)


def test_markup_in_names_sentences_and_titles_stays_text(markup_db, tmp_path, cli):
    out = tmp_path / "markup"
    result = cli("export", "--format", "briefing", "--entity", "Omar Said", "--depth", "1", "--out", out, db=markup_db)
    assert result.returncode == 0, result.stderr
    slug = "omar-said"
    tree = page(out, slug)
    assert tree.xpath("//script") == []
    assert tree.xpath("//a[starts-with(@href, 'javascript')]") == []
    assert MARKUP_NAME in [" ".join(td.text_content().split()) for td in tree.xpath("//section[@id='relations']//td")]
    assert any('<script>alert("title")</script>' in n for n in notes(tree).values())
    assert any(text.startswith('<script>alert("name")</script>') for text in svg_texts(figure(tree, "network")))
    markdown = (out / f"{slug}.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown
    assert r'\<script\>alert("name")\</script\> Brigade' in markdown


def test_figure_files_are_the_svg_the_page_shows(written):
    tree = page(written, SLUG)
    for kind in ("network", "timeline"):
        on_disk = etree.parse(str(written / f"{SLUG}-{kind}.svg")).getroot()
        assert svg_texts(on_disk) == svg_texts(figure(tree, kind))


def test_depth_two_draws_the_allys_base_too(valley_db, tmp_path, cli):
    out = tmp_path / "deep"
    assert cli("export", "--format", "briefing", "--entity", "NVF", "--depth", "2", "--out", out,
               db=valley_db).returncode == 0
    tree = page(out, SLUG)
    assert ["Delta Brotherhood Network", "based in", "Karachi", "", "undated", ""] in rows(tree, "relations")
    assert "Karachi" in svg_texts(figure(tree, "network"))


def test_depth_one_leaves_the_allys_base_out(written):
    assert "Karachi" not in svg_texts(figure(page(written, SLUG), "network"))
