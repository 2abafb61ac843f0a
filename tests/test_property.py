"""Random bytes and random tables never raise anything but the project's own InputError."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import build_results
from loaders import InputError, load_dataset
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, xlsx_file

COURSES = csv_file("k.csv", [COURSE_HEADER, [1, "", "Saksbehandlerskolen", "Fullført", ""]])
STAFF = csv_file("a.csv", [STAFF_HEADER, [1, "Kari", "", "A", "A", "", "Ja", "innsyn"]])
CELLS = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
    st.integers(-(10**6), 10**9),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.sampled_from(
        [
            "Ansattnr",
            "Navn",
            "Enhet",
            "Kurs",
            "Status",
            "Fullført",
            "Ja",
            "Nei",
            "innsyn/SRU",
            "31.02.2026",
            "12345.0",
            "=1+1",
            "Sum",
            "\u00a0",
        ]
    ),
)
TABLES = st.lists(st.lists(CELLS, min_size=1, max_size=8), min_size=0, max_size=12)
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _load(staff, courses=COURSES):
    try:
        dataset = load_dataset(staff=staff, courses=courses)
    except InputError:
        return
    build_results(dataset, as_of=dt.date(2026, 11, 1))


@FAST
@given(st.binary(max_size=2048), st.sampled_from(["x.xlsx", "x.csv", "x.xls", "x.ods"]))
def test_random_bytes(data, name):
    _load((name, data))
    _load(STAFF, (name, data))


@FAST
@given(st.binary(max_size=512))
def test_random_bytes_behind_a_zip_header(tail):
    _load(("x.xlsx", b"PK\x03\x04" + tail))


@FAST
@given(TABLES)
def test_random_tables_as_csv(rows):
    _load(csv_file("t.csv", [STAFF_HEADER, *rows]))
    _load(STAFF, csv_file("k.csv", [COURSE_HEADER, *rows]))


@FAST
@given(TABLES)
def test_random_tables_as_xlsx(rows):
    _load(xlsx_file("t.xlsx", {"Ark": [STAFF_HEADER, *rows]}))
    _load(STAFF, xlsx_file("k.xlsx", {"Ark": [COURSE_HEADER, *rows]}))
