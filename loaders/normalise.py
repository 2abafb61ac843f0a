"""Turning a located table of raw cells into a canonical frame of one input kind, plus issues."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from loaders.issues import ERROR, WARNING, IssueLog, Note, note
from loaders.processes import parse_processes
from loaders.schema import (
    APPOINTED_DATE,
    APPOINTED_UNTIL,
    ASSESSED_BY,
    ASSESSMENT_KIND,
    AUDIENCE,
    CASE_HANDLER,
    COMPLETED,
    COMPLETION_DATE,
    COURSE_CODE,
    COURSE_KIND,
    COURSE_TITLE,
    COURSES,
    EMAIL,
    EMPLOYEE_ID,
    END_DATE,
    FIRST_NAME,
    GRACE_DAYS,
    LAST_NAME,
    LEADER_EMAIL,
    MAIN_POSITION,
    NAME,
    NOTE,
    PARENT_ID,
    POSITION,
    POSITION_PERCENT,
    PROCESS,
    REQUIREMENT_ID,
    REQUIREMENT_KIND,
    RESULT,
    ROLES,
    ROW,
    START_DATE,
    STATUS,
    STATUS_FLAG,
    UNIT_ID,
    UNIT_NAME,
    VALID_MONTHS,
    VALID_UNTIL,
    column_labels,
    role_flags,
)
from loaders.table import MappedTable
from loaders.values import (
    STATUS_COMPLETED,
    STATUS_EXPIRED,
    STATUS_NOT_COMPLETED,
    cell_text,
    control_marks,
    email_text,
    id_text,
    is_blank,
    map_codes,
    parse_date,
    parse_flag,
    parse_status,
    quoted,
    texts_of,
)

PORTAL_EXPIRED = "portal_expired"  # the portal's status says the completion has run out
# A requirement's validity and grace period are capped here, so no date computed from them
# leaves the calendar (year 1 to 9999): a hundred years is beyond any real rule.
MAX_VALID_MONTHS = 1200
MAX_GRACE_DAYS = 36500
_TOTAL_WORDS = ("sum", "total", "totalt", "antall", "i alt")


class TableReader:
    """Column access on a located table that reports problems against the user's own headers."""

    def __init__(self, table: MappedTable, log: IssueLog):
        self.table = table
        self.log = log
        self.header_of = {canon: raw for raw, canon in table.mapping.items() if canon}
        # each column is factorised once; every later parse works on its distinct values
        self._factors = {column: pd.factorize(table.frame[column], use_na_sentinel=True)
                         for column in table.frame.columns}
        self._kept = self._data_rows()
        self.frame = table.frame[self._kept]
        self._note_control_characters()
        for row, header in table.formulas_without_value:
            log.add(table.file, table.sheet, row, header, WARNING, note("formula_no_value"))
        for row, header, error in table.error_cells:
            log.add(table.file, table.sheet, row, header, WARNING,
                    note("excel_error", value=error))
        for header, letter, used in table.repeated:
            log.add(table.file, table.sheet, table.header_row, header, WARNING,
                    note("repeated_column", letter=letter, used=used))

    def _note_control_characters(self) -> None:
        """One warning per column whose cells hold invisible control characters (NUL, ESC,
        DEL …), which every text read from the cells leaves out."""
        for column in self.frame.columns:
            codes, uniques = self._factors[column]
            marked = control_marks(uniques)
            if not marked.any():
                continue
            hits = np.append(marked, False)[codes][self._kept]  # code -1 (blank): no mark
            if not hits.any():
                continue
            count = int(hits.sum())
            self.issue(int(self.frame.index[hits][0]), column, WARNING,
                       note("control_one") if count == 1 else note("control_many", count=count))

    def has(self, column: str) -> bool:
        return column in self.frame.columns

    def issue(self, row: int | None, column: str, severity: str, said: Note) -> None:
        header = self.header_of.get(column, column)
        self.log.add(self.table.file, self.table.sheet, row, header, severity, said)

    def cell(self, row: object, column: str) -> str:
        """A cell's text as a message quotes it."""
        return quoted(cell_text(self.frame.at[row, column]))

    def texts(self, column: str, convert: Callable[[object], str] = cell_text) -> pd.Series:
        if column not in self.frame.columns:
            return pd.Series([""] * len(self.frame), index=self.frame.index, dtype="str")
        codes, uniques = self._factors[column]
        # build the (pyarrow) text array from the distinct values, then take: no per-row work
        if convert in (cell_text, id_text):  # the common case, vectorised
            converted = texts_of(uniques, as_id=convert is id_text)
        else:
            converted = [convert(value) for value in uniques]
        texts = pd.array([*converted, convert(None)], dtype="str")
        return pd.Series(texts.take(self._positions(column)), index=self.frame.index)

    def _positions(self, column: str) -> np.ndarray:
        """Each kept row's place among the column's distinct values, a blank cell's after
        them: for arrays of the distinct values' results with the blank's appended."""
        codes, uniques = self._factors[column]
        return np.where(codes < 0, len(uniques), codes)[self._kept]

    def values(self, column: str, parse: Callable[[object], object]) -> pd.Series:
        """Each cell parsed, computing every distinct raw value only once."""
        codes, uniques = self._factors[column]
        return pd.Series(map_codes(codes, uniques, parse)[self._kept], index=self.frame.index,
                         dtype=object)

    def role_texts(self, column: str) -> pd.Series:
        """A roles/process text column, with any yes/no column per process added to it."""
        texts = self.texts(column)
        for flag, process in role_flags().items():
            if not self.has(flag):
                continue
            marked = self.values(flag, parse_flag)
            for row in marked.index[marked.isna()]:
                self.issue(int(row), flag, WARNING,
                           note("not_yes_no_ignored", value=self.cell(row, flag)))
            chosen = marked.eq(True)
            texts = texts.where(~chosen, (texts + "; " + process).str.lstrip("; "))
        return texts

    def dates(self, column: str) -> pd.Series:
        if not self.has(column):
            return pd.Series(pd.NaT, index=self.frame.index, dtype="datetime64[us]")
        # parsed and converted once per distinct value, then spread over the rows
        parsed = [parse_date(value) for value in self._factors[column][1]] + [parse_date(None)]
        readable = np.array([ok for _, ok in parsed])
        dates = pd.to_datetime(pd.Series([date for date, _ in parsed], dtype=object)).to_numpy()
        positions = self._positions(column)
        for row in self.frame.index[~readable[positions]]:
            self.issue(row, column, WARNING, note("not_a_date", value=self.cell(row, column)))
        return pd.Series(dates[positions], index=self.frame.index, dtype="datetime64[us]")

    def _data_rows(self) -> np.ndarray:
        frame = self.table.frame
        # a cell's blankness once per distinct value, then a row × column grid in numpy
        cells_filled = np.zeros((len(frame), len(frame.columns)), dtype=bool)
        for position, column in enumerate(frame.columns):
            codes, uniques = self._factors[column]
            cells_filled[:, position] = ~map_codes(codes, uniques, is_blank).astype(bool)
        filled = cells_filled.sum(axis=1)
        may_be_total = (filled >= 1) & (filled <= 3)
        first_filled = cells_filled.argmax(axis=1)[may_be_total]
        first_cells = frame.to_numpy()[may_be_total, first_filled]
        first = {row: cell_text(cell) for row, cell in zip(frame.index[may_be_total],
                                                            first_cells, strict=True)}
        totals = [row for row, text in first.items() if text.lower().startswith(_TOTAL_WORDS)]
        for row in totals:
            self.issue(int(row), "", WARNING, note("total_row", value=quoted(first[row])))
        self._note_blank_rows(frame.index[filled == 0], frame.index[filled > 0])
        return (filled > 0) & ~frame.index.isin(totals)

    def _note_blank_rows(self, blank: pd.Index, used: pd.Index) -> None:
        """One note for empty rows between data rows; empty rows after the last one are
        formatting left in the sheet, and only said so when there are data rows at all."""
        if blank.empty or used.empty:
            return
        inside = blank[blank < used.max()]
        if len(inside):
            self.issue(int(inside[0]), "", WARNING,
                       note("blank_row") if len(inside) == 1
                       else note("blank_rows", count=len(inside)))


def person_keys(reader: TableReader) -> pd.DataFrame:
    """employee_id, email and name columns of a table, normalised."""
    names = reader.texts(NAME)
    if reader.has(FIRST_NAME) or reader.has(LAST_NAME):
        joined = (reader.texts(FIRST_NAME) + " " + reader.texts(LAST_NAME)).str.strip()
        names = names.where(names.ne(""), joined)
    return pd.DataFrame({
        EMPLOYEE_ID: reader.texts(EMPLOYEE_ID, id_text),
        EMAIL: reader.texts(EMAIL, email_text),  # once per distinct address, not per row
        NAME: names,
    })


def normalise_staff(reader: TableReader) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(staff rows, roles rows) from an HR export; roles name the person's advisor processes."""
    people = person_keys(reader)
    identity = people[EMPLOYEE_ID].where(people[EMPLOYEE_ID].ne(""), people[EMAIL])
    identity = identity.where(identity.ne(""), people[NAME])
    staff = people.assign(**{
        EMPLOYEE_ID: identity,
        UNIT_ID: reader.texts(UNIT_ID, id_text),
        UNIT_NAME: reader.texts(UNIT_NAME),
        PARENT_ID: reader.texts(PARENT_ID, id_text),
        POSITION: reader.texts(POSITION),
        START_DATE: reader.dates(START_DATE),
        END_DATE: reader.dates(END_DATE),
        CASE_HANDLER: _case_handler_flags(reader),
        MAIN_POSITION: reader.values(MAIN_POSITION, parse_main_position)
        if reader.has(MAIN_POSITION) else None,
        POSITION_PERCENT: reader.values(POSITION_PERCENT, parse_percent).astype("float64")
        if reader.has(POSITION_PERCENT) else np.nan,
        ROW: reader.frame.index,
    })
    no_person = staff[EMPLOYEE_ID].eq("")
    no_unit = staff[UNIT_ID].eq("") & staff[UNIT_NAME].eq("")
    for row in staff.index[no_person]:
        reader.issue(int(row), EMPLOYEE_ID, ERROR, note("staff_no_person"))
    for row in staff.index[no_unit & ~no_person]:
        reader.issue(int(row), UNIT_ID, ERROR, note(
            "staff_no_unit", person=quoted(staff.at[row, NAME] or staff.at[row, EMPLOYEE_ID])))
    staff = staff[~no_person & ~no_unit]
    roles = _roles(reader, staff)
    return staff.reset_index(drop=True), roles


def parse_main_position(value: object) -> bool | None:
    """Hovedstilling → True, Bistilling → False, or a yes/no `Hovedstilling` column."""
    text = cell_text(value).lower()
    if "hoved" in text or text in ("main", "primary"):
        return True
    if text.startswith(("bi", "secondary", "additional")):
        return False
    return parse_flag(value) if text else None


def parse_percent(value: object) -> float:
    """`80`, `80 %`, `80,0` or `0.8` (a share) as a percentage; NaN when unreadable."""
    text = cell_text(value).replace("%", "").replace(",", ".").strip()
    try:
        number = float(text)
    except ValueError:
        return np.nan
    return number * 100 if 0 < number <= 1 and "." in text else number


def _case_handler_flags(reader: TableReader) -> pd.Series:
    if not reader.has(CASE_HANDLER):
        reader.issue(reader.table.header_row, column_labels()[CASE_HANDLER], WARNING,
                     note("no_case_handler_column"))
        return pd.Series(True, index=reader.frame.index, dtype=bool)
    flags = reader.values(CASE_HANDLER, parse_flag)
    for row in flags.index[flags.isna()]:
        reader.issue(int(row), CASE_HANDLER, WARNING,
                     note("case_handler_not_yes_no", value=reader.cell(row, CASE_HANDLER)))
    return flags.fillna(False).astype(bool)


def _roles(reader: TableReader, staff: pd.DataFrame) -> pd.DataFrame:
    rows = []
    if reader.has(ROLES) or any(reader.has(flag) for flag in role_flags()):
        texts = reader.role_texts(ROLES).loc[staff.index]
        for row, text in texts[texts.ne("")].items():
            processes, unknown = parse_processes(text)
            if unknown:
                reader.issue(int(row), ROLES, WARNING, note(
                    "unknown_role", words=quoted(" ".join(unknown)), value=quoted(text)))
            rows += [{ROW: int(row), EMPLOYEE_ID: staff.at[row, EMPLOYEE_ID], PROCESS: p}
                     for p in processes]
    return pd.DataFrame(rows, columns=[ROW, EMPLOYEE_ID, PROCESS])


def normalise_advisors(reader: TableReader) -> pd.DataFrame:
    """One row per advisor row and process, with the person keys still unresolved."""
    people = person_keys(reader)
    units = reader.texts(UNIT_ID, id_text).where(lambda s: s.ne(""), reader.texts(UNIT_NAME))
    listed = people.assign(**{ROW: reader.frame.index, UNIT_ID: units,
                              PROCESS: reader.role_texts(PROCESS),
                              APPOINTED_DATE: reader.dates(APPOINTED_DATE),
                              APPOINTED_UNTIL: reader.dates(APPOINTED_UNTIL)})
    rows = []
    for item in listed.itertuples(index=False):
        row, text = int(getattr(item, ROW)), getattr(item, PROCESS)
        processes, unknown = parse_processes(text)
        if unknown or not processes:
            reader.issue(row, PROCESS, ERROR if not processes else WARNING,
                         note("unknown_process" if processes else "unknown_process_dropped",
                              value=quoted(text)))
        if not (item.employee_id or item.email or item.name):
            reader.issue(row, EMPLOYEE_ID, ERROR, note("advisor_no_person"))
            continue
        rows += [{**item._asdict(), PROCESS: process} for process in processes]
    frame = pd.DataFrame(rows, columns=[ROW, EMPLOYEE_ID, EMAIL, NAME, UNIT_ID, PROCESS,
                                        APPOINTED_DATE, APPOINTED_UNTIL])
    return frame.astype({APPOINTED_DATE: "datetime64[us]", APPOINTED_UNTIL: "datetime64[us]"})


def _statuses(reader: TableReader, column: str) -> pd.Series:
    statuses = reader.values(column, parse_status)
    for row in statuses.index[statuses.isna()]:
        reader.issue(int(row), column, WARNING,
                     note("unknown_status", value=reader.cell(row, column)))
    return statuses.fillna(STATUS_NOT_COMPLETED)


def normalise_courses(reader: TableReader) -> pd.DataFrame:
    """Course records with a `completed` flag decided by status, or by a date without status.

    With a status column (and/or a yes/no `Fullført` column) the status decides, even where a
    not-completed row carries a date; a negative word in either wins."""
    people = person_keys(reader)
    dates = reader.dates(COMPLETION_DATE)
    columns = [c for c in (STATUS, STATUS_FLAG) if reader.has(c)]
    if columns:
        statuses = [_statuses(reader, column) for column in columns]
        negative = np.logical_or.reduce([s.eq(STATUS_NOT_COMPLETED) for s in statuses])
        expired = np.logical_or.reduce([s.eq(STATUS_EXPIRED) for s in statuses]) & ~negative
        completed = pd.Series(~negative, index=reader.frame.index)
    else:
        completed = dates.notna()
        expired = np.zeros(len(dates), dtype=bool)
    records = people.assign(**{
        COURSE_CODE: reader.texts(COURSE_CODE, id_text),
        COURSE_TITLE: reader.texts(COURSE_TITLE),
        COMPLETED: completed,
        PORTAL_EXPIRED: expired,
        COMPLETION_DATE: dates,
        VALID_UNTIL: reader.dates(VALID_UNTIL),
        ROW: reader.frame.index,
    })
    no_person = records[[EMPLOYEE_ID, EMAIL, NAME]].eq("").all(axis=1)
    no_course = records[COURSE_CODE].eq("") & records[COURSE_TITLE].eq("")
    for row in records.index[no_person]:
        reader.issue(int(row), EMPLOYEE_ID, ERROR, note("course_no_person"))
    for row in records.index[no_course & ~no_person]:
        reader.issue(int(row), COURSE_TITLE, ERROR, note("course_no_course"))
    kept = records[~no_person & ~no_course]
    undated = kept.index[kept[COMPLETED] & kept[COMPLETION_DATE].isna()]
    for row in undated:
        reader.issue(int(row), COMPLETION_DATE, WARNING, note("course_undated"))
    return kept.reset_index(drop=True)


_AUDIENCE_WORDS = {
    "advisors": "advisors", "advisor": "advisors", "prosessrådgivere": "advisors",
    "prosessrådgiver": "advisors", "rådgivere": "advisors", "prosessradgivere": "advisors",
    "case_handlers": "case_handlers", "case handlers": "case_handlers",
    "casehandlers": "case_handlers", "saksbehandlere": "case_handlers",
    "saksbehandler": "case_handlers", "alle saksbehandlere": "case_handlers",
}


def parse_audience(text: str) -> str | None:
    """`advisors`, `advisors:<process>` or `case_handlers` from English or Norwegian words."""
    head, _, process = text.strip().lower().partition(":")
    audience = _AUDIENCE_WORDS.get(head.strip())
    if audience is None or (process and audience != "advisors"):
        return None
    if not process.strip():
        return audience
    processes, unknown = parse_processes(process)
    if len(processes) != 1 or unknown:
        return None
    return f"advisors:{processes[0]}"


_KIND_WORDS = {
    "course": COURSE_KIND, "courses": COURSE_KIND, "kurs": COURSE_KIND, "": COURSE_KIND,
    "assessment": ASSESSMENT_KIND, "assessed": ASSESSMENT_KIND, "vurdering": ASSESSMENT_KIND,
    "vurdert": ASSESSMENT_KIND, "evaluation": ASSESSMENT_KIND,
}


def normalise_requirements(reader: TableReader) -> pd.DataFrame:
    """Requirement rows: id, name, audience, kind, course entries, validity and grace period.
    A course requirement needs its courses; an assessment requirement is met by the
    assessments file and needs none."""
    rows = []
    for row, values in reader.frame.iterrows():
        requirement_id = id_text(values.get(REQUIREMENT_ID))
        audience_text = cell_text(values.get(AUDIENCE))
        audience = parse_audience(audience_text)
        kind_text = cell_text(values.get(REQUIREMENT_KIND))
        kind = _KIND_WORDS.get(kind_text.lower())
        courses = tuple(c.strip() for c in cell_text(values.get(COURSES)).split(";") if c.strip())
        problems = [
            (REQUIREMENT_ID, note("requirement_no_id")) if not requirement_id else None,
            (AUDIENCE, note("requirement_audience", value=quoted(audience_text)))
            if audience is None else None,
            (REQUIREMENT_KIND, note("requirement_kind", value=quoted(kind_text)))
            if kind is None else None,
            (COURSES, note("requirement_no_courses"))
            if kind == COURSE_KIND and not courses else None,
        ]
        problems = [p for p in problems if p]
        for column, problem in problems:
            reader.issue(int(row), column, ERROR, note("requirement_dropped", problem=problem))
        numbers = {column: _whole_number(reader, int(row), column, values.get(column), *bound)
                   for column, bound in ((VALID_MONTHS, (MAX_VALID_MONTHS, "capped_months")),
                                         (GRACE_DAYS, (MAX_GRACE_DAYS, "capped_days")))}
        if not problems:
            rows.append({ROW: int(row), REQUIREMENT_ID: requirement_id,
                         NAME: cell_text(values.get(NAME)) or requirement_id,
                         AUDIENCE: audience, REQUIREMENT_KIND: kind, COURSES: courses,
                         **numbers})
    frame = pd.DataFrame(rows, columns=[ROW, REQUIREMENT_ID, NAME, AUDIENCE, REQUIREMENT_KIND,
                                        COURSES, VALID_MONTHS, GRACE_DAYS])
    return frame.astype({VALID_MONTHS: "Int64", GRACE_DAYS: "Int64"})


def normalise_assessments(reader: TableReader) -> pd.DataFrame:
    """Assessment rows: person keys (unresolved), requirement id, date, result (met or not),
    assessed by and note. A result that is neither met nor not met is reported and left out."""
    people = person_keys(reader)
    statuses = reader.values(RESULT, parse_status)
    rows = people.assign(**{
        REQUIREMENT_ID: reader.texts(REQUIREMENT_ID, id_text),
        COMPLETION_DATE: reader.dates(COMPLETION_DATE),
        RESULT: statuses.eq(STATUS_COMPLETED),
        ASSESSED_BY: reader.texts(ASSESSED_BY),
        NOTE: reader.texts(NOTE),
        ROW: reader.frame.index,
    })
    no_person = rows[[EMPLOYEE_ID, EMAIL, NAME]].eq("").all(axis=1)
    no_requirement = rows[REQUIREMENT_ID].eq("")
    unknown = statuses.isna()
    for row in rows.index[no_person]:
        reader.issue(int(row), EMPLOYEE_ID, ERROR, note("assessment_no_person"))
    for row in rows.index[no_requirement & ~no_person]:
        reader.issue(int(row), REQUIREMENT_ID, ERROR, note("assessment_no_requirement"))
    for row in rows.index[unknown & ~no_person & ~no_requirement]:
        reader.issue(int(row), RESULT, WARNING,
                     note("assessment_result", value=reader.cell(row, RESULT)))
    kept = rows[~no_person & ~no_requirement & ~unknown]
    return kept.reset_index(drop=True)


def _whole_number(reader: TableReader, row: int, column: str, value: object, limit: int,
                  capped: str) -> int | None:
    """A whole number of at most `limit`; a larger one is capped with the `capped` warning."""
    text = id_text(value).replace(",", ".")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = -1
    if not number >= 0 or not number.is_integer():  # NaN and infinity are no whole numbers
        reader.issue(row, column, WARNING, note("not_whole_number", value=quoted(text)))
        return None
    if number > limit:
        reader.issue(row, column, WARNING, note(capped, value=quoted(text), limit=limit))
        return limit
    return int(number)


def normalise_units(reader: TableReader) -> pd.DataFrame:
    """Unit rows: code (or name when there is no code), name, parent code."""
    codes = reader.texts(UNIT_ID, id_text)
    names = reader.texts(UNIT_NAME)
    frame = pd.DataFrame({
        UNIT_ID: codes.where(codes.ne(""), names),
        UNIT_NAME: names.where(names.ne(""), codes),
        PARENT_ID: reader.texts(PARENT_ID, id_text),
        LEADER_EMAIL: reader.texts(LEADER_EMAIL, email_text),
        ROW: reader.frame.index,
    })
    for row in frame.index[frame[UNIT_ID].eq("")]:
        reader.issue(int(row), UNIT_ID, ERROR, note("unit_row_empty"))
    return frame[frame[UNIT_ID].ne("")].reset_index(drop=True)
