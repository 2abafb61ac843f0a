"""End to end in a real headless Chromium: the overview, its heatmaps and KPIs, and an upload."""

import pytest

from tests.browser.conftest import IDLE
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
PROCESS_ROWS = '.st-key-process_heatmap [data-testid="stPlotlyChart"]'


METRICS_JS = """() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')]
    .map(m => [m.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim(),
               m.querySelector('[data-testid="stMetricValue"]')?.innerText.trim()]))"""


def metric_values(page) -> dict[str, str]:
    """All KPIs read in one go, so a rerun in between cannot tear the snapshot."""
    return page.evaluate(METRICS_JS)


def test_overview_shows_kpis_and_both_heatmaps(page, app_url):
    page.goto(app_url)
    page.wait_for_selector(CHART, timeout=90_000)
    # each heatmap: its column headings, then its rows in a scrolling box
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 4
    values = metric_values(page)
    assert values["Enheter vurdert"] == "65"
    assert values["Prosessrådgivere"] == "141"
    assert "EKSEMPELDATA" in page.locator('[data-testid="stSidebar"]').inner_text()
    heatmap = page.locator(PROCESS_ROWS)
    assert "Institutt for elkraftteknikk (IEL)" in heatmap.inner_text()


def test_upload_through_the_file_input_replaces_the_sample(page, app_url, tmp_path):
    staff_name, staff_bytes = xlsx_file("ansatte.xlsx", {"Ark1": [
        ["Uttrekk fra HR"], [], STAFF_HEADER,
        [1, "Anne Li", "anne@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", "saksbehandling; SRU"],
        [2, "Bo Ek", "bo@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", "innsyn"],
        [3, "Cato Hå", "cato@x.no", "B1", "Seksjon B", "01.01.2020", "Ja", ""],
    ]})
    courses_name, courses_bytes = csv_file("kurs.csv", [
        COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"]])
    (tmp_path / staff_name).write_bytes(staff_bytes)
    (tmp_path / courses_name).write_bytes(courses_bytes)

    page.goto(app_url)
    page.wait_for_selector(CHART, timeout=90_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(tmp_path / staff_name), str(tmp_path / courses_name)])
    page.wait_for_function(
        f"() => ({METRICS_JS})()['Enheter vurdert'] === '2'", timeout=60_000)
    values = metric_values(page)
    assert values["Enheter vurdert"] == "2"
    assert values["Saksbehandlere med opplæring"] == "1 av 3"
    assert "Viser opplastede filer" in page.locator('[data-testid="stSidebar"]').inner_text()
    page.locator(PROCESS_ROWS).get_by_text("Seksjon B (B1)").wait_for(
        timeout=60_000)


def test_an_upload_missing_its_id_column_is_mapped_on_the_data_page(page, app_url, tmp_path):
    """The sidebar does not switch to a staff file no course can be matched to: it opens the
    Data page's column mapping, and the data are used once the column is chosen."""
    staff_name, staff_bytes = xlsx_file("hr.xlsx", {"Ark1": [
        ["Personalref", "Navn", "Enhetskode", "Enhet", "Startdato", "Saksbehandler"],
        ["1", "Anne Li", "A1", "Seksjon A", "01.01.2020", "Ja"],
        ["2", "Bo Ek", "A1", "Seksjon A", "01.01.2020", "Ja"]]})
    courses_name, courses_bytes = csv_file("kurs.csv", [
        COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"]])
    (tmp_path / staff_name).write_bytes(staff_bytes)
    (tmp_path / courses_name).write_bytes(courses_bytes)

    page.goto(f"{app_url}/?dato=2026-11-01")
    page.wait_for_selector(CHART, timeout=90_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        [str(tmp_path / staff_name), str(tmp_path / courses_name)])
    page.wait_for_url("**/data?*", timeout=60_000)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("hr.xlsx: fant ingen kolonne for ansattnummer").first.wait_for(
        timeout=60_000)
    assert "EKSEMPELDATA" in page.locator('[data-testid="stSidebar"]').inner_text()
    page.get_by_role("combobox", name="Kolonnen «Personalref» ble ikke gjenkjent").click()
    page.get_by_role("option", name="ansattnummer", exact=True).click()
    # the choice's rerun has read the staff file before the button is pressed: a click that
    # lands while that rerun runs can be folded into it and lost
    main.get_by_text("2 datarader.").wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.get_by_role("button", name="Bruk disse dataene").click()
    page.locator('[data-testid="stSidebar"]').get_by_text(
        "Viser opplastede filer: hr.xlsx, kurs.csv").wait_for(timeout=60_000)
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Oversikt").click()
    page.wait_for_function(
        f"() => ({METRICS_JS})()['Saksbehandlere med opplæring'] === '1 av 2'", timeout=60_000)
