"""Sign-in for real: the app behind `st.login` against an OpenID Connect provider on loopback
(oidc-provider-mock), in headless Chromium. An owner, a unit leader of IEL, a viewer and an
unknown user sign in; every view each is offered and every download are scanned for names
outside their scope: what the server sent over the websocket (tables travel as Arrow bytes,
which page text would miss) and the files' bytes. The audit log then holds one row per
sign-in and per download with names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from i18n import NB, t
from store.access import (
    ACCESS_CHANGE,
    NAMED_EXPORT,
    OWNER,
    PUBLISH,
    RESTORE,
    SIGN_IN,
    UNIT,
    VIEWER,
    AccessStore,
)
from tests.browser.conftest import IDLE
from tests.browser.signin_server import sent_text, signed_in, signed_server
from tests.browser.test_publish import _files
from tests.helpers import download_text, names_in
from tests.test_signin import names_outside, sample  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.browser

OWNER_EMAIL, IEL_EMAIL, VIEWER_EMAIL = "eier@ntnu.no", "leder.iel@ntnu.no", "ledelse@ntnu.no"
UNKNOWN_EMAIL = "ukjent@ntnu.no"
NAV_LINK = '[data-testid="stSidebarNavLink"]'


@pytest.fixture(scope="module")
def signed_app(tmp_path_factory):
    """The app with `[auth]` pointing at a provider on loopback, an access list, and the
    sample published as nr. 1."""
    folder = tmp_path_factory.mktemp("signin")
    grants = [(OWNER_EMAIL, OWNER, ()), (IEL_EMAIL, UNIT, ("IEL",)), (VIEWER_EMAIL, VIEWER, ())]
    with signed_server(folder, grants, publish_sample=True) as url:
        yield url, url.database


def visit(page, title: str) -> None:
    page.locator(NAV_LINK, has_text=title).click()
    page.wait_for_timeout(300)
    page.wait_for_function(IDLE, timeout=90_000)
    assert page.locator('[data-testid="stException"]').count() == 0, title


def download(page, label: str) -> tuple[str, bytes]:
    # a button clicked while a run is still drawing the page is the last run's: the run's end
    # drops that file, and the browser's download of it is cancelled
    page.wait_for_function(IDLE, timeout=90_000)
    with page.expect_download(timeout=90_000) as started:
        page.get_by_role("button", name=label).click()
    taken = started.value
    page.wait_for_timeout(300)  # the click's rerun writes the audit row: let it finish
    page.wait_for_function(IDLE, timeout=90_000)
    return taken.suggested_filename, Path(taken.path()).read_bytes()


def offered(page) -> list[str]:
    return [link.inner_text().strip().splitlines()[-1] for link in page.locator(NAV_LINK).all()]


def test_four_users_see_what_their_role_allows_and_the_audit_holds_each_step(
        browser, signed_app, sample, tmp_path):  # noqa: F811 - pytest fixture
    url, database = signed_app
    everyone = set(sample[0].staff["name"]) - {""}

    with signed_in(browser, url, UNKNOWN_EMAIL) as (page, received):
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert f"{UNKNOWN_EMAIL} har ikke tilgang til denne tjenesten" in body
        assert offered(page) == [] and names_in(sent_text(received), everyone) == []

    with signed_in(browser, url, VIEWER_EMAIL) as (page, received):
        assert offered(page) == [t("nav.meeting", NB), t("nav.about", NB)]
        visit(page, t("nav.about", NB))
        visit(page, t("nav.meeting", NB))
        page.get_by_role("button", name=t("meeting.download", NB)).click()
        assert page.get_by_role("button", name=t("meeting.xlsx", NB)).count() == 0
        name, pdf = download(page, t("meeting.pdf", NB))
        assert name.endswith("_mote.pdf") and pdf.startswith(b"%PDF")
        assert names_in(sent_text(received), everyone) == []

    outside_iel = names_outside(sample, ["IEL"])
    today = f"{dt.date.today():%Y-%m-%d}"  # sign-in drops ?dato
    gaps_file, plan_file, packs_file = (f"avvik_og_tiltak_{today}.csv", f"tiltaksplan_{today}.xlsx",
                                        f"enhetspakker_{today}.zip")
    with signed_in(browser, url, IEL_EMAIL) as (page, received):
        views = offered(page)
        assert views == [t(f"nav.{v}", NB) for v in (
            "overview", "unit", "gaps", "plan", "meeting", "matrix", "whatif", "trends",
            "about")]
        files = {}
        for view in views:
            visit(page, view)
            if view == t("nav.gaps", NB):
                files.update([download(page, t("gaps.download", NB))])
            if view == t("nav.matrix", NB):
                files.update([download(page, t("matrix.download", NB))])
            if view == t("nav.plan", NB):  # the plan's tasks and the unit packs, IEL's only
                files.update([download(page, t("plan.download", NB)),
                              download(page, t("plan.packs", NB))])
        page.goto(f"{url}/unit?enhet=IEL")
        page.wait_for_function(IDLE, timeout=90_000)
        text = sent_text(received)
        assert names_in(text, outside_iel) == []
        assert names_in(text, everyone - outside_iel)  # IEL's own people are named
        for name, data in files.items():
            assert names_in(download_text(name, data), outside_iel) == [], name
        assert names_in(download_text(packs_file, files[packs_file]), everyone - outside_iel)
        assert set(files) == {gaps_file, "kompetansematrise.csv", plan_file, packs_file}

    with signed_in(browser, url, OWNER_EMAIL) as (page, received):
        assert offered(page) == [t(f"nav.{v}", NB) for v in (
            "overview", "unit", "gaps", "plan", "meeting", "matrix", "whatif", "trends", "data",
            "about",
            "access")]
        for view in offered(page):
            visit(page, view)
        assert len(names_in(sent_text(received), outside_iel)) > 50  # every unit's names
        visit(page, t("nav.data", NB))  # publish an upload, then restore the sample
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
            _files(tmp_path))
        page.get_by_role("button", name=t("data.publish_button", NB)).click(timeout=90_000)
        page.get_by_text("Publisert som nr. 2.").wait_for(timeout=60_000)
        page.get_by_role("button", name=t("data.restore", NB)).click()
        page.get_by_text("Nr. 1 er gjenopprettet som nr. 3").wait_for(timeout=60_000)
        visit(page, t("nav.access", NB))
        page.get_by_label(t("access.email", NB), exact=True).fill("ny.eier@ntnu.no")
        page.get_by_role("button", name=t("access.save", NB)).click()
        page.get_by_text("ny.eier@ntnu.no har nå rollen Prosesseier.").wait_for(timeout=60_000)
        name, log_file = download(page, t("access.download", NB))
        assert name == "logg.csv" and "ny.eier@ntnu.no: Prosesseier" in log_file.decode("utf-8-sig")

    log = AccessStore(database).audit_log()
    steps = [(actor, action, detail) for actor, action, detail in zip(
        log["actor"], log["action"], log["detail"], strict=True) if actor != "test"]
    assert steps == [
        (UNKNOWN_EMAIL, SIGN_IN, "denied"),
        (VIEWER_EMAIL, SIGN_IN, VIEWER),
        (IEL_EMAIL, SIGN_IN, UNIT),
        (IEL_EMAIL, NAMED_EXPORT, gaps_file),
        (IEL_EMAIL, NAMED_EXPORT, plan_file),
        (IEL_EMAIL, NAMED_EXPORT, packs_file),
        (IEL_EMAIL, NAMED_EXPORT, "kompetansematrise.csv"),
        (OWNER_EMAIL, SIGN_IN, OWNER),
        (OWNER_EMAIL, PUBLISH, "nr. 2"),
        (OWNER_EMAIL, RESTORE, "nr. 3 (nr. 1)"),
        (OWNER_EMAIL, ACCESS_CHANGE, "ny.eier@ntnu.no: owner"),
        (OWNER_EMAIL, NAMED_EXPORT, "logg.csv"),
    ]
