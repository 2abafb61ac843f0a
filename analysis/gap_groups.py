"""Gaps grouped the way they are acted on: per unit, then per kind, persons counted once."""

from __future__ import annotations

import pandas as pd

from analysis.results import GAP_KINDS
from loaders.schema import EMPLOYEE_ID, UNIT_ID

GROUP_COLUMNS = [UNIT_ID, "kind", "gaps", "people"]


def gap_groups(gaps: pd.DataFrame, unit_order: list[str]) -> pd.DataFrame:
    """One row per unit and kind of gap: how many gaps and how many distinct persons they
    concern (0 for a unit's own gaps, such as a missing advisor).

    Units come in `unit_order` (units not in it last), kinds in GAP_KINDS order."""
    if gaps.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    people = gaps[EMPLOYEE_ID].where(gaps[EMPLOYEE_ID].fillna("").ne(""))
    grouped = gaps.assign(person=people).groupby([UNIT_ID, "kind"], sort=False).agg(
        gaps=("kind", "size"), people=("person", "nunique")).reset_index()
    place = {unit: index for index, unit in enumerate(unit_order)}
    kind_place = {kind: index for index, kind in enumerate(GAP_KINDS)}
    grouped = grouped.assign(
        unit_place=grouped[UNIT_ID].map(place).fillna(len(place)),
        kind_place=grouped["kind"].map(kind_place).fillna(len(kind_place)))
    return grouped.sort_values(["unit_place", UNIT_ID, "kind_place"], kind="stable",
                               ignore_index=True)[GROUP_COLUMNS]
