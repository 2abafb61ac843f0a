"""In a real browser: a click on a cell of the overview's process heatmap opens that unit's view
with the unit in the URL, and back/forward on the unit view follow the URL."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
# the process heatmap's rows (its column headings are a chart of their own above them)
CHART = '.st-key-process_heatmap [data-testid="stPlotlyChart"]'
DRAWN = f"{CHART} .js-plotly-plot .main-svg"
UNIT_BOX = '[data-testid="stSelectbox"]'


def click_cell(page, unit_label: str, column: int, columns: int) -> None:
    """Click the process heatmap's cell in the row labelled `unit_label`."""
    chart = page.locator(CHART).first
    label = chart.locator(".yaxislayer-above text", has_text=unit_label)
    label.scroll_into_view_if_needed()
    row = label.bounding_box()
    cells = chart.locator(".nsewdrag").first.bounding_box()
    page.mouse.click(cells["x"] + cells["width"] * (column + 0.5) / columns,
                     row["y"] + row["height"] / 2)


def choose_unit(page, typed: str, option: str) -> None:
    page.locator(UNIT_BOX).first.click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option).click()


def test_click_on_a_process_cell_opens_that_unit(page, app_url):
    page.goto(app_url)
    page.wait_for_selector(DRAWN, timeout=90_000)
    click_cell(page, "Institutt for elkraftteknikk (IEL)", column=1, columns=4)  # innsyn
    page.wait_for_url(re.compile(r"/unit\?enhet=IEL$"), timeout=60_000)
    expect(page.locator("h1")).to_have_text("Institutt for elkraftteknikk", timeout=60_000)
    # IEL: one person advises all three processes, so rule 2 fails (golden unit_summary)
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("Nei")
    expect(page.get_by_role("combobox", name="Enhet", exact=True)).to_have_value(
        "IE › Institutt for elkraftteknikk (IEL)")


def test_back_and_forward_on_the_unit_view_follow_the_url(page, app_url):
    page.goto(app_url)  # the router runs first, as for any visitor arriving at the start page
    page.wait_for_selector(DRAWN, timeout=90_000)
    page.goto(f"{app_url}/unit?enhet=IEL")
    expect(page.locator("h1")).to_have_text("Institutt for elkraftteknikk", timeout=60_000)
    choose_unit(page, "matematiske fag", "IE › Institutt for matematiske fag (IMF)")
    page.wait_for_url(re.compile(r"enhet=IMF$"), timeout=30_000)
    expect(page.locator("h1")).to_have_text("Institutt for matematiske fag", timeout=30_000)
    page.go_back()
    page.wait_for_url(re.compile(r"enhet=IEL$"), timeout=30_000)
    expect(page.locator("h1")).to_have_text("Institutt for elkraftteknikk", timeout=30_000)
    page.go_forward()
    page.wait_for_url(re.compile(r"enhet=IMF$"), timeout=30_000)
    expect(page.locator("h1")).to_have_text("Institutt for matematiske fag", timeout=30_000)


def test_a_unit_opened_again_is_the_unit_clicked(page, app_url):
    """Re-opening a unit (a second click, Forward, the nav link) shows the unit in the URL."""
    page.goto(app_url)
    page.wait_for_selector(DRAWN, timeout=90_000)
    click_cell(page, "Institutt for elkraftteknikk (IEL)", column=1, columns=4)
    page.wait_for_url(re.compile(r"enhet=IEL$"), timeout=60_000)
    expect(page.locator("h1")).to_have_text("Institutt for elkraftteknikk", timeout=60_000)
    page.go_back()
    page.wait_for_selector(DRAWN, timeout=60_000)
    click_cell(page, "Institutt for matematiske fag (IMF)", column=1, columns=4)
    page.wait_for_url(re.compile(r"enhet=IMF$"), timeout=60_000)
    expect(page.locator("h1")).to_have_text("Institutt for matematiske fag", timeout=60_000)
    page.go_back()
    page.wait_for_selector(DRAWN, timeout=60_000)
    page.go_forward()
    page.wait_for_url(re.compile(r"enhet=IMF$"), timeout=60_000)
    expect(page.locator("h1")).to_have_text("Institutt for matematiske fag", timeout=60_000)
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Oversikt").click()
    page.wait_for_selector(DRAWN, timeout=60_000)
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Enhet").click()
    page.wait_for_url(re.compile(r"/unit"), timeout=60_000)
    expect(page.locator("h1")).to_have_text("Institutt for matematiske fag", timeout=60_000)
    assert page.url.endswith("enhet=IMF")
