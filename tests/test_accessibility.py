"""Accessibility in the real browser: an axe-core audit of the main pages, and facets used with the keyboard only."""
from __future__ import annotations

import json

import pytest

from tests.test_browser import ARTIFACTS, browser, server  # noqa: F401 - fixtures shared with the browser tests

pytestmark = pytest.mark.browser

AUDITED = {
    "search with facets selected": "/?q=children&council=Medway&council=Kent&severity=inadequate",
    "front page": "/",
    "council with no documents": "/?q=Rutland+rated+inadequate",
    "no results": "/?q=zeppelinz&council=Kent",
    "spelling": "/?q=safegaurding+audits",
    "document": "/doc/000_f098993525120d5e.txt?q=caseloads",
    "council": "/council/Medway",
    "about": "/about",
    "councils index": "/councils?region=South%20East",
    "council x year": "/search/grid?q=children",
    "similar paragraphs": "/similar?doc=000_f098993525120d5e.txt&p=17",
}
BLOCKING = {"serious", "critical"}


def test_axe_audit_has_no_serious_or_critical_violations(server, browser):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="pip install axe-playwright-python")
    axe = axe_module.Axe()
    report, blocking = {}, []
    page = browser.new_page()
    for name, path in AUDITED.items():
        response = page.goto(server + path)
        assert response.status == 200, path
        violations = axe.run(page).response["violations"]
        report[name] = {"url": path, "violations": [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"]} for v in violations]}
        blocking += [f"{name}: {v['id']} ({v['impact']}, {len(v['nodes'])} nodes) {v['help']}"
                     for v in violations if v["impact"] in BLOCKING]
    page.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe.json").write_text(json.dumps(report, indent=2))
    assert not blocking, "\n".join(blocking)


def test_facets_with_the_keyboard_only(server, browser):
    page = browser.new_page()
    page.goto(server + "/?q=children")
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = page.evaluate("(() => { const a = document.activeElement;"
                                " return a.matches('.facet-values a[role=button]') ? a.innerText : ''; })()")
        if "Medway" in focused:
            break
    else:
        pytest.fail("Tab never reached the Medway facet value")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_url("**council=Medway**")
    selected = page.locator('.facet-values a[aria-pressed="true"] .label').all_inner_texts()
    assert selected == ["Medway"]
    assert set(page.locator(".hit .badge.council").all_inner_texts()) == {"Medway"}
    # Space activates it too (it is announced as a button), and removes the selection again.
    page.locator('.facet-values a[aria-pressed="true"]').focus()
    page.keyboard.press("Space")
    page.wait_for_url(lambda url: "council=Medway" not in url)
    assert page.locator('.facet-values a[aria-pressed="true"]').count() == 0
    page.close()
