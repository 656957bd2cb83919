"""Footnote citations → Source records: the common citation styles, several works per note, Ibid."""
from __future__ import annotations

from dossier.model import Source


def report(*notes: str, first: int = 1) -> str:
    """A report whose sentence N cites note N, followed by the notes as Pandoc definitions."""
    labels = range(first, first + len(notes))
    body = " ".join(f"The militia was reported in district {n} again that year.[^{n}]" for n in labels)
    return body + "\n\n" + "\n\n".join(f"[^{n}]: {note}" for n, note in zip(labels, notes)) + "\n"


def fields(source: Source) -> dict:
    """The fields of a source that a reader fills in from a citation."""
    return {"title": source.title, "author": source.author, "publisher": source.publisher,
            "date": source.date, "url": source.url, "accessed": source.accessed}


def test_chicago_news_citation(read, source):
    doc = read("notes.md", report(
        'Leila Haddad, "Border clashes leave villages empty", *The Northern Herald*, 5 April 2020, '
        '<https://www.northernherald.example.com/news/border-clashes>. Accessed on 18 April 2020.'))
    assert fields(source(doc, "1")) == {
        "title": "Border clashes leave villages empty", "author": "Leila Haddad", "publisher": "The Northern Herald",
        "date": "2020-04-05", "url": "https://www.northernherald.example.com/news/border-clashes",
        "accessed": "2020-04-18"}


def test_book_citation_with_place_and_publisher(read, source):
    doc = read("notes.md", report(
        "Tomas Berg, *Rivers of Dissent: Insurgency in the Highlands* (London: Harbour Press, 2018), p. 12."))
    assert fields(source(doc, "1")) == {
        "title": "Rivers of Dissent: Insurgency in the Highlands", "author": "Tomas Berg",
        "publisher": "Harbour Press", "date": "2018", "url": None, "accessed": None}


def test_think_tank_report_with_publisher_in_plain_type(read, source):
    doc = read("notes.md", report(
        'Mira Castell, "Militias and the state in the borderlands", Institute for Conflict Studies, '
        '15 December 2017, <https://www.ics.example.org/2017/12/15/militias-and-the-state>. Accessed on 1 May 2020.'))
    assert fields(source(doc, "1")) == {
        "title": "Militias and the state in the borderlands", "author": "Mira Castell",
        "publisher": "Institute for Conflict Studies", "date": "2017-12-15",
        "url": "https://www.ics.example.org/2017/12/15/militias-and-the-state", "accessed": "2020-05-01"}


def test_think_tank_report_without_quotes_leaves_the_series_out_of_the_title(read, source):
    doc = read("notes.md", report(
        "Regional Security Forum, The Hill Militias and the State, Occasional Paper No. 14, March 2016."))
    assert fields(source(doc, "1")) == {
        "title": "The Hill Militias and the State", "author": "Regional Security Forum",
        "publisher": "Regional Security Forum",
        "date": "2016-03", "url": None, "accessed": None}


def test_series_label_after_an_italic_title_is_not_the_publisher(read, source):
    doc = read("notes.md", report(
        "Regional Security Forum, *The Hill Militias and the State*, Occasional Paper No. 14, March 2016."))
    assert fields(source(doc, "1")) == {
        "title": "The Hill Militias and the State", "author": "Regional Security Forum",
        "publisher": "Regional Security Forum",
        "date": "2016-03", "url": None, "accessed": None}


def test_un_style_committee_report(read, source):
    doc = read("notes.md", report(
        "Regional Monitoring Committee, Ninth report of the monitoring team on armed groups in the region. "
        "(Geneva: United Nations, 2019). https://www.un.example.org/reports/ninth-report.pdf. "
        "Accessed on 2 May 2020."))
    assert fields(source(doc, "1")) == {
        "title": "Ninth report of the monitoring team on armed groups in the region",
        "author": "Regional Monitoring Committee", "publisher": "United Nations", "date": "2019",
        "url": "https://www.un.example.org/reports/ninth-report.pdf", "accessed": "2020-05-02"}


def test_apa_style_citation_with_surname_first_and_retrieved_date(read, source):
    doc = read("notes.md", report(
        'Karimi, Nadia (2014). "Militia leader steps down after rift". *The Daily Ledger*. Retrieved 3 May 2015.'))
    assert fields(source(doc, "1")) == {
        "title": "Militia leader steps down after rift", "author": "Nadia Karimi", "publisher": "The Daily Ledger",
        "date": "2014", "url": None, "accessed": "2015-05-03"}


def test_apa_style_citation_with_full_date_in_brackets(read, source):
    doc = read("notes.md", report(
        'Karimi, Nadia (14 June 2014). "Militia leader steps down after rift". *The Daily Ledger*.'))
    assert fields(source(doc, "1")) == {
        "title": "Militia leader steps down after rift", "author": "Nadia Karimi", "publisher": "The Daily Ledger",
        "date": "2014-06-14", "url": None, "accessed": None}


def test_title_then_by_author(read, source):
    doc = read("notes.md", report('"Raids in the river towns" by Iqbal Sethi, *Evening Courier*, 15 June 2011.'))
    assert fields(source(doc, "1")) == {
        "title": "Raids in the river towns", "author": "Iqbal Sethi", "publisher": "Evening Courier",
        "date": "2011-06-15", "url": None, "accessed": None}


def test_note_citing_two_works_gives_two_sources_lettered_a_and_b(read, source, cited):
    doc = read("notes.md", report(
        '"Rebels regroup in the south", *Daily Courier*, 2 March 2011 and '
        '"Southern rebels deny a split", *Weekly Observer*, 9 March 2011.', first=5))
    assert fields(source(doc, "5a")) == {
        "title": "Rebels regroup in the south", "author": None, "publisher": "Daily Courier",
        "date": "2011-03-02", "url": None, "accessed": None}
    assert fields(source(doc, "5b")) == {
        "title": "Southern rebels deny a split", "author": None, "publisher": "Weekly Observer",
        "date": "2011-03-09", "url": None, "accessed": None}
    assert cited(doc, "district 5") == ("5a", "5b")


def test_also_see_url_is_a_second_source(read, source):
    doc = read("notes.md", report(
        '"Ten held in dawn raids", *Evening Courier*, 15 June 2011. https://courier.example.com/raids/10-held. '
        "Also see https://www.hillnews.example.net/story/raids-2"))
    assert fields(source(doc, "1a")) == {
        "title": "Ten held in dawn raids", "author": None, "publisher": "Evening Courier", "date": "2011-06-15",
        "url": "https://courier.example.com/raids/10-held", "accessed": None}
    assert fields(source(doc, "1b")) == {
        "title": None, "author": None, "publisher": "hillnews.example.net", "date": None,
        "url": "https://www.hillnews.example.net/story/raids-2", "accessed": None}


def test_ibid_points_to_previous_source(read, cited):
    doc = read("notes.md", report('"Ten held in dawn raids", *Evening Courier*, 15 June 2011.', "Ibid."))
    assert cited(doc, "district 2") == ("1",)
    assert [s.id for s in doc.sources] == ["1"]


def test_ibid_with_a_page_points_to_every_work_of_the_previous_note(read, cited):
    doc = read("notes.md", report(
        '"Rebels regroup", *Daily Courier*, 2 March 2011 and "Rebels deny a split", *Weekly Observer*, 9 March 2011.',
        "Ibid., p. 4."))
    assert cited(doc, "district 2") == ("1a", "1b")


def test_ibid_in_the_first_note_is_a_warning(read, cited):
    doc = read("notes.md", report("Ibid."))
    assert cited(doc, "district 1") == ()
    assert doc.warnings == ("note 1 says Ibid. but no source comes before it",)


def test_commentary_only_note_is_no_source_and_its_marker_points_to_nothing(read, cited):
    doc = read("notes.md", report("The police later said that the two cells had worked together."))
    assert doc.sources == ()
    assert [(c.label, c.sources) for c in doc.citations] == [("1", ())]
    assert cited(doc, "district 1") == ()
    assert doc.warnings == ()


def test_interview_note_is_a_source_titled_by_the_interview(read, source):
    doc = read("notes.md", report("Author's interview with Farid Nazari, 6 May 2020."))
    assert fields(source(doc, "1")) == {
        "title": "Author's interview with Farid Nazari", "author": None, "publisher": None, "date": "2020-05-06",
        "url": None, "accessed": None}


def test_court_order_note_is_a_source_dated_by_the_order(read, source):
    doc = read("notes.md", report("Order of the court in case No. 12/11, dated 14 June 2011."))
    assert fields(source(doc, "1")) == {
        "title": "Order of the court in case No. 12/11", "author": None, "publisher": None, "date": "2011-06-14",
        "url": None, "accessed": None}


def test_police_report_note_is_a_source_titled_by_its_number_and_station(read, source):
    doc = read("notes.md", report("FIR No. 214/09, P.S. Civil Lines, Rampur. Copy on record."))
    assert fields(source(doc, "1")) == {
        "title": "FIR No. 214/09, P.S. Civil Lines, Rampur", "author": None, "publisher": None, "date": None,
        "url": None, "accessed": None}


def test_access_date_is_not_taken_for_the_publication_date(read, source):
    doc = read("notes.md", report(
        '"Profile of a hill commander", *Mountain Post*, <https://mountainpost.example.org/profiles/commander>. '
        "Accessed on 2 May 2020."))
    note = source(doc, "1")
    assert (note.date, note.accessed) == (None, "2020-05-02")


def test_title_that_lost_its_opening_quote_is_still_the_title(read, source):
    doc = read("notes.md", report('Rebels regroup in the hills", *Daily Courier*, 30 July 2011.'))
    assert fields(source(doc, "1")) == {
        "title": "Rebels regroup in the hills", "author": None, "publisher": "Daily Courier", "date": "2011-07-30",
        "url": None, "accessed": None}


def test_two_dates_in_the_same_month_give_month_precision(read, source):
    doc = read("notes.md", report(
        "Petitions in the Court of the District Judge, Kotli, *Hamid vs The State* (dated 3 May 2012) and "
        "*Rauf vs The State* (dated 9 May 2012). Copies on record."))
    assert fields(source(doc, "1")) == {
        "title": "Petitions in the Court of the District Judge, Kotli", "author": None, "publisher": None,
        "date": "2012-05", "url": None, "accessed": None}


def test_source_keeps_the_citation_as_written(read, source):
    doc = read("notes.md", report('"Ten held in dawn raids", *Evening Courier*, 15 June 2011.'))
    assert source(doc, "1").note == '"Ten held in dawn raids", Evening Courier, 15 June 2011.'
    assert source(doc, "1").kind == "footnote"


def test_numbered_notes_under_a_notes_heading_are_footnotes(read, cited, source):
    doc = read("notes.md", "The militia was reported in the district again that year.<sup>1</sup> "
                           "It left in the spring.<sup>2</sup>\n\n## Notes\n\n"
                           '1. "Militia returns to the district", *Daily Courier*, 2 March 2011.\n'
                           "2. Ibid.\n")
    assert source(doc, "1").title == "Militia returns to the district"
    assert cited(doc, "It left in the spring") == ("1",)


def test_remark_set_wholly_in_italics_is_no_source(read):
    doc = read("notes.md", report("*The author thanks the villagers who spoke to him in 2019.*"))
    assert doc.sources == ()


def test_ibid_followed_by_also_see_points_back_and_adds_a_source(read, cited, source):
    doc = read("notes.md", report('"Ten held in dawn raids", *Evening Courier*, 15 June 2011.',
                                  "Ibid. Also see https://www.hillnews.example.net/2011/06/16/raids"))
    assert cited(doc, "district 2") == ("1", "2")
    assert (source(doc, "2").url, source(doc, "2").date) == ("https://www.hillnews.example.net/2011/06/16/raids",
                                                             "2011-06-16")


def test_op_cit_points_to_the_latest_work_of_that_author(read, cited):
    doc = read("notes.md", report(
        "Tomas Berg, *Rivers of Dissent* (London: Harbour Press, 2018), p. 12.",
        '"Ten held in dawn raids", *Evening Courier*, 15 June 2011.',
        "Berg, op. cit., p. 40."))
    assert cited(doc, "district 3") == ("1",)
    assert [s.id for s in doc.sources] == ["1", "2"]


def test_op_cit_of_an_author_not_cited_before_is_a_warning(read, cited):
    doc = read("notes.md", report("Karimi, op. cit., p. 40."))
    assert cited(doc, "district 1") == ()
    assert doc.warnings == ("note 1 says op. cit. but no earlier source names Karimi",)


def test_chapter_in_an_edited_book_is_published_by_the_press(read, source):
    doc = read("notes.md", report(
        'Leila Haddad, "The hill wars", in *Insurgency Today*, ed. Omar Khan (London: Harbour Press, 2018), 45–67.'))
    assert fields(source(doc, "1")) == {
        "title": "The hill wars", "author": "Leila Haddad", "publisher": "Harbour Press", "date": "2018",
        "url": None, "accessed": None}


def test_title_written_as_a_link_is_the_title(read, source):
    doc = read("notes.md", report(
        "[Militants regroup in the hills](https://www.valleytimes.example.com/2019/05/02/regroup), "
        "*Valley Times*, 2 May 2019."))
    assert fields(source(doc, "1")) == {
        "title": "Militants regroup in the hills", "author": None, "publisher": "Valley Times", "date": "2019-05-02",
        "url": "https://www.valleytimes.example.com/2019/05/02/regroup", "accessed": None}


def test_note_that_is_only_a_url_is_a_source_of_that_site(read, source):
    doc = read("notes.md", report("https://www.valleytimes.example.com/2019/05/02/regroup"))
    assert fields(source(doc, "1")) == {
        "title": None, "author": None, "publisher": "valleytimes.example.com", "date": "2019-05-02",
        "url": "https://www.valleytimes.example.com/2019/05/02/regroup", "accessed": None}


def test_un_document_symbol_and_resolution_year_do_not_cut_the_date_to_a_year(read, source):
    doc = read("notes.md", report(
        'UN Security Council, "Final report of the Panel of Experts on the Lake Region submitted pursuant to '
        'resolution 2405 (2018)", S/2019/712, 4 September 2019, <https://undocs.example.org/S/2019/712>. '
        "Accessed on 12 January 2021."))
    assert fields(source(doc, "1")) == {
        "title": "Final report of the Panel of Experts on the Lake Region submitted pursuant to resolution 2405 (2018)",
        "author": "UN Security Council", "publisher": "UN Security Council", "date": "2019-09-04",
        "url": "https://undocs.example.org/S/2019/712", "accessed": "2021-01-12"}


def test_organisation_named_as_author_without_a_publisher_is_also_the_publisher(read, source):
    doc = read("notes.md", report('Highland Rights Watch, "Villages under siege", 8 October 2015.'))
    assert (source(doc, "1").author, source(doc, "1").publisher) == ("Highland Rights Watch", "Highland Rights Watch")


def test_person_named_as_author_without_a_publisher_is_not_the_publisher(read, source):
    doc = read("notes.md", report('Tomas Berg, "Villages under siege", 8 October 2015.'))
    assert (source(doc, "1").author, source(doc, "1").publisher) == ("Tomas Berg", None)


def test_access_date_at_the_end_of_a_note_covers_every_linked_work_of_the_note(read, source):
    doc = read("notes.md", report(
        '"Rebels regroup in the south", *Daily Courier*, 2 March 2011, <https://courier.example.com/regroup>; '
        '"Southern rebels deny a split", *Weekly Observer*, 9 March 2011, <https://observer.example.net/split>. '
        "Accessed on 4 June 2021."))
    assert (source(doc, "1a").accessed, source(doc, "1b").accessed) == ("2021-06-04", "2021-06-04")


def test_access_date_at_the_end_of_a_note_is_not_given_to_a_work_without_a_url(read, source):
    doc = read("notes.md", report(
        "Tomas Berg, *Rivers of Dissent* (London: Harbour Press, 2018); "
        '"Southern rebels deny a split", *Weekly Observer*, 9 March 2011, <https://observer.example.net/split>. '
        "Accessed on 4 June 2021."))
    assert (source(doc, "1a").accessed, source(doc, "1b").accessed) == (None, "2021-06-04")


def test_first_person_remark_with_a_year_is_no_source(read):
    doc = read("notes.md", report("We follow the spelling the group's own leaflets used in 2016."))
    assert doc.sources == ()


def test_quotation_with_an_outlet_and_date_after_it_is_a_source_even_in_the_first_person(read, source):
    doc = read("notes.md", report('We rely here on "Rebels regroup in the south", Daily Courier, 2 March 2011.'))
    assert (source(doc, "1").title, source(doc, "1").publisher, source(doc, "1").date) == (
        "Rebels regroup in the south", "Daily Courier", "2011-03-02")


def test_roman_numeral_i_is_not_a_first_person_remark(read, source):
    doc = read("notes.md", report("Regional Security Forum, Annual Review, Part I of the 2016 edition, March 2017."))
    assert source(doc, "1").date == "2017-03"
