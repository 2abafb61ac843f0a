"""AppTest in English (`?lang=en`) through the router: every page reads in English, with the
same figures as in bokmål; texts from the files (unit names, people, course titles) stay as
written. Known values come from tests/golden and the bokmål tests beside this one."""

import html
import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import i18n
from analysis import build_results
from charts.heatmaps import make_process_heatmap
from i18n import EN, NB, label_set, t
from loaders import load_dataset
from tests.apptest import TIMEOUT, as_written, chart, metrics
from tests.helpers import AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS
from wording.actions import gap_actions
from wording.meeting import suppress_fraction

OVERVIEW = "views/overview.py"
UNIT = "views/unit.py"
GAPS = "views/gaps.py"
PLAN = "views/plan.py"
MEETING = "views/meeting.py"
TRENDS = "views/trends.py"
DATA = "views/data.py"
MATRIX = "views/matrix.py"
WHATIF = "views/whatif.py"
ABOUT = "views/about.py"
ACCESS = "views/access.py"
PAGES = [OVERVIEW, UNIT, GAPS, PLAN, MEETING, MATRIX, WHATIF, TRENDS, DATA, ABOUT, ACCESS]
# Bokmål words of the app's own texts; none of them may show on an English page (unit names,
# people's names and course titles are data and are not looked at).
NORWEGIAN = [" av ", "Enhet", "enheter", "Avvik", "Oppfyll", "Beregnet", "Last ned", "mangler",
             "Velg", "Ingen ", "Andel", "Prosessråd", "rådgivere", "dager", "Viser", "Lagre",
             "Kandidat", "Fullfør", "Oppnevn", "Alle", "EKSEMPELDATA", "eksempeldata", "Fakultet /",
             "Varmekart", "Dekning", "Opplæring", "Utvikling", "Møte", "Kilde", "Frist", "Krav",
             "Navn", "Ansatt", "Filtype", "Alvorlighet", "Beregningsdato", "Hva om", "Om tallene"]


@pytest.fixture(autouse=True)
def no_snapshots(monkeypatch, tmp_path):
    """Each test reads its own snapshot database, never the working tree's."""
    monkeypatch.setenv("DATABASE_URL", str(tmp_path / "snapshots.db"))


def open_page(page: str = OVERVIEW, lang: str | None = "en", **query) -> AppTest:
    """The app through its router, on `page`, with `?lang=` and other URL parameters."""
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    if lang:
        app.query_params["lang"] = lang
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    if page != OVERVIEW:
        app.switch_page(page).run()
    assert not app.exception
    return app



def charts(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def table(app: AppTest, *columns: str):
    """The first dataframe on the page that has all these columns."""
    for frame in app.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}")


def ui_texts(app: AppTest) -> list[str]:
    """The app's own words on a page: headings, notes, figure labels, widget labels and
    options, buttons, table headings and the headings of chart columns and axes."""
    parts = [e.value for kind in ("title", "header", "subheader", "caption", "info", "warning",
                                  "success", "error") for e in getattr(app, kind)]
    # Bullet lists are the gaps page's lines: a person or process, then an action naming the
    # course by its title, which is file text in bokmål (the action words are checked there).
    parts += [e.value for e in app.markdown if not e.value.startswith(("<style>", "- "))]
    parts += [f"{m.label} {m.value} {m.proto.delta}" for m in app.metric]
    for kind in ("selectbox", "multiselect"):
        for box in getattr(app, kind):
            parts += [box.label, box.placeholder or "", box.options[0] if box.options else ""]
    parts += [w.label for kind in ("button", "text_input", "date_input")
              for w in getattr(app, kind)]
    parts += [w.proto.label for kind in ("download_button", "expander", "file_uploader")
              for w in app.get(kind)]
    for control in app.get("segmented_control"):
        parts += [control.proto.label, *(o.content for o in control.proto.options)]
    parts += [str(c) for frame in app.dataframe for c in frame.value.columns]
    parts += [cell for frame in app.dataframe for cell in app_cells(frame.value)]
    for figure in charts(app):
        for trace in figure["data"]:
            parts += [html.unescape(str(x)) for x in (trace.get("x") or [])
                      if isinstance(x, str)]
            parts += [trace.get("name") or "", trace.get("hovertemplate") or ""]
            parts += [html.unescape(str(v)) for v in (trace.get("header") or {}).get("values",
                                                                                      [])]
        layout = figure.get("layout", {})
        parts += [str(layout.get(axis, {}).get("title", {}).get("text", ""))
                  for axis in ("xaxis", "yaxis")]
    return [p for p in parts if p]


def _sample_texts() -> tuple[set[str], list[str]]:
    """The sample files' own texts: whole cells (names, units, positions, course titles), and
    the course titles and requirement names that the app's sentences quote."""
    dataset = load_dataset(**SAMPLE_INPUTS)
    frames = [dataset.staff, dataset.courses, dataset.units, dataset.advisors]
    whole = {str(v) for frame in frames for column in frame.columns
             for v in frame[column].dropna().unique() if isinstance(v, str)}
    whole |= {text for table in dataset.tables
              for text in (Path(table.file).name, table.sheet, *table.mapping) if text}
    quoted = {str(v) for v in dataset.courses["course_title"].unique() if v}
    quoted |= set(dataset.requirements["name"])
    return whole, sorted(quoted, key=len, reverse=True)


DATA_CELLS, QUOTED_DATA = _sample_texts()


def app_cells(frame) -> list[str]:
    """The text cells of a table with the sample files' own texts taken out: what is left is
    the app's words (kinds, states, yes/no, actions)."""
    cells = []
    for column in frame.columns:
        if frame[column].dtype != object and str(frame[column].dtype) not in ("str", "string"):
            continue
        for value in frame[column].dropna().unique():
            if isinstance(value, str) and value not in DATA_CELLS:
                cells.append(without_quoted_data(value))
    return cells


def without_quoted_data(text: str) -> str:
    """A text with the course titles and requirement names it quotes taken out."""
    for quoted in QUOTED_DATA:
        text = text.replace(quoted, "")
    return text


def norwegian_words(app: AppTest) -> list[str]:
    return sorted({f"{word!r} in {text!r}" for text in map(without_quoted_data, ui_texts(app))
                   for word in NORWEGIAN if word in text})


@pytest.fixture(scope="module")
def overview() -> AppTest:
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.query_params["lang"] = "en"
    return app.run()


def test_overview_in_english_shows_the_same_figures(overview):
    assert not overview.exception
    assert overview.title[0].value == "Process advisors and training per unit"
    assert metrics(overview) == {
        "Units assessed": "65",
        "Units meeting the requirements": "25 of 65",
        "Process advisors": "141",
        "Advisors with all training": "114 of 141",
        "Case handlers with training": "912 of 1199",
    }
    assert [w.value for w in overview.sidebar.warning] == ["SAMPLE DATA – fictional people"]
    assert ("SAMPLE DATA – fictional people. Upload your own files in the sidebar."
            in [i.value for i in overview.info])
    assert overview.sidebar.date_input(key="as_of").label == "As-of date"
    assert overview.selectbox(key="faculty_filter").options[0] == "All"


def test_overview_heatmaps_and_rollup_in_english(overview):
    process, requirement = (chart(overview, key)["data"] for key in ("process_heatmap",
                                                                      "requirement_heatmap"))
    assert process[0]["x"] == ["Case handling", "Access to records (innsyn)",
                               "Boards and committees (SRU)", "Distinct people (min. 2)"]
    assert "Institutt for elkraftteknikk (IEL)<br>Case handling: 1 advisor(s)" in [
        html.unescape(text) for text in process[1]["hovertext"]]
    assert requirement[0]["x"] == ["K1 advisors", "K2 advisors", "K3 advisors",
                                   "K3 case handlers", "K4 advisors", "K5 advisors",
                                   "K6 advisors", "K7 advisors", "K8 advisors"]
    assert requirement[0]["colorbar"]["title"]["text"] == "Share"
    assert any(text.endswith("(19 of 24)") for text in requirement[1]["hovertext"])
    rollup = table(overview, "Faculty / area", "Units", "Share compliant")
    assert int(rollup["Units"].sum()) == 65


def test_navigation_titles_follow_the_language(monkeypatch):
    """The router's page titles are built from the language; paths, order and default stay."""
    seen: list[list] = []
    navigation = st.navigation

    def recording(pages, **kwargs):
        seen.append(pages)
        return navigation(pages, **kwargs)

    monkeypatch.setattr(st, "navigation", recording)
    open_page(lang="en")
    open_page(lang=None)
    english, bokmal = ([(page.title, page.url_path) for page in pages] for pages in seen)
    assert [title for title, _ in english] == [
        "Overview", "Unit", "Gaps and actions", "Action plan", "Meeting view",
        "Competency matrix", "What if", "Trends", "Data", "About the numbers", "Access and audit"]
    assert [title for title, _ in bokmal] == [
        "Oversikt", "Enhet", "Avvik og tiltak", "Tiltaksplan", "Møtevisning",
        "Kompetansematrise", "Hva om", "Utvikling", "Data", "Om tallene", "Tilgang og logg"]
    # The paths come from the files, whatever the language; the default page has none.
    assert [path for _, path in english] == [path for _, path in bokmal] == [
        "", "unit", "gaps", "plan", "meeting", "matrix", "whatif", "trends", "data", "about",
        "access"]


@pytest.mark.parametrize("page", PAGES)
def test_no_bokmal_words_on_an_english_page(page):
    app = open_page(page)
    assert norwegian_words(app) == []


def test_unit_page_in_english():
    app = open_page(UNIT, enhet="IHK")
    assert app.title[0].value == "Institutt for historiske og klassiske studier"
    assert metrics(app) == {
        "Meets the requirements": "No",
        "Processes with an advisor": "2 of 3",
        "Distinct advisors (min. 2 per unit)": "2",
        "Advisors with all training": "1 of 2",
        "Case handlers with training": "8 of 9",
        "Lacking (grace period over)": "1",
        "In the grace period": "0",
        "Completed": "8",
    }
    advisors = table(app, "Name", "Processes", "Source", "K2")
    assert advisors[["Name", "Processes", "Source", "K2"]].values.tolist() == [
        ["Ida Rønning", "Case handling", "advisor list",
         "✔ 05.02.2026 → 05.02.2029"],
        ["Kari-Anne Jacobsen", "Boards and committees (SRU)", "advisor list",
         "✖ expired 31.03.2023 → 31.03.2023 ‼"]]
    actions = table(app, "Gap", "Suggested action")
    assert list(actions["Gap"]) == ["Missing process advisor", "Advisor lacks a requirement",
                                    "Advisor's requirement expired",
                                    "Case handler lacks a requirement"]
    assert list(actions["Suggested action"])[1:] == [
        "Have K5 assessed (the leader or the process owner records the assessment).",
        "Retake K2 (expired 31.03.2023): DFØ: En sak for Walter – om saksbehandling og "
        "saksbehandlerrollen (DFO-FVL) or DFØ: Innsyn – eit e-læringsmagasin om offentleglova "
        "(DFO-OFFL).",
        "Complete K3: Saksbehandlerskolen (NTNU-SBS)."]
    assert app.selectbox(key="unit_choice").options[1] == (
        "Det humanistiske fakultet (HF) – all units")


def test_gaps_page_in_english_with_candidates():
    app = open_page(GAPS, enhet="IHK", prosess="innsyn", avvik="missing_process_advisor")
    listed = table(app, "Gap", "Suggested action")
    assert listed["Suggested action"].tolist() == [
        "Appoint an advisor for access to records (innsyn); candidates: Ida Rønning (meets every "
        "requirement), Kari-Anne Jacobsen (lacks K2, K5), Ingeborg Hagen (lacks K1, K2, K4, K5, "
        "K6, K7, K8)."]
    assert listed["Process"].tolist() == ["Access to records (innsyn)"]
    lines = [line for m in app.markdown for line in as_written(m.value).split("\n\n")]
    assert ("- Access to records (innsyn): Appoint an advisor for access to records (innsyn); "
            "candidates: Ida Rønning (meets every requirement), Kari-Anne Jacobsen (lacks K2, K5), "
            "Ingeborg Hagen (lacks K1, K2, K4, K5, K6, K7, K8).") in lines
    candidates = table(app, "Name", "Requirements lacking", "Case handler")
    assert candidates[["Name", "Requirements lacking", "Lacking"]].head(2).values.tolist() == [
        ["Ida Rønning", 0, ""], ["Kari-Anne Jacobsen", 2, "K2, K5"]]
    assert set(candidates["Case handler"]) <= {"Yes", "No"}
    assert app.selectbox(key="gaps_candidates_for").options == [
        "Institutt for historiske og klassiske studier (IHK): no advisor for access to records "
        "(innsyn)"]
    assert app.selectbox(key="gaps_kind").value == "missing_process_advisor"
    assert app.get("download_button")[0].proto.label == "Download the list (CSV)"


def test_gap_counts_in_english_equal_the_bokmal_ones():
    app = open_page(GAPS)
    assert metrics(app) == {"Missing process advisor": "27", "Too few process advisors": "10",
                            "Advisor lacks a requirement": "40",
                            "Advisor's requirement expired": "18",
                            "Case handler lacks a requirement": "287"}
    assert "Showing 382 of 382 gaps, computed as of 01.11.2026." in [c.value for c in app.caption]
    assert not [a for a in table(app, "Suggested action")["Suggested action"]
                if a.startswith(("Oppnevn", "Fullfør", "Ta ")) or " eller " in a]


def test_meeting_view_in_english():
    app = open_page(MEETING)
    assert {m.label: (m.value, m.proto.delta) for m in app.metric} == {
        "Units assessed": ("65", ""),
        "Units meeting the requirements": ("25 of 65", "38%"),
        "Process advisors": ("141", ""),
        "Advisors with all training": ("114 of 141", "81%"),
        "Case handlers with training": ("912 of 1199", "76%"),
    }
    rollup = charts(app)[0]["data"][0]
    assert rollup["text"][rollup["y"].index("Fakultet for økonomi")] == [
        "4 of 4", "4 of 4", "4 of 4", "3 of 4", "2 of 4"]
    assert [html.unescape(x) for x in rollup["x"]] == [
        "Case<br>handling", "Innsyn", "SRU", "At least 2<br>distinct<br>advisors",
        "Meets all<br>requirements"]
    gaps = next(c["data"][0] for c in charts(app) if c["data"][0]["type"] == "table")
    rows = [[html.unescape(v) for v in row] for row in zip(*gaps["cells"]["values"],
                                                            strict=True)]
    assert rows[-1] == ["All 65 units", "27 in total", "141", "27", "287 of 1199"]
    assert gaps["header"]["values"][0] == "Unit"
    assert [b.proto.label for b in app.get("download_button")] == [
        "Excel report (all tables, Norwegian)", "Slides (PowerPoint, Norwegian)",
        "PDF for printing (Norwegian)"]
    app.segmented_control(key="meeting_view").set_value("Opplæring").run()
    assert not app.exception
    training = charts(app)[0]["data"][1]
    assert [html.unescape(x) for x in training["x"]] == [
        "K1<br>advisors", "K2<br>advisors", "K3<br>advisors", "K3 case<br>handlers",
        "K4<br>advisors", "K5<br>advisors", "K6<br>advisors", "K7<br>advisors", "K8<br>advisors"]
    assert app.subheader[0].value == (
        "Share who meet the requirement (grey: fewer than 5 people)")


def test_meeting_view_in_english_for_a_faculty_suppresses_small_groups():
    app = open_page(MEETING, fakultet="MH")
    gaps = next(c["data"][0] for c in charts(app) if c["data"][0]["type"] == "table")
    rows = {html.unescape(row[0]): [html.unescape(v) for v in row[1:]]
            for row in zip(*gaps["cells"]["values"], strict=True)}
    # Meeting type is large: the processes go by their short names, as in bokmål.
    assert rows["Kavliinstitutt for nevrovitenskap"] == ["Case handling, SRU", "1", "0", "<5"]
    assert rows["All 8 units"] == ["7 in total", "14", "<5", "29 of 98"]
    heatmap = charts(app)[0]["layout"]["xaxis"]
    assert [html.unescape(x) for x in heatmap["ticktext"]] == [
        "Case<br>handling", "Innsyn", "SRU", "Distinct<br>people<br>(min. 2)"]


def test_meeting_change_since_a_snapshot_in_english(monkeypatch, tmp_path):
    import datetime as dt

    from analysis import build_results
    from loaders import load_dataset
    from store import SnapshotStore
    from store.snapshots import SAMPLE
    from tests.sample import SAMPLE_INPUTS

    database = tmp_path / "snapshots.db"
    monkeypatch.setenv("DATABASE_URL", str(database))
    SnapshotStore(database).save(build_results(load_dataset(**SAMPLE_INPUTS),
                                               as_of=dt.date(2026, 9, 1)), series=SAMPLE)
    app = open_page(MEETING)
    assert ("Since the snapshot of 01.09.2026: from 14 to 25 units meeting the requirements "
            "(12 joined, 1 dropped out).") in [c.value for c in app.caption]


def test_data_and_trends_in_english_with_a_saved_snapshot():
    app = open_page(DATA)
    read = table(app, "File", "Type", "Header row")
    assert sorted(read["Type"]) == ["assessments", "competency requirements", "course records",
                                    "process advisor list", "staff list (HR)", "unit list"]
    app.text_input(key="snapshot_label").input("October").run()
    app.button(key="save_snapshot").click().run()
    assert "Saved a snapshot as of 01.11.2026." in [s.value for s in app.success]
    app.switch_page(TRENDS).run()
    assert not app.exception
    assert app.title[0].value == "Trends over time"
    assert [i.value for i in app.main.info] == [
        "No snapshot is older than the data as of 01.11.2026; choose one to compare with."]
    app.selectbox(key="compare_snapshot").set_value(1).run()
    assert metrics(app) == {"Units meeting the requirements": "25 of 65"}
    assert [as_written(m.proto.delta) for m in app.metric] == ["+0 since 2026-11-01 October"]
    snapshot, training = charts(app)
    assert [trace["name"] for trace in snapshot["data"]] == [
        "Units meeting the requirements", "Units missing a process", "Units assessed"]
    assert [trace["name"] for trace in training["data"]] == [
        "K1 advisors", "K2 advisors", "K3 advisors", "K3 case handlers", "K4 advisors",
        "K5 advisors", "K6 advisors", "K7 advisors", "K8 advisors"]
    assert training["layout"]["yaxis"]["title"]["text"] == "Share completed"


def test_data_page_upload_in_english():
    from tests.helpers import COURSE_HEADER, csv_file, xlsx_file

    app = open_page(DATA)
    staff = xlsx_file("rot.xlsx", {"Forside": [["Eksport fra HR"]], "Data": [
        ["Rapport: ansatte"], [],
        ["ANSATT NR.", "Navn", "Avdelingskode", "Enhet", "Startdato", "Saksbehandler"],
        [1, "Anne Li", "A1", "Seksjon A", "01.01.2020", "Ja"],
        [2, "Bo Ek", "A1", "Seksjon A", "31.02.2020", "Ja"],
    ]})
    courses = csv_file("kurs.csv", [COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført",
                                                    "01.02.2024"]])
    app.file_uploader(key="data_page_upload").set_value([
        (staff[0], staff[1], "application/vnd.ms-excel"), (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    kind = app.selectbox(key="kind_0_rot.xlsx")
    assert kind.label == "Kind of file" and "staff list (HR)" in kind.options
    mapping = app.selectbox(key="map_0_rot.xlsx_Avdelingskode")
    assert mapping.label == 'The column "Avdelingskode" was not recognised; use it as'
    assert mapping.options[:2] == ["(do not use)", "employee number"]
    assert 'Reading sheet "Data", header in row 3, 2 data rows.' in [m.value for m in app.markdown]
    mapping.select("unit_id").run()
    app.button(key="use_uploads").click().run()
    assert not app.exception
    report = table(app, "Row", "Column", "Severity")
    assert report[["Row", "Column", "Severity"]].values.tolist() == [[5, "Startdato", "Warning"]]
    assert as_written(app.sidebar.warning[0].value) == (
        "Showing uploaded files: rot.xlsx, kurs.csv. A preview, in this browser only until it "
        "is published on the Data page.")


@pytest.mark.parametrize("page,title", [(MATRIX, "Competency matrix"), (WHATIF, "What if?"),
                                        (ABOUT, "About the numbers")])
def test_pages_already_in_english_through_the_router(page, title):
    assert open_page(page).title[0].value == title


def test_bokmal_stays_the_default():
    app = open_page(lang=None)
    assert metrics(app)["Enheter som oppfyller kravene"] == "25 av 65"
    assert [as_written(w.value) for w in app.sidebar.warning] == ["EKSEMPELDATA – fiktive personer"]
    assert "lang" not in app.query_params
    app.sidebar.segmented_control(key="lang").set_value(EN).run()
    assert app.query_params["lang"] == "en"
    assert metrics(app)["Units meeting the requirements"] == "25 of 65"
    app.sidebar.segmented_control(key="lang").set_value(NB).run()
    assert "lang" not in app.query_params
    assert metrics(app)["Enheter som oppfyller kravene"] == "25 av 65"


def test_chart_builders_default_to_bokmal(overview):
    import pandas as pd

    unit_process = pd.DataFrame({"unit_id": ["A"] * 3, "process": ["saksbehandling", "innsyn",
                                                                   "SRU"],
                                 "advisors": [1, 0, 1], "ok": [True, False, True]})
    order = pd.DataFrame({"unit_id": ["A"], "unit_name": ["Seksjon A"], "faculty_id": ["F"],
                          "advisors": [2]})
    assert list(make_process_heatmap(unit_process, order).data[0].x) == [
        "Saksbehandling", "Innsyn", "SRU", "Ulike personer (min. 2)"]
    assert list(make_process_heatmap(unit_process, order, lang=EN).data[0].x)[-1] == (
        "Distinct people (min. 2)")


def test_every_label_set_has_english_for_each_key():
    for name in i18n._LABEL_SETS:
        assert set(label_set(name, EN)) == set(label_set(name, NB)), name


def test_meeting_figures_are_worded_in_the_chosen_language():
    assert suppress_fraction(3, 4, 0, EN) == "3 of 4"
    assert suppress_fraction(3, 4, 0, NB) == "3 av 4"
    assert t("meeting.all_units", EN, count=8) == "All 8 units"
    assert t("of", EN, part=1, whole=2) == "1 of 2"


def test_actions_are_worded_in_the_chosen_language():
    staff = [STAFF_HEADER,
             [1, "Kari Li", "", "A", "Inst A", "", "Nei", "saksbehandling; innsyn; SRU"],
             [2, "Anne Li", "", "B", "Inst B", "", "Nei", ""]]
    courses = [COURSE_HEADER, [2, "K2", "", "Fullført", "01.01.2026"],
               [2, "K3", "", "Fullført", "01.01.2026"]]
    dataset = load_dataset(staff=csv_file("a.csv", staff), courses=csv_file("k.csv", courses))
    results = build_results(dataset, as_of=AS_OF)
    actions = gap_actions(results, dataset.staff, dataset.courses, lang=EN)
    shortage = actions[actions["kind"] == "too_few_advisors"].set_index("unit_id")["action"]
    assert shortage["A"] == ("Appoint 1 new process advisor; no other staff in the unit; "
                             "consider an advisor from another unit.")
    assert shortage["B"] == "Appoint 2 new process advisors; candidates: Anne Li (lacks K1)."


def test_or_joins_the_courses_but_eller_in_a_title_stays():
    requirements = [["id", "name", "audience", "courses"], ["K9", "Valg", "case_handlers",
                                                           "JN; Kurs B"]]
    staff = [STAFF_HEADER, [1, "Per", "", "A", "Inst A", "", "Ja", ""]]
    courses = [COURSE_HEADER, [1, "JN", "Ja eller nei", "Pågår", ""],
               [1, "", "Kurs B", "Påmeldt", ""]]
    dataset = load_dataset(staff=csv_file("a.csv", staff), courses=csv_file("k.csv", courses),
                           requirements=csv_file("r.csv", requirements))
    results = build_results(dataset, as_of=AS_OF)
    worded = {lang: gap_actions(results, dataset.staff, dataset.courses, lang=lang).loc[
        lambda a: a["kind"] == "case_handler_missing_requirement", "action"].tolist()
        for lang in (NB, EN)}
    assert worded == {NB: ["Fullfør K9: Ja eller nei (JN) eller Kurs B."],
                      EN: ["Complete K9: Ja eller nei (JN) or Kurs B."]}


def test_whatif_lists_the_gaps_in_english():
    app = open_page(WHATIF, enhet="IHK")
    messages = list(app.dataframe[0].value["message"])
    assert "Institutt for historiske og klassiske studier has no process advisor for access to " \
        "records (innsyn)." in messages
    assert not [m for m in messages if " mangler " in m or " i Institutt" in m]
