"""Fixtures for the browser tests: headless Chromium driven by Playwright, reports of our own, and
servers over knowledge bases that hold them. Screenshots go to .artifacts/screenshots/ (gitignored)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from samples import write

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")

# Two leaders of one brigade, one after the other: the network's slider must show each in turn.
SUCCESSION_REPORT = """\
---
title: The Northern Brigade and its leaders
date: 2017-03-01
---
# The Northern Brigade and its leaders

Abu Harith al-Nasri led the Northern Brigade from 2010 until 2014.[^1]

In 2015, Khalid Rahimi became the leader of the Northern Brigade.[^2]

[^1]: John Smith, "The brigade in the north", Example News, 3 March 2015, https://example.org/first.
[^2]: "A new leader for the brigade", Example News, 4 May 2016, https://example.org/second.
"""

SCRIPT_NAME = "<script>window.__pwned=1</script>"
IMG_NAME = "<img src=x onerror=window.__pwned=2>"
# The front matter gives the author and publisher as written; the body names them again (as
# Markdown entities, which the reader turns back into < and >), so the extractor takes them as
# a person and an organization with those names. A footnote carries a javascript: link.
HOSTILE_REPORT = f"""\
---
title: Hostile names {SCRIPT_NAME}
date: 2024-02-01
author: {SCRIPT_NAME}
publisher: {IMG_NAME}
---

By &lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;, for &lt;img src=x onerror=window.\\_\\_pwned=2&gt;.

Abu Harith al-Nasri led the Northern Brigade from 2010 until 2014, says &lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;.[^1]

[^1]: John Smith, "A report", Example News, 3 March 2015, <javascript:window.__pwned=3>.
"""


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's /usr/bin/chromium); skips where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


LOCAL = ("http://127.0.0.1:", "data:")  # what the pages may load: the workspace itself, nothing from elsewhere


@pytest.fixture
def page(browser, request):
    """A fresh browser tab; the test fails on any script error the page raises and on any request
    that leaves this machine (no CDN, no web fonts)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    outside: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    tab.screenshot_name = re.sub(r"[^\w.-]+", "_", request.node.name)
    yield tab
    context.close()
    assert errors == [], f"script errors in the page: {errors}"
    assert outside == [], f"the page asked for something from elsewhere: {outside}"


def shot(tab, step: str) -> Path:
    """Save a screenshot of the tab as .artifacts/screenshots/TEST-STEP.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{tab.screenshot_name}-{step}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="session")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the succession report and the hostile report."""
    folder = tmp_path_factory.mktemp("browser-reports")
    write(folder, "northern-brigade.md", SUCCESSION_REPORT)
    write(folder, "hostile.md", HOSTILE_REPORT)
    return folder


@pytest.fixture(scope="session")
def reports_kb(report_files: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base of our two reports, built once with the built-in extractor; read-only."""
    import dossier
    db = tmp_path_factory.mktemp("browser-kb") / "kb.db"
    report = dossier.ingest([report_files], db=db, workers=1)
    assert [r.status for r in report.results] == ["added", "added"]
    return db
