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
