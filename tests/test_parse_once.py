"""AppTest: a data set's files are parsed once per content hash and server process, whichever
session, page or as-of date asks; an upload is parsed once, by the sidebar's own read."""

import datetime as dt

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import state
from tests.apptest import TIMEOUT, metrics
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file
from tests.sample import SAMPLE_AS_OF


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Every read of a data set's files the app starts (the sample's, an upload's), by the
    first file's name; the caches start empty."""
    st.cache_data.clear()
    st.cache_resource.clear()
    seen: list[str] = []
    load, classify = state.load_dataset_isolated, state.classify_and_load_isolated

    def loaded(**sources):
        seen.append(sources["staff"][0])
        return load(**sources)

    def classified(uploads, *args, **kwargs):
        seen.append(uploads[0][0])
        return classify(uploads, *args, **kwargs)

    monkeypatch.setattr(state, "load_dataset_isolated", loaded)
    monkeypatch.setattr(state, "classify_and_load_isolated", classified)
    yield seen
    st.cache_data.clear()


def session(page: str = "dashboard.py", as_of: dt.date = SAMPLE_AS_OF) -> AppTest:
    app = AppTest.from_file(f"../{page}", default_timeout=TIMEOUT)
    app.session_state["as_of"] = as_of
    return app.run()


def test_the_shown_files_are_read_once_for_every_session_page_and_date(parses):
    first = session()
    assert not first.exception
    assert parses == ["hr_ansatte.xlsx"]
    first.session_state["as_of"] = SAMPLE_AS_OF - dt.timedelta(days=200)
    first.run()
    assert metrics(first)["Enheter vurdert"] == "65"
    for page in ("views/gaps.py", "views/matrix.py", "views/meeting.py"):
        assert not session(page).exception
    assert not session(as_of=SAMPLE_AS_OF + dt.timedelta(days=30)).exception
    assert parses == ["hr_ansatte.xlsx"]


def test_an_upload_is_read_once_and_not_again_for_another_date(parses):
    app = session()
    staff = xlsx_file("hr.xlsx", {"Ark1": [
        STAFF_HEADER, [1, "Anne Li", "anne@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", ""]]})
    courses = csv_file("kurs.csv", [COURSE_HEADER,
                                    [1, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"]])
    app.sidebar.file_uploader[0].set_value([(*staff, "application/vnd.ms-excel"),
                                            (*courses, "text/csv")])
    app.run()
    assert metrics(app)["Enheter vurdert"] == "1"
    app.session_state["as_of"] = SAMPLE_AS_OF - dt.timedelta(days=400)
    app.run()
    assert metrics(app)["Enheter vurdert"] == "1"
    assert parses == ["hr_ansatte.xlsx", "hr.xlsx"]  # the sidebar's read is handed over


def test_files_looked_at_on_the_data_page_are_not_read_again_when_used(parses, monkeypatch):
    inspected: list[str] = []
    inspect = state.inspect_upload_isolated

    def counted(name, *args, **kwargs):
        inspected.append(name)
        return inspect(name, *args, **kwargs)

    monkeypatch.setattr(state, "inspect_upload_isolated", counted)
    app = session()
    app.switch_page("views/data.py").run()
    staff = xlsx_file("rot.xlsx", {"Data": [
        ["ANSATT NR.", "Navn", "Avdelingskode", "Enhet", "Startdato", "Saksbehandler", "Roller"],
        [1.0, "Anne Li", "A1", "Seksjon A", "01.01.2020", "Ja", "saksbehandling; SRU"],
        [2, "Bo Ek", "A1", "Seksjon A", "31.02.2020", "Ja", "innsyn"]]})
    courses = csv_file("kurs.csv", [COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført",
                                                    "01.02.2024"]])
    app.file_uploader(key="data_page_upload").set_value([
        (*staff, "application/vnd.ms-excel"), (*courses, "text/csv")])
    app.run()
    app.selectbox(key="map_0_rot.xlsx_Avdelingskode").select("unit_id").run()
    app.button(key="use_uploads").click().run()
    assert not app.exception
    # each file read to be shown (the staff file again with its column mapped), none to be used
    assert inspected == ["rot.xlsx", "kurs.csv", "rot.xlsx"]
    assert parses == ["hr_ansatte.xlsx"]
    app.switch_page("views/overview.py").run()
    assert metrics(app)["Enheter vurdert"] == "1"
    assert metrics(app)["Prosessrådgivere"] == "2"
    # let go once used: what is left is the staff file as read before its column was mapped
    assert [key[1:] for key in state.inspected_files().kept] == [("staff", ())]


def test_files_looked_at_are_kept_within_their_limits():
    kept = state.InspectedFiles(files=2, source_bytes=100)
    keys = [state.InspectedFiles.key(bytes([n]), "staff", ()) for n in range(3)]
    for key, size in zip(keys, (10, 20, 30), strict=True):
        kept.keep(key, [], size)
    assert list(kept.kept) == keys[1:]  # two files at most: the oldest went
    assert kept.take_all({"staff": keys[0], "courses": keys[1]}) is None
    assert list(kept.kept) == keys[1:]  # nothing taken unless everything is there
    kept.keep(keys[0], [], 90)
    assert list(kept.kept) == [keys[0]]  # 30 + 90 bytes is beyond the 100
    assert kept.take_all({"staff": keys[0]}) == {"staff": []}
    assert not kept.kept
