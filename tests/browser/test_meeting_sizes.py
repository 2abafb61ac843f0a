"""The meeting view on the projector sizes meeting rooms have: every headline figure whole,
no headline box over another, and no two texts of a figure drawn over each other."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"]'
DRAWN = f"{CHART} .js-plotly-plot .main-svg"
SIZES = [(1366, 768), (1600, 900), (1920, 1080)]
SHOTS = Path("/tmp/meeting_shots")
SLACK = 1  # pixels two boxes may share (touching is not overlapping)

# Everything measured in the page: plain JavaScript returning lists of problems.
CUT_VALUES = """() => [...document.querySelectorAll('[data-testid="stMetricValue"]')].flatMap(
    value => [value, ...value.querySelectorAll('*')]
        .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
        .map(e => `${value.innerText}: ${e.scrollWidth} > ${e.clientWidth}`))"""
BOXES = """selector => [...document.querySelectorAll(selector)].map(e => {
    const r = e.getBoundingClientRect();
    return {text: e.innerText, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
})"""
CHART_TEXTS = """chart => [...chart.querySelectorAll('.main-svg text')]
    .filter(e => e.textContent.trim() && getComputedStyle(e).visibility !== 'hidden'
                 && getComputedStyle(e).opacity !== '0')
    .map(e => {
        const r = e.getBoundingClientRect();
        return {text: e.textContent, left: r.left, right: r.right, top: r.top,
                bottom: r.bottom};
    }).filter(b => b.right - b.left > 0 && b.bottom - b.top > 0)"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of boxes that share more than SLACK pixels both across and down."""
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a["right"], b["right"]) - max(a["left"], b["left"]) > SLACK
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > SLACK]


def outside(boxes: list[dict], frame: dict) -> list[str]:
    """Texts reaching beyond the chart's own box: cut off on screen."""
    return [b["text"] for b in boxes if b["left"] < frame["left"] - SLACK
            or b["right"] > frame["right"] + SLACK]


def check_layout(page) -> list[str]:
    problems = [f"cut value {p}" for p in page.evaluate(CUT_VALUES)]
    metrics = page.evaluate(BOXES, '[data-testid="stMetric"]')
    assert len(metrics) == 5
    problems += [f"KPI boxes overlap: {pair}" for pair in overlapping(metrics)]
    charts = page.locator(CHART)
    assert charts.count() == 2
    for index in range(charts.count()):
        chart = charts.nth(index)
        texts = chart.evaluate(CHART_TEXTS)
        assert len(texts) > 10  # the figure was drawn with its numbers
        frame = chart.evaluate(BOXES.replace("document.querySelectorAll(selector)",
                                             "[selector]"))[0]
        problems += [f"chart {index}: texts overlap {pair}" for pair in overlapping(texts)]
        problems += [f"chart {index}: cut text {text!r}" for text in outside(texts, frame)]
    return problems


@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("query,training", [("", False), ("", True), ("?fakultet=MH", False),
                                            ("?fakultet=MH", True)])
def test_meeting_view_fits_the_projector(browser, app_url, width, height, query, training):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/meeting{query}")
        page.wait_for_selector(DRAWN, timeout=90_000)
        if training:
            page.get_by_role("radio", name="Opplæring").click()
            page.get_by_text("Andel som oppfyller kravet").wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # plotly redraws once the columns have their width
        problems = check_layout(page)
        if SHOTS.is_dir():  # for looking at by hand: mkdir /tmp/meeting_shots first
            name = f"{width}x{height}{'_training' if training else ''}{'_mh' if query else ''}"
            page.screenshot(path=SHOTS / f"meeting_{name}.png")
        assert problems == []
    finally:
        context.close()
