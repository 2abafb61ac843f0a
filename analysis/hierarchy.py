"""The unit tree: which faculty (top group) a unit belongs to, and roll-ups per faculty.

Everything here is linear in the number of units, however deep the tree: each unit's place
(top, the level below it, depth) is computed once from its parent's, never by walking the
whole line up again, and a loop of parents in bad data is cut as the loaders cut it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loaders.dataset import UnitRegistry
from loaders.schema import PARENT_ID, UNIT_ID, UNIT_NAME

FACULTY_ID = "faculty_id"
FACULTY_NAME = "faculty_name"


def parent_map(units: pd.DataFrame) -> dict[str, str]:
    """unit_id → parent_id for every unit that has a parent, with any loop cut."""
    parents = {u: p for u, p in zip(units[UNIT_ID], units[PARENT_ID], strict=True) if p}
    return UnitRegistry.cut_cycles(list(units[UNIT_ID]), parents)[0]


def ancestry(unit: str, parents: dict[str, str]) -> list[str]:
    """The unit and its ancestors, nearest first; stops at a loop in bad data."""
    chain, seen = [unit], {unit}
    while (parent := parents.get(chain[-1])) and parent not in seen:
        chain.append(parent)
        seen.add(parent)
    return chain


@dataclass(frozen=True)
class Place:
    """Where a unit sits: the top of its tree, the unit just below the top on its way up
    (None for the top itself) and the length of its line up (1 for the top)."""

    top: str
    below_top: str | None
    depth: int


class UnitTree:
    """The units table's tree, loops cut: parents, children and every unit's place."""

    def __init__(self, units: pd.DataFrame):
        self.ids = list(dict.fromkeys(units[UNIT_ID]))
        self.parents = parent_map(units)
        self.children: dict[str, list[str]] = {}
        for unit, parent in self.parents.items():
            self.children.setdefault(parent, []).append(unit)
        self.places = self._places()

    def _places(self) -> dict[str, Place]:
        """Each unit's place from its parent's; a parent outside the table is a top."""
        places: dict[str, Place] = {}
        for start in [*self.ids, *self.parents.values()]:
            line: list[str] = []
            unit = start
            while unit not in places:
                parent = self.parents.get(unit)
                if not parent:
                    places[unit] = Place(unit, None, 1)
                    break
                line.append(unit)
                unit = parent
            for unit in reversed(line):
                above = places[self.parents[unit]]
                places[unit] = Place(above.top, above.below_top or unit, above.depth + 1)
        return places

    def path(self, unit: str) -> list[str]:
        """The unit's ancestors from the top down, ending with the unit itself."""
        return ancestry(unit, self.parents)[::-1]

    def below(self, unit: str) -> set[str]:
        """The unit and every unit under it."""
        found, todo = {unit}, [unit]
        while todo:
            for child in self.children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def deepest_first(self) -> list[str]:
        """Every unit in the tree, each after all units below it."""
        return sorted(self.places, key=lambda u: self.places[u].depth, reverse=True)


def faculties(units: pd.DataFrame) -> pd.DataFrame:
    """unit_id → faculty: the top ancestor, or the level below it when one root holds all."""
    tree = UnitTree(units)
    names = dict(zip(units[UNIT_ID], units[UNIT_NAME], strict=True))
    evaluated = units.loc[units["evaluated"], UNIT_ID]
    skip_root = len({tree.places[u].top for u in evaluated}) == 1
    groups = [place.below_top if skip_root and place.below_top is not None else place.top
              for place in (tree.places[u] for u in tree.ids)]
    return pd.DataFrame({
        UNIT_ID: tree.ids,
        FACULTY_ID: groups,
        FACULTY_NAME: [names.get(g, g) for g in groups],
    })


def with_faculty(frame: pd.DataFrame, units: pd.DataFrame,
                 groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """The frame with each unit's faculty (`groups`: faculties(units), when already known)."""
    return frame.merge(faculties(units) if groups is None else groups, on=UNIT_ID, how="left")


def faculty_rollup(unit_summary: pd.DataFrame, units: pd.DataFrame,
                   groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per faculty: units judged, compliant units, staff, advisors and units missing a process."""
    frame = with_faculty(unit_summary, units, groups)
    frame = frame.assign(missing_any=frame["missing_processes"] > 0)
    rolled = frame.groupby([FACULTY_ID, FACULTY_NAME], sort=False).agg(
        units=(UNIT_ID, "size"),
        compliant_units=("compliant", "sum"),
        staff=("staff", "sum"),
        advisors=("advisors", "sum"),
        units_missing_process=("missing_any", "sum"),
        advisors_missing_requirements=("advisors_missing_requirements", "sum"),
    ).reset_index()
    rolled["compliant_share"] = rolled["compliant_units"] / rolled["units"]
    return rolled.sort_values(FACULTY_NAME, ignore_index=True)
