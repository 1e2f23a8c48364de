"""Screenshots of the first-hour pages (headless Chromium via Playwright), 1000 px wide, for docs/first-hour.md.

Usage: python docs/first-hour/screenshots.py http://127.0.0.1:PORT before|after
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "front": "/",
    "council-missing": "/search?q=Birmingham+children%27s+services+rated+inadequate",
    "rated": "/search?q=judged+inadequate+caseloads",
    "zero": "/search?q=zeppelin+trampoline&council=Kent",
    "typo": "/search?q=safegaurding+audits",
    "one-year": "/search?q=caseloads&year=2019",
    "about": "/about",
    "document": "/doc/report-052.pdf?q=adequate",
}


def main(base: str, label: str) -> None:
    """Shoot every page into docs/first-hour/<label>-<name>.png."""
    out = Path(__file__).resolve().parent
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        for name, path in PAGES.items():
            page.goto(base + path)
            page.screenshot(path=str(out / f"{label}-{name}.png"), full_page=False)
        page.goto(base + PAGES["one-year"])  # the year chart alone, where its labels overlapped
        page.locator("section.facet", has=page.locator("#facet-year")).screenshot(
            path=str(out / f"{label}-year-chart.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
