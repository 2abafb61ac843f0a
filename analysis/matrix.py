"""The competency matrix: every advisor and case handler × requirement, one state per cell."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.config import CASE_HANDLERS_AUDIENCE
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties
from analysis.results import Results
from analysis.training import (
    EXPIRED,
    MET,
    MISSING,
    PORTAL_VALID_UNTIL,
    PortalNote,
    training_states,
)
from analysis.training import STATE_COMPLETED as COMPLETED
from analysis.training import STATE_EXPIRING as EXPIRING
from loaders.dataset import Dataset
from loaders.schema import (
    CASE_HANDLER,
    EMPLOYEE_ID,
    NAME,
    PROCESS,
    REQUIREMENT_ID,
    START_DATE,
    UNIT_ID,
    UNIT_NAME,
)

GRACE = "grace"
NOT_APPLICABLE = "not_applicable"
STATES = (COMPLETED, EXPIRING, EXPIRED, MISSING, GRACE, NOT_APPLICABLE)
SYMBOLS = {COMPLETED: "✔", EXPIRING: "⚠", EXPIRED: "✖", MISSING: "✖", GRACE: "⏳",
           NOT_APPLICABLE: "–"}
DATE_FORMAT = "%d.%m.%Y"

ADVISOR = "advisor"
PROCESSES = "processes"
PERSON_COLUMNS = [FACULTY_ID, FACULTY_NAME, UNIT_ID, UNIT_NAME, EMPLOYEE_ID, NAME, ADVISOR,
                  CASE_HANDLER, PROCESSES]
CELL_COLUMNS = [UNIT_ID, EMPLOYEE_ID, REQUIREMENT_ID, "state", "date", PORTAL_VALID_UNTIL]


ALL_ROLES = "all"
ADVISORS_ONLY = "advisors"
CASE_HANDLERS_ONLY = "case_handlers"
ROLES = (ALL_ROLES, ADVISORS_ONLY, CASE_HANDLERS_ONLY)


def requirement_ids(results: Results) -> list[str]:
    """The matrix's columns: each requirement id once, in configuration order."""
    return list(dict.fromkeys(r.id for r in results.config.requirements))


def matrix_people(dataset: Dataset, results: Results) -> pd.DataFrame:
    """One row per (unit, person) for every advisor and case handler of a judged unit."""
    judged = set(results.unit_summary[UNIT_ID])
    order = {process: i for i, process in enumerate(results.config.processes)}
    processes = (results.advisors.assign(rank=results.advisors[PROCESS].map(order))
                 .sort_values("rank")
                 .groupby([UNIT_ID, EMPLOYEE_ID], sort=False)[PROCESS].agg(", ".join)
                 .rename(PROCESSES))
    staff = results.staff
    handlers = staff.loc[staff[CASE_HANDLER] & staff[UNIT_ID].isin(judged), [UNIT_ID, EMPLOYEE_ID]]
    people = (pd.concat([results.advisors[[UNIT_ID, EMPLOYEE_ID]], handlers])
              .drop_duplicates(ignore_index=True))
    people = people.merge(processes.reset_index(), on=[UNIT_ID, EMPLOYEE_ID], how="left")
    people[ADVISOR] = people[PROCESSES].notna()
    people[PROCESSES] = people[PROCESSES].fillna("")
    handler_keys = set(zip(handlers[UNIT_ID], handlers[EMPLOYEE_ID], strict=True))
    people[CASE_HANDLER] = [key in handler_keys for key in
                            zip(people[UNIT_ID], people[EMPLOYEE_ID], strict=True)]
    names = staff.drop_duplicates(EMPLOYEE_ID).set_index(EMPLOYEE_ID)[NAME]
    # An advisor listed by a person missing from the staff file keeps the id as the name.
    people[NAME] = people[EMPLOYEE_ID].map(names).fillna(people[EMPLOYEE_ID])
    unit_names = results.units.set_index(UNIT_ID)[UNIT_NAME]
    people[UNIT_NAME] = people[UNIT_ID].map(unit_names)
    people = people.merge(faculties(results.units), on=UNIT_ID, how="left")
    people = people.sort_values([FACULTY_NAME, UNIT_NAME, ADVISOR, NAME, EMPLOYEE_ID],
                                ascending=[True, True, False, True, True], ignore_index=True)
    return people[PERSON_COLUMNS]


def _grace_rows(dataset: Dataset, results: Results) -> pd.DataFrame:
    """Case handlers of judged units not yet due, with the date their grace period ends."""
    judged = set(results.unit_summary[UNIT_ID])
    staff = results.staff[results.staff[CASE_HANDLER] & results.staff[UNIT_ID].isin(judged)]
    frames = []
    for requirement in results.config.requirements:
        if requirement.audience != CASE_HANDLERS_AUDIENCE:
            continue
        grace = pd.Timedelta(days=results.config.grace_for(requirement))
        ends = staff[START_DATE] + grace
        waiting = staff[ends > pd.Timestamp(results.as_of)]
        frames.append(pd.DataFrame({UNIT_ID: waiting[UNIT_ID], EMPLOYEE_ID: waiting[EMPLOYEE_ID],
                                    REQUIREMENT_ID: requirement.id,
                                    "grace_until": ends[waiting.index]}))
    columns = [UNIT_ID, EMPLOYEE_ID, REQUIREMENT_ID, "grace_until"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def requirement_cells(dataset: Dataset, results: Results, expiring_days: int) -> pd.DataFrame:
    """The state and date of every (unit, person, requirement) that applies; others are absent.

    completed (completion date), expiring (valid until within `expiring_days`, inclusive),
    expired (valid until), missing, grace (case handler not yet due: the grace period's end)."""
    keys = [UNIT_ID, EMPLOYEE_ID, REQUIREMENT_ID]
    due = results.targets[keys].drop_duplicates()
    waiting = _grace_rows(dataset, results)
    waiting = waiting.merge(due, on=keys, how="left", indicator=True)
    waiting = waiting[waiting["_merge"] == "left_only"].drop(columns="_merge")
    waiting = waiting.groupby(keys, as_index=False)["grace_until"].max()
    cells = pd.concat([due.assign(due=True), waiting.assign(due=False)], ignore_index=True)
    cells = cells.merge(results.person_status, on=[EMPLOYEE_ID, REQUIREMENT_ID], how="left")
    state = training_states(cells["status"], cells["valid_until"], results.as_of, expiring_days)
    state[~cells["due"] & (cells["status"] != MET)] = GRACE
    date = cells["completed_on"].where(state == COMPLETED)
    date = date.fillna(cells["valid_until"].where(state.isin([EXPIRING, EXPIRED])))
    # a completion the portal calls expired, under a requirement without validity of its own
    date = date.fillna(cells[PORTAL_VALID_UNTIL].where(state == EXPIRED))
    # as dates even when no one is in a grace period (the column is then empty, of no type)
    date = date.fillna(pd.to_datetime(cells["grace_until"]).where(state == GRACE))
    portal = cells[PORTAL_VALID_UNTIL].where(state.isin([COMPLETED, EXPIRING, EXPIRED]))
    cells = cells.assign(state=state, date=date.astype("datetime64[us]"),
                         **{PORTAL_VALID_UNTIL: portal.astype("datetime64[us]")})
    return cells[CELL_COLUMNS].sort_values(keys, ignore_index=True)


def cell_text(state: str, date: pd.Timestamp | None, portal_until: pd.Timestamp | None = None,
              as_of: object = None, portal_note: PortalNote | None = None) -> str:
    """A symbol, then the date where it says something: ✔ 01.02.2025, ✖, –; then the
    portal's own valid-until date, worded by `portal_note`, where the export has one."""
    symbol = SYMBOLS[state]
    text = symbol if date is None or pd.isna(date) else f"{symbol} {date:{DATE_FORMAT}}"
    if portal_note is None or portal_until is None or pd.isna(portal_until):
        return text
    return text + portal_note(portal_until, portal_until < pd.Timestamp(as_of))


def competency_matrix(dataset: Dataset, results: Results, expiring_days: int,
                      portal_note: PortalNote | None = None) -> pd.DataFrame:
    """Person × requirement: the person columns, then one text cell per requirement id."""
    people = matrix_people(dataset, results)
    cells = requirement_cells(dataset, results, expiring_days)
    texts = cells.assign(text=[
        cell_text(s, d, p, results.as_of, portal_note) for s, d, p in
        zip(cells["state"], cells["date"], cells[PORTAL_VALID_UNTIL], strict=True)])
    wide = texts.pivot(index=[UNIT_ID, EMPLOYEE_ID], columns=REQUIREMENT_ID, values="text")
    ids = requirement_ids(results)
    wide = wide.reindex(columns=ids).reset_index()
    matrix = people.merge(wide, on=[UNIT_ID, EMPLOYEE_ID], how="left")
    matrix[ids] = matrix[ids].fillna(SYMBOLS[NOT_APPLICABLE])
    return matrix


def filter_matrix(matrix: pd.DataFrame, role: str = ALL_ROLES, faculty: str | None = None,
                  unit: str | None = None, process: str | None = None) -> pd.DataFrame:
    """Rows for a role, faculty, unit and process; a process keeps only that process's advisors."""
    keep = pd.Series(True, index=matrix.index)
    if role == ADVISORS_ONLY:
        keep &= matrix[ADVISOR]
    elif role == CASE_HANDLERS_ONLY:
        keep &= matrix[CASE_HANDLER]
    if faculty:
        keep &= matrix[FACULTY_ID] == faculty
    if unit:
        keep &= matrix[UNIT_ID] == unit
    if process:
        keep &= matrix[PROCESSES].map(lambda text: process in text.split(", ")).astype(bool)
    return matrix[keep].reset_index(drop=True)


def symbol_counts(matrix: pd.DataFrame, ids: list[str]) -> dict[str, int]:
    """How many cells show each symbol; ✖ counts missing and expired together."""
    firsts = Counter(str(text).split(" ")[0] for text in matrix[ids].to_numpy().ravel())
    return {symbol: firsts[symbol] for symbol in dict.fromkeys(SYMBOLS.values())}


def with_words(matrix: pd.DataFrame, yes: str, no: str) -> pd.DataFrame:
    """The yes/no columns as words, for a CSV download."""
    words = {True: yes, False: no}
    return matrix.assign(**{column: matrix[column].map(words)
                            for column in (ADVISOR, CASE_HANDLER)})
