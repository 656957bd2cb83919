"""The pages in headless Chromium over reports of our own (browser_fixtures): the network's slider,
type filters, the reader's footnotes and evidence links, the timeline, editing a claim, merging."""
from __future__ import annotations

from playwright.sync_api import expect

from browser_fixtures import shot


def open_network(page, server, name: str) -> None:
    page.goto(f"{server.url}/network?centre={server.entity_id(name)}")
    expect(page.locator("main[data-ready=true]")).to_be_attached()


def test_the_slider_shows_the_leader_in_office_at_each_date(page, reports_server):
    open_network(page, reports_server, "Northern Brigade")
    slider = page.get_by_label("as of")
    slider.fill("29")
    expect(page.locator("#as-of-label")).to_have_text("2012-06")
    expect(page.locator("#leaders-panel")).to_have_attribute("data-as-of", "2012-06")
    expect(page.locator("#leaders li")).to_have_text(["Abu Harith al-Nasri person 2010 – 2014"])
    expect(page.locator("#in-view")).not_to_contain_text("Khalid Rahimi")
    shot(page, "1-2012")
    slider.press("End")
    expect(page.locator("#leaders-panel")).to_have_attribute("data-as-of", "2015-12")
    expect(page.locator("#leaders li")).to_have_text(["Khalid Rahimi person since 2015 (leader)"])
    expect(page.locator("#in-view")).not_to_contain_text("Abu Harith al-Nasri")
    shot(page, "2-2015")


def test_a_type_filter_hides_the_entities_of_that_type(page, reports_server):
    open_network(page, reports_server, "Northern Brigade")
    expect(page.locator("#in-view")).to_contain_text("Khalid Rahimi")
    page.get_by_label("person").uncheck()
    expect(page.locator("#in-view li")).to_have_text(["Northern Brigade organization"])
    shot(page, "filtered")


def test_a_footnote_marker_links_to_its_source(page, reports_server):
    documents = {d["name"]: d["id"] for d in reports_server.get("/api/documents").json()}
    page.goto(f"{reports_server.url}/documents/{documents['northern-brigade']}")
    page.locator("#text a.footnote", has_text="1").click()
    expect(page.locator("#sources li:target")).to_contain_text("The brigade in the north")
    expect(page.locator("#sources li:target a")).to_have_attribute("href", "https://example.org/first")
    shot(page, "source")


def test_an_evidence_link_opens_the_reader_at_its_sentence(page, reports_server):
    page.goto(f"{reports_server.url}/entity/{reports_server.entity_id('Khalid Rahimi')}")
    fact = page.locator("#relations .fact").first
    expect(fact.locator(".head")).to_contain_text("leader of (leader) Northern Brigade")
    fact.get_by_role("link", name="northern-brigade").click()
    expect(page.locator(".sentence.target")).to_have_text("In 2015, Khalid Rahimi became the leader of the Northern Brigade.")
    expect(page.locator(".sentence.target a.mention").first).to_have_text("Khalid Rahimi")
    shot(page, "sentence")


def test_the_timeline_lists_the_leaderships_oldest_first(page, reports_server):
    page.goto(f"{reports_server.url}/timeline/{reports_server.entity_id('Northern Brigade')}")
    lines = page.locator("#timeline > li > strong")
    expect(lines.first).to_have_text("2010")
    expect(page.locator("#timeline > li").first).to_contain_text("Abu Harith al-Nasri person leader of "
                                                                 "Northern Brigade organization (begins)")
    shot(page, "timeline")


def test_an_edited_claim_keeps_its_new_period_after_reload(page, writable_reports_server):
    server = writable_reports_server
    page.goto(f"{server.url}/review")
    card = page.locator(".claim").filter(has_text="Khalid Rahimi").filter(has=page.locator("input[name=start]")).first
    claim = card.get_attribute("data-claim")
    card.get_by_role("button", name="Edit").click()
    card.get_by_label("end").fill("2019")
    card.get_by_role("button", name="Save").click()
    expect(card.locator(".verdict")).to_have_text("edited")
    page.goto(f"{server.url}/review?status=edited")
    edited = page.locator(f".claim[data-claim='{claim}']")
    expect(edited).to_contain_text("2015 – 2019")
    shot(page, "edited")


def test_merging_two_entities_from_the_review_page(page, writable_reports_server):
    server = writable_reports_server
    page.goto(f"{server.url}/review")
    merge = page.locator("form#merge")
    merge.get_by_label("first entity").fill("Abu Harith al-Nasri")
    merge.get_by_label("second entity").fill("Khalid Rahimi")
    merge.get_by_role("button", name="Merge").click()
    expect(page.locator("#decision")).to_contain_text("Abu Harith al-Nasri")
    assert server.entity_id("Abu Harith al-Nasri") == server.entity_id("Khalid Rahimi")
    shot(page, "merged")


def test_a_rejected_claim_leaves_the_profile(page, writable_reports_server):
    server = writable_reports_server
    page.goto(f"{server.url}/review")
    card = page.locator(".claim").filter(has=page.locator("strong", has_text="leader of")).filter(
        has_text="Khalid Rahimi").first
    card.get_by_role("button", name="Reject").click()
    expect(card.locator(".verdict")).to_have_text("rejected")
    page.goto(f"{server.url}/entity/{server.entity_id('Khalid Rahimi')}")
    expect(page.locator("#relations")).to_have_text("No relations.")
    shot(page, "profile")


def test_pages_opened_with_the_access_token_keep_working(page, token_reports_server):
    page.goto(f"{token_reports_server.url}/?q=Khalid&token=k3y")
    expect(page.locator("#results li").first).to_contain_text("Khalid Rahimi")
    page.locator("#results a").first.click()
    expect(page.locator("h1")).to_have_text("Khalid Rahimi")
    shot(page, "profile")


def test_a_profile_as_of_a_date_keeps_the_relations_holding_then(page, reports_server):
    page.goto(f"{reports_server.url}/entity/{reports_server.entity_id('Northern Brigade')}")
    expect(page.locator("#relations .fact")).to_have_count(2)
    page.get_by_label("as of").fill("2012")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#relations .fact .head")).to_have_text(
        ["Abu Harith al-Nasri person leader of Northern Brigade 2010 – 2014"])
    shot(page, "2012")


def test_a_profile_as_of_a_bad_date_says_why(page, reports_server):
    page.goto(f"{reports_server.url}/entity/{reports_server.entity_id('Northern Brigade')}?as_of=someday")
    expect(page.locator("#error")).to_have_text(
        "'someday' is not a date — give the as-of date as YYYY, YYYY-MM or YYYY-MM-DD")
