"""AppTest: a preview published from the Data page is what every new session opens on; an
open session sees a new publication on its next rerun; an earlier one is restored in a click."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from store.publications import PublicationStore
from store.publish import files_digest
from tests.apptest import TIMEOUT, as_written, metrics
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file
from tests.sample import SAMPLE_AS_OF

UNITS = "Enheter vurdert"


def data_set(*units: str) -> tuple[tuple[str, str, bytes], ...]:
    """One case handler per unit, each with the course."""
    staff = csv_file("hr.csv", [STAFF_HEADER, *([number, f"Person {number}", "", unit,
                                                 f"Enhet {unit}", "01.01.2020", "Ja", ""]
                                                for number, unit in enumerate(units, 1))])
    courses = csv_file("kurs.csv", [COURSE_HEADER, *([number, "", "Saksbehandlerskolen",
                                                      "Fullført", "01.02.2024"]
                                                     for number in range(1, len(units) + 1))])
    return (("staff", *staff), ("courses", *courses))


def start(page: str | None = None) -> AppTest:
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception
    return app


def publish(*units: str) -> int:
    files = data_set(*units)
    return PublicationStore().publish(files, (), by="kari@uni.no", source="command line",
                                      as_of=dt.date(2026, 11, 1), digest=files_digest(files))


def test_nothing_published_shows_the_sample_and_says_so():
    app = start("views/data.py")
    assert [as_written(w.value) for w in app.sidebar.warning] == ["EKSEMPELDATA – fiktive personer"]
    assert "Ingenting er publisert ennå; alle ser eksempeldataene." in [
        c.value for c in app.caption]
    assert not [b for b in app.button if b.key == "publish"]


def test_a_published_preview_is_what_a_new_session_opens_on():
    app = start()
    staff, courses = (file[1:] for file in data_set("A", "B"))
    app.sidebar.file_uploader[0].set_value([(*staff, "text/csv"), (*courses, "text/csv")])
    app.run()
    assert metrics(app)[UNITS] == "2"
    assert as_written(app.sidebar.warning[0].value).startswith(
        "Viser opplastede filer: hr.csv, kurs.csv. Forhåndsvisning")
    other = start()  # a second browser meanwhile: still the sample
    assert metrics(other)[UNITS] == "65"
    app.switch_page("views/data.py").run()
    app.button(key="publish").click().run()
    assert not app.exception
    assert ("Publisert som nr. 1. Alle som åpner appen ser nå disse dataene."
            in [s.value for s in app.success])
    line = app.sidebar.success[0].value
    assert line.startswith("Publisert ") and line.endswith(
        " av ukjent (ingen innlogging), data per 01.11.2026.")
    fresh = start()
    assert metrics(fresh)[UNITS] == "2"
    assert fresh.sidebar.success[0].value == line
    assert not fresh.sidebar.warning
    assert metrics(other.run())[UNITS] == "2"  # the open session, on its next rerun


def test_an_earlier_publication_is_restored_in_one_click():
    first = publish("A", "B", "C")
    publish("A")
    app = start("views/data.py")
    assert metrics(start())[UNITS] == "1"
    history = next(f.value for f in app.dataframe if "Nr." in f.value.columns)
    assert history[["Nr.", "Av", "Fra", "Data per", "Filer"]].values.tolist() == [
        ["2 (gjeldende)", "kari@uni.no", "kommandolinjen", "01.11.2026", "kurs.csv, hr.csv"],
        ["1", "kari@uni.no", "kommandolinjen", "01.11.2026", "kurs.csv, hr.csv"]]
    app.selectbox(key="restore_choice").select(first).run()
    app.button(key="restore").click().run()
    assert not app.exception
    assert ("Nr. 1 er gjenopprettet som nr. 3; alle ser nå de dataene."
            in [s.value for s in app.success])
    assert metrics(start())[UNITS] == "3"
    assert PublicationStore().get(3).restored_from == first


def test_a_publication_the_loaders_cannot_read_shows_the_sample_and_says_why():
    """Publications are checked when published; a later loader change could still make one
    unreadable (stored here directly): no page raises, the sidebar says why."""
    PublicationStore().publish((("staff", "hr.csv", b"Navn;Alder\nKari;40\n"),
                                ("courses", "kurs.csv", b"x")), (), by="x", source="app",
                               as_of=dt.date(2026, 11, 1), digest="broken")
    app = start()
    assert metrics(app)[UNITS] == "65"
    assert as_written(app.sidebar.error[0].value) == (
        "Den publiserte dataen kan ikke leses (hr.csv: filen mangler kolonne for "
        "enhetskode/enhetsnavn (nødvendig i ansattliste (HR)).); viser eksempeldata til noen "
        "publiserer på nytt.")
    assert "EKSEMPELDATA – fiktive personer" in [as_written(w.value) for w in app.sidebar.warning]
    for page in ("views/data.py", "views/gaps.py", "views/trends.py"):
        app.switch_page(page).run()
        assert not app.exception
