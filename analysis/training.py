"""Who has met which requirement as of a date: matching course records to requirements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.config import Requirement, RuleConfig
from analysis.evidence import CourseMatcher
from loaders.dataset import Dataset
from loaders.issues import WARNING, issue_frame, note
from loaders.normalise import PORTAL_EXPIRED
from loaders.schema import (
    COMPLETED,
    COMPLETION_DATE,
    COURSE_KIND,
    COURSE_RECORDS,
    EMPLOYEE_ID,
    REQUIREMENT_ID,
    ROW,
    VALID_UNTIL,
)
from loaders.values import is_in

MET = "met"
EXPIRED = "expired"
MISSING = "missing"
STATE_COMPLETED = "completed"  # met and valid beyond the expiring-soon window
STATE_EXPIRING = "expiring"  # met, but valid until a date within the window
PORTAL_VALID_UNTIL = "portal_valid_until"  # the learning portal's own expiry: shown, not the rule
# How a view words that date: (date, passed on the as-of date) → text
PortalNote = Callable[[pd.Timestamp, bool], str]
STATUS_COLUMNS = [EMPLOYEE_ID, REQUIREMENT_ID, "status", "completed_on", "valid_until",
                  PORTAL_VALID_UNTIL]
_FRESH, _EXPIRED = 2, 1
# the calendar dates can be shown and exported in (Python's dt.date): results stay inside it
FIRST_DAY = pd.Timestamp("0001-01-01")
LAST_DAY = pd.Timestamp("9999-12-31")


def met_by_person(person_status: pd.DataFrame) -> dict[str, set[str]]:
    """Employee id → the requirement ids the person meets (analysis.results' person_status)."""
    met = person_status[person_status["status"] == MET]
    return met.groupby(EMPLOYEE_ID)[REQUIREMENT_ID].agg(set).to_dict()


def months_before(moment: pd.Timestamp, months: int) -> pd.Timestamp:
    """`moment` less `months` calendar months; the first day of year 1 when that is earlier."""
    try:
        return max(moment - pd.DateOffset(months=months), FIRST_DAY)
    except (OverflowError, ValueError):  # pandas' OutOfBoundsDatetime is a ValueError
        return FIRST_DAY if months > 0 else LAST_DAY


def months_after(dates: pd.Series, months: int) -> pd.Series:
    """Each date plus `months` calendar months, at the latest 31.12.9999 (blank stays blank)."""
    try:
        shifted = dates + pd.DateOffset(months=months)
    except (OverflowError, ValueError):
        shifted = pd.Series([pd.NaT if pd.isna(date) else _shifted(date, months)
                             for date in dates], index=dates.index, dtype="datetime64[us]")
    shifted = shifted.astype("datetime64[us]")
    return shifted.where(shifted.isna() | (shifted <= LAST_DAY), LAST_DAY)


def _shifted(date: pd.Timestamp, months: int) -> pd.Timestamp:
    try:
        return date + pd.DateOffset(months=months)
    except (OverflowError, ValueError):
        return LAST_DAY if months > 0 else FIRST_DAY


def days_after(moment: pd.Timestamp, days: int) -> pd.Timestamp:
    """`moment` plus `days` days (less, when negative), kept inside the calendar."""
    try:
        shifted = moment + pd.Timedelta(days=days)
    except (OverflowError, ValueError):
        return LAST_DAY if days > 0 else FIRST_DAY
    return min(max(shifted, FIRST_DAY), LAST_DAY)


def requirement_status(evidence: pd.DataFrame, requirement: Requirement,
                       as_of: dt.date) -> pd.DataFrame:
    """Per person with evidence of the requirement (analysis.evidence) by `as_of`: met or
    expired, with dates. Every kind of requirement is graded alike.

    A completion (or assessment) is fresh when the portal does not call it expired and, with
    `valid_months`, it is dated no more than that many months before `as_of` (boundary
    included). An undated completion is fresh without `valid_months` and neither fresh nor
    expired with it. People absent from the result have nothing that counts (status
    missing)."""
    as_of_ts = pd.Timestamp(as_of)
    done = evidence[evidence[COMPLETION_DATE].isna() | (evidence[COMPLETION_DATE] <= as_of_ts)]
    portal_expired = done[PORTAL_EXPIRED].to_numpy(dtype=bool)
    if requirement.valid_months is None:
        fresh, expired = ~portal_expired, portal_expired
    else:
        dated = done[COMPLETION_DATE].notna().to_numpy()
        recent = (done[COMPLETION_DATE] >= months_before(as_of_ts,
                                                         requirement.valid_months)).to_numpy()
        fresh = dated & recent & ~portal_expired
        expired = portal_expired | (dated & ~recent)
    graded = done[[EMPLOYEE_ID, COMPLETION_DATE, VALID_UNTIL]].assign(
        grade=np.where(fresh, _FRESH, np.where(expired, _EXPIRED, 0)))
    # per person the latest completion of the best grade (fresh over expired)
    frame = (graded[graded["grade"] > 0]
             .sort_values(["grade", COMPLETION_DATE], na_position="first", kind="stable")
             .drop_duplicates(EMPLOYEE_ID, keep="last").set_index(EMPLOYEE_ID)
             .rename(columns={COMPLETION_DATE: "completed_on", VALID_UNTIL: PORTAL_VALID_UNTIL}))
    frame["status"] = np.where(frame["grade"] == _FRESH, MET, EXPIRED)
    frame["valid_until"] = (pd.NaT if requirement.valid_months is None
                            else months_after(frame["completed_on"], requirement.valid_months))
    frame = frame.reset_index().assign(requirement_id=requirement.id)
    return frame[STATUS_COLUMNS].astype({"completed_on": "datetime64[us]",
                                         "valid_until": "datetime64[us]",
                                         PORTAL_VALID_UNTIL: "datetime64[us]"})


def portal_expiry_issues(dataset: Dataset, config: RuleConfig, targets: pd.DataFrame,
                         as_of: dt.date, matcher: CourseMatcher | None = None) -> pd.DataFrame:
    """A warning on the latest completion of a requirement's course, by a person the
    requirement applies to, whose portal `Gyldig til` has passed on `as_of` (older, renewed
    completions are left alone); the requirement's own validity stays the rule."""
    as_of_ts = pd.Timestamp(as_of)
    courses = dataset.courses
    by_course = [requirement for requirement in config.requirements
                 if requirement.kind == COURSE_KIND]
    matcher = matcher or CourseMatcher(courses)
    matches = {entries: matcher(entries).to_numpy()
               for entries in {requirement.courses for requirement in by_course}}
    passed = (courses[COMPLETED].to_numpy(dtype=bool)
              & (courses[VALID_UNTIL] < as_of_ts).to_numpy(dtype=bool)
              & np.logical_or.reduce([*matches.values(), np.zeros(len(courses), dtype=bool)]))
    if not passed.any():
        return issue_frame([])
    # only people with a passed portal date can get the warning: look at their records only
    mine = is_in(courses[EMPLOYEE_ID], courses.loc[passed, EMPLOYEE_ID])
    courses = courses[mine]
    completed = courses[COMPLETED].to_numpy(dtype=bool)
    latest = set()
    for requirement in by_course:
        applies = targets.loc[targets[REQUIREMENT_ID] == requirement.id, EMPLOYEE_ID]
        done = courses[completed & matches[requirement.courses][mine]
                       & is_in(courses[EMPLOYEE_ID], applies)]
        done = done[done[COMPLETION_DATE].isna() | (done[COMPLETION_DATE] <= as_of_ts)]
        last = done.sort_values(COMPLETION_DATE, na_position="first").drop_duplicates(
            EMPLOYEE_ID, keep="last")
        latest.update(last.index[last[VALID_UNTIL] < as_of_ts])
    passed = courses.loc[sorted(latest)]
    table = next((t for t in dataset.tables if t.kind == COURSE_RECORDS), None)
    if passed.empty or table is None:
        return issue_frame([])
    header = next((raw for raw, canon in table.mapping.items() if canon == VALID_UNTIL),
                  VALID_UNTIL)
    return issue_frame({
        "file": table.file, "sheet": table.sheet, "row": passed[ROW].to_numpy(),
        "column": header, "severity": WARNING,
        "note": [note("portal_date_passed", until=until, as_of=as_of)
                 for until in passed[VALID_UNTIL]],
    })


def training_states(status: pd.Series, valid_until: pd.Series, as_of: dt.date,
                    within_days: int) -> pd.Series:
    """completed, expiring (valid until at most `within_days` after `as_of`), expired or
    missing, from a person's status (blank: missing) and the completion's valid-until date."""
    status = status.fillna(MISSING)
    valid_until = pd.to_datetime(valid_until)
    horizon = days_after(pd.Timestamp(as_of), within_days)
    state = pd.Series(STATE_COMPLETED, index=status.index, dtype="str")
    state[(status == MET) & valid_until.notna() & (valid_until <= horizon)] = STATE_EXPIRING
    state[status == EXPIRED] = EXPIRED
    state[status == MISSING] = MISSING
    return state
