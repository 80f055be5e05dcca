"""Take the screenshots of docs/visualisation.md: ``uv run python -m app.screenshots``.

Serves the app with ``run.py viz`` (:mod:`app.serve`), drives it in headless Chromium
(the integration package scenario, twenty years, seed 0) and writes ``docs/img/viz_*.png``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from app.serve import ROOT, launch_chromium, serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

SCENARIO = "integration_package.yaml"
YEARS = 20
IMAGES = ROOT / "docs" / "img"
TABS = {
    "Trends over time": ("trends", ".tw-trends"),
    "Who is poor, who earns what": ("distributions", ".tw-distributions"),
    "Follow a migrant": ("inspector", ".tw-inspector"),
}


def run_years(page: Page, years: int) -> None:
    """Step ``years`` times, waiting for each year to show."""
    for year in range(1, years + 1):
        page.get_by_role("button", name="Step").click()
        page.wait_for_selector(f".tw-summary h3:has-text('year {year} of')")


def take(url: str) -> list[Path]:
    """Drive the app at ``url`` and save the screenshots; returns their paths."""
    from playwright.sync_api import sync_playwright

    IMAGES.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.set_default_timeout(120_000)
        page.goto(url)
        page.wait_for_selector(".tw-chart-world")
        page.locator(".tw-scenario").click()
        page.locator(".v-menu__content .v-list-item", has_text=SCENARIO).click()
        page.wait_for_selector(f".tw-summary h3:has-text('{Path(SCENARIO).stem}: year 0')")
        run_years(page, YEARS)
        shots = {"overview": None, "controls": ".v-navigation-drawer", "world": ".tw-world"}
        shots["triple_win"] = ".tw-triple-win"
        shots["levers"] = ".v-card:has-text('Policies and population')"
        for name, selector in shots.items():
            if name not in ("overview", "controls"):  # a tall window: a whole view in one picture
                page.set_viewport_size({"width": 1440, "height": 2400})
            path = IMAGES / f"viz_{name}.png"
            target = page.locator(selector).first if selector else page
            target.screenshot(path=path)
            saved.append(path)
        for tab, (name, selector) in TABS.items():
            page.get_by_role("tab", name=tab).click()
            page.locator(selector).wait_for()
            page.wait_for_timeout(500)
            path = IMAGES / f"viz_{name}.png"
            page.locator(selector).screenshot(path=path)
            saved.append(path)
        browser.close()
    return saved


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, serving(Path(folder) / "server.log") as url:
        for path in take(url):
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
