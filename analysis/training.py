"""Who has met which requirement as of a date: matching course records to requirements."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analysis.config import Requirement
from loaders.schema import COMPLETED, COMPLETION_DATE, COURSE_CODE, COURSE_TITLE, EMPLOYEE_ID

MET = "met"
EXPIRED = "expired"
MISSING = "missing"
STATE_COMPLETED = "completed"  # met and valid beyond the expiring-soon window
STATE_EXPIRING = "expiring"  # met, but valid until a date within the window
STATUS_COLUMNS = [EMPLOYEE_ID, "requirement_id", "status", "completed_on", "valid_until"]


def matching_records(courses: pd.DataFrame, entries: tuple[str, ...]) -> pd.Series:
    """Records whose code equals an entry, or whose title contains it, case-insensitively."""
    needles = [entry.casefold() for entry in entries]

    def matches(column: str, test) -> np.ndarray:
        # exports repeat a handful of course codes and titles: test each distinct one once
        codes, uniques = pd.factorize(courses[column])
        hits = np.array([test(str(value).casefold()) for value in uniques] + [False])
        return hits[codes]

    by_code = matches(COURSE_CODE, lambda code: code in needles)
    by_title = matches(COURSE_TITLE, lambda title: any(n in title for n in needles))
    return pd.Series(by_code | by_title, index=courses.index)


def requirement_status(courses: pd.DataFrame, requirement: Requirement,
                       as_of: dt.date) -> pd.DataFrame:
    """Per person with any completion of the requirement by `as_of`: met or expired, with dates.

    People absent from the result have no completion at all (status missing)."""
    as_of_ts = pd.Timestamp(as_of)
    done = courses[courses[COMPLETED] & matching_records(courses, requirement.courses)]
    done = done[done[COMPLETION_DATE].isna() | (done[COMPLETION_DATE] <= as_of_ts)]
    latest = done.groupby(EMPLOYEE_ID, sort=False)[COMPLETION_DATE].max()
    undated = done[COMPLETION_DATE].isna().groupby(done[EMPLOYEE_ID], sort=False).any()
    frame = pd.DataFrame({"completed_on": latest, "undated": undated})
    if requirement.valid_months is None:
        frame["valid_until"] = pd.NaT
        frame["status"] = MET
    else:
        months = pd.DateOffset(months=requirement.valid_months)
        frame["valid_until"] = frame["completed_on"] + months
        # "No older than N months", measured back from the as-of date, boundary included.
        fresh = frame["completed_on"] >= as_of_ts - months
        frame["status"] = np.where(fresh | frame["undated"], MET, EXPIRED)
    frame = frame.reset_index().assign(requirement_id=requirement.id)
    return frame[STATUS_COLUMNS].astype({"completed_on": "datetime64[us]",
                                         "valid_until": "datetime64[us]"})


def training_states(status: pd.Series, valid_until: pd.Series, as_of: dt.date,
                    within_days: int) -> pd.Series:
    """completed, expiring (valid until at most `within_days` after `as_of`), expired or
    missing, from a person's status (blank: missing) and the completion's valid-until date."""
    status = status.fillna(MISSING)
    valid_until = pd.to_datetime(valid_until)
    horizon = pd.Timestamp(as_of) + pd.Timedelta(days=within_days)
    state = pd.Series(STATE_COMPLETED, index=status.index, dtype="str")
    state[(status == MET) & valid_until.notna() & (valid_until <= horizon)] = STATE_EXPIRING
    state[status == EXPIRED] = EXPIRED
    state[status == MISSING] = MISSING
    return state
