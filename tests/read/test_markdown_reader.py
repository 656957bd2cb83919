"""Reading Markdown reports: footnote markers and notes, page breaks, captions, metadata, links, parts."""
from __future__ import annotations

from textwrap import dedent

import pytest

BODY = "The valley militias grew in number and in reach over the course of the year.\n"


def test_sup_marker_cites_the_note_with_its_number(read, cited, source):
    doc = read("report.md", dedent("""\
        The council of elders met in the northern town to discuss the terms of the truce.<sup>1</sup> Talks ended without a deal.

        <sup>1</sup> "Elders meet over truce terms", *The Valley Times*, 3 March 2019.
        """))
    assert cited(doc, "The council of elders met") == ("1",)
    assert cited(doc, "Talks ended") == ()
    assert source(doc, "1").title == "Elders meet over truce terms"


def test_note_definition_is_a_note_block_not_body_text(read, blocks):
    doc = read("report.md", dedent("""\
        The council of elders met in the northern town to discuss the terms of the truce.<sup>1</sup>

        <sup>1</sup> "Elders meet over truce terms", *The Valley Times*, 3 March 2019.
        """))
    assert blocks(doc, part="body") == ["The council of elders met in the northern town to discuss the terms of the truce."]
    assert blocks(doc, kind="note") == ['"Elders meet over truce terms", The Valley Times, 3 March 2019.']


def test_sup_marker_with_two_numbers_cites_both_notes(read, cited):
    doc = read("report.md", dedent("""\
        Both factions denied the reports of a merger in the spring of that year.<sup>3,4</sup>

        <sup>3</sup> "Factions deny merger", *The Valley Times*, 2 May 2019.

        <sup>4</sup> "No merger, say commanders", *Hill Gazette*, 4 May 2019.
        """))
    assert cited(doc, "Both factions denied") == ("3", "4")
    assert [c.label for c in doc.citations] == ["3", "4"]


def test_pandoc_note_with_indented_continuation_lines_is_one_note(read, cited, source):
    doc = read("report.md", dedent("""\
        Militia leaders gathered in the hills once the harvest season had ended that year.[^2]

        [^2]: Omar Haidari, "Hill gathering of militia leaders", *Mountain Post*,
            14 October 2017, <https://mountainpost.example.org/news/hill-gathering>.
            Accessed on 20 October 2017.
        """))
    note = source(doc, "2")
    assert cited(doc, "Militia leaders gathered") == ("2",)
    assert (note.author, note.title, note.publisher) == ("Omar Haidari", "Hill gathering of militia leaders",
                                                         "Mountain Post")
    assert (note.date, note.url, note.accessed) == (
        "2017-10-14", "https://mountainpost.example.org/news/hill-gathering", "2017-10-20")


def test_paragraph_cut_by_page_break_and_footnotes_is_rejoined(read, blocks, cited, source):
    doc = read("report.md", dedent("""\
        The commander was last seen in the border district in early spring, before he moved his fighters to

        ---

        <sup>1</sup> "Commander sighted near the border", *Frontier Daily*, 2 April 2016.

        ---

        the eastern valley, where they stayed until the first snow.<sup>2</sup> The valley was quiet.

        <sup>2</sup> "Fighters winter in the east", *Frontier Daily*, 9 December 2016.
        """))
    assert blocks(doc, kind="paragraph") == [
        "The commander was last seen in the border district in early spring, before he moved his fighters "
        "to the eastern valley, where they stayed until the first snow. The valley was quiet."]
    first = doc.sentences[0]
    assert doc.span(first.start, first.end) == (
        "The commander was last seen in the border district in early spring, before he moved his fighters "
        "to the eastern valley, where they stayed until the first snow.")
    assert cited(doc, "The commander was last seen") == ("2",)
    assert source(doc, "1").title == "Commander sighted near the border"


def test_image_caption_in_parentheses_is_a_caption(read, blocks):
    doc = read("report.md", dedent("""\
        Fighters of the front were seen in three villages during the week before the elections.

        ![](fighters.jpg)

        (Fighters at a checkpoint near the river, Photo Courtesy: Valley Times)

        The elections went ahead despite the threats the front had made against voters.
        """))
    assert blocks(doc, kind="caption") == ["(Fighters at a checkpoint near the river, Photo Courtesy: Valley Times)"]
    assert len(blocks(doc, kind="paragraph")) == 2


def test_parenthesised_photo_line_without_image_is_a_caption(read, blocks):
    doc = read("report.md", BODY + "\n(On 4 March 2019, the police released this photo of the suspect)\n")
    assert blocks(doc, kind="caption") == ["(On 4 March 2019, the police released this photo of the suspect)"]


def test_yaml_front_matter_is_metadata_not_text(read):
    doc = read("report.md", dedent("""\
        ---
        title: The Valley Militias in 2019
        date: 2019-06-30
        author: Jane Doe and Omar Khan
        publisher: Frontier Watch
        ---

        """) + BODY)
    assert doc.title == "The Valley Militias in 2019"
    assert doc.date == "2019-06-30"
    assert doc.authors == ("Jane Doe", "Omar Khan")
    assert doc.publisher == "Frontier Watch"
    assert doc.text == BODY.strip()


def test_source_and_document_date_lines_are_metadata_not_text_or_source(read):
    doc = read("report.md", dedent("""\
        Source: https://www.frontierwatch.example.org/analysis/valley-militias
        Document-date: 2018-11-05

        # The valley militias

        """) + BODY)
    assert doc.url == "https://www.frontierwatch.example.org/analysis/valley-militias"
    assert doc.date == "2018-11-05"
    assert doc.sources == ()
    assert doc.text == "The valley militias\n\n" + BODY.strip()


def test_html_link_becomes_a_link_source_with_site_and_date_from_its_path(read, cited, source):
    doc = read("report.md", 'The group was first named in a <a href="https://www.observer.example.com/2015/01/09/'
                            '65493.php">newspaper report</a> that winter, long before the attacks began.\n')
    link = source(doc, "L1")
    assert (link.url, link.publisher, link.date, link.title, link.kind) == (
        "https://www.observer.example.com/2015/01/09/65493.php", "observer.example.com", "2015-01-09", None, "link")
    assert cited(doc, "The group was first named") == ("L1",)
    assert doc.text == "The group was first named in a newspaper report that winter, long before the attacks began."


def test_markdown_link_date_with_month_name_in_path(read, source):
    doc = read("report.md", "Guards were lax, according to [an inquiry](https://www.tribune.example.com/nation/"
                            "2014/sep/22/slack-vigilance-in-prison) into the prison meeting of the two leaders.\n")
    link = source(doc, "L1")
    assert (link.publisher, link.date) == ("tribune.example.com", "2014-09-22")


def test_sources_list_repeating_inline_links_adds_only_new_urls(read, source):
    doc = read("report.md", dedent("""\
        Police linked the cell to an earlier <a href="https://www.observer.example.com/2015/01/09/65493.php">robbery</a> and to a <a href="https://news.example.net/cells/list">list of targets</a> found in a flat.

        Sources:
        <ol>
        <li>https://www.observer.example.com/2015/01/09/65493.php</li>
        <li>https://news.example.net/cells/list</li>
        <li>https://archive.example.org/2016/03/cells</li>
        </ol>
        """))
    assert sorted((s.id, s.url) for s in doc.sources) == [
        ("L1", "https://www.observer.example.com/2015/01/09/65493.php"),
        ("L2", "https://news.example.net/cells/list"),
        ("R3", "https://archive.example.org/2016/03/cells"),
    ]
    listed = source(doc, "R3")
    assert (listed.publisher, listed.date, listed.kind) == ("archive.example.org", "2016-03", "reference")


@pytest.mark.parametrize("heading", ["# Welcome to Frontier Watch", "## About us", "### Related posts"])
def test_publisher_boilerplate_section_is_back_matter(read, blocks, heading):
    doc = read("report.md", dedent(f"""\
        # Rebels regroup in the hills

        The rebels regrouped in the hills after the offensive, according to local officials.

        {heading}

        Frontier Watch publishes analysis of armed groups in the region every week.

        - Ten facts about the valley
        """))
    assert blocks(doc, part="body") == [
        "Rebels regroup in the hills",
        "The rebels regrouped in the hills after the offensive, according to local officials."]
    assert blocks(doc, part="back") == [
        heading.lstrip("# "), "Frontier Watch publishes analysis of armed groups in the region every week.",
        "Ten facts about the valley"]


def test_about_the_author_section_is_not_boilerplate(read, blocks):
    doc = read("report.md", dedent("""\
        The rebels regrouped in the hills after the offensive, according to local officials.

        ## About the author

        Amina Qureshi has written on the valley militias for a decade.
        """))
    assert blocks(doc, part="back") == []


def test_front_matter_gives_title_date_author_and_publisher(read, blocks):
    doc = read("report.md", dedent("""\
        *Frontier Watch*
        Analysis. Context. Sources.

        # Policy Brief #7

        3 June 2021

        ---

        ## The Valley Militias After the Truce

        Amina Qureshi

        ## Summary

        The truce signed in the spring has not ended the fighting between the valley militias.
        """))
    assert blocks(doc, part="front") == [
        "Frontier Watch Analysis. Context. Sources.", "Policy Brief #7", "3 June 2021",
        "The Valley Militias After the Truce", "Amina Qureshi"]
    assert doc.title == "The Valley Militias After the Truce"
    assert doc.date == "2021-06-03"
    assert doc.authors == ("Amina Qureshi",)
    assert doc.publisher == "Frontier Watch"
    assert blocks(doc, part="body") == [
        "Summary", "The truce signed in the spring has not ended the fighting between the valley militias."]


@pytest.mark.parametrize("line", ["OLD RIVALRIES", '"A FINE LINE"'])
def test_short_all_caps_line_is_a_heading(read, blocks, line):
    doc = read("report.md", dedent(f"""\
        The militia spent the winter in the mountains, far from the towns it once held.

        {line}

        The feud between the two commanders went back to a dispute over a smuggling route.
        """))
    assert blocks(doc, kind="heading") == [line]
    assert [s.title for s in doc.sections] == [line]


@pytest.mark.parametrize("byline, authors", [
    ("BY SARAH OKAFOR.", ("Sarah Okafor",)),
    ("By Peter Lindqvist and Mei Tanaka", ("Peter Lindqvist", "Mei Tanaka")),
])
def test_by_line_gives_the_authors(read, byline, authors):
    doc = read("report.md", f"# Rebels regroup\n\n{byline}\n\n" + BODY)
    assert doc.authors == authors


def test_short_paragraph_starting_with_by_is_prose_not_a_byline(read):
    opening = "By the middle of 2017, Qasim Dunbali had joined the brigade."
    doc = read("report.md", f"# Rebels regroup\n\n{opening}\n\n" + BODY)
    assert doc.authors == ()
    assert opening in [doc.text[s.start:s.end] for s in doc.sentences]


def test_malformed_link_address_is_kept_without_a_site(read):
    doc = read("report.md", "The council cited [the report](http://[x.org) in its ruling on the cease-fire.\n")
    assert "council cited the report" in doc.text


@pytest.mark.parametrize("written", [
    "[the annual report](https://www.ministry.example.gov/files/annual\\_report\\_2019.pdf)",
    "<https://www.ministry.example.gov/files/annual\\_report\\_2019.pdf>",
    "https://www.ministry.example.gov/files/annual\\_report\\_2019.pdf",
])
def test_markdown_escapes_are_removed_from_urls(read, source, written):
    doc = read("report.md", f"The ministry counted the attacks of the year in {written} and in its statements.\n")
    assert source(doc, "L1").url == "https://www.ministry.example.gov/files/annual_report_2019.pdf"


def test_link_to_the_documents_own_site_is_not_a_source(read):
    doc = read("report.md", dedent("""\
        Source: https://frontierwatch.example.org/analysis/valley-militias

        The militias were profiled in [an earlier brief](https://www.frontierwatch.example.org/briefs/3) last year.
        """))
    assert doc.sources == ()


def test_relative_and_anchor_links_are_not_sources(read):
    doc = read("report.md", "The militias were profiled in [an earlier brief](/briefs/3) and in "
                            "[the annex](#annex) of this report.\n")
    assert doc.sources == ()
    assert doc.text == "The militias were profiled in an earlier brief and in the annex of this report."


def test_marker_without_a_note_is_reported_as_a_warning(read):
    doc = read("report.md", "The militias were profiled in an earlier brief by the same authors.[^3]\n")
    assert doc.warnings == ("footnote marker 3 has no note",)


def test_pandoc_note_of_two_paragraphs_is_one_note(read, blocks):
    doc = read("report.md", dedent("""\
        The truce held through the winter despite several clashes in the hills.[^1]

        [^1]: "Truce holds in the hills", *The Valley Times*, 2 January 2019.

            The clashes were not reported by the national press.

        The spring brought new fighting to the valley floor and to the towns beyond it.
        """))
    assert blocks(doc, kind="note") == [
        '"Truce holds in the hills", The Valley Times, 2 January 2019. '
        "The clashes were not reported by the national press."]
    assert blocks(doc, kind="paragraph") == [
        "The truce held through the winter despite several clashes in the hills.",
        "The spring brought new fighting to the valley floor and to the towns beyond it."]


def test_sources_line_followed_by_one_url_a_line_gives_a_source_for_each(read):
    doc = read("report.md", BODY + dedent("""\

        Sources:
        https://www.valleytimes.example.com/2019/01/02/truce-holds
        <https://hillgazette.example.org/reports/spring>
        """))
    assert [(s.id, s.url, s.kind) for s in doc.sources] == [
        ("R1", "https://www.valleytimes.example.com/2019/01/02/truce-holds", "reference"),
        ("R2", "https://hillgazette.example.org/reports/spring", "reference")]
    assert doc.text.startswith(BODY.strip() + "\n\nSources:\n\n")


def test_reference_list_written_as_paragraphs_gives_reference_sources(read, source):
    doc = read("report.md", BODY + dedent("""\

        ## References

        Haddad, Leila. *The Hill Wars*. London: Harbour Press, 2017.

        "Spring offensive begins", *Hill Gazette*, 3 April 2019.
        """))
    assert [s.id for s in doc.sources] == ["R1", "R2"]
    book, article = source(doc, "R1"), source(doc, "R2")
    assert (book.title, book.author, book.publisher, book.date) == (
        "The Hill Wars", "Leila Haddad", "Harbour Press", "2017")
    assert (article.title, article.publisher, article.date) == ("Spring offensive begins", "Hill Gazette",
                                                                "2019-04-03")


def test_prose_with_links_after_a_notes_heading_stays_text(read, blocks):
    prose = ("Police said the cell had [planned a robbery](https://news.example.net/2015/04/21/robbery) "
             "in the spring.")
    doc = read("report.md", BODY + "\nSources:\n\n" + prose + "\n")
    assert blocks(doc, kind="paragraph") == [BODY.strip(), "Police said the cell had planned a robbery in the spring."]
    assert [(s.id, s.kind) for s in doc.sources] == [("L1", "link")]


def test_notes_heading_is_not_taken_for_the_title(read):
    doc = read("report.md", BODY + "\n## Notes\n\n1. \"Truce holds\", *The Valley Times*, 2 January 2019.\n")
    assert doc.title is None


@pytest.mark.parametrize("written, value", [("2011-12", "2011-12"), ("2014", "2014"), ("12 May 2020", "2020-05-12"),
                                            ("2021-03-04T08:30:00+00:00", "2021-03-04")])
def test_document_date_line_keeps_the_precision_it_gives(read, written, value):
    doc = read("report.md", f"Document-date: {written}\n\n" + BODY)
    assert doc.date == value


@pytest.mark.parametrize("line, authors", [
    ("Amina Qureshi and Omar Khan", ("Amina Qureshi", "Omar Khan")),
    ("Amina Qureshi, Omar Khan & Leila Haddad", ("Amina Qureshi", "Omar Khan", "Leila Haddad")),
])
def test_front_matter_line_of_several_names_gives_every_author(read, line, authors):
    doc = read("report.md", f"*Frontier Watch*\n\n# The Valley Militias After the Truce\n\n{line}\n\n" + BODY)
    assert doc.authors == authors


def test_series_label_in_the_front_matter_is_not_an_author(read):
    doc = read("report.md", "*Frontier Watch*\n\nSpecial Report\n\n# The Valley Militias After the Truce\n\n" + BODY)
    assert doc.authors == ()
    assert doc.title == "The Valley Militias After the Truce"


def test_unicode_superscript_digits_are_markers_and_start_notes(read, cited, source, blocks):
    doc = read("report.md", dedent("""\
        The council of elders met in the northern town to discuss the truce.¹ Talks ended without a deal.¹²

        ¹ "Elders meet over truce terms", *The Valley Times*, 3 March 2019.

        ¹² "No deal at the elders' meeting", *Hill Gazette*, 4 March 2019.
        """))
    assert cited(doc, "The council of elders") == ("1",)
    assert cited(doc, "Talks ended") == ("12",)
    assert source(doc, "12").title == "No deal at the elders' meeting"
    assert blocks(doc, part="body") == [
        "The council of elders met in the northern town to discuss the truce. Talks ended without a deal."]


def test_superscript_two_after_a_unit_is_a_power_not_a_marker(read, blocks):
    doc = read("report.md", "The militia held some 300 km² of farmland and a 40 m² compound on the river.\n")
    assert blocks(doc, kind="paragraph") == [
        "The militia held some 300 km² of farmland and a 40 m² compound on the river."]
    assert doc.citations == ()


def test_superscript_marker_after_a_unit_power_is_still_a_marker(read, cited):
    doc = read("report.md", dedent("""\
        The militia held some 300 km²³ of farmland along the river.

        ³ "Militia seizes farmland", *Hill Gazette*, 4 March 2019.
        """))
    assert cited(doc, "The militia held") == ("3",)


def test_paragraph_cut_by_a_caption_goes_on_with_a_capital(read, blocks):
    doc = read("report.md", dedent("""\
        Fighters of the front were seen in three villages during the week before the vote in

        ![](fighters.jpg)

        (Fighters at a checkpoint near the river, Photo Courtesy: Valley Times)

        March, and the elections went ahead despite their threats.
        """))
    assert blocks(doc, kind="paragraph") == [
        "Fighters of the front were seen in three villages during the week before the vote in March, and the "
        "elections went ahead despite their threats."]


def test_paragraph_without_a_stop_is_not_joined_to_a_capitalised_one_without_a_break_between(read, blocks):
    doc = read("report.md", dedent("""\
        Fighters of the front were seen in three villages during the week before the vote in

        March, and the elections went ahead despite their threats.
        """))
    assert len(blocks(doc, kind="paragraph")) == 2
