"""Reopen every export: the Excel report, the meeting deck and the PDF."""

import base64
import datetime as dt
import io
import json
import math
import re
import zipfile
import zlib

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import report
from analysis import build_results
from charts.meeting import make_gap_table, make_suppressed_share_heatmap
from exports import SAMPLE_MARKER
from exports.excel import (
    ABOUT_SHEET,
    GAPS_SHEET,
    ISSUES_SHEET,
    PROCESS_HEATMAP_SHEET,
    SUMMARY_SHEET,
    TRAINING_HEATMAP_SHEET,
    UNIT_PROCESS_SHEET,
    UNIT_REQUIREMENT_SHEET,
    cell_value,
    write_excel_report,
)
from exports.figures import meeting_content
from exports.pdf import build_pdf
from exports.slides import build_deck
from i18n import (
    GAP_HEADERS,
    GAP_KIND_LABELS,
    ISSUE_LABELS,
    SUMMARY_HEADERS,
    UNIT_PROCESS_HEADERS,
    UNIT_REQUIREMENT_HEADERS,
)
from loaders import load_dataset
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file
from tests.sample import GOLDEN, SAMPLE_AS_OF, SAMPLE_INPUTS


@pytest.fixture(scope="module")
def sample():
    dataset = load_dataset(**SAMPLE_INPUTS)
    return dataset, build_results(dataset, as_of=SAMPLE_AS_OF)


@pytest.fixture(scope="module")
def workbook(sample):
    dataset, results = sample
    buffer = io.BytesIO()
    write_excel_report(results, buffer, dataset.tables)
    return buffer.getvalue()


def _golden(table):
    return json.loads((GOLDEN / f"{table}.json").read_text(encoding="utf-8"))


def _rows(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_report_has_a_sheet_per_table_with_norwegian_headers(workbook):
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    assert book.sheetnames == [ABOUT_SHEET, PROCESS_HEATMAP_SHEET, TRAINING_HEATMAP_SHEET,
                               SUMMARY_SHEET, UNIT_PROCESS_SHEET, UNIT_REQUIREMENT_SHEET,
                               GAPS_SHEET, ISSUES_SHEET]
    for title, headers in [(SUMMARY_SHEET, SUMMARY_HEADERS),
                           (UNIT_PROCESS_SHEET, UNIT_PROCESS_HEADERS),
                           (UNIT_REQUIREMENT_SHEET, UNIT_REQUIREMENT_HEADERS),
                           (GAPS_SHEET, GAP_HEADERS), (ISSUES_SHEET, ISSUE_LABELS)]:
        sheet = book[title]
        assert _rows(sheet)[0] == tuple(headers.values())
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
    assert SUMMARY_HEADERS["compliant"] == "Oppfyller kravene"
    widths = book[SUMMARY_SHEET].column_dimensions
    assert widths["B"].width > 40 > widths["D"].width  # unit names wide, staff counts narrow


def test_unit_sheets_equal_the_golden_tables(workbook):
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    _, summary = _rows(book[SUMMARY_SHEET])
    golden = _golden("unit_summary")
    assert len(summary) == 65
    assert sum(row[-1] == "Ja" for row in summary) == 25
    assert [list(row) for row in summary] == [
        [g["unit_id"], g["unit_name"], g["parent_id"], g["staff"], g["advisors"],
         g["missing_processes"], g["advisors_missing_requirements"],
         "Ja" if g["compliant"] else "Nei"] for g in golden]
    _, processes = _rows(book[UNIT_PROCESS_SHEET])
    assert [row[4] for row in processes] == [g["advisors"] for g in _golden("unit_process")]
    _, requirements = _rows(book[UNIT_REQUIREMENT_SHEET])
    golden = _golden("unit_requirement")
    assert [(r[0], r[2], r[4], r[5]) for r in requirements] == [
        (g["unit_id"], g["requirement_id"], g["target"], g["met"]) for g in golden]
    assert [r[6] for r in requirements] == [g["share"] for g in golden]  # real numbers, or empty


def test_gap_sheet_holds_every_gap_with_norwegian_kinds(workbook):
    _, gaps = _rows(openpyxl.load_workbook(io.BytesIO(workbook))[GAPS_SHEET])
    golden = _golden("gaps")
    assert len(gaps) == 382
    assert [(r[0], r[1], r[4] or "", r[6]) for r in gaps] == [
        (GAP_KIND_LABELS[g["kind"]], g["unit_id"], g["employee_id"], g["message"])
        for g in golden]
    assert sum(r[0] == "Saksbehandler mangler krav" for r in gaps) == 287


def test_heatmap_sheet_has_counts_and_rule_colours(workbook):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook))[PROCESS_HEATMAP_SHEET]
    header, rows = _rows(sheet)
    assert header == ("Fakultet / område", "Enhetskode", "Enhet", "Saksbehandling", "Innsyn",
                      "SRU", "Ulike personer (min. 2)")
    by_unit = {row[1]: row for row in rows}
    assert len(by_unit) == 65
    assert by_unit["IEL"][3:] == (1, 1, 1, 1)  # one person for all three processes
    assert by_unit["UB"][3:] == (0, 0, 0, 0)
    assert sheet.freeze_panes == "D2"
    rules = {str(r.sqref): [(x.operator, x.formula, x.dxf.fill.fgColor.rgb) for x in r.rules]
             for r in sheet.conditional_formatting}
    assert rules == {
        "D2:F66": [("greaterThanOrEqual", ["1"], "0056B4E9"), ("lessThan", ["1"], "00E69F00")],
        "G2:G66": [("greaterThanOrEqual", ["2"], "0056B4E9"), ("lessThan", ["2"], "00E69F00")],
    }
    training = openpyxl.load_workbook(io.BytesIO(workbook))[TRAINING_HEATMAP_SHEET]
    assert [r.sqref for r in training.conditional_formatting][0] == "D2:L66"  # K1-K8 columns
    assert training["D2"].number_format == "0%"


def test_about_sheet_names_the_date_inputs_and_thresholds(workbook):
    sheet = openpyxl.load_workbook(io.BytesIO(workbook))[ABOUT_SHEET]
    pairs = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert pairs["Beregnet per"] == dt.datetime(2026, 11, 1)
    assert pairs["Enheter som oppfyller kravene"] == 25
    assert pairs["Minst antall ulike rådgivere per enhet"] == 2
    assert pairs["Frist for saksbehandlere (dager etter start)"] == 90
    assert pairs["ansattliste (HR)"] == "hr_ansatte.xlsx"  # the file name, not the path
    assert pairs["kursdata"] == "kursdata.xlsx"


def test_document_properties_name_nobody(workbook):
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "creator" not in core and "lastModifiedBy" not in core
    assert "Prosessrådgivere" in core


def test_text_from_files_never_becomes_a_formula():
    staff = csv_file("=HYPERLINK(x).csv", [
        STAFF_HEADER,
        [1, "@cmd", "a@x.no", "=SUM(1)", "=SUM(1)", "01.01.2020", "Ja", "saksbehandling"],
        [2, "-2+3", "b@x.no", "+47", "+Seksjon", "01.01.2020", "Ja", "innsyn"],
    ])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [1, "K3", "", "Fullført", "01.02.2024"]])
    dataset = load_dataset(staff=staff, courses=courses)
    results = build_results(dataset, as_of=SAMPLE_AS_OF)
    buffer = io.BytesIO()
    write_excel_report(results, buffer, dataset.tables)
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert {"'=SUM(1)", "'+47", "'+Seksjon", "'=HYPERLINK(x).csv"} <= texts
    assert not [t for t in texts if t[0] in "=+-@\t\r"]
    _, summary = _rows(book[SUMMARY_SHEET])
    assert [row[3] for row in summary] == [1, 1]  # staff counts stay numbers


@pytest.mark.parametrize("value,expected", [
    (-3, -3), (-2.5, -2.5), (0.75, 0.75), (True, "Ja"), (None, None), (float("nan"), None),
    ("-3", "'-3"), ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("a\x01b", "ab"), ("Innsyn", "Innsyn"),
])
def test_cell_values_neutralise_text_and_keep_numbers(value, expected):
    assert cell_value(value) == expected


@pytest.fixture(scope="module")
def meeting(sample):
    _, results = sample
    content = meeting_content(results)
    deck, pdf = io.BytesIO(), io.BytesIO()
    build_deck(content).save(deck)
    build_pdf(content, pdf)
    return content, deck.getvalue(), pdf.getvalue()


def _pptx_text(data: bytes) -> str:
    """Every text in every XML part of the deck (slides, notes, properties, alt texts)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [archive.read(n).decode("utf-8") for n in archive.namelist()
                 if n.endswith(".xml") or n.endswith(".rels")]
    return "\n".join(re.sub(r"<[^>]+>", " ", part) for part in parts)


def _page_streams(data: bytes) -> list[bytes]:
    """The PDF's decompressed page content streams (images skipped: they hold no text)."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        if b"/Image" in data[data.rfind(b" obj", 0, match.start()):match.start()]:
            continue
        body = match.group(1)
        if b"/ASCII85Decode" in data[data.rfind(b" obj", 0, match.start()):match.start()]:
            body = base64.a85decode(body.strip().removesuffix(b"~>"))
        try:
            streams.append(zlib.decompress(body))
        except (ValueError, zlib.error):
            continue
    return streams


def _pdf_text(data: bytes) -> str:
    """The text shown on the PDF's pages."""
    texts = []
    for raw in _page_streams(data):
        for literal in re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", raw):
            text = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), literal)
            texts.append(re.sub(rb"\\(.)", rb"\1", text).decode("cp1252"))
    return "\n".join(texts)


def _staff_names_and_ids(dataset):
    names = (set(dataset.staff["name"]) | set(dataset.courses["name"])) - {""}
    return names, set(dataset.staff["employee_id"])


def test_deck_has_title_kpis_heatmap_pictures_and_gaps(meeting):
    content, deck, _ = meeting
    slides = list(Presentation(io.BytesIO(deck)).slides)
    assert len(slides) == 2 + 13 + 2  # title, KPIs, 2 roll-ups + 11 faculties, gaps, rules
    pictures = [s for slide in slides for s in slide.shapes
                if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 13
    assert all(p.image.content_type == "image/png" and p.width > 0 for p in pictures)

    def text(slide):
        return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)

    assert "01.11.2026" in text(slides[0])
    assert {"65", "25 av 65", "141", "114 av 141", "912 av 1199"} <= set(
        s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    table = next(s.table for s in slides[-2].shapes if s.has_table)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == list(content.gaps.columns)
    assert rows[-1] == ["", "Alle 65 enheter", "27 i alt", "141", "27", "287 av 1199"]
    kavli = next(row for row in rows if row[1] == "Kavliinstitutt for nevrovitenskap")
    assert kavli[-1] == "<5"  # three case handlers due


def test_deck_and_pdf_name_no_person(sample, meeting):
    dataset, _ = sample
    _, deck, pdf = meeting
    names, ids = _staff_names_and_ids(dataset)
    assert len(names) > 2000
    for text in (_pptx_text(deck), _pdf_text(pdf)):
        assert "Kavliinstitutt for nevrovitenskap" in text  # the text was read
        assert not [name for name in names if name in text]
        assert not set(re.findall(r"\b\d{5,}\b", text)) & ids
    properties = Presentation(io.BytesIO(deck)).core_properties
    assert (properties.author, properties.last_modified_by) == ("", "")


def test_pdf_has_the_same_content(meeting):
    _, _, pdf = meeting
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf)
    for expected in ("25 av 65", "912 av 1199", "Dekning per fakultet", "Fakultet for økonomi",
                     "Alle 65 enheter", "287 av 1199", "<5"):
        assert expected in text
    drawn = {name for raw in _page_streams(pdf) for name in re.findall(rb"/([\w.]+) Do", raw)}
    assert len(drawn) == 13
    assert b"/Author ()" in pdf


def test_a_faculty_deck_suppresses_small_groups_and_shows_the_change(sample):
    _, results = sample
    change = "Siden øyeblikksbildet 01.09.2026: fra 0 til 1 enheter som oppfyller kravene."
    content = meeting_content(results, "MH", change)
    deck, pdf = io.BytesIO(), io.BytesIO()
    build_deck(content).save(deck)
    build_pdf(content, pdf)
    assert change in _pdf_text(pdf.getvalue())
    slides = list(Presentation(deck).slides)
    assert change in [s.text_frame.text for s in slides[1].shapes if s.has_text_frame]
    assert len(slides) == 2 + 2 + 2  # one faculty: its unit heatmap and its training heatmap
    assert {k.label: k.value for k in content.kpis}["Saksbehandlere med opplæring"] == "69 av 98"
    table = next(s.table for s in slides[-2].shapes if s.has_table)
    rows = {row.cells[1].text: [c.text for c in row.cells] for row in table.rows}
    assert rows["Kavliinstitutt for nevrovitenskap"][3:] == ["1", "0", "<5"]
    assert rows["Institutt for samfunnsmedisin og sykepleie"][3:] == ["2", "<5", "4 av 9"]
    assert rows["Alle 8 enheter"][2:] == ["7 i alt", "14", "<5", "29 av 98"]
    # The table lists all eight units: Kavli's hidden "<5" would be 29 av 98 minus the other
    # rows, so the smallest other row is hidden too, and "10 av 14" advisors trained with it.
    assert rows["Institutt for psykisk helse"][-1] == "skjult"
    assert {k.label: k.value for k in content.kpis}["Rådgivere med all opplæring"] == (
        "alle unntatt <5")
    assert "«skjult»" in content.suppression_note


def test_meeting_charts_show_markup_from_files_as_plain_text():
    table = pd.DataFrame({"unit": ["<b>Seksjon</b> & co", "Alle 1 enheter"],
                          "case_handlers_lacking": ["<5", "3 av 9"]})
    cells = make_gap_table(table, {"unit": "Enhet", "case_handlers_lacking": "Mangler"}).data[0]
    assert list(cells.cells.values[0]) == ["&lt;b&gt;Seksjon&lt;/b&gt; &amp; co", "Alle 1 enheter"]
    assert list(cells.cells.values[1]) == ["&lt;5", "3 av 9"]
    training = pd.DataFrame({"row_id": ["X"], "row_name": ["<a href='https://x.no'>X</a>"],
                             "measure": ["K1 <i>rådgivere</i>"], "met": [3], "target": [4]})
    heatmap = make_suppressed_share_heatmap(training, 5).data[1]
    assert list(heatmap.y) == ["&lt;a href='https://x.no'&gt;X&lt;/a&gt;"]
    assert list(heatmap.x) == ["K1<br>&lt;i&gt;rådgivere&lt;/i&gt;"]
    assert heatmap.text[0][0] == "<5"  # a group of four: number and colour hidden
    assert math.isnan(heatmap.z[0][0])


def test_command_line_writes_the_report_the_deck_and_the_pdf(tmp_path):
    staff = tmp_path / "ansatte.csv"
    staff.write_bytes(csv_file("ansatte.csv", [
        STAFF_HEADER,
        [1, "Anne Li", "a@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", "saksbehandling; SRU"],
        [2, "Bo Ek", "b@x.no", "A1", "Seksjon A", "01.01.2020", "Ja", "innsyn"],
    ])[1])
    courses = tmp_path / "kurs.csv"
    courses.write_bytes(csv_file("kurs.csv", [COURSE_HEADER,
                                              [1, "K3", "", "Fullført", "01.02.2024"]])[1])
    out = {suffix: tmp_path / f"rapport.{suffix}" for suffix in ("xlsx", "pptx", "pdf")}
    assert report.main(["--staff", str(staff), "--courses", str(courses), "--as-of",
                        "2026-11-01", *(arg for s, path in out.items()
                                         for arg in (f"--{s}", str(path)))]) == 0
    book = openpyxl.load_workbook(out["xlsx"])
    assert book[SUMMARY_SHEET]["B2"].value == "Seksjon A"
    deck = Presentation(out["pptx"])
    assert len(deck.slides) == 2 + 3 + 2  # roll-ups and one faculty (the unit itself)
    text = _pptx_text(out["pptx"].read_bytes()) + _pdf_text(out["pdf"].read_bytes())
    assert "Seksjon A" in text
    assert "Anne Li" not in text and "Bo Ek" not in text


def _pdf_pages_text(data: bytes) -> list[str]:
    """The text of each page: reportlab writes one content stream per page, in page order."""
    pages = len(re.findall(rb"/Type /Page\b", data))
    texts = []
    for raw in _page_streams(data):
        shown = re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", raw)
        texts.append("\n".join(re.sub(rb"\\(.)", rb"\1", re.sub(
            rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), s)).decode("cp1252")
            for s in shown))
    assert len(texts) == pages
    return texts


def _sheet_texts(data: bytes) -> dict[str, str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: " ".join(str(c.value) for row in sheet.iter_rows(max_row=3)
                                  for c in row if c.value is not None) for sheet in book}


@pytest.mark.parametrize("marked", [True, False])
def test_exports_of_the_sample_data_say_so_on_every_page_slide_and_sheet(sample, marked):
    dataset, results = sample
    content = meeting_content(results, "MH", sample=marked)
    deck, pdf, workbook = io.BytesIO(), io.BytesIO(), io.BytesIO()
    build_deck(content).save(deck)
    build_pdf(content, pdf)
    write_excel_report(results, workbook, dataset.tables, sample=marked)
    pages = _pdf_pages_text(pdf.getvalue())
    slides = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
              for slide in Presentation(io.BytesIO(deck.getvalue())).slides]
    sheets = _sheet_texts(workbook.getvalue())
    assert len(pages) >= 5 and len(slides) == 6 and len(sheets) == 8
    for texts in (pages, slides, list(sheets.values())):
        assert [SAMPLE_MARKER in text for text in texts] == [marked] * len(texts)
    if marked:  # the tables start under the marker, headers intact
        book = openpyxl.load_workbook(io.BytesIO(workbook.getvalue()))
        assert book[SUMMARY_SHEET]["A1"].value == SAMPLE_MARKER
        assert [c.value for c in book[SUMMARY_SHEET][2]] == list(SUMMARY_HEADERS.values())
        assert book[SUMMARY_SHEET].freeze_panes == "A3"
        assert book[ABOUT_SHEET]["A1"].value.startswith("Prosessrådgivere")


def test_the_command_line_marks_the_bundled_sample_files(tmp_path):
    out = {suffix: tmp_path / f"rapport.{suffix}" for suffix in ("xlsx", "pptx", "pdf")}
    paths = [arg for kind in ("staff", "courses", "advisors", "requirements", "units")
             for arg in (f"--{kind}", str(SAMPLE_INPUTS[kind]))]
    assert report.main([*paths, "--as-of", "2026-11-01",
                        *(arg for s, path in out.items() for arg in (f"--{s}", str(path)))]) == 0
    assert all(SAMPLE_MARKER in text for text in _sheet_texts(out["xlsx"].read_bytes()).values())
    assert all(SAMPLE_MARKER in text for text in _pdf_pages_text(out["pdf"].read_bytes()))
    assert all(SAMPLE_MARKER in " ".join(s.text_frame.text for s in slide.shapes
                                         if s.has_text_frame)
               for slide in Presentation(out["pptx"]).slides)
    assert report.is_sample([str(SAMPLE_INPUTS["staff"])])
    copy = tmp_path / "kopi.xlsx"  # the same bytes anywhere are still the fictional people
    copy.write_bytes(SAMPLE_INPUTS["courses"].read_bytes())
    assert report.is_sample([None, str(copy)])
    assert not report.is_sample([str(tmp_path / "missing.xlsx")])
