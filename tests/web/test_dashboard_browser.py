"""The dashboard in a real headless Chromium (Debian's package, driven by Playwright): load
it, filter, explore a dyad, read an article and code a text; an article full of markup
shows as text and runs nothing.  Screenshots are written to test-artifacts/screenshots (or
$FLASHPOINT_TEST_ARTIFACTS)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from flashpoint.api import ServeConfig
from flashpoint.store import open_store
from tests.analysis.corpus import build
from tests.api.helpers import invoke, live_server
from tests.conftest import EXAMPLES, REPO

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("FLASHPOINT_TEST_CHROMIUM", "/usr/bin/chromium"))
# The flags that work on a machine with no network and no GPU, running as root.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip
ARTIFACTS = Path(os.environ.get("FLASHPOINT_TEST_ARTIFACTS", REPO / "test-artifacts"))

XSS_TEXT = (
    "GAZA, Dec 29 (Reuters) - Israeli troops attacked Hamas fighters in Gaza City on Monday "
    "<script>window.__xss = 1; alert('xss')</script>, witnesses said.\n\n"
    'Egypt condemned the raid. <img src=x onerror="window.__xss = 2"> Qatar urged Israel to '
    'return to talks. <a href="javascript:window.__xss = 3">click me</a> '
    '<svg onload="window.__xss = 4"></svg>'
)
XSS_TITLE = "<script>window.__xss = 5</script>Raid <b onmouseover=alert(1)>report</b>"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def site(store_url, tmp_path, coder):
    """A live server over the hand-built corpus plus two coded articles (one full of markup)."""
    with open_store(store_url) as store:
        build(store)
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"text": XSS_TEXT, "title": XSS_TITLE, "publisher": "XSS Wire",
                    "url": "https://xss.example/raid"}) + "\n"
        + json.dumps({"text": (EXAMPLES / "diplomacy.txt").read_text(), "date": "2025-12-29",
                      "publisher": "Flashpoint Wire"}) + "\n"
    )  # fmt: skip
    invoke("ingest", batch, "--db", store_url)
    with live_server(ServeConfig(db=store_url)) as url:
        yield url


def shoot(page, name: str, backend: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}-{backend}.png"), full_page=True)


def test_dashboard_in_chromium(browser, site, store_url):
    backend = store_url.split(":", 1)[0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs, errors, console = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: console.append(m.text))

    # Overview: a chart, top dyads and actors, latest clusters.
    page.goto(site + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("svg.chart rect").count() > 0
    assert page.locator("table").nth(0).locator("tbody tr").count() > 0
    shoot(page, "overview", backend)

    # Apply a filter: the page shows it, and the links keep it.
    page.fill("form.filters input[name=actor]", "IRN")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**actor=IRN**")
    assert "actor = IRN" in page.locator(".active-filters").inner_text()
    page.click("header nav >> text=Events")
    page.wait_for_url("**/events?actor=IRN**")
    rows = page.locator("table.events tbody tr")
    expected = page.request.get(site + "/v1/events?actor=IRN").json()["count"]
    assert rows.count() == expected > 0
    assert all("IRN" in row for row in rows.all_inner_texts())
    shoot(page, "events-filtered", backend)

    # Sort the full table by Goldstein score, descending.
    page.goto(site + "/events?sort=goldstein&order=desc")
    scores = [
        float(t) for t in page.locator("table.events tbody tr td:nth-child(6)").all_inner_texts()
    ]
    assert scores == sorted(scores, reverse=True) and len(scores) > 5

    # Dyad explorer: both directed series and the events under them.
    page.goto(site + "/dyad")
    page.fill("form.dyad-pick input[name=a]", "USA")
    page.fill("form.dyad-pick input[name=b]", "ISR")
    page.click("form.dyad-pick button[type=submit]")
    page.wait_for_url("**a=USA**")
    headings = page.locator("h2.direction").all_inner_texts()
    assert headings == ["USA → ISR: events per quad class", "ISR → USA: events per quad class"]
    assert page.locator("svg.chart").count() == 4
    assert page.locator("table.events tbody tr").count() >= 4
    shoot(page, "dyad", backend)

    # The article full of markup: shown as text, nothing runs, events highlighted.
    listed = page.request.get(site + "/v1/events?publisher=XSS%20Wire").json()["events"]
    assert listed, "the markup article was coded into events"
    page.goto(site + f"/articles/{listed[0]['article']['id']}")
    text = page.locator(".article-text")
    assert "<script>window.__xss = 1; alert('xss')</script>" in text.inner_text()
    assert '<img src=x onerror="window.__xss = 2">' in text.inner_text()
    assert page.locator("h1").inner_text() == XSS_TITLE
    injected = page.evaluate(
        """() => document.querySelectorAll(
            'main script, main img, main [onerror], main [onload], main [onmouseover],'
            + ' main a[href^="javascript"], .article-text svg, .article-text b').length"""
    )
    assert injected == 0
    page.locator(".article-text").hover()
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(".article-text span.trigger").count() >= 1
    assert page.locator(".event-card").count() == len(listed)
    page.click(".article-text a.mark >> nth=0")
    assert page.url.endswith("#event-1")
    assert "Rule" in page.locator("#event-1").inner_text()
    shoot(page, "article-xss", backend)

    # A plain article: source, target and trigger of each event, and the rule that fired.
    diplomacy = page.request.get(site + "/v1/events?publisher=Flashpoint%20Wire&limit=1").json()
    page.goto(site + f"/articles/{diplomacy['events'][0]['article']['id']}")
    assert page.locator(".article-text span.source").count() >= 1
    assert page.locator(".article-text span.target").count() >= 1
    assert "flashpoint.events" in page.locator(".event-card code.rule").first.inner_text()
    shoot(page, "article", backend)

    # The live coding box.
    page.goto(site + "/code")
    page.fill("textarea[name=text]", "Egypt hosted talks with Qatar in Cairo on Monday.")
    page.fill("input[name=date]", "2025-12-29")
    page.click("form.code button[type=submit]")
    page.wait_for_selector(".event-card")
    assert page.locator(".article-text span.trigger").count() >= 1
    assert "events" in page.locator("section h2").first.inner_text()
    shoot(page, "code", backend)

    # Network and map draw from the same store.
    page.goto(site + "/network")
    assert page.locator("svg.network circle").count() >= 3
    shoot(page, "network", backend)
    page.goto(site + "/map")
    assert page.locator("svg.map circle").count() >= 1
    shoot(page, "map", backend)

    assert dialogs == [] and errors == []
    assert not [m for m in console if "Content Security Policy" in m], console
    page.close()
