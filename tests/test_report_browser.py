"""The compare report opens in headless Chromium without errors and shows every figure."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from experiments.cli import main
from tests.conftest import ROOT, SCENARIOS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIGURES = 5
SCENARIO_FIGURES = FIGURES - 1

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's Chromium is not installed at /usr/bin/chromium"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A small comparison of three scenarios, and its report written by run.py report."""
    folder = tmp_path_factory.mktemp("compare")
    scenarios = [str(SCENARIOS / f"{n}.yaml") for n in ("baseline", "cheap_remittances")]
    scenarios.append(str(SCENARIOS / "no_migration.yaml"))
    small = ["--years", "12", "--set", "simulation.households=300", "--replications", "3"]
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["compare", *scenarios, *small, "--out", str(folder)]) == 0
    done = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "report", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    page = Path(done.stdout.strip())
    assert page == folder / "report.html" and page.is_file()
    return page


@pytest.fixture(scope="module")
def rendered(report: Path) -> dict:
    """The page opened in headless Chromium: its images, errors, text and a screenshot."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
            page.goto(report.as_uri(), wait_until="load")
            images = page.eval_on_selector_all(
                "img",
                "all => all.map(i => ({complete: i.complete, width: i.naturalWidth, "
                "height: i.naturalHeight, alt: i.alt}))",
            )
            headings = page.eval_on_selector_all("h2", "all => all.map(h => h.textContent)")
            # Where the headlines sit on the screen: the first thing a reader sees.
            headlines = page.eval_on_selector_all(
                ".headline",
                "all => all.map(h => ({top: h.getBoundingClientRect().top, text: h.innerText}))",
            )
            key = page.eval_on_selector_all(
                ".scenario-key .scenario",
                "all => Object.fromEntries(all.map(s => [s.dataset.scenario, s.dataset.colour]))",
            )
            drawn = page.eval_on_selector_all(
                "figure[data-colours]",
                "all => all.map(f => ({alt: f.querySelector('img').alt, "
                "colours: JSON.parse(f.dataset.colours)}))",
            )
            swatches = page.eval_on_selector_all(
                ".scenario-key .swatch", "all => all.map(s => getComputedStyle(s).backgroundColor)"
            )
            screenshot = page.screenshot(full_page=True)
        finally:
            browser.close()
    return {
        "errors": errors,
        "images": images,
        "headings": headings,
        "headlines": headlines,
        "screenshot": screenshot,
        "key": key,
        "drawn": drawn,
        "swatches": swatches,
    }


def test_page_opens_without_errors(rendered):
    assert rendered["errors"] == []


def test_every_figure_loads(rendered):
    images = rendered["images"]
    assert len(images) == FIGURES
    for image in images:
        assert image["complete"] and image["width"] > 300 and image["height"] > 150, image
        assert image["alt"]


def test_page_has_the_sections_a_reader_needs(rendered):
    headings = rendered["headings"]
    for title in ("The question", "Verdicts", "The scenarios", "Who gains", "Caveats"):
        assert title in headings
    for title in ("Channels", "Groups", "Verdicts over time"):
        assert title in headings
    assert headings[0] == "Verdicts"


def test_each_headline_shows_its_verdict_and_groups_above_the_fold(rendered):
    """Within the first screen (900 px) of the page: each verdict with who loses beside it."""
    headlines = rendered["headlines"]
    assert len(headlines) == 2  # cheap_remittances and no_migration against the baseline
    first = min(h["top"] for h in headlines)
    assert first < 900
    for headline in headlines:
        text = headline["text"]
        assert "Migrants" in text and "Origin" in text and "Destination" in text
        assert "Groups that lose:" in text or "No group loses" in text


def test_screenshot_shows_a_long_page_with_figures(rendered):
    import matplotlib.image

    pixels = matplotlib.image.imread(io.BytesIO(rendered["screenshot"]), format="png")
    height, width = pixels.shape[:2]
    assert width == 1280 and height > 3000
    colours = pixels[..., :3].reshape(-1, 3)
    assert colours.std() > 0.05
    # The verdicts' colours (red losses) reach the screen.
    red = (colours[:, 0] > 0.6) & (colours[:, 1] < 0.3) & (colours[:, 2] < 0.3)
    assert np.count_nonzero(red) > 50
    codes = (colours * 255).astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    assert np.unique(codes).size > 200


def test_each_scenario_has_one_colour_on_every_figure_and_the_key(rendered):
    from experiments.style import VERDICT_COLOURS

    key, drawn = rendered["key"], rendered["drawn"]
    assert set(key) == {"baseline", "cheap_remittances", "no_migration"}
    assert len(set(key.values())) == len(key)  # no two scenarios share a colour
    assert not set(key.values()) & set(VERDICT_COLOURS.values())  # green means a gain only
    # Every figure that tells scenarios apart says which colour it drew each in (the channels
    # figure colours channels, not scenarios).
    assert len(drawn) == SCENARIO_FIGURES
    for name in ("cheap_remittances", "no_migration"):
        seen = {figure["colours"][name] for figure in drawn if name in figure["colours"]}
        assert seen == {key[name]}, (name, drawn)
        assert sum(name in figure["colours"] for figure in drawn) == SCENARIO_FIGURES
    # The key's swatches show the colours they name.
    channels = [[int(v) for v in s[4:-1].split(",")] for s in rendered["swatches"]]  # rgb(r, g, b)
    shown = ["#" + "".join(f"{v:02x}" for v in rgb) for rgb in channels]
    assert shown == list(key.values())


@pytest.fixture(scope="module")
def sweep_page(tmp_path_factory) -> Path:
    """A three-lever grid sweep, small, and its report."""
    folder = tmp_path_factory.mktemp("sweep")
    experiment = folder / "grid.yaml"
    experiment.write_text(
        f"base: {SCENARIOS / 'baseline.yaml'}\nset:\n  simulation.households: 40\nyears: 3\n"
        "replications: 1\ndesign:\n  kind: grid\n  parameters:\n"
        "    policy.remittance_fee: [0.01, 0.1]\n    policy.temporary_quota: [3.5, 14.0]\n"
        "    policy.integration_spending: [0.0, 0.05]\n"
    )
    out = folder / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["sweep", str(experiment), "--workers", "1", "--out", str(out)]) == 0
        assert main(["report", str(out)]) == 0
    return out / "report.html"


def test_the_sweep_table_fits_the_page_with_the_verdict_in_view(sweep_page):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(sweep_page.as_uri(), wait_until="load")
            table = page.locator("table").last
            width, scrolled = table.evaluate(
                "t => [t.parentElement.clientWidth, t.parentElement.scrollWidth]"
            )
            verdict = table.locator("th", has_text="verdict").bounding_box()
        finally:
            browser.close()
    assert scrolled <= width  # no sideways scrolling
    assert verdict is not None and verdict["x"] + verdict["width"] <= 1280
