"""AppTest: every page runs on sample data, shows the right figures, and survives uploads."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import build_results
from loaders import load_dataset
from store import SnapshotStore
from store.snapshots import SAMPLE
from tests.apptest import TIMEOUT, as_written, chart, metrics, typed_array
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS


def start(as_of=SAMPLE_AS_OF) -> AppTest:
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = as_of
    return app.run()



def texts(app: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "success", "error")
             for e in getattr(app, kind)]
    return as_written("\n".join(str(p) for p in parts))  # file text is escaped markdown


def test_overview_on_sample_data_shows_the_known_figures():
    app = start()
    assert not app.exception
    assert metrics(app) == {
        "Enheter vurdert": "65",
        "Enheter som oppfyller kravene": "25 av 65",
        "Prosessrådgivere": "141",
        "Rådgivere med all opplæring": "114 av 141",  # 27 distinct advisors have advisor gaps
        "Saksbehandlere med opplæring": "912 av 1199",
    }
    assert "EKSEMPELDATA" in texts(app)
    # each heatmap as its column headings over its rows, which scroll in a box
    assert [c.key for c in app.get("plotly_chart")] == [
        "process_heatmap_headings", "process_heatmap", "requirement_heatmap_headings",
        "requirement_heatmap"]


def test_heatmap_headings_stand_over_their_columns():
    app = start()
    for key in ("process_heatmap", "requirement_heatmap"):
        headings, rows = chart(app, f"{key}_headings"), chart(app, key)
        assert headings["data"][0]["x"] == rows["data"][0]["x"]
        assert headings["layout"]["margin"]["l"] == rows["layout"]["margin"]["l"] > 300
        assert headings["layout"]["margin"]["r"] == rows["layout"]["margin"]["r"]
        assert rows["layout"]["xaxis"]["showticklabels"] is False


def test_only_units_with_gaps_keeps_the_figures_and_the_url():
    app = start()
    app.toggle(key="only_gaps").set_value(True).run()
    assert not app.exception
    assert app.query_params["bare_avvik"] == "1"
    assert metrics(app)["Enheter som oppfyller kravene"] == "25 av 65"
    units = list(chart(app, "process_heatmap")["data"][0]["y"][1])
    assert len(units) == 40  # the 65 units less the 25 that meet the requirements
    assert "Institutt for elkraftteknikk (IEL)" in units  # rule 2: one person, 3 processes
    assert "Institutt for filosofi og religionsvitenskap (IFR)" not in units


def test_the_change_since_the_previous_snapshot_is_on_the_headline(tmp_path, monkeypatch):
    database = tmp_path / "s.db"
    monkeypatch.setenv("DATABASE_URL", str(database))
    SnapshotStore(database).save(build_results(load_dataset(**SAMPLE_INPUTS),
                                               as_of=dt.date(2026, 9, 1)), series=SAMPLE)
    app = start()
    assert not app.exception
    compliant = next(m for m in app.metric if m.label == "Enheter som oppfyller kravene")
    assert compliant.delta == "38% · +11 siden 01.09.2026"
    assert ("Siden øyeblikksbildet 01.09.2026: fra 14 til 25 enheter som oppfyller kravene "
            "(12 har kommet til, 1 har falt fra).") in [c.value for c in app.caption]


def test_process_heatmap_carries_counts_and_rule_colours():
    app = start()
    heatmap = chart(app, "process_heatmap")["data"][0]
    units = list(heatmap["y"][1])
    row = units.index("Institutt for elkraftteknikk (IEL)")
    assert list(typed_array(heatmap["text"])[row]) == [1, 1, 1, 1]  # one person, 3 processes
    assert list(typed_array(heatmap["z"])[row]) == [1, 1, 1, 0]  # rule 2 broken, rule 1 kept
    assert len(units) == 65


def test_faculty_filter_limits_the_figures_and_the_url():
    app = start()
    app.selectbox(key="faculty_filter").select("IE").run()
    assert not app.exception
    assert app.query_params["fakultet"] == "IE"
    assert metrics(app)["Enheter vurdert"] == "7"


def test_upload_replaces_sample_data():
    app = start()
    staff = xlsx_file("ansatte.xlsx", {"Ark1": [
        ["Personalrapport"], [],
        STAFF_HEADER,
        [1, "Anne Li", "anne@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", "saksbehandling; SRU"],
        [2, "Bo Ek", "bo@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", "innsyn"],
        [3, "Cato Hå", "cato@x.no", "B1", "Seksjon B", "01.01.2020", "Ja", ""],
    ]})
    courses = csv_file("kurs.csv", [COURSE_HEADER,
                                    [1, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"]])
    app.sidebar.file_uploader[0].set_value([
        (staff[0], staff[1], "application/vnd.ms-excel"), (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "2"
    assert metrics(app)["Prosessrådgivere"] == "2"
    assert metrics(app)["Enheter som oppfyller kravene"] == "0 av 2"
    assert metrics(app)["Saksbehandlere med opplæring"] == "1 av 3"
    assert "EKSEMPELDATA" not in texts(app)
    assert "ansatte.xlsx" in texts(app)
    assert [status.label for status in app.sidebar.status] == ["Filene er lest inn"]


def test_without_a_case_handler_column_the_overview_and_about_say_everyone_counts():
    app = start()
    staff = csv_file("ansatte.csv", [["Ansattnr", "Navn", "Enhet", "Stillingsbetegnelse"],
                                     [1, "Anne Li", "Seksjon A", "Professor"],
                                     [2, "Bo Ek", "Seksjon A", "Rådgiver"]])
    courses = csv_file("kurs.csv", [COURSE_HEADER])
    app.sidebar.file_uploader[0].set_value([(name, data, "text/csv")
                                            for name, data in (staff, courses)])
    app.run()
    assert not app.exception
    assert metrics(app)["Saksbehandlere med opplæring"] == "0 av 2"
    note = "Ansattlisten har ingen kolonne for saksbehandler (Ja/Nei), så alle ansatte regnes"
    assert any(w.value.startswith(note) for w in app.warning)
    app.switch_page("views/about.py").run()
    assert not app.exception
    assert any(w.value.startswith(note) for w in app.warning)
    assert "Uten saksbehandler-kolonne" in texts(app)


def test_the_sample_data_have_a_case_handler_column_and_no_such_note():
    app = start()
    assert not any("ingen kolonne for saksbehandler" in w.value for w in app.warning)


def test_an_upload_without_a_person_column_says_which_column_is_missing():
    app = start()
    staff = csv_file("ansatte.csv", [STAFF_HEADER,
                                     [1, "Kari", "", "A1", "Seksjon A", "", "Ja", ""]])
    courses = xlsx_file("kurs_uten_person.xlsx", {"Ark": [
        ["Kurskode", "Kurs", "Status"], ["K1", "Saksbehandlerskolen", "Fullført"]]})
    app.sidebar.file_uploader[0].set_value([(staff[0], staff[1], "text/csv"),
                                            (courses[0], courses[1], "application/vnd.ms-excel")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "65"  # the sample data stay
    assert ("kurs_uten_person.xlsx: ser ut som kursdata, men fant ingen kolonne som identifiserer "
            "personen (ansattnr, e-post eller navn) i arket «Ark» (nødvendig i kursdata)."
            in " ".join(as_written(e.value) for e in app.sidebar.error))


def test_bad_upload_keeps_the_previous_data_and_says_why():
    app = start()
    app.sidebar.file_uploader[0].set_value([("ansatte.xlsx", b"PK\x03\x04 broken", "x"),
                                            ("kurs.csv", io.BytesIO(b"").getvalue(), "text/csv")])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "65"
    errors = " ".join(as_written(e.value) for e in app.sidebar.error)
    assert "ansatte.xlsx: filen er skadet" in errors
    assert "kurs.csv: filen er tom." in errors
    assert [status.label for status in app.sidebar.status] == ["Filene kunne ikke brukes"]


def test_data_page_shows_mapping_and_report_and_switches_data():
    app = start()
    app.switch_page("views/data.py").run()
    assert not app.exception
    read = app.dataframe[0].value
    assert sorted(read["Type"]) == ["ansattliste (HR)", "enhetsliste", "kompetansekrav",
                                    "kursdata", "prosessrådgiverliste", "vurderinger"]
    assert read.set_index("Fil").loc["hr_ansatte.xlsx", "Overskriftsrad"] == 4
    staff = xlsx_file("rot.xlsx", {"Forside": [["Eksport fra HR"]], "Data": [
        ["Rapport: ansatte"], [],
        ["ANSATT NR.", "Navn", "Avdelingskode", "Enhet", "Startdato", "Saksbehandler", "Roller"],
        [1.0, "Anne Li", "A1", "Seksjon A", "01.01.2020", "Ja", "saksbehandling; SRU"],
        [2, "Bo Ek", "A1", "Seksjon A", "31.02.2020", "Ja", "innsyn"],
    ]})
    courses = csv_file("kurs.csv", [COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført",
                                                    "01.02.2024"]])
    app.file_uploader(key="data_page_upload").set_value([
        (staff[0], staff[1], "application/vnd.ms-excel"), (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    assert app.selectbox(key="kind_0_rot.xlsx").value == "staff"
    mapping = app.selectbox(key="map_0_rot.xlsx_Avdelingskode")
    assert mapping.label == "Kolonnen «Avdelingskode» ble ikke gjenkjent; bruk den som"
    assert "Leser arket «Data», overskrift i rad 3, 2 datarader." in texts(app)
    mapping.select("unit_id").run()
    app.button(key="use_uploads").click().run()
    assert not app.exception
    app.switch_page("views/overview.py").run()
    assert metrics(app)["Enheter vurdert"] == "1"
    assert metrics(app)["Prosessrådgivere"] == "2"
    app.switch_page("views/data.py").run()
    report = app.dataframe[-1].value
    assert report[["Rad", "Kolonne", "Alvorlighet"]].values.tolist() == [[5, "Startdato",
                                                                          "Advarsel"]]


VIEWS = sorted(f"views/{path.name}" for path in (Path(__file__).parent.parent / "views").glob(
    "*.py"))


@pytest.mark.parametrize("page", VIEWS)
def test_every_page_runs_standalone(page):
    app = AppTest.from_file(f"../{page}", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    assert not app.exception


def test_snapshot_saved_on_the_data_page_shows_on_trends(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", str(tmp_path / "s.db"))
    app = start()
    app.switch_page("views/trends.py").run()
    assert not app.exception
    assert "Ingen øyeblikksbilder" in texts(app)
    app.switch_page("views/data.py").run()
    app.text_input(key="snapshot_label").input("Oktober").run()
    app.button(key="save_snapshot").click().run()
    assert "Lagret øyeblikksbilde per 01.11.2026." in [s.value for s in app.success]
    app.switch_page("views/trends.py").run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == 2
    # Today's own snapshot is no "previous" one: nothing is compared until one is chosen.
    assert [i.value for i in app.main.info] == [
        "Ingen øyeblikksbilder er eldre enn dataene per 01.11.2026; velg ett for å sammenligne."]
    assert app.selectbox(key="compare_snapshot").value is None
    assert not app.metric


def test_saving_the_same_figures_again_replaces_the_snapshot(tmp_path, monkeypatch):
    database = tmp_path / "s.db"
    monkeypatch.setenv("DATABASE_URL", str(database))
    app = start()
    app.switch_page("views/data.py").run()
    app.button(key="save_snapshot").click().run()
    app.text_input(key="snapshot_label").input("Oktober").run()
    app.button(key="save_snapshot").click().run()
    assert not app.exception
    assert ("Et øyeblikksbilde per 01.11.2026 med de samme tallene fantes allerede; det er "
            "erstattet av dette, så utviklingen viser det bare én gang.") in [
        i.value for i in app.info]
    assert SnapshotStore(database).snapshots()[["as_of", "label"]].values.tolist() == [
        ["2026-11-01", "Oktober"]]


def test_trends_compare_with_the_previous_snapshot_by_default(tmp_path, monkeypatch):
    database = tmp_path / "s.db"
    monkeypatch.setenv("DATABASE_URL", str(database))
    store = SnapshotStore(database)
    dataset = load_dataset(**SAMPLE_INPUTS)
    for as_of, label in ((dt.date(2026, 8, 1), "August"), (dt.date(2026, 9, 1), "September"),
                         (SAMPLE_AS_OF, "I dag")):
        store.save(build_results(dataset, as_of=as_of), label=label, series=SAMPLE)
    app = start()
    app.switch_page("views/trends.py").run()
    assert not app.exception
    assert app.selectbox(key="compare_snapshot").value == 2
    assert metrics(app)["Enheter som oppfyller kravene"] == "25 av 65"
    # 14 units met the requirements on 1 September (the meeting view's figure for it)
    assert [as_written(m.delta) for m in app.metric] == ["+11 siden 2026-09-01 September"]


def test_as_of_date_comes_from_the_url():
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.query_params["dato"] = "2026-11-01"
    app.run()
    assert not app.exception
    assert app.date_input(key="as_of").value == SAMPLE_AS_OF
    assert metrics(app)["Enheter som oppfyller kravene"] == "25 av 65"


def test_a_large_organisation_gets_the_faculty_level_heatmaps():
    staff = [STAFF_HEADER + ["Fakultet"]] + [
        [n, f"Person {n}", "", f"U{n:03d}", f"Enhet {n:03d}", "", "Ja", "innsyn",
         f"F{n % 4}"] for n in range(160)]
    app = start()
    upload = [csv_file("hr.csv", staff), csv_file("kurs.csv", [COURSE_HEADER])]
    app.sidebar.file_uploader[0].set_value([(name, data, "text/csv") for name, data in upload])
    app.run()
    assert not app.exception
    assert metrics(app)["Enheter vurdert"] == "160"
    assert "160 enheter er for mange til å vises én og én" in texts(app)
    rollup = json.loads(app.get("plotly_chart")[0].proto.spec)["data"][0]
    assert len(rollup["y"]) == 4  # one row per faculty
    assert rollup["text"][0][0] == "0 av 40"  # no unit has a saksbehandling advisor
