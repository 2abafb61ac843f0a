"""Requirement evidence: what shows that a person has met a requirement, whatever its kind.

Each kind of requirement (a course of the learning portal, an assessment) is one entry of
EVIDENCE_KINDS: how its evidence is found in a data set, and how What-if records some. The
rules grade the evidence the same way for every kind (analysis.training), so a third kind is
one more entry here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analysis.config import Requirement
from loaders.dataset import Dataset
from loaders.normalise import PORTAL_EXPIRED
from loaders.schema import (
    ASSESSED_BY,
    ASSESSMENT_KIND,
    COMPLETED,
    COMPLETION_DATE,
    COURSE_CODE,
    COURSE_KIND,
    COURSE_TITLE,
    EMAIL,
    EMPLOYEE_ID,
    NAME,
    REQUIREMENT_ID,
    RESULT,
    VALID_UNTIL,
)

# One row per piece of evidence: a person, the date it counts from (blank: undated), the
# portal's own expiry date (shown, not the rule) and whether the portal calls it expired.
EVIDENCE_COLUMNS = [EMPLOYEE_ID, COMPLETION_DATE, VALID_UNTIL, PORTAL_EXPIRED]
WHAT_IF = "hva om"  # who recorded an appointment or an assessment that What-if made


class CourseMatcher:
    """Which records match a requirement's course entries. Exports repeat a handful of course
    codes and titles: each column is factorised once and each distinct value tested once."""

    def __init__(self, courses: pd.DataFrame):
        self.index = courses.index
        self.codes = pd.factorize(courses[COURSE_CODE])
        self.titles = pd.factorize(courses[COURSE_TITLE])

    def __call__(self, entries: tuple[str, ...]) -> pd.Series:
        """Records whose code equals an entry, or whose title contains it, case-insensitively."""
        needles = [entry.casefold() for entry in entries]

        def matches(factorised: tuple[np.ndarray, object], test) -> np.ndarray:
            codes, uniques = factorised
            hits = np.array([test(str(value).casefold()) for value in uniques] + [False])
            return hits[codes]

        by_code = matches(self.codes, lambda code: code in needles)
        by_title = matches(self.titles, lambda title: any(n in title for n in needles))
        return pd.Series(by_code | by_title, index=self.index)


def matching_records(courses: pd.DataFrame, entries: tuple[str, ...]) -> pd.Series:
    """Records whose code equals an entry, or whose title contains it, case-insensitively."""
    return CourseMatcher(courses)(entries)


def _course_evidence(dataset: Dataset, requirement: Requirement,
                     matcher: CourseMatcher | None) -> pd.DataFrame:
    courses = dataset.courses
    matching = (matcher or CourseMatcher(courses))(requirement.courses)
    return courses.loc[courses[COMPLETED] & matching, EVIDENCE_COLUMNS]


def _assessment_evidence(dataset: Dataset, requirement: Requirement,
                         matcher: CourseMatcher | None) -> pd.DataFrame:
    rows = dataset.assessments
    met = rows[rows[RESULT].astype(bool) & (rows[REQUIREMENT_ID] == requirement.id)]
    return pd.DataFrame({
        EMPLOYEE_ID: met[EMPLOYEE_ID], COMPLETION_DATE: met[COMPLETION_DATE],
        VALID_UNTIL: pd.Series(pd.NaT, index=met.index, dtype="datetime64[us]"),
        PORTAL_EXPIRED: pd.Series(False, index=met.index, dtype="bool"),
    }, columns=EVIDENCE_COLUMNS)


def appended(frame: pd.DataFrame, rows: list[dict[str, object]]) -> pd.DataFrame:
    """`frame` with `rows` added, in its columns and types (a missing value left blank)."""
    added = pd.DataFrame(rows, columns=list(frame.columns))
    return pd.concat([frame, added.astype(frame.dtypes.to_dict())], ignore_index=True)


def _identities(dataset: Dataset, met: list[tuple[str, Requirement]]) -> list[dict[str, str]]:
    """Each met pair's person as the staff file names them: id, e-mail and name."""
    people = dataset.staff.drop_duplicates(EMPLOYEE_ID).set_index(EMPLOYEE_ID)
    return [{EMPLOYEE_ID: person, EMAIL: people[EMAIL].get(person, ""),
             NAME: people[NAME].get(person, "")} for person, _ in met]


def _record_courses(dataset: Dataset, met: list[tuple[str, Requirement]],
                    on: pd.Timestamp) -> Dataset:
    """A completion of each requirement's first course entry, as code and title."""
    rows = [{**who, COURSE_CODE: requirement.courses[0], COURSE_TITLE: requirement.courses[0],
             COMPLETED: True, PORTAL_EXPIRED: False, COMPLETION_DATE: on, VALID_UNTIL: pd.NaT}
            for who, (_, requirement) in zip(_identities(dataset, met), met, strict=True)]
    return replace(dataset, courses=appended(dataset.courses, rows))


def _record_assessments(dataset: Dataset, met: list[tuple[str, Requirement]],
                        on: pd.Timestamp) -> Dataset:
    """An approved assessment of each requirement, by What-if."""
    rows = [{**who, REQUIREMENT_ID: requirement.id, COMPLETION_DATE: on, RESULT: True,
             ASSESSED_BY: WHAT_IF}
            for who, (_, requirement) in zip(_identities(dataset, met), met, strict=True)]
    return replace(dataset, assessments=appended(dataset.assessments, rows))


@dataclass(frozen=True)
class EvidenceKind:
    """How requirements of one kind are met: their evidence in a data set, and a What-if
    record of some people meeting them on a date."""

    evidence: Callable[[Dataset, Requirement, CourseMatcher | None], pd.DataFrame]
    record: Callable[[Dataset, list[tuple[str, Requirement]], pd.Timestamp], Dataset]


EVIDENCE_KINDS = {
    COURSE_KIND: EvidenceKind(_course_evidence, _record_courses),
    ASSESSMENT_KIND: EvidenceKind(_assessment_evidence, _record_assessments),
}


def requirement_evidence(dataset: Dataset, requirement: Requirement,
                         matcher: CourseMatcher | None = None) -> pd.DataFrame:
    """Everything in the data set that may meet `requirement` (EVIDENCE_COLUMNS); `matcher`,
    the data set's courses' own, spares factorising them again for each requirement."""
    return EVIDENCE_KINDS[requirement.kind].evidence(dataset, requirement, matcher)


def with_met(dataset: Dataset, met: Iterable[tuple[str, Requirement]],
             on: dt.date) -> Dataset:
    """A new data set in which each (person, requirement) is met on `on`, by the evidence of
    the requirement's kind; the input is kept."""
    by_kind: dict[str, list[tuple[str, Requirement]]] = {}
    for person, requirement in met:
        by_kind.setdefault(requirement.kind, []).append((person, requirement))
    for kind, pairs in by_kind.items():
        dataset = EVIDENCE_KINDS[kind].record(dataset, pairs, pd.Timestamp(on))
    return dataset
