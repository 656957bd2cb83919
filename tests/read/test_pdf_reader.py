"""Reading PDF reports (text layer): markers, footnotes, running heads, headings, paragraphs over pages."""
from __future__ import annotations

import io
import re

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from dossier.errors import ReadError

BODY, NOTE, HEAD = 10, 7, 18
LEFT, TOP, LEADING = 72, 760, 14
SUPERSCRIPT = re.compile(r"\^(\d+(?:,\d+)*)")


def draw_line(pdf: canvas.Canvas, y: float, size: float, text: str) -> None:
    """Draw one line of text; `^N` in it is drawn as a raised, smaller footnote number."""
    line = pdf.beginText(LEFT, y)
    for n, piece in enumerate(SUPERSCRIPT.split(text)):
        if n % 2:
            line.setFont("Helvetica", size * 0.6)
            line.setRise(size * 0.35)
        else:
            line.setFont("Helvetica", size)
            line.setRise(0)
        line.textOut(piece)
    pdf.drawText(line)


def build_pdf(pages: list[dict], title: str | None = None, author: str | None = None,
              running_head: bool = True, page_number: str = "{}") -> bytes:
    """A PDF whose pages each have a running head, a heading, body lines, footnotes and a page number.

    A page is {"heading": str or list of lines, "body": [lines], "notes": [lines]}; a body line of ""
    leaves a paragraph gap.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    for number, page in enumerate(pages, 1):
        if running_head:
            draw_line(pdf, 810, 8, "Frontier Watch · Policy Brief 7")
        y = TOP
        headings = page.get("heading", [])
        for text in [headings] if isinstance(headings, str) else headings:
            draw_line(pdf, y, HEAD, text)
            y -= HEAD * 1.3
        y -= LEADING if headings else 0
        for text in page.get("body", []):
            if text:
                draw_line(pdf, y, BODY, text)
            y -= LEADING if text else LEADING // 2
        y = 60 + 10 * len(page.get("notes", []))
        for text in page.get("notes", []):
            draw_line(pdf, y, NOTE, text)
            y -= 10
        draw_line(pdf, 30, 8, page_number.format(number))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


REPORT = [
    {"heading": "Militias of the Eastern Valley",
     "body": ["The eastern valley has been held by three militias since the army withdrew",
              "from its garrisons in the spring of 2016.^1 The largest of them is led by a",
              "former police officer who returned from exile that summer.",
              "",
              "The militias have fought each other for control of the river crossings, and",
              "each has taxed the traders who use them. Their leaders met twice in the",
              "winter to divide the crossings between them, but the agreement did not",
              "hold for long, and by the spring the fighting had moved south towards"],
     "notes": ['1 "Army leaves valley garrisons", Valley Chronicle, 3 May 2016.']},
    {"body": ["the market towns of the plain.^2 Traders stopped using the crossings."],
     "notes": ['2 "Fighting moves south", Hill Gazette, 9 April 2017.']},
]


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return build_pdf(REPORT)


def test_report_text_has_no_running_head_or_page_numbers(read, report_pdf):
    doc = read("report.pdf", report_pdf)
    assert doc.text == (
        "Militias of the Eastern Valley\n\n"
        "The eastern valley has been held by three militias since the army withdrew from its garrisons in the "
        "spring of 2016. The largest of them is led by a former police officer who returned from exile that "
        "summer.\n\n"
        "The militias have fought each other for control of the river crossings, and each has taxed the traders "
        "who use them. Their leaders met twice in the winter to divide the crossings between them, but the "
        "agreement did not hold for long, and by the spring the fighting had moved south towards the market "
        "towns of the plain. Traders stopped using the crossings.\n\n"
        '"Army leaves valley garrisons", Valley Chronicle, 3 May 2016.\n\n'
        '"Fighting moves south", Hill Gazette, 9 April 2017.')


def test_large_type_is_a_heading(read, blocks, report_pdf):
    doc = read("report.pdf", report_pdf)
    assert blocks(doc, kind="heading") == ["Militias of the Eastern Valley"]
    assert doc.title == "Militias of the Eastern Valley"


def test_paragraph_over_a_page_break_is_one_paragraph(read, blocks, report_pdf):
    doc = read("report.pdf", report_pdf)
    assert len(blocks(doc, kind="paragraph")) == 2
    assert blocks(doc, kind="paragraph")[1].endswith("towards the market towns of the plain. "
                                                     "Traders stopped using the crossings.")


def test_raised_digits_are_footnote_markers_of_their_sentences(read, cited, report_pdf):
    doc = read("report.pdf", report_pdf)
    assert cited(doc, "The eastern valley has been held") == ("1",)
    assert cited(doc, "The largest of them") == ()
    assert cited(doc, "Their leaders met twice") == ("2",)
    assert cited(doc, "Traders stopped") == ()


def test_small_type_lines_at_the_foot_of_the_page_are_sources(read, source, report_pdf):
    doc = read("report.pdf", report_pdf)
    first, second = source(doc, "1"), source(doc, "2")
    assert (first.title, first.publisher, first.date) == ("Army leaves valley garrisons", "Valley Chronicle",
                                                          "2016-05-03")
    assert (second.title, second.publisher, second.date) == ("Fighting moves south", "Hill Gazette", "2017-04-09")


def test_footnote_wrapping_over_two_lines_is_one_note(read, source):
    doc = read("report.pdf", build_pdf([
        {"heading": "Militias of the Eastern Valley",
         "body": ["The eastern valley has been held by three militias since the army withdrew",
                  "from its garrisons in the spring of 2016.^1 The largest is led by a former officer."],
         "notes": ['1 Leila Haddad, "Army leaves valley garrisons after a decade",',
                   "Valley Chronicle, 3 May 2016."]}]))
    note = source(doc, "1")
    assert (note.author, note.title, note.publisher, note.date) == (
        "Leila Haddad", "Army leaves valley garrisons after a decade", "Valley Chronicle", "2016-05-03")


def test_document_properties_give_title_and_authors(read):
    doc = read("report.pdf", build_pdf([{"body": [
        "The eastern valley has been held by three militias since the army withdrew",
        "from its garrisons in the spring of 2016."]}], title="The Eastern Valley", author="Amina Qureshi",
        running_head=False))
    assert doc.title == "The Eastern Valley"
    assert doc.authors == ("Amina Qureshi",)


def test_truncated_pdf_is_a_read_error_naming_the_file(tmp_path, read, report_pdf):
    with pytest.raises(ReadError) as error:
        read("cut.pdf", report_pdf[:len(report_pdf) // 3])
    assert str(error.value).startswith(f"{tmp_path / 'cut.pdf'}: ")
    assert "damaged or truncated" in str(error.value)


def test_pdf_without_a_text_layer_is_a_read_error_suggesting_ocr(tmp_path, read):
    buffer = io.BytesIO()
    scan = canvas.Canvas(buffer, pagesize=A4)
    scan.rect(100, 100, 300, 500, fill=1)
    scan.showPage()
    scan.save()
    with pytest.raises(ReadError) as error:
        read("scan.pdf", buffer.getvalue())
    assert str(error.value) == f"{tmp_path / 'scan.pdf'}: this PDF has no text layer"
    assert "OCR" in error.value.hint


def test_file_named_pdf_that_is_not_a_pdf_is_a_read_error(tmp_path, read):
    with pytest.raises(ReadError) as error:
        read("notes.pdf", b"These are plain notes, not a PDF.\n")
    assert str(error.value) == f"{tmp_path / 'notes.pdf'}: not a PDF file (no %PDF header)"


def test_word_hyphenated_at_the_end_of_a_line_is_rejoined(read, blocks):
    doc = read("report.pdf", build_pdf([{"body": [
        "The eastern valley has been held by three militias since the army with-",
        "drew from its garrisons in the spring of 2016, leaving the crossings open."]}], running_head=False))
    assert blocks(doc, kind="paragraph") == [
        "The eastern valley has been held by three militias since the army withdrew from its garrisons in the "
        "spring of 2016, leaving the crossings open."]


def test_heading_set_over_two_lines_is_one_heading(read, blocks):
    doc = read("report.pdf", build_pdf([{
        "heading": ["The Valley Militias and", "the Long Truce"],
        "body": ["The eastern valley has been held by three militias since the army withdrew",
                 "from its garrisons in the spring of 2016."]}], running_head=False))
    assert blocks(doc, kind="heading") == ["The Valley Militias and the Long Truce"]
    assert doc.title == "The Valley Militias and the Long Truce"


def test_footnote_going_on_at_the_foot_of_the_next_page_is_one_note(read, blocks, source):
    doc = read("report.pdf", build_pdf([
        {"body": ["The largest militia is led by a former police officer who returned from exile",
                  "in the summer of 2016.^5 He has not spoken to the press since then."],
         "notes": ["5 Author's interview with a former officer of the militia, 6 June 2020. The interview was"]},
        {"body": ["The valley remained closed to traders until the truce of the following year."],
         "notes": ["held in the officer's home town."]},
    ], page_number="Page {} of 2"))
    assert blocks(doc, kind="note") == [
        "Author's interview with a former officer of the militia, 6 June 2020. The interview was held in the "
        "officer's home town."]
    assert blocks(doc, kind="paragraph") == [
        "The largest militia is led by a former police officer who returned from exile in the summer of 2016. "
        "He has not spoken to the press since then.",
        "The valley remained closed to traders until the truce of the following year."]
    assert source(doc, "5").title == "Author's interview with a former officer of the militia"


def test_raised_pair_of_numbers_cites_both_notes(read, cited):
    doc = read("report.pdf", build_pdf([{
        "body": ["The eastern valley has been held by three militias since the army withdrew",
                 "from its garrisons in the spring of 2016.^3,4 The largest is led by an officer."],
        "notes": ['3 "Army leaves valley garrisons", Valley Chronicle, 3 May 2016.',
                  '4 "Officers form a militia", Hill Gazette, 5 May 2016.']}], running_head=False))
    assert cited(doc, "The eastern valley") == ("3", "4")


def test_placeholder_author_property_is_not_an_author(read):
    doc = read("report.pdf", build_pdf([{"body": [
        "The eastern valley has been held by three militias since the army withdrew",
        "from its garrisons in the spring of 2016."]}], author="anonymous", running_head=False))
    assert doc.authors == ()


def test_sentence_cut_by_a_page_break_before_a_capital_is_one_sentence_with_its_marker(read, cited):
    doc = read("report.pdf", build_pdf([
        {"body": ["The army opened its offensive against the militia strongholds of the upper valley on 15"],
         "notes": ['8 "Militias lose the valley road", Hill Gazette, 2 June 2014.']},
        {"body": ["June 2014.^9 Traders stopped using the river crossings soon afterwards."],
         "notes": ['9 "Army opens valley offensive", Valley Chronicle, 16 June 2014.']},
    ]))
    assert cited(doc, "The army opened its offensive") == ("9",)
    assert [doc.span(s.start, s.end) for s in doc.sentences][:1] == [
        "The army opened its offensive against the militia strongholds of the upper valley on 15 June 2014."]


def test_paragraph_cut_by_a_page_break_before_a_digit_is_one_paragraph(read, blocks):
    doc = read("report.pdf", build_pdf([
        {"body": ["The militias of the upper valley have fought each other for the river crossings since"]},
        {"body": ["2016, when the army withdrew from its garrisons in the hills."]},
    ]))
    assert blocks(doc, kind="paragraph") == [
        "The militias of the upper valley have fought each other for the river crossings since 2016, when the "
        "army withdrew from its garrisons in the hills."]


def test_list_item_after_a_page_break_is_not_joined_to_the_paragraph_before(read, blocks):
    doc = read("report.pdf", build_pdf([
        {"body": ["Three militias have held the upper valley since the army withdrew from its garrisons, namely"]},
        {"body": ["1. the Valley Defence Front, led by a former police officer."]},
    ]))
    assert blocks(doc, kind="item") == ["the Valley Defence Front, led by a former police officer."]


def test_short_line_in_body_type_before_a_page_break_is_not_joined_to_the_next_page(read, blocks):
    doc = read("report.pdf", build_pdf([
        {"body": ["The militias of the upper valley have fought each other for the river crossings,",
                  "and each has taxed the traders who use them. Their leaders met twice in the",
                  "winter to divide the crossings between them, but the agreement did not hold.", "",
                  "The truce of the following year"]},
        {"body": ["Their leaders met twice in the winter to divide the crossings between them."]},
    ]))
    assert blocks(doc, kind="paragraph")[-1] == (
        "Their leaders met twice in the winter to divide the crossings between them.")


def test_date_printed_under_the_title_wins_over_the_file_creation_date(read):
    doc = read("report.pdf", build_pdf([
        {"heading": "Militias of the Eastern Valley",
         "body": ["12 March 2019", "",
                  "The eastern valley has been held by three militias since the army withdrew",
                  "from its garrisons in the spring of 2016."]}], running_head=False))
    assert doc.date == "2019-03-12"


def test_file_creation_date_is_the_date_of_a_report_that_prints_none(read):
    doc = read("report.pdf", build_pdf([
        {"heading": "Militias of the Eastern Valley",
         "body": ["The eastern valley has been held by three militias since the army withdrew",
                  "from its garrisons in the spring of 2016."]}], running_head=False))
    assert doc.date == "2000-01-01"


OFFENSIVE = ["The army opened its offensive against the militia strongholds of the valley in",
             "the summer, and within a month it had taken back the road to the river crossings",
             "that the militias had held since the spring of 2016.^4"]


def test_url_broken_before_a_slash_at_the_end_of_a_note_line_is_rejoined(read, source):
    doc = read("report.pdf", build_pdf([{
        "body": OFFENSIVE,
        "notes": ['4 "Army opens the valley road", Valley Chronicle, 16 June 2014, '
                  "https://www.valleychronicle.example.com/news/8812/army-opens",
                  "/the-valley-road. Accessed on 3 May 2020."]}], running_head=False))
    assert (source(doc, "4").url, source(doc, "4").accessed) == (
        "https://www.valleychronicle.example.com/news/8812/army-opens/the-valley-road", "2020-05-03")


def test_url_broken_after_a_hyphen_keeps_the_hyphen(read, source):
    doc = read("report.pdf", build_pdf([{
        "body": OFFENSIVE,
        "notes": ['4 "Army opens the valley road", Valley Chronicle, 16 June 2014, '
                  "https://www.valleychronicle.example.com/news/8812/army-opens-",
                  "the-valley-road. Accessed on 3 May 2020."]}], running_head=False))
    assert source(doc, "4").url == "https://www.valleychronicle.example.com/news/8812/army-opens-the-valley-road"


def test_words_after_a_url_that_ends_with_a_slash_are_not_part_of_it(read, source):
    doc = read("report.pdf", build_pdf([{
        "body": OFFENSIVE,
        "notes": ['4 "Army opens the valley road", Valley Chronicle, 16 June 2014, '
                  "https://www.valleychronicle.example.com/news/8812/",
                  "Accessed on 3 May 2020."]}], running_head=False))
    assert (source(doc, "4").url, source(doc, "4").accessed) == (
        "https://www.valleychronicle.example.com/news/8812/", "2020-05-03")


def build_word_by_word_pdf(body: list[str], notes: list[str], body_gap: float = 2.9,
                           note_gap: float = 2.2) -> bytes:
    """A PDF set as pdfTeX sets it: no space characters, each word placed on its own after a small gap.

    Body text is 10.5 pt, notes 8 pt; `^N` after a word is a raised 6 pt footnote number touching it.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)

    def place(y: float, size: float, gap: float, text: str) -> None:
        x = LEFT
        for word in text.split():
            word, _, marker = word.partition("^")
            pdf.setFont("Helvetica", size)
            pdf.drawString(x, y, word)
            x += stringWidth(word, "Helvetica", size)
            if marker:
                pdf.setFont("Helvetica", 6)
                pdf.drawString(x, y + 4, marker)
                x += stringWidth(marker, "Helvetica", 6)
            x += gap

    for n, line in enumerate(body):
        place(TOP - n * 14, 10.5, body_gap, line)
    for n, line in enumerate(notes):
        place(80 - n * 10, 8, note_gap, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_words_placed_apart_without_space_characters_are_separate_words(read, blocks):
    doc = read("report.pdf", build_word_by_word_pdf(
        ["The eastern valley has been held by three militias since the army",
         "withdrew from its garrisons in the spring of 2016."], []))
    assert blocks(doc, kind="paragraph") == [
        "The eastern valley has been held by three militias since the army withdrew from its garrisons in the "
        "spring of 2016."]


def test_footnote_number_placed_apart_without_a_space_starts_a_note(read, source, cited):
    doc = read("report.pdf", build_word_by_word_pdf(
        ["The eastern valley has been held by three militias since the army",
         "withdrew from its garrisons in the spring of 2016.^1 The largest of them",
         "is led by a former police officer who returned from exile."],
        ['1 "Army leaves valley garrisons", Valley Chronicle, 3 May 2016.']))
    assert cited(doc, "The eastern valley") == ("1",)
    assert (source(doc, "1").title, source(doc, "1").publisher, source(doc, "1").date) == (
        "Army leaves valley garrisons", "Valley Chronicle", "2016-05-03")


def test_paragraph_gap_on_a_page_of_three_lines_separates_two_paragraphs(read, blocks):
    doc = read("report.pdf", build_pdf([{"body": [
        "The militias of the upper valley have fought each other for the river crossings.", "",
        "Their leaders met twice in the winter to divide the crossings between them, but",
        "the agreement did not hold for long."]}], running_head=False))
    assert blocks(doc, kind="paragraph") == [
        "The militias of the upper valley have fought each other for the river crossings.",
        "Their leaders met twice in the winter to divide the crossings between them, but the agreement did not "
        "hold for long."]
