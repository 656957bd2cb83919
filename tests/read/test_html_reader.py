"""Reading saved web pages: the article without the site around it, metadata, footnotes, links."""
from __future__ import annotations

import pytest

from dossier.errors import ReadError

ARTICLE = """\
<p>Rebel fighters seized the only mountain pass between the two provinces on Wednesday, officials said.</p>
<p>The army said it would retake the pass within days, but gave no details of its plans or its losses.</p>
<p>Traders who use the pass to carry fruit to the markets of the plain said the road had been closed since dawn.</p>
"""


def page(body: str, head: str = "") -> str:
    """A web page as a news site saves it: head, menus, the article, a sidebar, a footer and scripts."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{head}
<script>var tracking = "pageview-counter";</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></nav></header>
<main>
<article>
{body}
</article>
<aside><h2>Trending</h2><ul><li><a href="/t/1">Ten best phones of the year</a></li></ul></aside>
</main>
<footer><p>&copy; 2021 Valley Chronicle. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
<script src="/assets/app.js"></script>
</body>
</html>
"""


def test_article_text_is_kept_and_the_site_around_it_dropped(read):
    doc = read("page.html", page('<h1>Rebels seize the mountain pass</h1>\n'
                                 '<div class="share">Share on Facebook | Share on Twitter</div>\n' + ARTICLE))
    assert doc.text == (
        "Rebels seize the mountain pass\n\n"
        "Rebel fighters seized the only mountain pass between the two provinces on Wednesday, officials said.\n\n"
        "The army said it would retake the pass within days, but gave no details of its plans or its losses.\n\n"
        "Traders who use the pass to carry fruit to the markets of the plain said the road had been closed "
        "since dawn.")


def test_page_metadata_gives_title_site_date_and_canonical_url(read):
    doc = read("page.html", page(ARTICLE, head="""\
<title>Rebels seize the mountain pass | Valley Chronicle</title>
<meta property="article:published_time" content="2021-03-04T08:30:00+00:00">
<link rel="canonical" href="https://valleychronicle.example.com/news/rebels-seize-pass">"""))
    assert doc.title == "Rebels seize the mountain pass"
    assert doc.publisher == "Valley Chronicle"
    assert doc.date == "2021-03-04"
    assert doc.url == "https://valleychronicle.example.com/news/rebels-seize-pass"


def test_pandoc_footnotes_become_sources_of_their_sentences(read, cited, source):
    doc = read("page.html", page("""\
<p>The two factions agreed to a truce in the spring, after a winter of heavy fighting in the hills.<sup><a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">1</a></sup> The truce broke down within a month, when a commander was shot.<sup><a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref">2</a></sup></p>
<p>Neither side has since proposed new talks, and the roads through the hills remain closed to traders.</p>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>"Factions agree to a truce", <em>Valley Chronicle</em>, 2 April 2014.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>Hamid Sadiq, "Truce collapses in the hills", <em>Hill Gazette</em>, 5 May 2014, <a href="https://hillgazette.example.org/2014/05/05/truce-collapses">https://hillgazette.example.org/2014/05/05/truce-collapses</a>.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section>"""))
    assert cited(doc, "The two factions agreed") == ("1",)
    assert cited(doc, "The truce broke down") == ("2",)
    assert cited(doc, "Neither side") == ()
    first, second = source(doc, "1"), source(doc, "2")
    assert (first.title, first.publisher, first.date) == ("Factions agree to a truce", "Valley Chronicle", "2014-04-02")
    assert (second.author, second.title, second.publisher, second.date, second.url) == (
        "Hamid Sadiq", "Truce collapses in the hills", "Hill Gazette", "2014-05-05",
        "https://hillgazette.example.org/2014/05/05/truce-collapses")
    assert [s.id for s in doc.sources] == ["1", "2"]


def test_footnote_back_links_are_not_part_of_the_note_text(read, blocks):
    doc = read("page.html", page("""\
<p>The two factions agreed to a truce in the spring, after a winter of heavy fighting in the hills.<sup><a href="#fn1" class="footnote-ref" id="fnref1">1</a></sup></p>
<section class="footnotes"><ol>
<li id="fn1"><p>"Factions agree to a truce", <em>Valley Chronicle</em>, 2 April 2014. <a href="#fnref1" class="footnote-back">↩︎</a></p></li>
</ol></section>"""))
    assert blocks(doc, kind="note") == ['"Factions agree to a truce", Valley Chronicle, 2 April 2014.']


def test_wordpress_footnotes_become_sources_of_their_sentences(read, cited, source):
    doc = read("page.html", page("""\
<p>The front was founded by two former army officers who had served together in the north of the country.<sup class="footnote"><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>
<p>Its first attacks were on police posts along the river, and they grew bolder over the next two years.</p>
<ol class="footnotes">
<li id="footnote-1">"Officers behind the front", <em>The Daily Ledger</em>, 12 January 2009. <a href="#footnote-ref-1">↑</a></li>
</ol>"""))
    assert cited(doc, "The front was founded") == ("1",)
    assert (source(doc, "1").title, source(doc, "1").publisher) == ("Officers behind the front", "The Daily Ledger")


WIKIPEDIA = """\
<div class="mw-parser-output">
<p>The front was founded in 1998 by two former army officers who had served together in the north.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> It split in 2006 over the question of talks with the government.<sup id="cite_ref-berg_2-0" class="reference"><a href="#cite_note-berg-2">[2]</a></sup> The larger wing kept the name.<sup id="cite_ref-berg_2-1" class="reference"><a href="#cite_note-berg-2">[2]</a></sup></p>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text"><cite class="citation news cs1">Doe, Jane (4 June 2016). <a class="external text" href="https://news.example.com/2016/06/04/front-founders">"The founders of the front"</a>. <i>The Daily Ledger</i>. Retrieved 9 June 2016.</cite></span></li>
<li id="cite_note-berg-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-berg_2-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-berg_2-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text"><cite class="citation book cs1">Berg, Tomas (2018). <i>Rivers of Dissent</i>. London: Harbour Press. p. 44.</cite></span></li>
</ol></div>
</div>"""


def test_wikipedia_references_become_sources_of_their_sentences(read, cited):
    doc = read("page.html", page(WIKIPEDIA))
    assert cited(doc, "The front was founded") == ("1",)
    assert cited(doc, "It split in 2006") == ("2",)
    assert cited(doc, "The larger wing") == ("2",)


def test_wikipedia_news_citation_is_read_field_by_field(read, source):
    doc = read("page.html", page(WIKIPEDIA))
    news = source(doc, "1")
    assert (news.title, news.author, news.publisher, news.date, news.url, news.accessed) == (
        "The founders of the front", "Jane Doe", "The Daily Ledger", "2016-06-04",
        "https://news.example.com/2016/06/04/front-founders", "2016-06-09")


def test_wikipedia_book_citation_is_read_field_by_field(read, source):
    doc = read("page.html", page(WIKIPEDIA))
    book = source(doc, "2")
    assert (book.title, book.author, book.publisher, book.date, book.url) == (
        "Rivers of Dissent", "Tomas Berg", "Harbour Press", "2018", None)


def test_wikipedia_back_links_are_not_part_of_the_note_text(read, blocks):
    doc = read("page.html", page(WIKIPEDIA))
    assert blocks(doc, kind="note") == [
        'Doe, Jane (4 June 2016). "The founders of the front". The Daily Ledger. Retrieved 9 June 2016.',
        "Berg, Tomas (2018). Rivers of Dissent. London: Harbour Press. p. 44."]


def test_relative_and_same_site_links_are_not_sources(read):
    doc = read("page.html", page("""\
<p>Rebel fighters seized the pass on Wednesday, as <a href="/world/2021/03/01/pass-threat">we reported</a> they might, and as the <a href="https://www.valleychronicle.example.com/2021/03/02/army-warns">army had warned</a> earlier in the week.</p>
<p>The <a href="https://hillgazette.example.org/2021/03/03/pass-closed">Hill Gazette</a> said traders had been turned back at the first checkpoint.</p>
<p>The army said it would retake the pass within days, but gave no details of its plans or its losses.</p>""",
        head='<link rel="canonical" href="https://valleychronicle.example.com/news/rebels-seize-pass">'))
    assert [(s.id, s.url) for s in doc.sources] == [("L1", "https://hillgazette.example.org/2021/03/03/pass-closed")]


def test_page_in_a_declared_windows_1252_encoding_is_decoded(read):
    html = page("<p>The caf\xe9 owner said \u201cwe saw them cross the river\u201d before the first light of day, "
                "and that he had counted more than forty armed men.</p>").replace('charset="utf-8"',
                                                                                   'charset="windows-1252"')
    doc = read("page.html", html.encode("cp1252"))
    assert doc.text == ("The caf\xe9 owner said \u201cwe saw them cross the river\u201d before the first light "
                        "of day, and that he had counted more than forty armed men.")


SHORT_ARTICLE = """\
<h1>Militia leaves the town</h1>
<p>The militia left the town on Monday morning, the police said.<a href="#note1" id="ref1">[1]</a></p>
<p>Residents said it had taken fuel from the market.</p>
<h2>Notes</h2>
<p id="note1"><a href="#ref1">[1]</a> "Militia leaves town", <i>Hill Gazette</i>, 2 May 2019.</p>"""


def test_short_article_keeps_its_heading_and_paragraphs(read, blocks):
    doc = read("page.html", f"<html><head><title>Militia leaves</title></head><body><article>{SHORT_ARTICLE}"
                            "</article></body></html>")
    assert blocks(doc, part="body") == [
        "Militia leaves the town", "The militia left the town on Monday morning, the police said.",
        "Residents said it had taken fuel from the market."]


def test_bracketed_note_link_to_a_paragraph_is_a_footnote(read, cited, source):
    doc = read("page.html", f"<html><body><article>{SHORT_ARTICLE}</article></body></html>")
    assert cited(doc, "The militia left the town") == ("1",)
    assert (source(doc, "1").title, source(doc, "1").publisher) == ("Militia leaves town", "Hill Gazette")


def test_page_without_a_published_date_takes_none_from_the_dates_it_cites(read):
    doc = read("page.html", f"<html><body><article>{SHORT_ARTICLE}</article></body></html>")
    assert doc.date is None


def test_page_declared_utf8_whose_bytes_are_not_is_a_read_error_suggesting_an_encoding(tmp_path, read):
    html = page("<p>The caf\xe9 owner said he had counted more than forty armed men before dawn.</p>")
    with pytest.raises(ReadError) as error:
        read("page.html", html.encode("cp1252"))
    assert str(error.value).startswith(f"{tmp_path / 'page.html'}: not valid UTF-8 (")
    assert "--encoding" in error.value.hint


def test_pandoc_footnote_that_remarks_on_a_name_is_no_source(read, cited):
    doc = read("page.html", page("""\
<p>The three brigades merged into the Valley Defence Front in the winter, after a year of talks between their leaders.<sup><a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">1</a></sup></p>
<p>Neither side has since proposed new talks, and the roads through the hills remain closed to traders.</p>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>The front's name in Pashto is also rendered "Shield of the Valley"; we keep the form its spokesmen used in 2019.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section>"""))
    assert doc.sources == ()
    assert cited(doc, "The three brigades merged") == ()
