"""In headless Chromium: one browser publishes an upload, and a second browser (a new context,
nothing shared) opens on it; with two app servers on one PostgreSQL, a publication made
through one is what a fresh session on the other shows."""

import pytest

from tests.browser.conftest import serve
from tests.browser.test_e2e import CHART, METRICS_JS, metric_values
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file
from tests.postgres import postgres_server

pytestmark = pytest.mark.browser


def _files(folder):
    staff = csv_file("hr.csv", [STAFF_HEADER,
                                [1, "Anne Li", "", "A1", "Seksjon A", "01.01.2020", "Ja", ""],
                                [2, "Bo Ek", "", "B1", "Seksjon B", "01.01.2020", "Ja", ""]])
    courses = csv_file("kurs.csv", [COURSE_HEADER,
                                    [1, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"]])
    paths = []
    for name, data in (staff, courses):
        (folder / name).write_bytes(data)
        paths.append(str(folder / name))
    return paths


def _publish_through(page, url: str, folder) -> None:
    page.goto(f"{url}/?dato=2026-11-01")
    page.wait_for_selector(CHART, timeout=90_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        _files(folder))
    page.wait_for_function(f"() => ({METRICS_JS})()['Enheter vurdert'] === '2'",
                           timeout=60_000)
    page.locator('[data-testid="stSidebarNavLink"]', has_text="Data").click()
    page.get_by_role("button", name="Publiser disse dataene").click()
    page.get_by_text("Publisert som nr. 1.").wait_for(timeout=60_000)


def _opens_on_the_publication(browser, url: str) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1400})
    try:
        page = context.new_page()
        page.goto(f"{url}/?dato=2026-11-01")
        page.wait_for_selector(CHART, timeout=90_000)
        page.wait_for_function(f"() => ({METRICS_JS})()['Enheter vurdert'] === '2'",
                               timeout=60_000)
        assert metric_values(page)["Saksbehandlere med opplæring"] == "1 av 2"
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "Publisert " in sidebar and "av ukjent (ingen innlogging), data per" in sidebar
        assert "EKSEMPELDATA" not in sidebar and "Forhåndsvisning" not in sidebar
    finally:
        context.close()


def test_a_published_upload_is_what_a_second_browser_opens_on(page, browser, tmp_path):
    with serve() as url:
        _publish_through(page, url, tmp_path)
        _opens_on_the_publication(browser, url)


def test_two_app_servers_on_one_postgresql_share_the_publication(page, browser, tmp_path):
    with postgres_server() as database, serve(database) as first, serve(database) as second:
        _publish_through(page, first, tmp_path)
        _opens_on_the_publication(browser, second)
