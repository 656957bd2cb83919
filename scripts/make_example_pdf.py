"""Build examples/ttp-factions.pdf from the text below, with reportlab.

The layout imitates a think-tank brief: a running header and page numbers on every page,
an 18 pt title, body text in 10.5 pt with superscript footnote markers (7 pt, raised 4 pt)
set right after the word or full stop, and 8 pt footnotes at the foot of the page on which
they are cited. Paragraphs are wrapped with reportlab's stringWidth and flow across pages.

    .venv/bin/python scripts/make_example_pdf.py     # writes examples/ttp-factions.pdf

The output is reproducible: fixed document ID and a creation date equal to the brief's date.
"""
from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

OUT = Path(__file__).resolve().parent.parent / "examples" / "ttp-factions.pdf"

TITLE = "Splinter and Reunite: The Factions of Tehrik-i-Taliban Pakistan"
AUTHOR = "Sana Durrani"
DATE_LINE = "6 November 2023"
CREATED = (2023, 11, 6)
HEADER = "Frontier Research Desk  \u00b7  Militancy Brief No. 12  \u00b7  November 2023"

# Body: ("h", heading) or ("p", paragraph). A footnote marker is written [^N] right after the
# word or stop it follows; *word* is set in italics.
BODY = [
    ("p", "Sixteen years after its founding, the Pakistani Taliban movement has outlived three of its emirs "
          "and taken back most of the factions that left it. This brief follows the succession at the top, "
          "the splinter groups that broke away after 2014, and the shelter the movement now enjoys in "
          "Afghanistan."),
    ("h", "An umbrella under the Mehsuds"),
    ("p", "Tehrik-i-Taliban Pakistan (TTP) was announced in December 2007 as an umbrella for some 13 militant "
          "groups of the tribal areas, with Baitullah Mehsud, a Mehsud tribesman from South Waziristan, as "
          "its emir; it worked closely with al-Qaeda, whose leaders also sheltered in the tribal areas.[^1] "
          "A missile fired from a drone of the Central Intelligence Agency (CIA) killed Baitullah on "
          "5 August 2009 at the house of his father-in-law, Ikramuddin, in Zangara, South Waziristan; one "
          "of his wives died with him.[^2]"),
    ("p", "After weeks of rival claims the movement's shura chose Hakimullah Mehsud as emir on "
          "22 August 2009.[^3] Hakimullah, born Jamshed in Kotkai in South Waziristan and earlier known as "
          "Zulfiqar Mehsud, had been Baitullah's spokesman and his commander in the Khyber, Orakzai and "
          "Kurram agencies; Qari Hussain Mehsud, the movement's trainer of suicide bombers, was his "
          "cousin.[^3][^4]"),
    ("p", "Under Hakimullah the TTP claimed the bombing of the CIA's Camp Chapman in Khost, Afghanistan, on "
          "30 December 2009, in which seven CIA employees and a Jordanian intelligence officer died.[^5] "
          "The bomber, the Jordanian doctor Humam Khalil al-Balawi, who had written online as Abu Dujana "
          "al-Khorasani, appeared in a farewell video seated beside Hakimullah.[^5] A US drone killed "
          "Hakimullah at Dande Darpa Khel, near Miranshah in North Waziristan, on 1 November 2013.[^6] "
          "Six days later the shura named Mullah Fazlullah, a native of Swat nicknamed \u201cMullah Radio\u201d "
          "for his FM sermons, as the first emir from outside the Mehsud tribe.[^7]"),
    ("h", "The Fazlullah years"),
    ("p", "Fazlullah, whose birth name was Fazal Hayat, is a son-in-law of Sufi Muhammad, the founder of "
          "Tehreek-e-Nafaz-e-Shariat-e-Mohammadi (TNSM), and led the TNSM's militants in Swat until the "
          "Pakistan Army retook the valley in 2009.[^7] He then fled to Afghanistan's Kunar province, "
          "which remained his base until his death.[^8]"),
    ("p", "The Pakistan Army launched Operation Zarb-e-Azb against militant strongholds in North Waziristan "
          "on 15 June 2014.[^9] Six months later, on 16 December 2014, TTP gunmen stormed the Army Public "
          "School in Peshawar and killed 141 people, 132 of them children.[^10] Pakistani officials named "
          "Umar Mansoor, a commander from Darra Adam Khel known as Khalifa Umar Mansoor, as the organiser.[^10] "
          "A US drone strike in Afghanistan's Nangarhar province killed Mansoor on 9 July 2016, the "
          "Pentagon said later that month.[^11]"),
    ("h", "Splinters"),
    ("p", "In August 2014 a bloc of commanders from Mohmand Agency led by Omar Khalid Khorasani, whose real "
          "name was Abdul Wali, broke away from the TTP and formed Jamaat-ul-Ahrar (JuA), which operated "
          "from Nangarhar.[^12] JuA claimed the suicide bombing at Gulshan-e-Iqbal Park in Lahore on Easter "
          "Sunday, 27 March 2016, which killed more than 70 people.[^13] In November 2017 JuA split in "
          "turn, when its former spokesman Mukarram Khan set up Hizb-ul-Ahrar (HuA) in Nangarhar.[^14]"),
    ("h", "Noor Wali and the reunification"),
    ("p", "Fazlullah was killed by a US drone strike in Kunar in June 2018, but the date is disputed.[^15][^16] US "
          "officials placed the strike on 13 June 2018.[^15] The Afghan Ministry of Defence, which confirmed "
          "his death two days later, said that he had died on 14 June.[^16] On 23 June 2018 the TTP named "
          "Mufti Noor Wali Mehsud, a cleric from South Waziristan who writes under the name Abu Mansoor "
          "Asim, as its new emir.[^17] Noor Wali is the author of a history of the Mehsud insurgency, "
          "*Inqilab-i-Mehsud*, published in 2017.[^18]"),
    ("p", "Under Noor Wali, JuA and HuA pledged allegiance to the TTP again in August 2020.[^19] The "
          "Taliban's return to power in Kabul in August 2021 gave the movement a secure rear base: the UN "
          "Analytical Support and Sanctions Monitoring Team reported in July 2023 that the Afghan Taliban "
          "gave the TTP shelter and that Noor Wali lived in Afghanistan.[^20] Khorasani did not see the "
          "revival: he was killed with two companions by a roadside bomb in Afghanistan's Paktika province "
          "on 7 August 2022.[^21]"),
]

# Footnotes: number -> text; *...* is set in italics.
NOTES = {
    1: "Hassan Abbas, *The Taliban Revival: Violence and Extremism on the Pakistan-Afghanistan Frontier* "
       "(New Haven: Yale University Press, 2014), pp. 141-160.",
    2: "\u201cPakistan Taliban chief Baitullah Mehsud \u2018killed\u2019\u201d, BBC News, 7 August 2009, "
       "http://news.bbc.co.uk/2/hi/south_asia/8189629.stm. Accessed on 2 October 2023.",
    3: "\u201cPakistani Taliban name Hakimullah Mehsud as new leader\u201d, Reuters, 22 August 2009, "
       "https://www.reuters.com/article/us-pakistan-taliban-idUSTRE57L0FQ20090822. Accessed on 2 October 2023.",
    4: "Imtiaz Gul, *The Most Dangerous Place: Pakistan's Lawless Frontier* (London: Viking, 2010), pp. 52-58.",
    5: "Joby Warrick, *The Triple Agent: The al-Qaeda Mole Who Infiltrated the CIA* (New York: Doubleday, 2011).",
    6: "\u201cHakimullah Mehsud killed in drone strike\u201d, The Express Tribune, 1 November 2013, "
       "https://tribune.com.pk/story/626593/hakimullah-mehsud-killed. Accessed on 3 October 2023.",
    7: "\u201cMullah Fazlullah named new chief of Pakistani Taliban\u201d, BBC News, 7 November 2013, "
       "https://www.bbc.com/news/world-asia-24849540. Accessed on 3 October 2023.",
    8: "Daud Khattak, \u201cThe Complicated Relationship Between the Afghan and Pakistani Taliban\u201d, "
       "CTC Sentinel, February 2012, https://ctc.westpoint.edu/the-complicated-relationship-between-the-"
       "afghan-and-pakistani-taliban/. Accessed on 4 October 2023.",
    9: "\u201cArmy launches Zarb-e-Azb operation in North Waziristan\u201d, Dawn, 15 June 2014, "
       "https://www.dawn.com/news/1112917. Accessed on 4 October 2023.",
    10: "\u201cPakistan Taliban: Peshawar school attack leaves 141 dead\u201d, BBC News, 16 December 2014, "
        "https://www.bbc.com/news/world-asia-30491435. Accessed on 5 October 2023.",
    11: "\u201cU.S. says drone strike killed planner of Peshawar school attack\u201d, Reuters, 23 July 2016, "
        "https://www.reuters.com/article/us-usa-pakistan-drone-idUSKCN1030TP. Accessed on 5 October 2023.",
    12: "\u201cTTP splinter group Jamaat-ul-Ahrar announced\u201d, The Express Tribune, 26 August 2014, "
        "https://tribune.com.pk/story/753462/ttp-splinter-group. Accessed on 6 October 2023.",
    13: "\u201cLahore park bombing: death toll rises above 70\u201d, The Guardian, 28 March 2016, "
        "https://www.theguardian.com/world/2016/mar/28/lahore-park-bombing-toll. Accessed on 6 October 2023.",
    14: "\u201cPakistani Taliban splinter group splits further over tactics\u201d, Associated Press, "
        "12 November 2017, https://apnews.com/article/0b7c7a1f4a2e4c1f9d3e. Accessed on 7 October 2023.",
    15: "\u201cU.S. strike in Afghanistan targets Pakistani Taliban chief Fazlullah\u201d, Reuters, 14 June 2018, "
        "https://www.reuters.com/article/us-afghanistan-pakistan-idUSKBN1JA2TZ. Accessed on 8 October 2023.",
    16: "\u201cMoD confirms death of Pakistani Taliban leader Fazlullah\u201d, Tolo News, 15 June 2018, "
        "https://tolonews.com/afghanistan/mod-confirms-death-fazlullah. Accessed on 8 October 2023.",
    17: "\u201cTTP names Mufti Noor Wali Mehsud new chief\u201d, Dawn, 23 June 2018, "
        "https://www.dawn.com/news/1415731. Accessed on 9 October 2023.",
    18: "Ibid.",
    19: "Abdul Sayed, \u201cThe Evolution and Future of Tehrik-e-Taliban Pakistan\u201d, Carnegie Endowment for "
        "International Peace, 21 December 2021, https://carnegieendowment.org/2021/12/21/evolution-and-"
        "future-of-tehrik-e-taliban-pakistan-pub-86051. Accessed on 10 October 2023.",
    20: "UN Security Council, \u201cThirty-second report of the Analytical Support and Sanctions Monitoring "
        "Team\u201d, 25 July 2023, https://undocs.org/S/2023/549. Accessed on 11 October 2023.",
    21: "\u201cTTP commander Omar Khalid Khorasani killed in Afghanistan blast\u201d, Dawn, 8 August 2022, "
        "https://www.dawn.com/news/1703577. Accessed on 11 October 2023.",
}

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 62, 62, 78, 64
WIDTH = PAGE_W - LEFT - RIGHT
BODY_FONT, ITALIC_FONT, BOLD_FONT = "Times-Roman", "Times-Italic", "Times-Bold"
BODY_SIZE, BODY_LEAD = 10.5, 14.2
MARK_SIZE, MARK_RISE = 7, 4
HEAD_SIZE, TITLE_SIZE = 13, 18
NOTE_SIZE, NOTE_LEAD = 8, 10
PARA_GAP, NOTE_GAP = 6, 3

MARKERS = re.compile(r"((?:\[\^\d+\])+)$")


def words(text: str) -> list[tuple[str, str, list[int]]]:
    """(word, font, footnote numbers after it) for each space-separated word; *...* in italics."""
    out, italic = [], False
    for raw in text.split():
        m = MARKERS.search(raw)
        numbers = [int(n) for n in re.findall(r"\d+", m.group(1))] if m else []
        word = raw[:m.start()] if m else raw
        starts = word.startswith("*")
        if starts:
            italic, word = True, word[1:]
        closing = re.search(r"\*([.,;:]?)$", word)
        ends = bool(closing)
        if ends:
            word = word[:closing.start()] + closing.group(1)
        out.append((word, ITALIC_FONT if italic else BODY_FONT, numbers))
        if ends:
            italic = False
    return out


def marker_text(numbers: list[int]) -> str:
    return ",".join(str(n) for n in numbers)


def word_width(word: str, font: str, numbers: list[int], size: float) -> float:
    width = stringWidth(word, font, size)
    if numbers:
        width += stringWidth(marker_text(numbers), BODY_FONT, MARK_SIZE)
    return width


def wrap(items: list[tuple[str, str, list[int]]], size: float, width: float) -> list[list]:
    """Greedy line breaking by measured width; a word longer than a line gets a line to itself."""
    lines, line, used = [], [], 0.0
    space = stringWidth(" ", BODY_FONT, size)
    for word, font, numbers in items:
        w = word_width(word, font, numbers, size)
        if line and used + space + w > width:
            lines.append(line)
            line, used = [], 0.0
        used += (space if line else 0) + w
        line.append((word, font, numbers))
    if line:
        lines.append(line)
    return lines


def note_lines(number: int) -> list[list]:
    """A footnote's wrapped lines; the first starts with its number."""
    return wrap([(str(number), BODY_FONT, [])] + words(NOTES[number]), NOTE_SIZE, WIDTH)


class Layout:
    """Places lines on pages, keeping each footnote on the page that cites it."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.pages: list[list] = []  # per page: list of draw operations
        self.new_page()

    def new_page(self) -> None:
        self.ops: list = []
        self.notes: list[int] = []
        self.pages.append((self.ops, self.notes))
        self.y = PAGE_H - TOP

    def notes_height(self, numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        lines = sum(len(note_lines(n)) for n in numbers)
        return 14 + lines * NOTE_LEAD + (len(numbers) - 1) * NOTE_GAP

    def fits(self, height: float, extra_notes: list[int]) -> bool:
        notes = self.notes + [n for n in extra_notes if n not in self.notes]
        return self.y - height >= BOTTOM + self.notes_height(notes)

    def text_line(self, line: list, size: float, lead: float, font_override: str | None = None) -> None:
        numbers = [n for _, _, ns in line for n in ns]
        if not self.fits(lead, numbers):
            self.new_page()
        self.y -= lead
        self.ops.append(("line", self.y, line, size, font_override))
        self.notes += [n for n in numbers if n not in self.notes]

    def gap(self, height: float) -> None:
        if self.y < PAGE_H - TOP:
            self.y -= height

    def paragraph(self, text: str) -> None:
        for line in wrap(words(text), BODY_SIZE, WIDTH):
            self.text_line(line, BODY_SIZE, BODY_LEAD)
        self.gap(PARA_GAP)

    def heading(self, text: str, size: float) -> None:
        lines = wrap([(w, BOLD_FONT, []) for w in text.split()], size, WIDTH)
        if not self.fits(size * 1.4 * len(lines) + 3 * BODY_LEAD, []):
            self.new_page()
        self.gap(4)
        for line in lines:
            self.text_line(line, size, size * 1.4, BOLD_FONT)
        self.gap(4)

    def render(self) -> None:
        total = len(self.pages)
        for number, (ops, notes) in enumerate(self.pages, 1):
            c = self.c
            c.setFont(BODY_FONT, 8)
            c.drawString(LEFT, PAGE_H - 40, HEADER)
            c.setLineWidth(0.4)
            c.line(LEFT, PAGE_H - 45, PAGE_W - RIGHT, PAGE_H - 45)
            for _, y, line, size, font_override in ops:
                draw_line(c, LEFT, y, line, size, font_override)
            if notes:
                y = BOTTOM + self.notes_height(notes) - 8
                c.line(LEFT, y + 4, LEFT + 120, y + 4)
                y -= 6
                for i, n in enumerate(notes):
                    for line in note_lines(n):
                        y -= NOTE_LEAD
                        draw_line(c, LEFT, y + NOTE_LEAD, line, NOTE_SIZE, None)
                    y -= NOTE_GAP
            c.setFont(BODY_FONT, 8)
            c.drawCentredString(PAGE_W / 2, 34, f"Page {number} of {total}")
            c.showPage()


def draw_line(c: Canvas, x: float, y: float, line: list, size: float, font_override: str | None) -> None:
    """Draw one line as a single text object with real spaces between words; footnote numbers
    in small raised type right after their word, as word processors and typesetters set them."""
    text = c.beginText(x, y)
    for i, (word, font, numbers) in enumerate(line):
        font = font_override or font
        text.setFont(font, size)
        text.textOut((" " if i else "") + word)
        if numbers:
            text.setFont(BODY_FONT, MARK_SIZE)
            text.setRise(MARK_RISE)
            text.textOut(marker_text(numbers))
            text.setRise(0)
    c.drawText(text)


def main() -> None:
    c = Canvas(str(OUT), pagesize=A4, invariant=1)
    c.setTitle(TITLE)
    c.setAuthor(AUTHOR)
    c.setSubject("Militancy Brief No. 12")
    c.setCreator("examples/make_pdf.py")
    c.setDateFormatter(lambda *_: "D:%04d%02d%02d090000+00'00'" % CREATED)
    layout = Layout(c)
    layout.heading(TITLE, TITLE_SIZE)
    for text in (AUTHOR, DATE_LINE):
        layout.text_line([(w, BODY_FONT, []) for w in text.split()], 11, 15)
        layout.gap(9)
    for kind, text in BODY:
        if kind == "h":
            layout.heading(text, HEAD_SIZE)
        else:
            layout.paragraph(text)
    layout.render()
    c.save()
    print(f"wrote {OUT} ({len(layout.pages)} pages)")


if __name__ == "__main__":
    main()
