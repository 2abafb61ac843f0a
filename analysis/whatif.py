"""What-if: appoint advisors and complete courses on a copy of the inputs, then compare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from analysis.config import Requirement, requirements_by_id
from analysis.evidence import WHAT_IF, appended, with_met
from analysis.kpis import compute_kpis
from analysis.results import GAP_KINDS, Results
from analysis.training import met_by_person
from loaders.dataset import Dataset
from loaders.schema import (
    APPOINTED_DATE,
    EMPLOYEE_ID,
    NAME,
    PROCESS,
    SOURCE,
    UNIT_ID,
)

# What-if's choices, and the plan's actions: (unit, kind, process or requirement id) -> people
APPOINT, ENROL, RELIEVE = "appoint", "enrol", "relieve"
Choice = tuple[str, str, str]
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
class Relief:
    """Relieve an advisor of one process in one unit (a replacement appoints someone else)."""

    unit_id: str
    employee_id: str
    process: str


@dataclass(frozen=True)
class Completion:
    """A person meets a requirement: completes its course, or passes its assessment."""

    employee_id: str
    requirement: Requirement


def apply_changes(dataset: Dataset, appointments: Iterable[Appointment],
                  completions: Iterable[Completion], as_of: dt.date,
                  reliefs: Iterable[Relief] = ()) -> Dataset:
    """A new Dataset with the reliefs, appointments and completions (dated `as_of`); the input
    is kept. Each completion is recorded as its requirement's kind of evidence
    (analysis.evidence). A relief removes the person's rows for the process in the unit, and
    their rows without a unit when that is the only unit they work in (such a row counts for
    the main position, which is then this unit)."""
    advisors = dataset.advisors
    single_unit = dataset.staff.groupby(EMPLOYEE_ID)[UNIT_ID].nunique() == 1
    for relief in reliefs:
        placed = advisors[UNIT_ID] == relief.unit_id
        if single_unit.get(relief.employee_id, False):
            placed |= advisors[UNIT_ID].fillna("") == ""
        advisors = advisors[~(placed & (advisors[EMPLOYEE_ID] == relief.employee_id)
                              & (advisors[PROCESS] == relief.process))]
    added = [{EMPLOYEE_ID: a.employee_id, UNIT_ID: a.unit_id, PROCESS: a.process,
              APPOINTED_DATE: pd.Timestamp(as_of), SOURCE: WHAT_IF} for a in appointments]
    advisors = appended(advisors.reset_index(drop=True), added).drop_duplicates(
        [UNIT_ID, EMPLOYEE_ID, PROCESS], ignore_index=True)
    met = [(completion.employee_id, completion.requirement) for completion in completions]
    return with_met(replace(dataset, advisors=advisors), met, as_of)


def choice_changes(choices: Mapping[Choice, Iterable[str]],
                   requirements: Iterable[Requirement]
                   ) -> tuple[list[Appointment], list[Completion], list[Relief]]:
    """The changes that choices per unit stand for, for apply_changes; a person's requirement
    met once, whichever units chose it."""
    first = requirements_by_id(requirements)
    appointments, completions, reliefs, met = [], [], [], set()
    for (unit_id, kind, item), people in choices.items():
        for person in people:
            if kind == APPOINT:
                appointments.append(Appointment(unit_id, person, item))
            elif kind == RELIEVE:
                reliefs.append(Relief(unit_id, person, item))
            elif (person, item) not in met and item in first:
                met.add((person, item))
                completions.append(Completion(person, first[item]))
    return appointments, completions, reliefs


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
    done = met_by_person(results.person_status)
    lacking = [tuple(r for r in ids if r not in done.get(person, set()))
               for person in staff[EMPLOYEE_ID]]
    choices = pd.DataFrame({EMPLOYEE_ID: staff[EMPLOYEE_ID].to_numpy(),
                            NAME: staff[NAME].to_numpy(), "lacking": lacking})
    return (choices.assign(count=choices["lacking"].map(len))
            .sort_values(["count", NAME, EMPLOYEE_ID], ignore_index=True)
            .drop(columns="count"))
