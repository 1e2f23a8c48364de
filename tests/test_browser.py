"""A real browser (Playwright driving Debian's Chromium) against `reportsearch serve` on a free local port."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("REPORTSEARCH_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(fixture_index):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "indexer", "serve", "--port", str(port), "--index",
                             str(fixture_index)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/about", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stdout.read().decode())
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    proc.stdout.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: its absence there is a failure, not a skip
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


def test_type_a_query_and_see_highlighted_snippets(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.fill("#q", "caseloads")
    page.press("#q", "Enter")
    page.wait_for_url("**q=caseloads**")
    marks = page.locator(".snippet mark").all_inner_texts()
    assert marks and all(m.lower() in ("caseloads", "case loads") for m in marks)  # the synonym is marked too
    assert "as many as 55 children" in page.locator(".hit", has_text="Medway").first.inner_text()
    page.close()


def test_tick_two_councils_changes_url_results_and_counts(server, browser):
    page = browser.new_page()
    page.goto(server + "/?q=children")
    total_before = page.locator(".summary").inner_text()
    page.get_by_role("button", name="Medway").click()
    page.wait_for_url("**council=Medway**")
    page.get_by_role("button", name="Kent", exact=False).filter(has_text="Kent").first.click()
    page.wait_for_url("**council=Kent**")
    assert "council=Medway" in page.url and "council=Kent" in page.url
    councils = set(page.locator(".hit .badge.council").all_inner_texts())
    assert councils == {"Medway", "Kent"}
    assert page.locator(".summary").inner_text() != total_before
    selected = page.locator(".facet-values a.selected .label").all_inner_texts()
    assert sorted(selected) == ["Kent", "Medway"]
    assert page.locator('.facet-values a[aria-pressed="true"]').count() == 2
    # Year counts follow the council selection.
    years = " ".join(page.locator("#year-list li .label").all_inner_texts()).split()
    assert sorted(years) == ["2010", "2019"]
    page.go_back()
    page.wait_for_url(lambda url: "council=Kent" not in url)
    assert page.locator('.facet-values a[aria-pressed="true"]').count() == 1
    page.close()


def test_open_a_hit_and_land_on_the_highlighted_paragraph(server, browser):
    page = browser.new_page()
    page.goto(server + "/?q=caseloads")
    page.locator('.hit h2 a[href*="000_f098993525120d5e"]').click()
    page.wait_for_url("**/doc/000_f098993525120d5e.txt?q=caseloads#p-17")
    target = page.locator("#p-17")
    assert target.locator("mark").inner_text() == "caseloads"
    assert page.evaluate("document.querySelector(':target').id") == "p-17"
    box = target.bounding_box()
    assert -1 <= box["y"] < page.viewport_size["height"]  # on screen (a scrolled-to element may sit a subpixel above 0)
    page.close()


def test_works_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/?q=children")
    page.get_by_role("button", name="Sunderland").click()
    page.wait_for_url("**council=Sunderland**")
    assert set(page.locator(".hit .badge.council").all_inner_texts()) == {"Sunderland"}
    context.close()


def test_screenshot_of_a_real_search(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/?q=children+missing+from+care&severity=inadequate")
    assert page.locator(".hit").count() >= 1
    path = ARTIFACTS / "search.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    page.close()
