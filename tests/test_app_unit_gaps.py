"""AppTest on the sample data (as of 2026-11-01): the Unit view, Gaps and actions, and the
overview heatmaps' click layer. Known values come from tests/golden and the sample staff file."""

import json
from collections import Counter

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import TIMEOUT, as_written, metrics, run_page
from tests.sample import GOLDEN, SAMPLE_AS_OF

UNIT_PAGE = "views/unit.py"
GAPS_PAGE = "views/gaps.py"




def table(app: AppTest, *columns: str):
    """The first dataframe on the page that has all these columns."""
    for frame in app.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}")


@pytest.fixture(scope="module")
def ihk() -> AppTest:
    return run_page(UNIT_PAGE, enhet="IHK")


@pytest.fixture(scope="module")
def gaps() -> AppTest:
    return run_page(GAPS_PAGE)


def test_unit_page_opened_with_enhet_in_the_url_shows_that_unit(ihk):
    assert not ihk.exception
    assert ihk.selectbox(key="unit_choice").value == "IHK"
    assert ihk.title[0].value == "Institutt for historiske og klassiske studier"
    assert ihk.query_params["enhet"] == "IHK"
    assert metrics(ihk) == {  # golden unit_summary: 2 advisors, 1 process missing, 1 untrained
        "Oppfyller kravene": "Nei",
        "Prosesser med rådgiver": "2 av 3",
        "Ulike rådgivere (min. 2 per enhet)": "2",
        "Rådgivere med all opplæring": "1 av 2",
        "Saksbehandlere med opplæring": "8 av 9",
        "Mangler (fristen er ute)": "1",
        "I fristperioden": "0",
        "Har fullført": "8",
    }


def test_unit_page_lists_the_advisors_with_their_training(ihk):
    advisors = table(ihk, "Navn", "Prosesser", "K1", "K2", "K3")
    rows = advisors[["Ansattnr", "Navn", "Prosesser", "Kilde", "K1", "K2", "K3"]]
    assert rows.to_dict("records") == [
        {"Ansattnr": "370542", "Navn": "Ida Rønning", "Prosesser": "Saksbehandling",
         "Kilde": "rådgiverliste", "K1": "✔ 05.08.2026",
         "K2": "✔ 05.02.2026 → 05.02.2029",
         "K3": "✔ 24.08.2026"},
        # golden gaps: advisor_requirement_expired, 613599, K2 (completed 31.03.2020, 36 months)
        {"Ansattnr": "613599", "Navn": "Kari-Anne Jacobsen", "Prosesser": "SRU",
         "Kilde": "rådgiverliste", "K1": "✔ 10.08.2025",
         "K2": "✖ utløpt 31.03.2023 → 31.03.2023 ‼",
         "K3": "✔ 23.01.2024"},
    ]


def test_unit_page_shows_the_case_handler_missing_saksbehandlerskolen(ihk):
    # golden gaps: case_handler_missing_requirement, IHK, 826406, K3
    lacking = table(ihk, "Navn", "Startdato", "Frist")
    assert list(lacking["Ansattnr"]) == ["826406"]
    assert list(lacking["Navn"]) == ["Eirik Johannessen"]
    actions = table(ihk, "Foreslått tiltak")
    assert actions.loc[actions["Navn"] == "Eirik Johannessen", "Foreslått tiltak"].tolist() == [
        "Fullfør K3: Saksbehandlerskolen (NTNU-SBS)."]
    assert list(actions["Avvik"]) == ["Mangler prosessrådgiver", "Rådgiver mangler krav",
                                      "Rådgivers krav utløpt", "Saksbehandler mangler krav"]
    # a name comes with its employee number here as on every page
    assert actions.loc[actions["Navn"] == "Eirik Johannessen", "Ansattnr"].tolist() == ["826406"]


def test_button_opens_the_faculty_as_a_rollup():
    app = run_page(UNIT_PAGE, enhet="IHK")
    app.button[0].click().run()
    assert not app.exception
    assert app.selectbox(key="unit_choice").value == "HF"
    assert app.query_params["enhet"] == "HF"
    assert metrics(app)["Enheter som oppfyller kravene"] == "3 av 7"
    children = table(app, "Enhetskode", "Oppfyller kravene")
    assert list(children["Enhetskode"]) == ["IFR", "IHK", "IKM", "IMS", "IMU", "ISL", "KULT"]
    assert children.set_index("Enhetskode").loc["IHK", "Oppfyller kravene"] == "Nei"


def test_unit_page_without_a_url_choice_opens_a_unit_and_writes_it_to_the_url():
    app = run_page(UNIT_PAGE)
    assert not app.exception
    chosen = app.selectbox(key="unit_choice").value
    assert app.query_params["enhet"] == chosen
    app.selectbox(key="unit_choice").select("IEL").run()
    assert app.query_params["enhet"] == "IEL"
    assert app.title[0].value == "Institutt for elkraftteknikk"


def test_unknown_unit_in_the_url_is_said_and_does_not_crash():
    app = run_page(UNIT_PAGE, enhet="FINNES-IKKE")
    assert not app.exception
    assert "finnes ikke" in app.warning[0].value


def test_gap_counts_per_kind_equal_the_golden_counts(gaps):
    assert not gaps.exception
    golden = Counter(g["kind"] for g in json.loads((GOLDEN / "gaps.json").read_text("utf-8")))
    shown = metrics(gaps)
    assert shown == {
        "Mangler prosessrådgiver": "27",
        "For få prosessrådgivere": "10",
        "Rådgiver mangler krav": "40",
        "Rådgivers krav utløpt": "18",
        "Saksbehandler mangler krav": "287",
    }
    assert sum(int(v) for v in shown.values()) == sum(golden.values()) == 382
    assert len(table(gaps, "Avvik", "Foreslått tiltak")) == 382


def test_gaps_are_grouped_per_unit_and_kind(gaps):
    golden = json.loads((GOLDEN / "gaps.json").read_text("utf-8"))
    labels = [as_written(e.label) for e in gaps.expander]
    sections = [label for label in labels if " · " in label]
    assert len(sections) == len({g["unit_id"] for g in golden})
    assert ("Institutt for historiske og klassiske studier (IHK) · Mangler "
            "prosessrådgiver: 1, Rådgiver mangler krav: 1, Rådgivers krav utløpt: 1, "
            "Saksbehandler mangler krav: 1"
            in sections)
    assert labels[-1] == "Alle 382 avvik enkeltvis"


def _case_handlers_lacking(unit: str) -> list[str]:
    golden = json.loads((GOLDEN / "gaps.json").read_text("utf-8"))
    return sorted({g["employee_id"] for g in golden if g["unit_id"] == unit
                   and g["kind"] == "case_handler_missing_requirement"})


def _listed(text: str) -> list[str]:
    """The employee numbers of the lines `- name (number): requirements`."""
    return sorted(line.rsplit("(", 1)[1].split(")")[0] for line in text.splitlines()
                  if line.startswith("- ") and "): K" in line)


def _popovers(node) -> list:
    found = [node] if getattr(node, "type", "") == "popover" else []
    for child in getattr(node, "children", {}).values():
        found += _popovers(child)
    return found


def test_case_handler_gaps_are_one_line_per_unit_with_the_people_under_it():
    app = run_page(GAPS_PAGE, enhet="ISL")
    assert not app.exception
    texts = [as_written(m.value) for m in app.markdown]
    section = next(text for text in texts if "4 saksbehandlere mangler K3." in text)
    lines = section.split("\n\n")
    assert lines[lines.index("4 saksbehandlere mangler K3.") + 2] == "Saksbehandlerne:"
    # one line each: name (employee number): the requirements missing
    assert _listed(lines[-1]) == _case_handlers_lacking("ISL")
    assert len(_case_handlers_lacking("ISL")) == 4
    assert not _popovers(app._tree[0])
    # advisors lacking a course are named with their employee number, as everywhere
    assert "- Marit Eide (617603): Fullfør K3" in section


def test_more_than_ten_case_handlers_lacking_are_one_click_away():
    app = run_page(GAPS_PAGE, enhet="OKA")
    assert not app.exception
    lacking = _case_handlers_lacking("OKA")
    assert len(lacking) == 14
    (popover,) = _popovers(app._tree[0])
    assert popover.proto.popover.label == "Vis de 14 saksbehandlerne"
    assert _listed(as_written(popover.children[0].value)) == lacking
    section = next(as_written(m.value) for m in app.markdown
                   if "14 saksbehandlere mangler" in as_written(m.value))
    assert not _listed(section)


LACKING_ALL = "K1, K2, K4, K5, K6, K7, K8"  # a case handler: no advisor course, no assessment


def test_candidates_for_a_unit_without_an_innsyn_advisor(gaps):
    app = run_page(GAPS_PAGE, enhet="IHK", prosess="innsyn", avvik="missing_process_advisor")
    assert not app.exception
    listed = table(app, "Avvik", "Foreslått tiltak")
    assert listed["Foreslått tiltak"].tolist() == [
        "Oppnevn rådgiver for innsyn; kandidater: Ida Rønning (oppfyller alle krav), "
        "Kari-Anne Jacobsen (mangler K2, K5), Ingeborg Hagen (mangler K1, K2, K4, K5, K6, K7, "
        "K8)."]
    candidates = table(app, "Navn", "Krav som mangler")
    # Ida advises saksbehandling and meets K1-K8; Kari-Anne (SRU) lacks the expired K2 and the
    # assessment K5; then by tenure among the case handlers, who lack K1, K2 and the assessments.
    assert candidates[["Navn", "Krav som mangler", "Mangler"]].head(5).values.tolist() == [
        ["Ida Rønning", 0, ""], ["Kari-Anne Jacobsen", 2, "K2, K5"],
        ["Ingeborg Hagen", 7, LACKING_ALL], ["Eli Solheim", 7, LACKING_ALL],
        ["Sigrid Jensen", 7, LACKING_ALL]]
    assert len(candidates) == 27  # golden: IHK has 27 staff, and nobody advises innsyn there


def test_filters_live_in_the_url(gaps):
    app = run_page(GAPS_PAGE)
    app.selectbox(key="gaps_faculty").select("HF").run()
    app.selectbox(key="gaps_kind").select("case_handler_missing_requirement").run()
    assert not app.exception
    assert app.query_params["fakultet"] == "HF"
    assert app.query_params["avvik"] == "case_handler_missing_requirement"
    assert metrics(app)["Saksbehandler mangler krav"] == "21"  # 88 of 109 HF handlers trained
    assert len(table(app, "Avvik", "Foreslått tiltak")) == 21
    app.selectbox(key="gaps_faculty").select("Alle").run()
    assert "fakultet" not in app.query_params


def test_process_filter_keeps_gaps_of_that_process_and_its_advisors():
    app = run_page(GAPS_PAGE, prosess="SRU")
    assert not app.exception
    golden = json.loads((GOLDEN / "gaps.json").read_text("utf-8"))
    without_sru = [g["unit_id"] for g in golden
                   if g["kind"] == "missing_process_advisor" and g["process"] == "SRU"]
    assert metrics(app)["Mangler prosessrådgiver"] == str(len(without_sru)) == "11"
    assert metrics(app)["For få prosessrådgivere"] == "0"
    assert metrics(app)["Saksbehandler mangler krav"] == "0"
    listed = table(app, "Avvik", "Foreslått tiltak")
    assert set(listed["Avvik"]) == {"Mangler prosessrådgiver", "Rådgiver mangler krav",
                                    "Rådgivers krav utløpt"}


def test_overview_heatmaps_carry_the_unit_of_every_cell():
    app = AppTest.from_file("../views/overview.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    for chart in app.get("plotly_chart"):
        if chart.key.endswith("_headings"):
            continue  # the column headings drawn above the rows
        heatmap, clicks = json.loads(chart.proto.spec)["data"]
        assert clicks["type"] == "scatter" and clicks["marker"]["opacity"] == 0
        columns = len(heatmap["x"])
        units = list(heatmap["y"][1])
        row = units.index("Institutt for elkraftteknikk (IEL)")
        cells = range(row * columns, (row + 1) * columns)
        assert [clicks["customdata"][i] for i in cells] == ["IEL"] * columns
        assert [clicks["y"][1][i] for i in cells] == [units[row]] * columns
        assert [clicks["x"][i] for i in cells] == list(heatmap["x"])


def test_the_case_handlers_grace_period_is_their_requirements_own():
    """K3 is listed for the advisors first (no grace period), then for the case handlers with
    30 days: the unit page tells the case handlers' 30, not the default 90."""
    from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file

    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    staff = csv_file("ansatte.csv", [
        STAFF_HEADER, [1, "Anne Li", "", "A1", "Seksjon A", "01.01.2020", "Ja", "innsyn"],
        [2, "Bo Ek", "", "A1", "Seksjon A", "01.01.2020", "Ja", ""]])
    courses = csv_file("kurs.csv", [COURSE_HEADER])
    requirements = csv_file("krav.csv", [
        ["ID", "Navn", "Målgruppe", "Kurs", "Gyldighet (måneder)", "Frist (dager)"],
        ["K3", "Saksbehandlerskolen", "advisors", "NTNU-SBS", "", ""],
        ["K3", "Saksbehandlerskolen", "case_handlers", "NTNU-SBS", "", "30"]])
    app.sidebar.file_uploader[0].set_value(
        [(name, data, "text/csv") for name, data in (staff, courses, requirements)])
    app.run()
    app.switch_page(UNIT_PAGE).run()
    assert not app.exception
    assert ("**Mangler (fristen er ute)**: startet for minst 30 dager siden og har ikke "
            "fullført kurset"
            in [m.value for m in app.markdown])
