"""The Excel report: every result table with Norwegian headers, two heatmaps and a cover sheet.

Every text cell goes through `neutralise`, so no text from an input file can become a formula;
numbers stay numbers."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.hierarchy import FACULTY_ID, FACULTY_NAME
from analysis.results import Results
from analysis.suppression import judged_faculties
from charts.heatmaps import RULE_BROKEN, RULE_MET, SHARE_SCALE
from exports import SAMPLE_MARKER
from exports.safe import neutralise
from i18n import (
    GAP_HEADERS,
    GAP_KIND_LABELS,
    ISSUE_LABELS,
    MEETING_TITLE,
    NB,
    SEVERITY_LABELS,
    SUMMARY_HEADERS,
    TOTAL_ADVISORS,
    UNIT_PROCESS_HEADERS,
    UNIT_REQUIREMENT_HEADERS,
    YES_NO,
    audience_label,
    process_label,
)
from loaders import TableInfo
from loaders.schema import KIND_LABELS, PROCESS, REQUIREMENT_ID, UNIT_ID, UNIT_NAME
from wording.gaps import with_messages
from wording.validation import with_messages as issue_messages

ABOUT_SHEET = "Om rapporten"
PROCESS_HEATMAP_SHEET = "Varmekart prosesser"
TRAINING_HEATMAP_SHEET = "Varmekart kompetanse"
SUMMARY_SHEET = "Enheter"
UNIT_PROCESS_SHEET = "Prosesser per enhet"
UNIT_REQUIREMENT_SHEET = "Kompetanse per enhet"
GAPS_SHEET = "Avvik"
ISSUES_SHEET = "Valideringsrapport"
FACULTY_HEADER = "Fakultet / område"
PERCENT = "0%"
DATE = "DD.MM.YYYY"
MAX_WIDTH = 70

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
_TITLE_FONT = Font(bold=True, size=14)
_SECTION_FONT = Font(bold=True, size=12)
_MARKER_COLOUR = "E69F00"  # the heatmaps' orange, as the app's sample-data box
_MARKER_FONT = Font(bold=True, size=12)
_MARKER_FILL = PatternFill("solid", fgColor=_MARKER_COLOUR)


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#"), bgColor=colour.lstrip("#"))


def cell_value(value: object) -> object:
    """A value as it may go into a cell: text neutralised, numbers and dates as they are."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return YES_NO[value]
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.date | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):  # numpy scalars
        return cell_value(value.item())
    return neutralise(str(value))


@dataclass(frozen=True)
class Column:
    """One column of a table sheet: where its values come from and how they look."""

    key: str
    header: str
    number_format: str | None = None


def write_table(sheet: Worksheet, columns: Sequence[Column], frame: pd.DataFrame,
                 start_row: int = 1) -> None:
    """A header row and the frame's rows, with filter, frozen header and fitting widths."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=start_row, column=index, value=cell_value(column.header))
        cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    values = [frame[column.key].tolist() for column in columns]
    for offset, row in enumerate(zip(*values, strict=True), start=1):
        for index, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            cell = sheet.cell(row=start_row + offset, column=index, value=cell_value(value))
            if column.number_format:
                cell.number_format = column.number_format
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A{start_row}:{last}{start_row + max(len(frame), 1)}"
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    _fit_widths(sheet, columns, values)


def _fit_widths(sheet: Worksheet, columns: Sequence[Column],
                values: Sequence[Iterable[object]]) -> None:
    for index, (column, cells) in enumerate(zip(columns, values, strict=True), start=1):
        longest = max([len(column.header) * 0.8 + 4,
                       *(len(_shown(v, column.number_format)) + 2 for v in cells)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest, 8), MAX_WIDTH)


def _shown(value: object, number_format: str | None) -> str:
    value = cell_value(value)
    if value is None:
        return ""
    if number_format == PERCENT and isinstance(value, float):
        return f"{value:.0%}"
    return str(value)


def _ordered_units(results: Results) -> pd.DataFrame:
    """Judged units with their faculty, in faculty then unit name order."""
    units = results.unit_summary.merge(judged_faculties(results), on=UNIT_ID, how="left")
    return units.sort_values([FACULTY_NAME, UNIT_NAME], ignore_index=True)


def _process_heatmap(sheet: Worksheet, results: Results, header_row: int = 1) -> None:
    config = results.config
    units = _ordered_units(results)
    counts = results.unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="advisors",
                                              sort=False)
    frame = units[[FACULTY_ID, UNIT_ID, UNIT_NAME]].copy()
    columns = [Column(FACULTY_ID, FACULTY_HEADER), Column(UNIT_ID, "Enhetskode"),
               Column(UNIT_NAME, "Enhet")]
    for process in config.processes:
        frame[process] = units[UNIT_ID].map(counts[process]).astype(int)
        columns.append(Column(process, process_label(process, NB)))
    frame["distinct"] = units["advisors"]
    columns.append(Column("distinct", f"{TOTAL_ADVISORS} (min. {config.min_distinct_advisors})"))
    write_table(sheet, columns, frame, header_row)
    top, last_row = header_row + 1, len(frame) + header_row
    sheet.freeze_panes = f"D{top}"
    first = get_column_letter(4)
    process_end = get_column_letter(3 + len(config.processes))
    distinct = get_column_letter(4 + len(config.processes))
    for cells, minimum in ((f"{first}{top}:{process_end}{last_row}",
                            config.min_advisors_per_process),
                           (f"{distinct}{top}:{distinct}{last_row}",
                            config.min_distinct_advisors)):
        sheet.conditional_formatting.add(cells, CellIsRule(
            operator="greaterThanOrEqual", formula=[str(minimum)], fill=_fill(RULE_MET)))
        sheet.conditional_formatting.add(cells, CellIsRule(
            operator="lessThan", formula=[str(minimum)], fill=_fill(RULE_BROKEN)))
    for row in sheet.iter_rows(min_row=top, min_col=4, max_col=4 + len(config.processes)):
        for cell in row:
            cell.alignment = Alignment(horizontal="center")


def _training_heatmap(sheet: Worksheet, results: Results, header_row: int = 1) -> None:
    units = _ordered_units(results)
    rows = results.unit_requirement.assign(
        column=results.unit_requirement[REQUIREMENT_ID] + " "
        + results.unit_requirement["audience"].map(_audience_nb))
    keys = list(dict.fromkeys(rows["column"]))
    shares = rows.pivot_table(index=UNIT_ID, columns="column", values="share", sort=False,
                              dropna=False)
    frame = units[[FACULTY_ID, UNIT_ID, UNIT_NAME]].copy()
    columns = [Column(FACULTY_ID, FACULTY_HEADER), Column(UNIT_ID, "Enhetskode"),
               Column(UNIT_NAME, "Enhet")]
    for index, key in enumerate(keys):
        frame[f"share_{index}"] = units[UNIT_ID].map(shares[key])
        columns.append(Column(f"share_{index}", key, PERCENT))
    write_table(sheet, columns, frame, header_row)
    sheet.freeze_panes = f"D{header_row + 1}"
    cells = f"D{header_row + 1}:{get_column_letter(3 + len(keys))}{len(frame) + header_row}"
    low, middle = SHARE_SCALE[0][1], SHARE_SCALE[1][1]
    # Sky blue, not the screen scale's dark blue end, which hides Excel's black cell text.
    sheet.conditional_formatting.add(cells, ColorScaleRule(
        start_type="num", start_value=0, start_color=low.lstrip("#"),
        mid_type="num", mid_value=0.5, mid_color=middle.lstrip("#"),
        end_type="num", end_value=1, end_color=RULE_MET.lstrip("#")))


def _about(sheet: Worksheet, results: Results, tables: Sequence[TableInfo]) -> None:
    config = results.config
    sheet["A1"] = MEETING_TITLE + " – rapport"
    sheet["A1"].font = _TITLE_FONT
    sheet["A3"], sheet["B3"] = "Beregnet per", results.as_of
    sheet["B3"].number_format = DATE
    sheet["B3"].alignment = Alignment(horizontal="left")
    summary = results.unit_summary
    facts = [
        ("Enheter vurdert", len(summary)),
        ("Enheter som oppfyller kravene", int(summary["compliant"].sum())),
        ("Avvik i alt", len(results.gaps)),
        ("Merknader i valideringsrapporten", len(results.issues)),
    ]
    row = _pairs(sheet, 4, facts)
    row = _section(sheet, row + 1, "Regler og terskler")
    row = _pairs(sheet, row, [
        ("Prosesser", ", ".join(process_label(p, NB) for p in config.processes)),
        ("Minst antall rådgivere per prosess", config.min_advisors_per_process),
        ("Minst antall ulike rådgivere per enhet", config.min_distinct_advisors),
        ("Frist for saksbehandlere (dager etter start)", config.grace_days),
        ("Varsel om kurs som snart utløper (dager)", config.expiring_within_days),
        ("Små grupper i møtevisning: færre enn (personer)", config.small_group_limit),
    ])
    row = _section(sheet, row + 1, "Kompetansekrav")
    row = _rows(sheet, row, ["Krav", "Navn", "Målgruppe", "Godkjente kurs",
                             "Gyldighet (måneder)", "Frist (dager)"],
                [[r.id, r.name, audience_label(r.audience, NB), "; ".join(r.courses),
                  r.valid_months, config.grace_for(r) if not r.for_advisors else None]
                 for r in config.requirements])
    row = _section(sheet, row + 1, "Inndata")
    row = _rows(sheet, row, ["Type", "Fil", "Ark", "Overskriftsrad", "Rader lest"],
                [[KIND_LABELS.get(t.kind, t.kind), Path(t.file).name, t.sheet, t.header_row,
                  t.rows] for t in tables])
    row = _section(sheet, row + 1, "Farger i varmekartene")
    sheet.cell(row=row, column=1, value="Oppfylt").fill = _fill(RULE_MET)
    sheet.cell(row=row, column=2, value="Regelen er oppfylt (nok rådgivere).")
    sheet.cell(row=row + 1, column=1, value="Brudd").fill = _fill(RULE_BROKEN)
    sheet.cell(row=row + 1, column=2, value="Mangler rådgiver for prosessen, eller færre enn "
               f"{config.min_distinct_advisors} ulike personer.")
    sheet.cell(row=row + 2, column=2, value="Kompetanse: oransje (0 %) via gul (50 %) til blå "
               "(100 %) etter andelen som har fullført kurset; tom celle betyr ingen i "
               "målgruppen.")
    sheet.column_dimensions["A"].width = 48
    for letter, width in zip("BCDEF", (60, 22, 60, 20, 14), strict=True):
        sheet.column_dimensions[letter].width = width


def _section(sheet: Worksheet, row: int, title: str) -> int:
    sheet.cell(row=row, column=1, value=title).font = _SECTION_FONT
    return row + 1


def _pairs(sheet: Worksheet, row: int, pairs: Sequence[tuple[str, object]]) -> int:
    for offset, (label, value) in enumerate(pairs):
        sheet.cell(row=row + offset, column=1, value=cell_value(label))
        cell = sheet.cell(row=row + offset, column=2, value=cell_value(value))
        cell.alignment = Alignment(horizontal="left")
    return row + len(pairs)


def _rows(sheet: Worksheet, row: int, header: Sequence[str],
          body: Sequence[Sequence[object]]) -> int:
    for index, text in enumerate(header, start=1):
        cell = sheet.cell(row=row, column=index, value=text)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for offset, values in enumerate(body, start=1):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row + offset, column=index, value=cell_value(value))
            cell.alignment = Alignment(horizontal="left", wrap_text=True, vertical="top")
    return row + len(body) + 1


def _columns(headers: dict[str, str], number_formats: dict[str, str] | None = None
             ) -> list[Column]:
    formats = number_formats or {}
    return [Column(key, header, formats.get(key)) for key, header in headers.items()]


def _with_unit_names(frame: pd.DataFrame, results: Results) -> pd.DataFrame:
    return frame.merge(results.units[[UNIT_ID, UNIT_NAME]], on=UNIT_ID, how="left")


def result_sheets(results: Results) -> dict[str, tuple[list[Column], pd.DataFrame]]:
    """Each result table as the sheet shows it: columns with Norwegian headers, display rows."""
    requirement = _with_unit_names(results.unit_requirement, results)
    requirement = requirement.assign(audience=requirement["audience"].map(_audience_nb))
    gaps = _with_unit_names(with_messages(results.gaps, results), results)
    gaps = gaps.assign(kind=gaps["kind"].map(GAP_KIND_LABELS))
    issues = issue_messages(results.issues)
    issues = issues.assign(severity=issues["severity"].map(
        lambda s: SEVERITY_LABELS.get(s, s)))
    return {
        SUMMARY_SHEET: (_columns(SUMMARY_HEADERS), results.unit_summary),
        UNIT_PROCESS_SHEET: (_columns(UNIT_PROCESS_HEADERS), results.unit_process),
        UNIT_REQUIREMENT_SHEET: (_columns(UNIT_REQUIREMENT_HEADERS, {"share": PERCENT}),
                                 requirement),
        GAPS_SHEET: (_columns(GAP_HEADERS), gaps),
        ISSUES_SHEET: (_columns(ISSUE_LABELS), issues),
    }


def mark_sample(sheet: Worksheet, row: int = 1) -> None:
    """The sample-data marker in a row kept free for it and in the print header, so no sheet
    of fictional figures can be taken for a real one, on screen or on paper."""
    cell = sheet.cell(row=row, column=1, value=SAMPLE_MARKER)
    cell.font, cell.fill = _MARKER_FONT, _MARKER_FILL
    sheet.oddHeader.center.text = SAMPLE_MARKER
    sheet.sheet_properties.tabColor = _MARKER_COLOUR


def write_excel_report(results: Results, target: str | Path | BinaryIO,
                       tables: Sequence[TableInfo] = (), *, sample: bool = False) -> None:
    """Write the formatted report to a path or a binary buffer; `tables` describe the inputs.

    `sample`: the results come from the bundled sample data; every sheet then says so in
    its first row, and the tables start one row lower."""
    header_row = 2 if sample else 1
    workbook = Workbook()
    workbook.remove(workbook.active)
    _about(workbook.create_sheet(ABOUT_SHEET), results, tables)
    _process_heatmap(workbook.create_sheet(PROCESS_HEATMAP_SHEET), results, header_row)
    _training_heatmap(workbook.create_sheet(TRAINING_HEATMAP_SHEET), results, header_row)
    for title, (columns, frame) in result_sheets(results).items():
        write_table(workbook.create_sheet(title), columns, frame, header_row)
    if sample:
        for sheet in workbook.worksheets:
            mark_sample(sheet, 2 if sheet.title == ABOUT_SHEET else 1)  # under its title
    properties = workbook.properties
    properties.creator = None
    properties.lastModifiedBy = None
    properties.title = MEETING_TITLE
    properties.subject = f"Beregnet per {results.as_of:%d.%m.%Y}"
    workbook.save(target)


def _audience_nb(audience: str) -> str:
    return audience_label(audience, NB)
