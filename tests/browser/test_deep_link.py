"""A bookmarked deep link as the very first request a new server gets: the unit it names,
inside the router with its sidebar (a `pages/` folder would serve a bare page here)."""

import pytest

from tests.browser.conftest import serve

pytestmark = pytest.mark.browser


def test_a_deep_link_is_the_first_request_of_a_fresh_server(browser):
    with serve() as url:
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        try:
            page = context.new_page()
            page.goto(f"{url}/unit?enhet=IHK&dato=2026-11-01")
            page.get_by_role("heading", name="Institutt for historiske og klassiske studier",
                             exact=True).wait_for(timeout=90_000)
            sidebar = page.locator('[data-testid="stSidebar"]')
            for title in ("Oversikt", "Avvik og tiltak", "Møtevisning", "Data"):
                assert sidebar.get_by_role("link", name=title).count() == 1
            assert "EKSEMPELDATA" in sidebar.inner_text()
            assert "enhet=IHK" in page.url
        finally:
            context.close()
