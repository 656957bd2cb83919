"""The workspace end to end in headless Chromium over the development documents: search by an alias,
the profile, the network's time slider changing the leader, accepting a claim, uploading a report.
Screenshots of each step are saved under .artifacts/screenshots/."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from browser_fixtures import SUCCESSION_REPORT, shot

ISKP = "Islamic State's Khorasan Province"


LEADER_EDGE = """() => window.dossierGraph.edges("[type = 'leader_of']")
    .filter((e) => e.source().data("name") === "Aslam Farooqi").map((e) => e.style("display"))"""


def open_iskp_network(page, server) -> None:
    page.goto(f"{server.url}/?q=Wilayat%20Khorasan")
    page.get_by_role("link", name=ISKP).click()
    page.get_by_role("link", name="Network", exact=True).click()
    expect(page.locator("main[data-ready=true]")).to_be_attached()


def test_searching_an_alias_finds_the_organization_and_opens_its_profile(page, dev_workspace):
    page.goto(dev_workspace.url)
    page.get_by_label("name or alias").fill("Wilayat Khorasan")
    hit = page.locator("#results li").first
    expect(hit).to_contain_text(ISKP)
    expect(hit).to_contain_text("Wilayat Khorasan")
    shot(page, "1-search")
    hit.get_by_role("link", name=ISKP).click()
    expect(page.locator("h1")).to_have_text(ISKP)
    expect(page.locator("#names")).to_contain_text("ISKP")
    relation = page.locator("#relations .fact").filter(
        has=page.locator(".head", has_text="Aslam Farooqi person leader of (chief) Islamic State's Khorasan Province"))
    expect(relation.locator(".period")).to_have_text("since 2019-04")
    expect(relation.locator("a[href^='/documents/']").first).to_have_text("mantraya-sr20-iskp")
    shot(page, "2-profile")


def test_moving_the_time_slider_changes_the_leader_shown(page, dev_workspace):
    open_iskp_network(page, dev_workspace)
    slider = page.get_by_label("as of")
    leaders = page.locator("#leaders")
    slider.press("Home")
    expect(page.locator("#as-of-label")).to_have_text("2018-01")
    expect(page.locator("#leaders-panel")).to_have_attribute("data-as-of", "2018-01")
    expect(leaders).to_have_text("no leader known")
    assert page.evaluate(LEADER_EDGE) == ["none"]
    shot(page, "1-early")
    slider.press("End")
    expect(page.locator("#leaders-panel")).to_have_attribute("data-as-of", "2019-04")
    expect(leaders).to_contain_text("Aslam Farooqi")
    assert page.evaluate(LEADER_EDGE) == ["element"]
    shot(page, "2-late")


def test_clicking_a_node_opens_its_profile(page, dev_workspace):
    open_iskp_network(page, dev_workspace)
    box = page.locator("#graph").bounding_box()
    x, y = page.evaluate("""() => {
        const p = window.dossierGraph.nodes().filter((n) => n.data('name') === 'Aslam Farooqi').renderedPosition();
        return [p.x, p.y];
    }""")
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page.locator("h1")).to_have_text("Aslam Farooqi")
    shot(page, "profile")


def test_an_accepted_claim_stays_accepted_after_reload(page, dev_workspace):
    page.goto(f"{dev_workspace.url}/review")
    card = page.locator(".claim").first
    claim = card.get_attribute("data-claim")
    card.get_by_role("button", name="Accept").click()
    expect(card.locator(".verdict")).to_have_text("accepted")
    shot(page, "1-accepted")
    page.reload()
    expect(page.locator(".claim").first).to_be_visible()
    expect(page.locator(f".claim[data-claim='{claim}']")).to_have_count(0)
    page.get_by_role("link", name="accepted").click()
    expect(page.locator(f".claim[data-claim='{claim}'] .verdict")).to_have_text("accepted")
    shot(page, "2-after-reload")


def test_an_uploaded_report_is_ingested_with_progress_and_found_by_search(page, dev_workspace, tmp_path: Path):
    report = tmp_path / "northern-brigade.md"
    report.write_text(SUCCESSION_REPORT, encoding="utf-8")
    page.goto(f"{dev_workspace.url}/upload")
    page.get_by_label("documents").set_input_files(report)
    page.get_by_role("button", name="Upload and ingest").click()
    expect(page.locator("form#upload")).to_have_attribute("data-state", "done", timeout=120_000)
    expect(page.locator("#state")).to_have_text("done: 1 of 1 files")
    assert page.eval_on_selector("#progress", "bar => bar.value === bar.max")
    expect(page.locator("#outcomes")).to_contain_text("added northern-brigade.md")
    shot(page, "1-done")
    page.goto(f"{dev_workspace.url}/?q=Khalid%20Rahimi")
    expect(page.locator("#results")).to_contain_text("Khalid Rahimi")
    shot(page, "2-found")
