"""`make bench`, the app in headless Chromium on the bundled sample: how long a new browser
session on a warm server waits for the overview's first heatmap, beside a minimal Streamlit
page that shows one plotly heatmap of the same size (the overview's own rows figure), served
and measured in the same run; and how long a page switch takes. PASS or MISS per target."""

from __future__ import annotations

import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from analysis import build_results  # noqa: E402
from analysis.overview import overview_tables  # noqa: E402
from bench.targets import Target, line  # noqa: E402
from charts.heatmaps import make_process_heatmap, split_headings  # noqa: E402
from loaders import load_dataset  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, IDLE, serve  # noqa: E402
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS  # noqa: E402

SESSIONS = 5
SWITCHES = 5
FIRST_HEATMAP_RATIO = 2.0  # the overview ÷ the minimal page
SWITCH_SECONDS = 1.0
VIEWPORT = {"width": 1440, "height": 900}
OVERVIEW_HEATMAP = '.st-key-process_heatmap .js-plotly-plot .main-svg'
ANY_HEATMAP = '.js-plotly-plot .main-svg'
MINIMAL_PAGE = """import plotly.io as pio
import streamlit as st

st.plotly_chart(pio.from_json(open({figure!r}).read()), theme=None, width="stretch")
"""


def minimal_page(folder: Path) -> Path:
    """The yardstick: one page, one heatmap, the overview's process rows on the sample."""
    dataset = load_dataset(**SAMPLE_INPUTS)
    results = build_results(dataset, None, SAMPLE_AS_OF)
    tables = overview_tables(results, None)
    _, rows = split_headings(make_process_heatmap(
        tables.unit_process, tables.order, results.config.min_distinct_advisors))
    figure = folder / "heatmap.json"
    figure.write_text(rows.to_json())
    script = folder / "minimal.py"
    script.write_text(MINIMAL_PAGE.format(figure=str(figure)))
    return script


def new_sessions(browser: Browser, url: str, selector: str, runs: int) -> list[float]:
    """Seconds from a new browser context's request to its first heatmap drawn."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(selector, timeout=180_000)
        times.append(time.perf_counter() - start)
        context.close()
    return times


MILESTONES = (  # what a new session's overview shows, in order: when each appeared
    ("the app's frame", '[data-testid="stSidebarNav"]'),
    ("the page title", '[data-testid="stMain"] h1'),
    ("the headline figures", '[data-testid="stMetric"]'),
    ("the faculty table", '[data-testid="stDataFrame"]'),
    ("the process heatmap", OVERVIEW_HEATMAP),
    ("the competency heatmap", '.st-key-requirement_heatmap .js-plotly-plot .main-svg'),
)


def milestones(browser: Browser, url: str) -> list[tuple[str, float]]:
    """Seconds from a new session's request to each part of the overview, and to the end of
    its run: where the wait for the first heatmap goes."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    seen = []
    for label, selector in MILESTONES:
        page.wait_for_selector(selector, timeout=180_000)
        seen.append((label, time.perf_counter() - start))
    page.wait_for_function(IDLE, timeout=180_000)
    seen.append(("the run's end (every element sent)", time.perf_counter() - start))
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    seen.append((f"page height {height:,} px", math.nan))
    # the frontend's code comes in chunks, loaded when a page first needs an element type
    chunks = page.evaluate("""() => performance.getEntriesByType('resource')
        .filter(r => r.name.endsWith('.js') && r.decodedBodySize > 300000)
        .map(r => [r.name.split('/').pop(), r.decodedBodySize, r.responseEnd / 1000])""")
    seen += [(f"script {name} ({size / 1e6:.1f} MB) loaded", end) for name, size, end in chunks]
    context.close()
    return seen


def switch(page: Page, title: str, ready: Callable[[Page], None]) -> float:
    start = time.perf_counter()
    page.locator('[data-testid="stSidebarNavLink"]', has_text=title).click()
    ready(page)
    return time.perf_counter() - start


def page_switches(browser: Browser, url: str) -> tuple[list[float], list[float]]:
    """(overview → gaps until idle, gaps → overview until its heatmap is drawn), seconds."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(OVERVIEW_HEATMAP, timeout=180_000)
    page.wait_for_function(IDLE, timeout=180_000)
    to_gaps, to_overview = [], []

    def gaps_ready(page: Page) -> None:
        page.wait_for_url("**/gaps*", timeout=60_000)
        page.get_by_role("heading", name="Avvik og tiltak").wait_for(timeout=60_000)
        page.wait_for_function(IDLE, timeout=60_000)

    def overview_ready(page: Page) -> None:
        page.wait_for_url(lambda address: "/gaps" not in address, timeout=60_000)
        page.wait_for_selector(OVERVIEW_HEATMAP, timeout=60_000)
        page.wait_for_function(IDLE, timeout=60_000)

    for _ in range(SWITCHES):
        to_gaps.append(switch(page, "Avvik og tiltak", gaps_ready))
        to_overview.append(switch(page, "Oversikt", overview_ready))
    context.close()
    return to_gaps, to_overview


def measure() -> list[Target]:
    folder = Path(tempfile.mkdtemp(prefix="app-speed-"))
    script = minimal_page(folder)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve() as app, serve(script=script) as minimal:
            new_sessions(browser, app, OVERVIEW_HEATMAP, 1)  # the server warms up once
            new_sessions(browser, minimal, ANY_HEATMAP, 1)
            overview, bare = [], []
            for _ in range(SESSIONS):  # in turn, so both share the machine's load
                overview += new_sessions(browser, app, OVERVIEW_HEATMAP, 1)
                bare += new_sessions(browser, minimal, ANY_HEATMAP, 1)
            to_gaps, to_overview = page_switches(browser, app)
            parts = milestones(browser, app)
        browser.close()
    first, yardstick = statistics.median(overview), statistics.median(bare)
    print("\nA new session's overview, part by part (one session, seconds from the request):")
    for label, seconds in parts:
        print(f"  {seconds:6.2f} s  {label}" if not math.isnan(seconds) else f"          {label}")
    return [
        Target("app: new session's first overview heatmap ÷ minimal page",
               f"{first:.2f} s vs {yardstick:.2f} s", first / yardstick, FIRST_HEATMAP_RATIO),
        Target("app: page switch, overview → Avvik og tiltak (s)",
               f"{statistics.median(to_gaps):.2f} s", statistics.median(to_gaps),
               SWITCH_SECONDS),
        Target("app: page switch, back to the overview's heatmap (s)",
               f"{statistics.median(to_overview):.2f} s", statistics.median(to_overview),
               SWITCH_SECONDS),
    ]


def main() -> None:
    targets = measure()
    print(f"\nIssue 15 app targets: medians of {SESSIONS} new sessions and {SWITCHES} switches "
          "each way, the sample data, headless Chromium")
    print("\n".join(line(target) for target in targets))


if __name__ == "__main__":
    main()
