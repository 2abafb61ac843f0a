"""Everything the overview shows for one faculty filter, computed once so reruns can reuse it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties, faculty_rollup
from analysis.kpis import Kpis, compute_kpis
from analysis.results import Results
from analysis.suppression import coverage_by_faculty, training_by_faculty
from loaders.schema import UNIT_ID

MAX_UNIT_ROWS = 150  # beyond this the unit-level heatmaps give way to the faculty level


@dataclass(frozen=True)
class OverviewTables:
    """The overview's figures and tables for the units in view."""

    faculty_names: dict[str, str]  # faculty id → name, for the filter
    unit_ids: frozenset[str]  # the units the headline figures count (the faculty filter's)
    kpis: Kpis
    order: pd.DataFrame  # unit summaries in view with faculty columns, in display order
    unit_process: pd.DataFrame
    unit_requirement: pd.DataFrame
    rollup: pd.DataFrame
    coverage: pd.DataFrame | None  # faculty × rule, when there are too many units to list
    training: pd.DataFrame | None  # faculty × requirement, likewise


def faculty_choices(results: Results, groups: pd.DataFrame | None = None) -> dict[str, str]:
    """Faculty id → name for every faculty with a judged unit (`groups`: faculties(units))."""
    groups = faculties(results.units) if groups is None else groups
    judged = groups[groups[UNIT_ID].isin(results.unit_summary[UNIT_ID])]
    return dict(zip(judged[FACULTY_ID].tolist(), judged[FACULTY_NAME].tolist(), strict=True))


def overview_tables(results: Results, faculty: str | None,
                    only_gaps: bool = False) -> OverviewTables:
    """The overview for one faculty (None: all units); `only_gaps` keeps the heatmaps to the
    units that do not meet the requirements (the headline figures and the roll-up still
    count every unit). Case handlers without K3 are left out of it: nearly every unit has
    some, so the filter would keep them all."""
    groups = faculties(results.units)
    summary = results.unit_summary.merge(groups, on=UNIT_ID)
    if faculty is not None:
        summary = summary[summary[FACULTY_ID] == faculty]
    unit_ids = set(summary[UNIT_ID])
    order = summary.sort_values([FACULTY_NAME, "unit_name"], ignore_index=True)
    if only_gaps:
        order = order[~order["compliant"]].reset_index(drop=True)
    shown = set(order[UNIT_ID])
    too_many = len(order) > MAX_UNIT_ROWS
    return OverviewTables(
        faculty_names=faculty_choices(results, groups),
        unit_ids=frozenset(unit_ids),
        kpis=compute_kpis(results, unit_ids),
        order=order,
        unit_process=results.unit_process[results.unit_process[UNIT_ID].isin(shown)],
        unit_requirement=results.unit_requirement[
            results.unit_requirement[UNIT_ID].isin(shown)],
        rollup=faculty_rollup(summary.drop(columns=[FACULTY_ID, FACULTY_NAME]), results.units,
                              groups),
        coverage=coverage_by_faculty(results) if too_many else None,
        training=training_by_faculty(results) if too_many else None,
    )
