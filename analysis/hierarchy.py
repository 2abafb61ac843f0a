"""The unit tree: which faculty (top group) a unit belongs to, and roll-ups per faculty."""

from __future__ import annotations

import pandas as pd

from loaders.schema import PARENT_ID, UNIT_ID, UNIT_NAME

FACULTY_ID = "faculty_id"
FACULTY_NAME = "faculty_name"


def parent_map(units: pd.DataFrame) -> dict[str, str]:
    """unit_id → parent_id for every unit that has a parent."""
    return {u: p for u, p in zip(units[UNIT_ID], units[PARENT_ID], strict=True) if p}


def ancestry(unit: str, parents: dict[str, str]) -> list[str]:
    """The unit and its ancestors, nearest first; stops at a loop in bad data."""
    chain = [unit]
    while parents.get(chain[-1]) and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])
    return chain


def faculties(units: pd.DataFrame) -> pd.DataFrame:
    """unit_id → faculty: the top ancestor, or the level below it when one root holds all."""
    parents = parent_map(units)
    names = dict(zip(units[UNIT_ID], units[UNIT_NAME], strict=True))
    chains = {u: ancestry(u, parents) for u in units[UNIT_ID]}
    evaluated = units.loc[units["evaluated"], UNIT_ID]
    tops = {chains[u][-1] for u in evaluated}
    skip_root = len(tops) == 1
    groups = {}
    for unit, chain in chains.items():
        groups[unit] = chain[-2] if skip_root and len(chain) >= 2 else chain[-1]
    return pd.DataFrame({
        UNIT_ID: list(groups),
        FACULTY_ID: list(groups.values()),
        FACULTY_NAME: [names.get(g, g) for g in groups.values()],
    })


def with_faculty(frame: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    return frame.merge(faculties(units), on=UNIT_ID, how="left")


def faculty_rollup(unit_summary: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Per faculty: units judged, compliant units, staff, advisors and units missing a process."""
    frame = with_faculty(unit_summary, units)
    rolled = frame.groupby([FACULTY_ID, FACULTY_NAME], sort=False).agg(
        units=(UNIT_ID, "size"),
        compliant_units=("compliant", "sum"),
        staff=("staff", "sum"),
        advisors=("advisors", "sum"),
        units_missing_process=("missing_processes", lambda s: int((s > 0).sum())),
        advisors_missing_requirements=("advisors_missing_requirements", "sum"),
    ).reset_index()
    rolled["compliant_share"] = rolled["compliant_units"] / rolled["units"]
    return rolled.sort_values(FACULTY_NAME, ignore_index=True)
