"""AppTest: one upload path. A staff file without the column the course records identify people
by is not used: the sidebar says which column, the Data page offers the mapping, and only then
are the data switched. A partly good upload says which file was used and which refused."""

from streamlit.testing.v1 import AppTest

from tests.apptest import TIMEOUT, as_written, metrics
from tests.helpers import COURSE_HEADER, csv_file, xlsx_file
from tests.sample import SAMPLE_AS_OF

STAFF_ROWS = [["Personalref", "Navn", "Enhetskode", "Enhet", "Startdato", "Saksbehandler"],
              ["1", "Anne Li", "A1", "Seksjon A", "01.01.2020", "Ja"],
              ["2", "Bo Ek", "A1", "Seksjon A", "01.01.2020", "Ja"]]
COURSES = csv_file("kurs.csv", [COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført",
                                                "01.02.2024"]])
WANTED = ("hr.xlsx: fant ingen kolonne for ansattnummer, men kurs.csv kjenner personene på "
          "ansattnummer, så ingen kurs kan kobles til de ansatte.")


def start() -> AppTest:
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    return app.run()


def sidebar_texts(app: AppTest) -> str:
    return as_written(" ".join(e.value for kind in ("error", "warning", "success", "caption")
                               for e in getattr(app.sidebar, kind)))


def test_an_unrecognised_id_column_is_mapped_before_the_data_are_used():
    app = start()
    staff = xlsx_file("hr.xlsx", {"Ark1": STAFF_ROWS})
    app.sidebar.file_uploader[0].set_value([(staff[0], staff[1], "application/vnd.ms-excel"),
                                            (COURSES[0], COURSES[1], "text/csv")])
    app.run()
    assert not app.exception
    assert WANTED in sidebar_texts(app)
    assert "Filene er lest inn" not in sidebar_texts(app)
    # taken to the Data page, where the file waits with its unrecognised column
    assert app.title[0].value == "Data"
    assert any(WANTED in as_written(w.value) for w in app.main.warning)
    assert "data_files" not in app.session_state  # the sample is still shown
    app.selectbox(key="map_0_hr.xlsx_Personalref").select("employee_id").run()
    app.button(key="use_uploads").click().run()
    assert not app.exception
    app.switch_page("views/overview.py").run()
    values = metrics(app)
    assert values["Enheter vurdert"] == "1"
    assert values["Saksbehandlere med opplæring"] == "1 av 2"


def test_four_good_files_and_a_corrupt_one_say_which_was_used_and_which_refused():
    app = start()
    staff = csv_file("ansatte.csv", [["Ansattnr", "Navn", "Enhetskode", "Enhet", "Startdato",
                                      "Saksbehandler"],
                                     [1, "Anne Li", "A1", "Seksjon A", "01.01.2020", "Ja"]])
    app.sidebar.file_uploader[0].set_value([
        (staff[0], staff[1], "text/csv"), (COURSES[0], COURSES[1], "text/csv"),
        ("rådgivere.xlsx", b"PK\x03\x04 broken", "application/vnd.ms-excel")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "1"
    assert [status.label for status in app.sidebar.status] == [
        "Noen av filene er tatt i bruk"]
    assert not app.sidebar.error  # nothing red when the data did switch
    warnings = " ".join(as_written(w.value) for w in app.sidebar.warning)
    assert "Ikke brukt: rådgivere.xlsx: filen er skadet" in warnings
    assert "Viser opplastede filer: ansatte.csv, kurs.csv" in sidebar_texts(app)
    # removing the files clears what was said about them; the data stay
    app.sidebar.file_uploader[0].set_value([])
    app.run()
    assert not app.sidebar.error and "Ikke brukt" not in sidebar_texts(app)
    assert metrics(app)["Enheter vurdert"] == "1"


def test_a_refused_upload_is_red_and_keeps_the_previous_data():
    app = start()
    app.sidebar.file_uploader[0].set_value([("ansatte.xlsx", b"PK\x03\x04 broken", "x"),
                                            (COURSES[0], COURSES[1], "text/csv")])
    app.run()
    assert metrics(app)["Enheter vurdert"] == "65"
    assert "Ikke brukt: ansatte.xlsx: filen er skadet" in " ".join(
        as_written(e.value) for e in app.sidebar.error)
    assert "Viser fortsatt de forrige dataene." in sidebar_texts(app)


def test_a_text_file_gets_a_norwegian_message():
    """Streamlit itself would refuse a .txt in English; the loaders say what they found."""
    app = start()
    app.sidebar.file_uploader[0].set_value([("notat.txt", "Møtereferat\nHei hei".encode(),
                                             "text/plain"),
                                            (COURSES[0], COURSES[1], "text/csv")])
    app.run()
    assert not app.exception
    errors = " ".join(as_written(e.value) for e in app.sidebar.error)
    assert ("Ikke brukt: notat.txt: kjenner ikke igjen kolonnene; er dette en ansattliste, "
            "rådgiverliste, kursdata, kompetansekrav eller enhetsliste?") in errors
