"""The validation report and refused files in the reader's language: the loaders give notes
(a key and its values), the catalogue words them in bokmål and English alike."""

import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import EN, NB, TEXTS
from loaders import InputError, load_dataset
from loaders.issues import note
from tests.apptest import TIMEOUT, as_written
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file
from tests.sample import SAMPLE_AS_OF
from wording.validation import problem_text, say, with_messages

ROOT = Path(__file__).resolve().parent.parent
NOTE_KEYS = re.compile(r"""\bnote\(\s*(?:f?["'])([a-z_]+)""")
# keys made from facts (f"by_{reason}") or handed on by name ("capped_months")
INDIRECT = {"by_main_position", "by_highest_percent", "by_first_row", "capped_months",
            "capped_days", "course_unknown_person", "assessment_unknown_person"}


def used_keys() -> set[str]:
    sources = [*ROOT.glob("loaders/*.py"), *ROOT.glob("analysis/*.py"), ROOT / "state.py"]
    return {key for path in sources for key in NOTE_KEYS.findall(path.read_text())} - {"by_"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_note_the_code_gives_has_words_in_both_languages():
    catalogue = {key.removeprefix("issue.") for key in TEXTS if key.startswith("issue.")}
    assert sorted(used_keys() - catalogue) == []
    assert sorted(INDIRECT - catalogue) == []


@pytest.mark.parametrize("key", sorted(k for k in TEXTS if k.startswith("issue.")))
def test_bokmal_and_english_take_the_same_values(key):
    nb, en = TEXTS[key]
    assert nb and en and nb != en or key in {"issue.in_sheet"}
    assert fields(nb) == fields(en), key


def test_a_report_row_is_worded_in_the_readers_language():
    staff = csv_file("hr.csv", [STAFF_HEADER, [1, "Kari", "", "A", "A", "", "Kanskje", ""],
                                [2, "Per", "", "A", "A", "", "Ja", ""]])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [9, "", "Saksbehandlerskolen", "Fullført",
                                                    "01.02.2024"]])
    issues = load_dataset(staff=staff, courses=courses).issues
    assert list(issues.columns) == ["file", "sheet", "row", "column", "severity", "note"]
    rows = {lang: with_messages(issues, lang)[["row", "column", "message"]].values.tolist()
            for lang in (NB, EN)}
    assert rows[NB] == [
        [2, "Saksbehandler", "«Kanskje» er ikke Ja/Nei; personen regnes ikke som saksbehandler."],
        [2, "Ansattnr", "Kursdata for ukjent person: 9 finnes ikke i ansattlisten (1 rad)."]]
    assert rows[EN] == [
        [2, "Saksbehandler", "«Kanskje» is not Yes/No; the person does not count as a case "
                             "handler."],
        [2, "Ansattnr", "Course records for an unknown person: 9 is not in the staff list "
                        "(1 row)."]]


def test_a_refusal_names_the_file_and_labels_kinds_and_columns_per_language():
    missing = InputError("hr.xlsx", note("missing_columns", where=note("in_sheet", sheet="Ark"),
                                         column_groups=(("unit_id", "unit_name"),),
                                         kind="staff"))
    assert str(missing) == problem_text(missing) == (
        "hr.xlsx: arket «Ark» mangler kolonne for enhetskode/enhetsnavn (nødvendig i "
        "ansattliste (HR)).")
    assert problem_text(missing, EN) == (
        "hr.xlsx: the sheet «Ark» has no column for unit code/unit name (needed in staff list "
        "(HR)).")
    also = InputError("", note("upload_also", kinds=("staff", "courses")))
    assert problem_text(also, EN) == "Upload the staff list (HR) and course records too."
    assert say(note("appointment_ended", process="innsyn", date=SAMPLE_AS_OF,
                    as_of=SAMPLE_AS_OF), EN).startswith(
        "The appointment for access to records (innsyn) ended 01.11.2026;")


def test_the_english_data_page_shows_the_report_in_english():
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.query_params["lang"] = "en"
    app.run()
    app.switch_page("views/data.py").run()
    assert not app.exception
    report = next(frame.value for frame in app.dataframe if "Message" in frame.value.columns)
    first = report.iloc[0]
    assert (first["Row"], first["Column"], first["Severity"], first["Message"]) == (
        8, "Sluttdato", "Warning",
        "Left 30.04.2025: not counted as staff, process advisor or case handler as of "
        "01.11.2026.")
    assert len(report) == 87


def test_a_refused_upload_is_told_in_english():
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.query_params["lang"] = "en"
    app.run()
    courses = csv_file("kurs.csv", [COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført",
                                                    "01.02.2024"]])
    app.sidebar.file_uploader[0].set_value([("notat.txt", "Møtereferat\nHei hei".encode(),
                                             "text/plain"), (*courses, "text/csv")])
    app.run()
    assert not app.exception
    errors = [as_written(e.value) for e in app.sidebar.error]
    assert ("Not used: notat.txt: the columns are not recognised; is this a staff list, advisor "
            "list, course records, competency requirements or a units list?") in errors
    assert "Not used: Upload the staff list (HR) too." in errors
