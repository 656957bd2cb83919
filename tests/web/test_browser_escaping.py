"""Names and sentences that carry HTML or script render as text on every page: an entity called
<script>window.__pwned=1</script> and one called <img src=x onerror=window.__pwned=2>, from a
report of our own (browser_fixtures.HOSTILE_REPORT), never run."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_fixtures import IMG_NAME, SCRIPT_NAME, shot


def assert_inert(page) -> None:
    """Nothing the documents said ran or became an element: no flag set, no injected image or
    script, no javascript: link."""
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("() => [...document.scripts].every((s) => s.src || s.type === 'application/json')")


@pytest.fixture(scope="module")
def ids(reports_server) -> dict[str, int]:
    """The ids of the two hostile entities and of the hostile report."""
    documents = {d["name"]: d["id"] for d in reports_server.get("/api/documents").json()}
    return {"script": reports_server.entity_id(SCRIPT_NAME), "img": reports_server.entity_id(IMG_NAME),
            "document": documents["hostile"]}


def test_search_results_show_a_script_name_as_text(page, reports_server):
    page.goto(f"{reports_server.url}/")
    page.get_by_label("name or alias").fill("<script>")
    expect(page.locator("#results li").first).to_contain_text(SCRIPT_NAME)
    page.get_by_label("name or alias").fill("<img")
    expect(page.locator("#results li").first).to_contain_text(IMG_NAME)
    shot(page, "search")
    assert_inert(page)


def test_a_profile_shows_a_script_name_as_text(page, reports_server, ids):
    page.goto(f"{reports_server.url}/entity/{ids['script']}")
    expect(page.locator("h1")).to_have_text(SCRIPT_NAME)
    expect(page.locator("#names")).to_contain_text(SCRIPT_NAME)
    assert page.title() == f"{SCRIPT_NAME} — dossier"
    shot(page, "profile")
    assert_inert(page)


def test_the_network_labels_a_markup_name_as_text(page, reports_server, ids):
    page.goto(f"{reports_server.url}/network?centre={ids['img']}")
    expect(page.locator("main[data-ready=true]")).to_be_attached()
    expect(page.locator("#centre-name")).to_have_text(IMG_NAME)
    expect(page.locator("#in-view")).to_contain_text(IMG_NAME)
    assert page.evaluate("() => window.dossierGraph.nodes().map((n) => n.data('name'))") == [IMG_NAME]
    shot(page, "network")
    assert_inert(page)


def test_the_review_queue_shows_a_script_sentence_as_text(page, reports_server):
    page.goto(f"{reports_server.url}/review")
    sentence = "Abu Harith al-Nasri led the Northern Brigade from 2010 until 2014, says " + SCRIPT_NAME + "."
    expect(page.locator(".claim q").filter(has_text=sentence).first).to_have_text(sentence)
    shot(page, "review")
    assert_inert(page)


def test_the_document_reader_shows_script_text_and_title_as_text(page, reports_server, ids):
    page.goto(f"{reports_server.url}/documents/{ids['document']}")
    expect(page.locator("h1")).to_have_text(f"Hostile names {SCRIPT_NAME}")
    expect(page.locator("#text")).to_contain_text(f"By {SCRIPT_NAME}, for {IMG_NAME}.")
    expect(page.locator("#text a.mention").first).to_have_text("Abu Harith al-Nasri")
    expect(page.locator("#sources")).to_contain_text("A report")
    shot(page, "reader")
    assert_inert(page)
