"""What-if: appoint advisors and complete courses on a copy of the inputs, then compare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from analysis.config import Requirement
from analysis.kpis import compute_kpis
from analysis.results import GAP_KINDS, Results
from analysis.training import MET
from loaders.dataset import ADVISOR_COLUMNS, Dataset
from loaders.normalise import PORTAL_EXPIRED
from loaders.schema import (
    APPOINTED_DATE,
    COMPLETED,
    COMPLETION_DATE,
    COURSE_CODE,
    COURSE_TITLE,
    EMAIL,
    EMPLOYEE_ID,
    NAME,
    PROCESS,
    SOURCE,
    UNIT_ID,
    VALID_UNTIL,
)

WHAT_IF_SOURCE = "hva om"
FIGURES = ("compliant_units", "advisors", "advisors_fully_trained", "case_handlers_trained",
           *GAP_KINDS)
COMPARISON_COLUMNS = ["figure", "unit_before", "unit_after", "organisation_before",
                      "organisation_after"]


@dataclass(frozen=True)
class Appointment:
    """Appoint a person as advisor for one process in one unit."""

    unit_id: str
    employee_id: str
    process: str


@dataclass(frozen=True)
class Completion:
    """Record a completed course for a person, by a course entry of a requirement."""

    employee_id: str
    course: str


def completion_of(requirement: Requirement, employee_id: str) -> Completion:
    """A completion that meets `requirement`: its first course entry, as code and title."""
    return Completion(employee_id, requirement.courses[0])


def apply_changes(dataset: Dataset, appointments: Iterable[Appointment],
                  completions: Iterable[Completion], as_of: dt.date) -> Dataset:
    """A new Dataset with the appointments and completions (dated `as_of`); the input is kept."""
    added = pd.DataFrame(
        [{EMPLOYEE_ID: a.employee_id, UNIT_ID: a.unit_id, PROCESS: a.process,
          APPOINTED_DATE: pd.Timestamp(as_of), SOURCE: WHAT_IF_SOURCE} for a in appointments],
        columns=ADVISOR_COLUMNS)
    advisors = (pd.concat([dataset.advisors, added.astype(dataset.advisors.dtypes.to_dict())],
                          ignore_index=True)
                .drop_duplicates([UNIT_ID, EMPLOYEE_ID, PROCESS], ignore_index=True))
    people = dataset.staff.drop_duplicates(EMPLOYEE_ID).set_index(EMPLOYEE_ID)
    records = pd.DataFrame(
        [{EMPLOYEE_ID: c.employee_id,
          EMAIL: people[EMAIL].get(c.employee_id, ""),
          NAME: people[NAME].get(c.employee_id, ""),
          COURSE_CODE: c.course, COURSE_TITLE: c.course, COMPLETED: True,
          PORTAL_EXPIRED: False, COMPLETION_DATE: pd.Timestamp(as_of), VALID_UNTIL: pd.NaT}
         for c in completions],
        columns=list(dataset.courses.columns))
    courses = pd.concat([dataset.courses, records.astype(dataset.courses.dtypes.to_dict())],
                        ignore_index=True)
    return replace(dataset, advisors=advisors, courses=courses)


def figures(results: Results, unit_ids: set[str] | None = None) -> dict[str, int]:
    """Compliance figures for some units (all when None): the KPIs and gaps per kind."""
    kpis = compute_kpis(results, unit_ids)
    gaps = results.gaps if unit_ids is None else results.gaps[
        results.gaps[UNIT_ID].isin(unit_ids)]
    counts = gaps["kind"].value_counts()
    return {
        "compliant_units": kpis.compliant_units,
        "advisors": kpis.advisors,
        "advisors_fully_trained": kpis.advisors_fully_trained,
        "case_handlers_trained": kpis.case_handlers_trained,
        **{kind: int(counts.get(kind, 0)) for kind in GAP_KINDS},
    }


def compare(before: Results, after: Results, unit_id: str) -> pd.DataFrame:
    """Each figure before and after, for the unit and for the whole organisation."""
    unit = {unit_id}
    columns = (figures(before, unit), figures(after, unit), figures(before), figures(after))
    rows = [[name, *(figures_[name] for figures_ in columns)] for name in FIGURES]
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def unit_staff_choices(dataset: Dataset, results: Results, unit_id: str) -> pd.DataFrame:
    """The unit's staff with the requirement ids each has not met, fewest first."""
    staff = results.staff[results.staff[UNIT_ID] == unit_id].drop_duplicates(EMPLOYEE_ID)
    ids = list(dict.fromkeys(r.id for r in results.config.requirements))
    met = results.person_status[results.person_status["status"] == MET]
    done = met.groupby(EMPLOYEE_ID)["requirement_id"].agg(set)
    lacking = [tuple(r for r in ids if r not in done.get(person, set()))
               for person in staff[EMPLOYEE_ID]]
    choices = pd.DataFrame({EMPLOYEE_ID: staff[EMPLOYEE_ID].to_numpy(),
                            NAME: staff[NAME].to_numpy(), "lacking": lacking})
    return (choices.assign(count=choices["lacking"].map(len))
            .sort_values(["count", NAME, EMPLOYEE_ID], ignore_index=True)
            .drop(columns="count"))
