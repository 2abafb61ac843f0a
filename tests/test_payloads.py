"""Issue 17, as a hostile user tries it: nothing from a file or a label reaches another user as
a live formula or as markup, no name breaks an export, and no odd cell gives wrong figures
without a word (hidden sheets, look-alike codes, repeated columns, Norwegian TRUE/FALSE).

Every text column of every input sheet carries formula payloads (behind a control character, a
tab or a CR, in full-width forms): the Excel report from the command line and the task list hold
no formula, and the payloads stay readable as text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from analysis import build_results
from exports.excel import write_excel_report
from exports.plan_excel import write_plan
from loaders import load_dataset
from tests.bad_files import run_report
from tests.helpers import ADVISOR_HEADER, AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file

PAYLOADS = ['\x01=HYPERLINK("http://x.example","klikk")', '\t=1+1', '\r=2+2',
            '\uff1dHYPERLINK("http://x.example")', '@SUM(1+1)', '+47 999', '-3+3',
            "=cmd|' /C calc'!A0"]
REQUIREMENT_HEADER = ["id", "name", "audience", "courses", "valid_months", "grace_days"]


def _payload(row: int) -> str:
    return PAYLOADS[row % len(PAYLOADS)]


def payload_files() -> dict[str, tuple[str, bytes]]:
    """A small data set whose every text cell (names, e-mails, unit names, roles, course names
    and codes, processes, requirement names) is a payload; ids stay usable so the results
    hold the payloads in every table."""
    staff = [[100 + i, _payload(i), _payload(i + 1), "AB"[i % 2], _payload(i + 2), "01.01.2020",
              "Ja", "innsyn; SRU; saksbehandling" if i % 3 else _payload(i), _payload(i + 5)]
             for i in range(len(PAYLOADS))]
    units = [["Enhetskode", "Enhetsnavn", "Overordnet enhet", "Leder e-post"],
             ["TOP", _payload(1), "", _payload(2)], ["A", _payload(3), "TOP", _payload(4)],
             ["B", _payload(5), "TOP", _payload(6)]]
    courses = [[100 + i, _payload(i + 3), _payload(i + 4), "Fullført", "01.06.2026"]
               for i in range(len(PAYLOADS))]
    advisors = [[100 + i, "AB"[i % 2], "innsyn" if i % 2 else _payload(i), ""]
                for i in range(len(PAYLOADS))]
    requirements = [REQUIREMENT_HEADER,
                    ["K1", _payload(5), "advisors", _payload(3), "", ""],
                    ["K3", _payload(6), "case_handlers", _payload(4), 12, 30]]
    # CSV: a control character cannot be written into an xlsx cell, but a CSV holds anything
    return {"staff": csv_file("hr.csv", [[*STAFF_HEADER, "Stilling"], *staff]),
            "units": csv_file("enheter.csv", units),
            "courses": csv_file("kurs.csv", [COURSE_HEADER, *courses]),
            "advisors": csv_file("radgivere.csv", [ADVISOR_HEADER, *advisors]),
            "requirements": csv_file("krav.csv", requirements)}


def cells(workbook_bytes: bytes) -> list:
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def assert_no_formula_and_payloads_as_text(workbook_bytes: bytes) -> None:
    every = cells(workbook_bytes)
    assert [cell.coordinate for cell in every if cell.data_type == "f"] == []
    texts = {str(cell.value) for cell in every if isinstance(cell.value, str)}
    shown = "\n".join(texts)
    assert "'=HYPERLINK(\"http://x.example\",\"klikk\")" in texts  # the control is gone
    assert "'\uff1dHYPERLINK" in shown and "'@SUM(1+1)" in shown
    assert not any(text.startswith(("=", "\x01")) for text in texts)


@pytest.fixture(scope="module")
def payload_results():
    dataset = load_dataset(**payload_files())
    return dataset, build_results(dataset, as_of=AS_OF)


def test_the_payloads_reach_the_result_tables(payload_results):
    dataset, results = payload_results
    names = set(results.staff["name"])
    assert '=HYPERLINK("http://x.example","klikk")' in names  # its control character removed
    assert "\uff1dHYPERLINK(\"http://x.example\")" in names or '=HYPERLINK("http://x.example")' \
        in names


def test_the_excel_report_holds_no_formula(payload_results):
    dataset, results = payload_results
    report = io.BytesIO()
    write_excel_report(results, report, dataset.tables)
    assert_no_formula_and_payloads_as_text(report.getvalue())


def test_the_plan_task_list_holds_no_formula(payload_results):
    from analysis.plan import make_plan

    _, results = payload_results
    target = io.BytesIO()
    write_plan(make_plan(results), results, target)
    assert [c.coordinate for c in cells(target.getvalue()) if c.data_type == "f"] == []


def test_the_command_line_report_holds_no_formula(tmp_path):
    out = tmp_path / "rapport.xlsx"
    done = run_report(tmp_path, payload_files(), "--as-of", AS_OF.isoformat(), "--xlsx",
                      str(out))
    assert (done.returncode, done.stderr) == (0, "")
    assert_no_formula_and_payloads_as_text(out.read_bytes())
    assert zipfile.ZipFile(out).testzip() is None


# ---- markup: text from files and labels is shown as written, never as markdown ---------------

MARKUP = "**fet** [lenke](http://x.example) ![bilde](http://x.example/p.png) <b>b</b>"
RAW = ("**fet**", "[lenke](", "![bilde]", "<b>")  # what would be markup if not escaped
PAGES = ["views/overview.py", "views/unit.py", "views/gaps.py", "views/plan.py",
         "views/meeting.py", "views/matrix.py", "views/whatif.py", "views/trends.py",
         "views/data.py", "views/about.py", "views/access.py"]


def markup_files() -> list[tuple[str, bytes, str]]:
    """An upload whose unit names, requirement names and a refused file's name carry markup."""
    staff = [[100 + i, f"Person {i}", "", "AB"[i % 2], f"Enhet {MARKUP}", "01.01.2020", "Ja",
              "innsyn; SRU; saksbehandling"] for i in range(4)]
    courses = [[100 + i, "K1", f"Kurs {MARKUP}", "Fullført", "01.06.2026"] for i in range(2)]
    requirements = [REQUIREMENT_HEADER, ["K1", f"Krav {MARKUP}", "advisors", "K1", "", ""]]
    files = [csv_file("hr.csv", [STAFF_HEADER, *staff]),
             csv_file("kurs.csv", [COURSE_HEADER, *courses]),
             csv_file("krav.csv", requirements),
             (f"notat {MARKUP}.csv", b"ingen kolonner her\n")]
    return [(name, data, "text/csv") for name, data in files]


def markdown_texts(app) -> list[str]:
    """Every text the page renders as markdown: messages, captions, headings, labels."""
    from streamlit.testing.v1 import element_tree as tree

    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, tree.Markdown | tree.AlertBase | tree.HeadingBase):
            found.append(str(node.value))
        if isinstance(node, tree.Metric):
            found.append(str(node.delta or ""))
        if isinstance(getattr(node, "label", None), str):
            found.append(node.label)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)  # noqa: SLF001 - AppTest keeps the whole page only here
    return found


def test_markup_in_files_and_labels_is_shown_as_plain_text_on_every_page():
    from streamlit.testing.v1 import AppTest

    from store import SnapshotStore
    from store.snapshots import SAMPLE
    from tests.apptest import TIMEOUT, chart
    from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS

    sample = load_dataset(**SAMPLE_INPUTS)
    earlier = SAMPLE_AS_OF - dt.timedelta(days=30)  # Utvikling compares with it
    SnapshotStore().save(build_results(sample, as_of=earlier), label=MARKUP, series=SAMPLE)
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run().switch_page("views/trends.py").run()  # the sample, with its labelled snapshot
    escaped = r"\*\*fet\*\* \[lenke\]\(http\:"  # the markup is there, escaped, not dropped
    label_texts = markdown_texts(app)
    assert [text for text in label_texts if any(raw in text for raw in RAW)] == []
    assert any(escaped in text for text in label_texts)  # the label, in the metric's delta
    ticks = " ".join(chart(app, "snapshot_trend")["data"][0]["x"])
    assert "&lt;b&gt;b&lt;/b&gt;" in ticks and "<b>" not in ticks  # plotly reads tags
    app.sidebar.file_uploader[0].set_value(markup_files())
    app.run()
    assert not app.exception
    seen = {}
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception, page
        seen[page] = markdown_texts(app)
        assert [text for text in seen[page] if any(raw in text for raw in RAW)] == [], page
    assert any("Krav " + escaped in text for text in seen["views/whatif.py"])  # a label
    assert any(escaped in text for text in seen["views/unit.py"])  # the unit's name
    assert any("notat " + escaped in text for text in seen["views/overview.py"])  # a file


# ---- names that broke the deck, the PDF and the packs -----------------------------------------

def _one_unit(unit_name: str):
    staff = csv_file("hr.csv", [STAFF_HEADER, *(
        [100 + i, f"Person {i}", "", "A", unit_name, "01.01.2020", "Ja",
         "innsyn; SRU; saksbehandling"] for i in range(6))])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [100, "K1", "Kurs", "Fullført", "01.06.2026"]])
    return build_results(load_dataset(staff=staff, courses=courses), as_of=AS_OF)


@pytest.mark.parametrize("unit_name", ["Enhet \x01 med kontrolltegn", "Enhet \ufffe ikke-tegn",
                                       "Enhet \uffff", "L" * 32767])
def test_a_strange_unit_name_still_gives_the_deck_the_pdf_and_the_packs(unit_name):
    from analysis.plan import make_plan
    from exports.figures import meeting_content
    from exports.pdf import build_pdf
    from exports.slides import build_deck
    from exports.unit_packs import write_unit_packs

    results = _one_unit(unit_name)
    shown = results.unit_summary["unit_name"].iloc[0]
    assert "\ufffe" not in shown and "\uffff" not in shown and "\x01" not in shown
    content = meeting_content(results)
    deck, pdf, packs = io.BytesIO(), io.BytesIO(), io.BytesIO()
    build_deck(content).save(deck)
    build_pdf(content, pdf)
    assert write_unit_packs(results, make_plan(results), packs) == ["A"]
    assert deck.getvalue()[:2] == b"PK" and pdf.getvalue()[:5] == b"%PDF-"


def test_zero_width_and_bidi_characters_make_no_look_alike_unit():
    staff = csv_file("hr.csv", [STAFF_HEADER, *(
        [100 + i, f"Person {i}", "", code, "Institutt for elkraftteknikk", "01.01.2020", "Ja",
         "innsyn"] for i, code in enumerate(["IEL", "IEL\u200b", "\u202aIEL\u202c", "I\u2060EL"]))])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [100, "K1", "Kurs", "Fullført", "01.06.2026"]])
    dataset = load_dataset(staff=staff, courses=courses)
    assert set(dataset.staff["unit_id"]) == {"IEL"}
    results = build_results(dataset, as_of=AS_OF)
    assert list(results.unit_summary["unit_id"]) == ["IEL"]
    assert int(results.unit_summary["staff"].iloc[0]) == 4


# ---- wrong figures without a word ------------------------------------------------------------

def test_a_hidden_old_sheet_is_not_read_instead_of_the_visible_one():
    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "Gammel"
    old.sheet_state = "hidden"
    visible = workbook.create_sheet("Ansatte")
    for sheet, names in ((old, ["Gammel Ansatt", "Borte Person"]), (visible, ["Kari Nordmann"])):
        sheet.append(STAFF_HEADER)
        for i, name in enumerate(names):
            sheet.append([100 + i, name, "", "A", "Enhet A", "01.01.2020", "Ja", "innsyn"])
    data = io.BytesIO()
    workbook.save(data)
    courses = csv_file("kurs.csv", [COURSE_HEADER, [100, "K1", "Kurs", "Fullført", "01.06.2026"]])
    dataset = load_dataset(staff=("hr.xlsx", data.getvalue()), courses=courses)
    assert list(dataset.staff["name"]) == ["Kari Nordmann"]


def test_norwegian_excel_true_and_false_are_read_as_yes_and_no():
    staff = csv_file("hr.csv", [STAFF_HEADER,
                                [100, "Kari", "", "A", "Enhet A", "01.01.2020", "SANN", "innsyn"],
                                [101, "Ola", "", "A", "Enhet A", "01.01.2020", "USANN", "innsyn"]])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [100, "K1", "Kurs", "SANN", "01.06.2026"],
                                    [101, "K1", "Kurs", "USANN", "01.06.2026"]])
    dataset = load_dataset(staff=staff, courses=courses)
    assert dict(zip(dataset.staff["name"], dataset.staff["case_handler"], strict=True)) == {
        "Kari": True, "Ola": False}
    assert dataset.courses.set_index("employee_id")["completed"].to_dict() == {
        "100": True, "101": False}
    assert dataset.issues.empty  # both words understood, nothing to report


def test_a_repeated_column_is_reported_not_dropped_silently():
    header = [*STAFF_HEADER, "Navn"]
    staff = csv_file("hr.csv", [header, [100, "Kari Nordmann", "", "A", "Enhet A", "01.01.2020",
                                         "Ja", "innsyn", "Ola Nordmann"]])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [100, "K1", "Kurs", "Fullført", "01.06.2026"]])
    dataset = load_dataset(staff=staff, courses=courses)
    assert list(dataset.staff["name"]) == ["Kari Nordmann"]  # the first one is read
    from wording.validation import with_messages

    rows = with_messages(dataset.issues)
    repeated = rows[rows["column"] == "Navn"]
    assert repeated[["file", "row", "severity"]].values.tolist() == [["hr.csv", 1, "warning"]]
    assert repeated["message"].iloc[0] == (
        "Kolonne I gjentar «Navn», som er lest fra en kolonne før den; denne er ikke brukt. "
        "Slett eller gi nytt navn til den som ikke skal leses.")


def test_excel_error_cells_are_reported_on_their_row_and_column():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(STAFF_HEADER)
    sheet.append([100, "Kari Nordmann", "", "A", "Enhet A", "01.01.2020", "Ja", "innsyn"])
    sheet.append([101, "#N/A", "", "A", "Enhet A", "#REF!", "Ja", "innsyn"])
    data = io.BytesIO()
    workbook.save(data)
    courses = csv_file("kurs.csv", [COURSE_HEADER, [100, "K1", "Kurs", "Fullført", "01.06.2026"]])
    dataset = load_dataset(staff=("hr.xlsx", data.getvalue()), courses=courses)
    from wording.validation import with_messages

    rows = with_messages(dataset.issues)
    errors = rows[rows["message"].str.contains("Excel-feilen")]
    assert errors[["file", "row", "column"]].values.tolist() == [
        ["hr.xlsx", 3, "Navn"], ["hr.xlsx", 3, "Startdato"]]
    assert errors["message"].iloc[0] == ("Cellen har Excel-feilen #N/A og er lest som tom. Rett "
                                         "formelen i Excel og last opp filen på nytt.")


# ---- snapshots belong to the data they were taken of -----------------------------------------

def test_snapshots_are_compared_only_within_their_own_data_set():
    from streamlit.testing.v1 import AppTest

    from store import SnapshotStore
    from store.snapshots import PUBLISHED, SAMPLE
    from tests.apptest import TIMEOUT
    from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS

    earlier = SAMPLE_AS_OF - dt.timedelta(days=60)
    store = SnapshotStore()
    store.save(build_results(load_dataset(**SAMPLE_INPUTS), as_of=earlier), label="Eksempel",
               series=SAMPLE)
    store.save(build_results(load_dataset(**payload_files()), as_of=earlier), label="Annet",
               series=PUBLISHED)
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run().switch_page("views/trends.py").run()
    assert app.selectbox(key="compare_snapshot").options == [f"{earlier} Eksempel"]
    assert not any("borte" in str(cell) for frame in app.dataframe
                   for cell in frame.value.to_numpy().ravel())
    # an upload of other data: no snapshot is of it, so nothing to compare with anywhere
    app.sidebar.file_uploader[0].set_value([(name, data, "text/csv")
                                            for name, data in payload_files().values()])
    app.run()
    assert not app.exception
    assert "Ingen øyeblikksbilder" in " ".join(i.value for i in app.main.info)
    assert not app.get("selectbox") or "compare_snapshot" not in [
        box.key for box in app.selectbox]
    app.switch_page("views/meeting.py").run()
    assert not any("Siden øyeblikksbildet" in c.value for c in app.caption)
