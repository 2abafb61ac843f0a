"""AppTest with sign-in configured: who gets in, which views each role is offered, and a scan
of every offered view and download for a name outside the user's scope (there must be none).

The data set is the sample; a unit user of IEL (Institutt for elkraftteknikk) may see the names
of IEL's people only, a viewer none at all."""

from __future__ import annotations

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from analysis import build_results
from analysis.scope import named_people, units_and_below
from loaders import load_dataset
from loaders.schema import EMPLOYEE_ID, NAME
from store.access import NAMED_EXPORT, OWNER, SIGN_IN, UNIT, VIEWER, AccessStore
from tests.apptest import TIMEOUT
from tests.helpers import names_in
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS

AUTH = {"auth": {"redirect_uri": "http://127.0.0.1:8501/oauth2callback",
                 "cookie_secret": "test-secret", "client_id": "app", "client_secret": "s",
                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}}
OWNER_EMAIL, IEL_EMAIL, VIEWER_EMAIL = "eier@ntnu.no", "leder.iel@ntnu.no", "ledelse@ntnu.no"
NAMED_VIEWS = ["views/overview.py", "views/unit.py", "views/gaps.py", "views/plan.py",
               "views/meeting.py", "views/matrix.py", "views/whatif.py", "views/trends.py",
               "views/about.py"]
VIEWER_VIEWS = ["views/meeting.py", "views/about.py"]
OWNER_VIEWS = [*NAMED_VIEWS[:8], "views/data.py", "views/about.py", "views/access.py"]


@pytest.fixture(scope="module")
def sample():
    dataset = load_dataset(**SAMPLE_INPUTS)
    return dataset, build_results(dataset, None, SAMPLE_AS_OF)


def names_outside(sample, units: list[str]) -> set[str]:
    """Names of the sample's people outside these units, less any an insider also bears."""
    dataset, results = sample
    inside = named_people(dataset, results, units_and_below(results.units, units))
    people = dataset.staff.drop_duplicates(EMPLOYEE_ID)
    allowed = set(people[people[EMPLOYEE_ID].isin(inside)][NAME])
    return set(people[NAME]) - allowed - {""}


def signed_in(email: str | None, page: str = "dashboard.py", **query) -> AppTest:
    app = AppTest.from_file(f"../{page}", default_timeout=TIMEOUT)
    app.secrets.update(AUTH)
    app.user = {"is_logged_in": email is not None, **({"email": email} if email else {})}
    app.session_state["as_of"] = SAMPLE_AS_OF
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def grant(email: str, role: str, units: tuple[str, ...] = ()) -> None:
    AccessStore().grant(email, role, units, by="test")


def offered(app: AppTest) -> list[str]:
    """The views the navigation offers, as files under views/."""
    pages = app._registered_pages.values()  # noqa: SLF001 - AppTest keeps them only here
    return [f"views/{page['script_path'].rsplit('/', 1)[-1]}" for page in pages]


def shown_text(app: AppTest) -> str:
    """Everything the page sent to the browser, as text: widgets, tables (their Arrow bytes
    hold the cells' text), charts' JSON."""
    blobs = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            blobs.append(proto.SerializeToString())
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)  # noqa: SLF001
    return b"\n".join(blobs).decode("utf-8", errors="ignore")


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes of every download a page offers, by file name."""
    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes):
            saved[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved


def audit_actions() -> list[tuple[str, str, str]]:
    log = AccessStore().audit_log()
    return list(zip(log["actor"], log["action"], log["detail"], strict=True))


def test_without_a_sign_in_only_the_sign_in_button_shows():
    app = signed_in(None)
    assert not app.exception
    assert [button.label for button in app.button] == ["Logg inn"]
    assert not app.sidebar.children or not app.sidebar.info
    assert audit_actions() == []


def test_a_user_not_on_the_list_sees_one_message_and_the_sign_in_is_logged_once():
    app = signed_in("ukjent@ntnu.no")
    assert not app.exception
    assert [e.value for e in app.error] == [
        "ukjent@ntnu\\.no har ikke tilgang til denne tjenesten. Be prosesseieren om å legge "
        "deg til på tilgangslisten."]
    assert not app.dataframe and not app.metric
    app.run()
    assert audit_actions() == [("ukjent@ntnu.no", SIGN_IN, "denied")]


@pytest.mark.parametrize(("email", "role", "units", "views"), [
    (OWNER_EMAIL, OWNER, (), OWNER_VIEWS),
    (IEL_EMAIL, UNIT, ("IEL",), NAMED_VIEWS),
    (VIEWER_EMAIL, VIEWER, (), VIEWER_VIEWS),
])
def test_each_role_is_offered_its_views_and_its_sign_in_is_logged(email, role, units, views):
    grant(email, role, units)
    app = signed_in(email)
    assert not app.exception
    assert offered(app) == views
    assert app.sidebar.caption[0].value.startswith("Innlogget som " + email.replace(".", r"\."))
    assert not app.sidebar.info  # the open-mode banner is for the open app only
    assert bool(app.sidebar.get("file_uploader")) == (role == OWNER)
    app.switch_page("views/meeting.py").run()
    xlsx = [b.label for b in app.get("download_button") if b.label.startswith("Excel")]
    assert len(xlsx) == (0 if role == VIEWER else 1)  # the report lists gaps person by person
    assert audit_actions()[-1] == (email, SIGN_IN, role)
    assert [a for a in audit_actions() if a[1] == SIGN_IN] == [(email, SIGN_IN, role)]


@pytest.mark.parametrize(("email", "role", "units"), [
    (IEL_EMAIL, UNIT, ("IEL",)),
    (VIEWER_EMAIL, VIEWER, ()),
])
def test_no_view_or_download_shows_a_name_outside_the_scope(sample, downloads, email, role,
                                                            units):
    grant(email, role, units)
    outside = names_outside(sample, list(units))
    views = NAMED_VIEWS if role == UNIT else VIEWER_VIEWS
    visits = [(view, {}) for view in views]
    if role == UNIT:  # its own unit, and a sister department it may not see by name
        visits += [("views/unit.py", {"enhet": "IEL"}), ("views/unit.py", {"enhet": "IES"})]
    seen = []
    for view, query in visits:
        app = signed_in(email, **query)
        app.switch_page(view).run()
        assert not app.exception, view
        text = shown_text(app)
        assert names_in(text, outside) == [], view
        seen.append(text)
    # a view the navigation does not offer, run on its own, is scoped all the same
    for view in sorted(set(OWNER_VIEWS) - set(views)):
        app = signed_in(email, page=view)
        assert not app.exception, view
        assert names_in(shown_text(app), outside) == [], view
    for name, data in downloads.items():
        assert names_in(data.decode("utf-8-sig", errors="ignore"), outside) == [], name
    inside = set(sample[0].staff[NAME]) - outside
    if role == UNIT:  # the scan can see names: IEL's own are on its pages and in its files
        assert names_in("\n".join(seen), inside)
        assert names_in(downloads["kompetansematrise.csv"].decode("utf-8-sig"), inside)


def test_the_owner_sees_names_of_every_unit(sample, downloads):
    grant(OWNER_EMAIL, OWNER)
    app = signed_in(OWNER_EMAIL)
    app.switch_page("views/gaps.py").run()
    assert len(names_in(shown_text(app), names_outside(sample, ["IEL"]))) > 50


def test_a_download_with_names_is_logged_with_the_units_it_covers():
    grant(IEL_EMAIL, UNIT, ("IEL",))
    app = signed_in(IEL_EMAIL)
    app.switch_page("views/matrix.py").run()
    app.get("download_button")[0].click().run()
    assert not app.exception
    log = AccessStore().audit_log()
    exports = log[log["action"] == NAMED_EXPORT]
    assert list(zip(exports["actor"], exports["detail"], exports["units"], strict=True)) == [
        (IEL_EMAIL, "kompetansematrise.csv", "IEL")]
