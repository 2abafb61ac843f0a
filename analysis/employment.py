"""Who is employed and who is appointed on the as-of date: the HR and advisors-list periods.

The loaders keep every row with its dates; these functions decide, for one date, which rows
count and say why a row does not (as validation-report rows against the user's own file)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from loaders.dataset import SOURCE_LIST, SOURCE_STAFF, Dataset
from loaders.issues import WARNING, Note, issue_frame, note
from loaders.schema import (
    ADVISORS,
    APPOINTED_DATE,
    APPOINTED_UNTIL,
    CASE_HANDLER,
    EMAIL,
    EMPLOYEE_ID,
    END_DATE,
    MAIN_POSITION,
    NAME,
    PARENT_ID,
    POSITION,
    POSITION_PERCENT,
    PROCESS,
    ROW,
    SOURCE,
    STAFF,
    START_DATE,
    UNIT_ID,
    UNIT_NAME,
)
from loaders.values import is_in

STAFF_COLUMNS = [EMPLOYEE_ID, EMAIL, NAME, UNIT_ID, UNIT_NAME, PARENT_ID, POSITION, START_DATE,
                 END_DATE, CASE_HANDLER]


def in_force(staff_rows: pd.DataFrame, as_of: dt.date) -> pd.Series:
    """Rows whose employment runs on `as_of`: no end date, or one on or after it."""
    return staff_rows[END_DATE].isna() | (staff_rows[END_DATE] >= pd.Timestamp(as_of))


def staff_as_of(staff_rows: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """One row per person and unit in force on `as_of`; several rows of a person in one unit
    merge: the earliest start date, a case handler if any row says so."""
    rows = staff_rows[in_force(staff_rows, as_of)]
    keys = [EMPLOYEE_ID, UNIT_ID]
    repeated = rows.duplicated(keys, keep=False)
    if not repeated.any():
        return rows[STAFF_COLUMNS].reset_index(drop=True)
    merged = rows[repeated].groupby(keys, sort=False).agg(
        **{column: (column, "first") for column in (EMAIL, NAME, UNIT_NAME, PARENT_ID, POSITION)},
        **{START_DATE: (START_DATE, "min"), CASE_HANDLER: (CASE_HANDLER, "any"),
           END_DATE: (END_DATE, lambda ends: pd.NaT if ends.isna().any() else ends.max()),
           ROW: (ROW, "min")}).reset_index()
    together = pd.concat([rows[~repeated], merged], ignore_index=True).sort_values(ROW)
    return together.astype({END_DATE: "datetime64[us]", CASE_HANDLER: bool})[
        STAFF_COLUMNS].reset_index(drop=True)


def _main_units(rows: pd.DataFrame) -> pd.DataFrame:
    """Per person in force: the unit of the main position (Hovedstilling, else the highest
    Stillingsprosent, else the first row), how it was chosen and the units held."""
    ranked = rows.assign(
        _main=rows[MAIN_POSITION].map(lambda flag: flag is True).astype(bool),
        _percent=pd.to_numeric(rows[POSITION_PERCENT], errors="coerce").fillna(-1.0),
    ).sort_values(["_main", "_percent", ROW], ascending=[False, False, True], kind="stable")
    first = ranked.drop_duplicates(EMPLOYEE_ID)
    units_held = rows.groupby(EMPLOYEE_ID, sort=False)[UNIT_ID].agg(
        lambda units: list(dict.fromkeys(units)))
    reason = np.where(first["_main"], "main_position",
                      np.where(first["_percent"] >= 0, "highest_percent", "first_row"))
    return pd.DataFrame({EMPLOYEE_ID: first[EMPLOYEE_ID].to_numpy(),
                         UNIT_ID: first[UNIT_ID].to_numpy(), "reason": reason,
                         "units": first[EMPLOYEE_ID].map(units_held).to_numpy()})


class _DatedIssues:
    """Validation-report rows for decisions that depend on the as-of date."""

    def __init__(self, dataset: Dataset):
        self.tables = {table.kind: table for table in dataset.tables}
        self.headers = {table.kind: {canon: raw for raw, canon in table.mapping.items()}
                        for table in dataset.tables}
        self.rows: list[dict[str, object]] = []

    def add(self, kind: str, row: object, columns: str | tuple[str, ...], said: Note) -> None:
        """A warning on a row, under the user's header of the first of `columns` it has."""
        table, headers = self.tables.get(kind), self.headers.get(kind, {})
        columns = (columns,) if isinstance(columns, str) else columns
        header = next((headers[c] for c in columns if c in headers), columns[0])
        self.rows.append({"file": table.file if table else "",
                          "sheet": table.sheet if table else "",
                          "row": None if pd.isna(row) else int(row), "column": header,
                          "severity": WARNING, "note": said})

    def frame(self) -> pd.DataFrame:
        return issue_frame(self.rows)


def employment_as_of(dataset: Dataset, as_of: dt.date) -> tuple[pd.DataFrame, pd.DataFrame,
                                                                 pd.DataFrame]:
    """(staff in force, advisor appointments that count, dated validation-report rows)."""
    issues = _DatedIssues(dataset)
    staff_rows = dataset.staff
    running = in_force(staff_rows, as_of)
    for row, ended in staff_rows.loc[~running, [ROW, END_DATE]].itertuples(index=False):
        issues.add(STAFF, row, END_DATE, note("left", ended=ended, as_of=as_of))
    staff = staff_as_of(staff_rows, as_of)
    advisors = _advisors_as_of(dataset.advisors, staff_rows, running, as_of, issues)
    return staff, advisors, issues.frame()


def _advisors_as_of(advisors: pd.DataFrame, staff_rows: pd.DataFrame, running: pd.Series,
                    as_of: dt.date, issues: _DatedIssues) -> pd.DataFrame:
    advisors = advisors.reset_index(drop=True)
    as_of_ts = pd.Timestamp(as_of)
    from_staff = (advisors[SOURCE] == SOURCE_STAFF).to_numpy()
    running_rows = staff_rows.loc[running, ROW].unique()
    # HR roles count while the row they stand on is in force (that row's leaver note says so)
    on_running_row = advisors[ROW].isin(running_rows).fillna(False).to_numpy(dtype=bool)
    keep = ~from_staff | on_running_row
    employed = staff_rows.loc[running, EMPLOYEE_ID].unique()
    ended_on = staff_rows.groupby(EMPLOYEE_ID)[END_DATE].max()
    started = advisors[APPOINTED_DATE].isna() | (advisors[APPOINTED_DATE] <= as_of_ts)
    lasting = advisors[APPOINTED_UNTIL].isna() | (advisors[APPOINTED_UNTIL] >= as_of_ts)
    listed = (advisors[SOURCE] == SOURCE_LIST).to_numpy()
    not_employed = listed & ~is_in(advisors[EMPLOYEE_ID], employed)
    not_started = listed & ~not_employed & ~started.to_numpy()
    ended = listed & ~not_employed & ~not_started & ~lasting.to_numpy()
    for item in advisors[not_employed | not_started | ended].itertuples():
        kind, row, person, process = ADVISORS, item.row, item.employee_id, \
            item.process
        if not_employed[item.Index]:
            issues.add(kind, row, EMPLOYEE_ID, note(
                "appointed_left", person=person, ended=ended_on[person], process=process,
                as_of=as_of))
        elif not_started[item.Index]:
            issues.add(kind, row, APPOINTED_DATE, note(
                "appointment_starts", process=process, date=item.appointed_date, as_of=as_of))
        else:
            issues.add(kind, row, APPOINTED_UNTIL, note(
                "appointment_ended", process=process, date=item.appointed_until, as_of=as_of))
    keep &= ~(not_employed | not_started | ended)
    counted = advisors[keep]
    blank = counted[UNIT_ID] == ""
    if blank.any():
        counted = counted.copy()
        counted.loc[blank, UNIT_ID] = _home_units(counted[blank], staff_rows[running], issues)
    return counted.drop_duplicates([UNIT_ID, EMPLOYEE_ID, PROCESS]).reset_index(drop=True)


def _home_units(rows: pd.DataFrame, running_staff: pd.DataFrame,
                issues: _DatedIssues) -> list[str]:
    """The unit of each advisors-list row without one: the person's main position."""
    main = _main_units(running_staff[running_staff[EMPLOYEE_ID].isin(rows[EMPLOYEE_ID].unique())])
    main = main.set_index(EMPLOYEE_ID)
    in_several = main[main["units"].map(len) > 1]
    told: set[str] = set()
    for person, row in rows.loc[rows[EMPLOYEE_ID].isin(in_several.index),
                                [EMPLOYEE_ID, ROW]].itertuples(index=False):
        if person not in told:
            told.add(person)
            issues.add(ADVISORS, row, (UNIT_ID, UNIT_NAME), note(
                "home_unit_chosen", person=person, units=", ".join(in_several.at[person, "units"]),
                unit=main.at[person, UNIT_ID], reason=note(f"by_{main.at[person, 'reason']}")))
    return rows[EMPLOYEE_ID].map(main[UNIT_ID]).tolist()
