"""Loaders on small hand-made files: headers, values, formats, matching, and what is reported."""

import datetime as dt

import pandas as pd
import pytest

from analysis import build_results
from loaders import InputError, load_dataset
from loaders.processes import parse_processes
from loaders.read import read_sheets
from loaders.schema import alias_index
from loaders.table import guess_kind, locate_table, why_not_recognised
from loaders.values import cell_text, id_text, parse_date, parse_flag, parse_status, texts_of
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file
from wording.validation import say, with_messages

NO_CASE_HANDLER_COLUMN = (
    1, "saksbehandler (ja/nei)", "warning",
    "Ansattlisten har ingen kolonne for saksbehandler (Ja/Nei): alle ansatte regnes som "
    "saksbehandlere og må ha Saksbehandlerskolen etter fristen.")


def issues_of(dataset):
    return [
        (i["row"], i["column"], i["severity"], i["message"])
        for i in with_messages(dataset.issues).to_dict("records")
    ]


@pytest.mark.parametrize(
    "kind,header,canonical",
    [
        ("staff", "Ansattnr", "employee_id"),
        ("staff", " ANSATTNUMMER ", "employee_id"),
        ("staff", "Ansatt\u00a0nr.", "employee_id"),
        ("staff", "Employee ID", "employee_id"),
        ("staff", "Org.enhet-ID", "unit_id"),
        ("staff", "Stedkode", "unit_id"),
        ("staff", "Organisasjonsenhet", "unit_name"),
        ("staff", "Fakultet/avdeling", "parent_id"),
        ("staff", "e-post", "email"),
        ("staff", "E-mail", "email"),
        ("staff", "Fornavn", "first_name"),
        ("staff", "Startdato", "start_date"),
        ("staff", "Saksbehandler", "case_handler"),
        ("staff", "Prosessrådgiver", "roles"),
        ("staff", "Roller", "roles"),
        ("staff", "Roles", "roles"),
        ("staff", "Stillingskode", "_ignored"),
        ("advisors", "Prosess", "process"),
        ("advisors", "Oppnevnt dato", "appointed_date"),
        ("courses", "Kurs", "course_title"),
        ("courses", "Kursnavn", "course_title"),
        ("courses", "Course title", "course_title"),
        ("courses", "Kurskode", "course_code"),
        ("courses", "Fullført dato", "completion_date"),
        ("courses", "STATUS", "status"),
        ("courses", "Gyldig til", "valid_until"),
        ("courses", "Time completed", "completion_date"),
        ("staff", "Sluttdato", "end_date"),
        ("staff", "End date", "end_date"),
        ("staff", "Stillingsprosent", "position_percent"),
        ("staff", "Stillingstype", "main_position"),
        ("staff", "Hovedstilling", "main_position"),
        ("advisors", "Til dato", "appointed_until"),
        ("advisors", "Sluttdato", "appointed_until"),
        ("advisors", "Fra dato", "appointed_date"),
        ("requirements", "Målgruppe", "audience"),
        ("requirements", "valid_months", "valid_months"),
        ("requirements", "Frist (dager)", "grace_days"),
        ("units", "Overordnet enhetskode", "parent_id"),
        ("units", "Enhetsnavn", "unit_name"),
    ],
)
def test_header_aliases(kind, header, canonical):
    assert alias_index(kind).canonical(header) == canonical


@pytest.mark.parametrize(
    "raw,expected",
    [
        (dt.datetime(2026, 6, 5, 0, 0), dt.date(2026, 6, 5)),
        (dt.date(2026, 6, 5), dt.date(2026, 6, 5)),
        ("05.06.2026", dt.date(2026, 6, 5)),
        ("5.6.2026", dt.date(2026, 6, 5)),
        ("2026-06-05", dt.date(2026, 6, 5)),
        ("2026-06-05 13:45:00", dt.date(2026, 6, 5)),
        ("05.06.2026 08:00", dt.date(2026, 6, 5)),
        ("2026-06-05T08:00:00", dt.date(2026, 6, 5)),
        (46178, dt.date(2026, 6, 5)),
        (46178.0, dt.date(2026, 6, 5)),
        ("46178", dt.date(2026, 6, 5)),
        ("05/06/2026", dt.date(2026, 6, 5)),
        ("\u00a005.06.2026 ", dt.date(2026, 6, 5)),
    ],
)
def test_dates(raw, expected):
    assert parse_date(raw) == (expected, True)


@pytest.mark.parametrize("raw", ["31.02.2026", "snart", "13.13.2020", "2026-00-01", -5])
def test_bad_dates_are_reported_not_guessed(raw):
    assert parse_date(raw) == (None, False)


@pytest.mark.parametrize(
    "raw,expected",
    [
        (12345, "12345"),
        (12345.0, "12345"),
        ("12345.0", "12345"),
        (" 12345 ", "12345"),
        ("090006", "090006"),
        (194660100.0, "194660100"),
        ("194660100", "194660100"),
        ("AB-12", "AB-12"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_ids_stay_text_as_written(raw, expected):
    assert id_text(raw) == expected


@pytest.mark.parametrize(
    "raw,processes,unknown",
    [
        ("saksbehandling; innsyn", ["saksbehandling", "innsyn"], []),
        ("PR SRU", ["SRU"], []),
        ("Innsyn/SRU", ["innsyn", "SRU"], []),
        ("Prosessrådgiver saksbehandling", ["saksbehandling"], []),
        ("saksbehandling, SRU", ["saksbehandling", "SRU"], []),
        ("Styrer, råd og utvalg", ["SRU"], []),
        ("INNSYN", ["innsyn"], []),
        ("PR-saksbehandling + innsyn", ["saksbehandling", "innsyn"], []),
        ("Nei", [], []),
        ("arkivleder", [], ["arkivleder"]),
        ("Alle prosesser", ["saksbehandling", "innsyn", "SRU"], []),
    ],
)
def test_role_strings(raw, processes, unknown):
    assert parse_processes(raw) == (processes, unknown)


DONE, NOT_DONE, EXPIRED = "completed", "not_completed", "expired"


@pytest.mark.parametrize(
    "raw,status",
    [
        ("Fullført", DONE),
        ("fullført", DONE),
        ("Gjennomført", DONE),
        ("Bestått", DONE),
        ("Godkjent", DONE),
        ("Completed", DONE),
        ("Passed", DONE),
        (" PASSED ", DONE),
        ("Completed (achieved pass grade)", DONE),
        ("Yes", DONE),
        ("Ja", DONE),
        ("Y", DONE),
        ("X", DONE),
        ("True", DONE),
        ("1", DONE),
        ("Påmeldt", NOT_DONE),
        ("Pågår", NOT_DONE),
        ("Ikke startet", NOT_DONE),
        ("Ikke bestått", NOT_DONE),
        ("Ikke godkjent", NOT_DONE),
        ("Enrolled", NOT_DONE),
        ("In progress", NOT_DONE),
        ("Not started", NOT_DONE),
        ("Not completed", NOT_DONE),
        ("Failed", NOT_DONE),
        ("Completed (did not achieve pass grade)", NOT_DONE),
        ("Complete (fail)", NOT_DONE),
        ("No", NOT_DONE),
        ("Nei", NOT_DONE),
        ("0", NOT_DONE),
        ("", NOT_DONE),
        ("Utløpt", EXPIRED),
        ("Expired", EXPIRED),
        ("Kanskje", None),
        ("Fullført (100 %)", DONE),
        ("Completed - 2024", DONE),
        ("Ikke fullført (50 %)", NOT_DONE),
        ("Ikke bestått - prøv igjen", NOT_DONE),
        ("Påmeldt, venter", NOT_DONE),
        ("Godkjent av leder", DONE),
    ],
)
def test_status_words(raw, status):
    assert parse_status(raw) == status


@pytest.mark.parametrize(
    "raw,flag",
    [
        ("Ja", True),
        ("nei", False),
        ("X", True),
        ("", False),
        ("Yes", True),
        (1, True),
        (0, False),
        ("tja", None),
    ],
)
def test_case_handler_flags(raw, flag):
    assert parse_flag(raw) is flag


def test_header_found_below_title_rows_on_the_data_sheet():
    file = xlsx_file(
        "hr.xlsx",
        {
            "Forside": [["Personalrapport"], ["Generert av HR-systemet"]],
            "Ansatte": [
                ["Rapport: Ansatte"],
                ["Uttrekksdato: 01.11.2026"],
                [],
                [],
                ["ANSATTNR", "Fornavn", "Etternavn", "Org.enhet-ID"],
                [7, "Kari", "Li", "A"],
            ],
        },
    )
    table = locate_table(read_sheets(file), "staff")
    assert (table.sheet, table.header_row) == ("Ansatte", 5)
    assert list(table.frame.index) == [6]


@pytest.mark.parametrize(
    "name,rows,kind",
    [
        ("a.csv", [STAFF_HEADER], "staff"),
        ("b.csv", [COURSE_HEADER], "courses"),
        ("c.csv", [["Ansattnr", "Navn", "Enhet", "Prosess", "Oppnevnt dato"]], "advisors"),
        ("d.csv", [["ID", "Navn", "Målgruppe", "Kurs", "Gyldighet (måneder)"]], "requirements"),
        ("e.csv", [["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"]], "units"),
        ("f.csv", [["Dato", "Beløp"]], None),
    ],
)
def test_kind_guessed_from_headers(name, rows, kind):
    assert guess_kind(read_sheets(csv_file(name, rows))) == kind


STAFF_ROWS = [
    STAFF_HEADER,
    [1, "Åse Sæther", "ase@x.no", "090006", "Inst Ø", "05.06.2020", "Ja", "Innsyn/SRU"],
]


def _staff_frame(file):
    return load_dataset(staff=file, courses=csv_file("k.csv", [COURSE_HEADER])).staff


@pytest.mark.parametrize(
    "sep,encoding",
    [(";", "utf-8"), (",", "utf-8"), ("\t", "utf-8"), (";", "utf-8-sig"), (";", "cp1252")],
)
def test_csv_separators_and_encodings(sep, encoding):
    name, data = csv_file("hr.csv", STAFF_ROWS, sep=sep)
    staff = _staff_frame((name, data.decode("utf-8").encode(encoding)))
    assert staff.loc[0, ["employee_id", "name", "unit_id", "unit_name"]].tolist() == [
        "1",
        "Åse Sæther",
        "090006",
        "Inst Ø",
    ]
    assert staff.loc[0, "start_date"] == pd.Timestamp(2020, 6, 5)


def test_xls_and_ods_read_like_xlsx(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Ansatte")
    for r, row in enumerate(STAFF_ROWS):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(tmp_path / "hr.xls")
    pd.DataFrame(STAFF_ROWS[1:], columns=STAFF_ROWS[0]).to_excel(
        tmp_path / "hr.ods", engine="odf", index=False
    )
    expected = _staff_frame(xlsx_file("hr.xlsx", {"Ansatte": STAFF_ROWS}))
    for path in (tmp_path / "hr.xls", tmp_path / "hr.ods"):
        assert (
            _staff_frame(str(path))
            .drop(columns="start_date")
            .equals(expected.drop(columns="start_date"))
        )


def test_people_matched_by_id_then_email_then_name():
    staff = csv_file(
        "hr.csv",
        [
            STAFF_HEADER,
            [1, "Kari Li", "kari@x.no", "A", "A", "", "Ja", ""],
            [2, "Ola Berg", "ola@x.no", "A", "A", "", "Ja", ""],
            [3, "Ola Berg", "ola2@x.no", "B", "B", "", "Ja", ""],
        ],
    )
    advisors = csv_file(
        "r.csv",
        [
            ["Ansattnr", "E-post", "Navn", "Prosess"],
            [1.0, "", "", "innsyn"],
            ["", "KARI@X.NO", "", "SRU"],
            ["", "", "kari li", "saksbehandling"],
            ["", "", "Ola Berg", "innsyn"],
            [99, "", "", "SRU"],
        ],
    )
    dataset = load_dataset(
        staff=staff, courses=csv_file("k.csv", [COURSE_HEADER]), advisors=advisors
    )
    assert sorted(
        zip(dataset.advisors["employee_id"], dataset.advisors["process"], strict=True)
    ) == [("1", "SRU"), ("1", "innsyn"), ("1", "saksbehandling")]
    assert issues_of(dataset) == [
        (5, "Ansattnr", "warning", "Oppnevnt, men ikke ansatt: navnet «Ola Berg» passer flere "
         "ansatte. Oppnevningen telles ikke."),
        (6, "Ansattnr", "warning", "Oppnevnt, men ikke ansatt: 99 finnes ikke i ansattlisten. "
         "Oppnevningen telles ikke."),
    ]


def test_every_dropped_merged_or_guessed_row_is_reported():
    staff = csv_file(
        "hr.csv",
        [
            ["Rapport"],
            [],
            STAFF_HEADER,
            [1, "Kari", "", "A", "Inst A", "31.02.2020", "Ja", "innsyn"],
            [1, "Kari", "", "A", "Inst A", "", "Ja", ""],
            [1, "Kari", "", "B", "Inst B", "", "kanskje", "arkivleder"],
            ["", "", "", "A", "Inst A", "", "", ""],
            [2, "Per", "", "", "", "", "Ja", ""],
            [],
            ["Sum", "", "", "", "", "", "", ""],
        ],
    )
    units = csv_file("e.csv", [["Enhetskode", "Enhetsnavn"], ["A", "Inst A"]])
    courses = csv_file(
        "k.csv",
        [
            COURSE_HEADER,
            [1, "", "Saksbehandlerskolen", "Halvveis", ""],
            [77, "", "Saksbehandlerskolen", "Fullført", "01.01.2026"],
        ],
    )
    dataset = load_dataset(staff=staff, courses=courses, units=units)
    assert issues_of(dataset) == [
        (10, "", "warning", "Summeringsrad «Sum» er hoppet over."),
        (9, "", "warning", "1 tom rad mellom dataradene er hoppet over."),
        (
            4,
            "Startdato",
            "warning",
            "«31.02.2020» er ikke en dato (bruk dd.mm.åååå); verdien er ignorert.",
        ),
        (
            6,
            "Saksbehandler",
            "warning",
            "«kanskje» er ikke Ja/Nei; personen regnes ikke som saksbehandler.",
        ),
        (7, "Ansattnr", "error", "Raden mangler ansattnummer, e-post og navn og er ikke tatt med."),
        (8, "Enhetskode", "error", "Per mangler enhet og er ikke tatt med."),
        (
            6,
            "Roller",
            "warning",
            "Forstår ikke «arkivleder» i rollen «arkivleder»; kjente "
            "prosesser er saksbehandling, innsyn og SRU.",
        ),
        (
            6,
            "Enhetskode",
            "warning",
            "Enheten «B» finnes ikke i enhetslisten; den vurderes likevel.",
        ),
        (
            5,
            "Ansattnr",
            "warning",
            "Ansattnummer 1 står flere ganger i samme enhet; radene slås sammen (tidligste "
            "startdato, saksbehandler om en rad sier det, roller lagt sammen).",
        ),
        (
            6,
            "Ansattnr",
            "warning",
            "Ansattnummer 1 står i flere enheter; personen telles i hver av dem (også i B).",
        ),
        (2, "Status", "warning", "Ukjent status «Halvveis»; regnes som ikke fullført."),
        (
            3,
            "Ansattnr",
            "warning",
            "Kursdata for ukjent person: 77 finnes ikke i ansattlisten (1 rad).",
        ),
    ]
    assert sorted(dataset.staff["unit_id"]) == ["A", "A", "B"]
    assert sorted(build_results(dataset, as_of=dt.date(2026, 11, 1)).staff["unit_id"]) == [
        "A", "B"]


def test_formula_without_saved_value_is_a_warning_not_a_zero():
    staff = xlsx_file(
        "hr.xlsx",
        {"Ark": [["Ansattnr", "Navn", "Enhet"], [1, "Kari", "A"], [2, '=CONCAT("Pe","r")', "A"]]},
    )
    dataset = load_dataset(staff=staff, courses=csv_file("k.csv", [COURSE_HEADER]))
    assert issues_of(dataset) == [
        (
            3,
            "Navn",
            "warning",
            "Formelcellen har ingen lagret verdi og "
            "er lest som tom. Åpne filen i Excel, lagre den og last den "
            "opp på nytt.",
        ),
        NO_CASE_HANDLER_COLUMN,
    ]
    assert dataset.staff["name"].tolist() == ["Kari", ""]


RAW_CELLS = ["  Kari\u00a0 Nordmann ", "12345.0", 12345.0, 7, None, "", "a\tb\nc", "090006",
             dt.datetime(2026, 6, 5), 1.5, True, "12345.00", " 42.0 "]


@pytest.mark.parametrize("as_id", [False, True])
def test_vectorised_texts_equal_the_cell_by_cell_ones(as_id):
    convert = id_text if as_id else cell_text
    assert texts_of(RAW_CELLS, as_id=as_id) == [convert(v) for v in RAW_CELLS]


def test_one_yes_no_column_per_process():
    staff = csv_file("hr.csv", [["Ansattnr", "Navn", "Enhet", "PR saksbehandling", "PR innsyn"],
                                [1, "Kari", "A", "Ja", ""], [2, "Ola", "A", "", "x"],
                                [3, "Per", "B", "", ""]])
    advisors = csv_file("r.csv", [["Ansattnr", "Enhet", "Saksbehandling", "Innsyn", "SRU"],
                                  [3, "B", "x", "", "x"], [1, "", "", "", "X"]])
    dataset = load_dataset(staff=staff, courses=csv_file("k.csv", [COURSE_HEADER]),
                           advisors=advisors)
    advisors = build_results(dataset, as_of=dt.date(2026, 11, 1)).advisors
    assert sorted(zip(advisors["unit_id"], advisors["employee_id"], advisors["process"],
                      strict=True)) == [
        ("A", "1", "SRU"), ("A", "1", "saksbehandling"), ("A", "2", "innsyn"),
        ("B", "3", "SRU"), ("B", "3", "saksbehandling")]
    assert issues_of(dataset) == [NO_CASE_HANDLER_COLUMN]


def test_blank_rows_between_data_get_one_note_and_trailing_ones_none():
    rows = [["Ansattnr", "Navn", "Enhet"], [1, "Kari", "A"], [], [], [2, "Ola", "A"], [], [], []]
    dataset = load_dataset(staff=csv_file("hr.csv", rows),
                           courses=csv_file("k.csv", [COURSE_HEADER]))
    assert issues_of(dataset) == [(3, "", "warning",
                                   "2 tomme rader mellom dataradene er hoppet over."),
                                  NO_CASE_HANDLER_COLUMN]
    assert len(dataset.staff) == 2


COURSES_WITHOUT_PERSON = ("kurs_uten_person.xlsx", {"Ark": [
    ["Kurskode", "Kurs", "Status"], ["K1", "Saksbehandlerskolen", "Fullført"]]})


def test_a_course_export_without_any_person_column_is_named_as_such():
    staff = csv_file("hr.csv", [STAFF_HEADER, [1, "Kari", "", "A", "A", "", "Ja", ""]])
    with pytest.raises(InputError) as refused:
        load_dataset(staff=staff, courses=xlsx_file(*COURSES_WITHOUT_PERSON))
    assert str(refused.value) == (
        "kurs_uten_person.xlsx: fant ingen kolonne som identifiserer personen (ansattnr, e-post "
        "eller navn) i arket «Ark» (nødvendig i kursdata).")


def test_an_upload_no_kind_fits_is_told_what_its_closest_kind_lacks():
    sheets = read_sheets(xlsx_file(*COURSES_WITHOUT_PERSON))
    assert guess_kind(sheets) is None
    assert say(why_not_recognised(sheets)) == (
        "ser ut som kursdata, men fant ingen kolonne som identifiserer personen (ansattnr, "
        "e-post eller navn) i arket «Ark» (nødvendig i kursdata).")
