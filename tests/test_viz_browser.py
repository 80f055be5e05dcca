"""The classroom app in a real browser: ``run.py viz`` serves it, headless Chromium drives it.

One server (``run.py viz --port P`` on a free port) serves every test of this module;
each test opens its own page, so each has its own model. Playwright drives Debian's Chromium
(``/usr/bin/chromium``), never a downloaded browser; the tests are skipped only when that
browser is absent. The server is always stopped, whatever happens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.serve import CHROMIUM, launch_chromium, serving

PAGE_TIMEOUT_MS = 120_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``run.py viz --port P`` on a free port, stopped whatever happens."""
    log = tmp_path_factory.mktemp("viz") / "server.log"
    with serving(log) as url:
        yield url, log


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(server, browser):
    """A fresh page (a fresh session and model), with its console errors and outside requests."""
    url, log = server
    page = browser.new_page(viewport={"width": 1500, "height": 1100})
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.errors, page.outside = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    local = ("http://127.0.0.1", "ws://127.0.0.1", "blob:http://127.0.0.1", "data:")
    page.on("request", lambda r: None if r.url.startswith(local) else page.outside.append(r.url))
    page.goto(url)
    page.wait_for_selector(".tw-chart-world")
    page.wait_for_selector(".tw-chart-triple-win")
    yield page
    page.close()
    served = log.read_text()
    assert "Traceback" not in served, served
    # The server proxies Solara's browser assets; none may be missing from the installed ones.
    assert "Could not load URL" not in served, served


def summary(page) -> str:
    return page.locator(".tw-summary h3").inner_text()


def step(page, times: int) -> None:
    """Press Step ``times`` times, each time waiting until the year shown has moved on."""
    for _ in range(times):
        year = int(summary(page).split("year ")[1].split(" ")[0])
        page.get_by_role("button", name="Step").click()
        page.wait_for_function(
            "year => document.querySelector('.tw-summary h3').innerText.includes(`year ${year} of`)",
            arg=year + 1,
        )


def image(page, name: str) -> str:
    return page.locator(f".tw-chart-{name}").first.get_attribute("src")


def assert_no_error(page) -> None:
    assert page.errors == [], page.errors
    assert page.outside == [], f"the page fetched from outside this machine: {page.outside}"
    assert page.locator(".v-alert.error").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()


def test_a_policy_and_ten_steps_change_what_the_charts_show(page):
    world, verdict_chart = image(page, "world"), image(page, "triple-win")
    world_shot = page.locator(".tw-world").screenshot()
    parties_before = page.locator(".tw-party").all_inner_texts()
    fee = page.locator(".v-input__slider", has_text="Remittance fee").locator("[role=slider]")
    fee.focus()
    fee.press("Home")  # the slider's lowest value: free remittances
    assert fee.get_attribute("aria-valuenow") == "0"
    page.get_by_role("button", name="Reset").click()
    page.wait_for_selector(".tw-changes:has-text('Remittance fee (share sent) 0 (scenario 0.062)')")
    step(page, 10)
    assert "year 10 of 40" in summary(page)
    assert image(page, "world") != world
    assert image(page, "triple-win") != verdict_chart
    assert page.locator(".tw-world").screenshot() != world_shot
    parties_after = page.locator(".tw-party").all_inner_texts()
    assert parties_after != parties_before
    assert all("too early" in text for text in parties_before)
    assert not any("too early" in text for text in parties_after)
    assert "fees 0.0% of the money sent" in page.locator(".tw-stats").inner_text()
    assert_no_error(page)


def test_the_inspector_shows_a_migrants_history(page):
    step(page, 8)
    page.get_by_role("tab", name="Follow a migrant").click()
    story = page.locator(".tw-person-story")
    story.wait_for()
    first_title = story.locator("h4").inner_text()
    assert first_title.startswith("Person ")
    events = story.locator(".tw-person-events li").all_inner_texts()
    assert events and all(text.startswith("Year ") for text in events)
    assert any("left" in text for text in events)
    page.locator(".tw-pick").click()
    page.locator(".v-menu__content .v-list-item", has_text="returned home").first.click()
    page.wait_for_function(
        "title => document.querySelector('.tw-person-story h4').innerText !== title",
        arg=first_title,
    )
    expect(story.locator(".tw-person-events")).to_contain_text("returned home")
    household = page.locator(".tw-household-story")
    # The person's and the household's stories reach the page in separate patches: wait for both.
    expect(household.locator("h4")).to_have_text(re.compile(r"^Household \d+"))
    expect(household).to_contain_text("poverty line")
    assert page.locator(".tw-chart-story").count() == 1
    assert_no_error(page)


def test_picking_a_scenario_rebuilds_the_model_with_its_values(page):
    step(page, 2)
    page.locator(".tw-scenario").click()
    page.locator(".v-menu__content .v-list-item", has_text="cheap_remittances.yaml").click()
    page.wait_for_selector(".tw-summary h3:has-text('cheap_remittances: year 0 of 40')")
    fee = page.locator(".v-input__slider", has_text="Remittance fee").locator("[role=slider]")
    # The controls are rebuilt in a patch of their own, after the summary's.
    expect(fee).to_have_attribute("aria-valuenow", "0.03")
    assert "Remittance fee (share sent) 0.03" in page.locator(".tw-in-force").inner_text()
    assert "none" in page.locator(".tw-changes").inner_text()
    step(page, 1)
    # Measured from the year's flows, not read from the settings: the run uses the new fee.
    expect(page.locator(".tw-stats")).to_contain_text("fees 3.0% of the money sent")
    assert_no_error(page)


def shown_year(page) -> int:
    return int(summary(page).split("year ")[1].split(" ")[0])


def wait_for_year(page, year: int) -> None:
    """Wait until the summary shows ``year`` or a later one.

    Checked on every animation frame: while playing, a year stays on screen for only a pause and
    a redraw (well under Playwright's 500 ms between checks of a selector on a fast machine), so
    waiting for one exact year's text could miss it and wait for ever.
    """
    page.wait_for_function(
        "year => +document.querySelector('.tw-summary h3').innerText.split('year ')[1]"
        ".split(' ')[0] >= year",
        arg=year,
        polling="raf",
    )


def test_play_runs_year_after_year_until_paused(page):
    page.get_by_role("button", name="▶").click()
    wait_for_year(page, 4)
    page.get_by_role("button", name="❚❚").click()
    page.get_by_role("button", name="Step").wait_for()
    page.wait_for_timeout(1000)  # a year already under way when pausing still finishes
    paused = summary(page)
    page.wait_for_timeout(1500)
    assert summary(page) == paused
    assert_no_error(page)


def test_a_new_seed_restarts_with_the_same_policies(page):
    fee = page.locator(".v-input__slider", has_text="Remittance fee").locator("[role=slider]")
    fee.focus()
    fee.press("End")
    page.get_by_role("button", name="Reset").click()
    page.wait_for_selector(".tw-changes:has-text('Remittance fee (share sent) 0.15')")
    step(page, 1)
    seed = page.locator(".tw-seed input")
    seed.fill("7")
    seed.press("Enter")
    page.wait_for_selector(".tw-summary h3:has-text('year 0 of 40 (seed 7,')")
    expect(page.locator(".tw-changes")).to_contain_text("Remittance fee (share sent) 0.15")
    fee = page.locator(".v-input__slider", has_text="Remittance fee").locator("[role=slider]")
    expect(fee).to_have_attribute("aria-valuenow", "0.15")
    assert_no_error(page)


def move_slider(page, name: str, key: str):
    """Press ``key`` (Home, End, ArrowLeft...) on the slider labelled ``name``; returns it."""
    slider = page.locator(".v-input__slider", has_text=name).locator("[role=slider]")
    slider.focus()
    slider.press(key)
    return slider


def test_slider_changes_wait_for_reset_and_the_page_says_so(page):
    assert page.locator(".tw-pending").count() == 0
    move_slider(page, "Remittance fee", "Home")
    pending = page.locator(".tw-pending")
    expect(pending).to_contain_text("Remittance fee (share sent) 0 (now 0.062)")
    expect(page.locator(".tw-pending-note")).to_contain_text("Remittance fee (share sent) 0")
    assert "in force: none" in page.locator(".tw-changes").inner_text()
    move_slider(page, "Households", "End")
    expect(pending).to_contain_text("Households 5,000 (now 2,000)")
    page.get_by_role("button", name="Reset").click()
    expect(page.locator(".tw-summary h3")).to_contain_text("5,000 households")
    expect(page.locator(".tw-changes")).to_contain_text(
        "Remittance fee (share sent) 0 (scenario 0.062)"
    )
    expect(page.locator(".tw-pending")).to_have_count(0)
    assert_no_error(page)


def test_a_laptop_screen_shows_play_and_a_readable_map(server, browser):
    from app.figures.style import DPI
    from app.figures.world import TEXT_FONT

    url, _ = server
    page = browser.new_page(viewport={"width": 1024, "height": 700})
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        page.goto(url)
        world = page.locator(".tw-chart-world")
        world.wait_for()
        play = page.get_by_role("button", name="▶").bounding_box()
        assert play is not None and play["y"] + play["height"] <= 700  # above the fold
        body = page.locator("body").inner_text()
        assert "Render Interval" not in body and "Use Threads" not in body
        assert page.get_by_text("This website runs on").is_visible() is False
        shown_px = world.evaluate("image => image.clientWidth / image.naturalWidth")
        assert TEXT_FONT * DPI / 72 * shown_px >= 9  # the map's smallest text, in pixels
    finally:
        page.close()


def test_a_negative_seed_or_person_number_is_explained(page):
    seed = page.locator(".tw-seed input")
    seed.fill("-3")
    seed.press("Enter")
    expect(page.locator(".tw-seed-problem")).to_contain_text("-3 is not one")
    expect(page.locator(".tw-summary h3")).to_contain_text("(seed 0,")
    step(page, 3)
    page.get_by_role("tab", name="Follow a migrant").click()
    number = page.locator(".tw-person-number input")
    number.wait_for()
    number.fill("-5")
    number.press("Enter")
    expect(page.locator(".tw-person-problem")).to_contain_text("-5 is not one")
    assert_no_error(page)


def test_at_the_last_year_play_is_over_not_paused(page):
    move_slider(page, "Households", "Home")  # the smallest population: forty years run fast
    move_slider(page, "Pause between years", "Home")
    page.get_by_role("button", name="Reset").click()
    expect(page.locator(".tw-summary h3")).to_contain_text("200 households")
    page.get_by_role("button", name="▶").click()
    expect(page.locator(".tw-run-over")).to_contain_text(
        "year 40 of 40", ignore_case=True, timeout=PAGE_TIMEOUT_MS
    )
    play = page.get_by_role("button", name="▶")
    expect(play).to_be_disabled()
    assert page.get_by_role("button", name="❚❚").count() == 0
    expect(page.get_by_role("button", name="Step")).to_be_disabled()
    assert_no_error(page)
