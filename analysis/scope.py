"""Whose names a user may see, applied once where the results are made.

A scope names the units whose people are shown by name; everyone else in the data set stays
in every figure but is pseudonymised: their id becomes a stand-in that is the same in every
table (so counts, joins and recomputations give the same figures) and their name, e-mail and
free text are blanked. Views and exports then cannot show a name outside the scope, because
the frames they get do not hold one. The validation report quotes file rows, so it is kept
only where every name is in scope."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

import pandas as pd

from analysis.hierarchy import UnitTree
from analysis.results import Results
from loaders.dataset import Dataset
from loaders.schema import (
    ASSESSED_BY,
    EMAIL,
    EMPLOYEE_ID,
    FIRST_NAME,
    LAST_NAME,
    NAME,
    NOTE,
    UNIT_ID,
)

PERSONAL_COLUMNS = (NAME, FIRST_NAME, LAST_NAME, EMAIL, ASSESSED_BY)
STAND_IN_PREFIX = "anonym-"


@dataclass(frozen=True)
class Scope:
    """`named_units` None: every name; a set: the names of these units' people only."""

    named_units: frozenset[str] | None = None

    @property
    def everything(self) -> bool:
        return self.named_units is None

    @property
    def any_names(self) -> bool:
        return self.named_units is None or bool(self.named_units)

    def names(self, unit_id: str) -> bool:
        return self.named_units is None or unit_id in self.named_units


EVERYTHING = Scope()
AGGREGATES_ONLY = Scope(frozenset())


def units_and_below(units: pd.DataFrame, granted: Iterable[str]) -> Scope:
    """The scope of a unit user: the granted units and every unit below them."""
    tree = UnitTree(units)
    known = set(units[UNIT_ID])
    named = {unit for granted_unit in granted if granted_unit in known
             for unit in tree.below(granted_unit)}
    return Scope(frozenset(named))


def named_people(dataset: Dataset, results: Results, scope: Scope) -> set[str]:
    """The ids of the people a scope shows by name: anyone with a position in one of its units
    (on any date in the staff file) or appointed as process advisor for one."""
    units = scope.named_units or frozenset()
    staff = dataset.staff[dataset.staff[UNIT_ID].isin(units)][EMPLOYEE_ID]
    appointed = results.advisors[results.advisors[UNIT_ID].isin(units)][EMPLOYEE_ID]
    return set(staff) | set(appointed)


def scoped(dataset: Dataset, results: Results, scope: Scope) -> tuple[Dataset, Results]:
    """The data set and results as `scope` may see them (see the module's docstring)."""
    if scope.everything:
        return dataset, results
    named = named_people(dataset, results, scope)
    everyone = pd.concat([frame[EMPLOYEE_ID] for frame in _person_frames(dataset, results)])
    hidden = sorted(set(everyone.dropna()) - named - {""})  # "": a row about no one person
    stand_in = {person: f"{STAND_IN_PREFIX}{n}" for n, person in enumerate(hidden, start=1)}

    def hide(frame: pd.DataFrame) -> pd.DataFrame:
        return _pseudonymised(frame, named, stand_in)

    shown = replace(dataset, staff=hide(dataset.staff), advisors=hide(dataset.advisors),
                    courses=hide(dataset.courses), assessments=hide(dataset.assessments),
                    issues=dataset.issues.iloc[0:0])
    person_tables = {field.name: hide(getattr(results, field.name)) for field in fields(results)
                     if isinstance(getattr(results, field.name), pd.DataFrame)
                     and EMPLOYEE_ID in getattr(results, field.name).columns}
    return shown, replace(results, issues=results.issues.iloc[0:0], **person_tables)


def _person_frames(dataset: Dataset, results: Results) -> list[pd.DataFrame]:
    frames = [dataset.staff, dataset.advisors, dataset.courses, dataset.assessments]
    frames += [getattr(results, field.name) for field in fields(results)]
    return [frame for frame in frames
            if isinstance(frame, pd.DataFrame) and EMPLOYEE_ID in frame.columns]


def _pseudonymised(frame: pd.DataFrame, named: set[str],
                   stand_in: dict[str, str]) -> pd.DataFrame:
    outside = ~frame[EMPLOYEE_ID].isin(named)
    if not outside.any():
        return frame
    frame = frame.copy()
    ids = frame.loc[outside, EMPLOYEE_ID]
    frame.loc[outside, EMPLOYEE_ID] = ids.map(lambda person: stand_in.get(person, person))
    for column in (*PERSONAL_COLUMNS, NOTE):
        if column in frame.columns:
            frame.loc[outside, column] = ""
    return frame
