"""Secondary suppression: which shown figures to hide as well, so that no figure hidden as a
small group can be worked out from the figures shown beside it.

A screen or an export shows figures that add up (a total and its parts, a whole and the two
sides of it). When one of them is hidden and the rest are shown, the hidden one is the total
minus the shown parts. The figures are cells with integer values, the ways they add up are
`Sum`s; the rule is linear algebra, so a cell worked out through two sums at once is caught as
well. Facts only: which cells to hide, never how a hidden cell is written."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

import numpy as np

Cell = Hashable


@dataclass(frozen=True)
class Sum:
    """total = sum of parts, as a viewer who sees the figures could use it."""

    total: Cell
    parts: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)


def _coefficients(sums: Sequence[Sum], cells: Sequence[Cell]) -> np.ndarray:
    column = {cell: index for index, cell in enumerate(cells)}
    matrix = np.zeros((len(sums), len(cells)))
    for row, relation in enumerate(sums):
        for cell, sign in ((relation.total, 1.0), *((part, -1.0) for part in relation.parts)):
            if cell in column:
                matrix[row, column[cell]] += sign
    return matrix


def worked_out(sums: Sequence[Sum], concealed: Set[Cell]) -> set[Cell]:
    """The concealed cells that the sums fix from the shown cells alone.

    A concealed cell is fixed when every change of the concealed cells that keeps all sums
    true leaves it unchanged: deleting its column then lowers the rank of the sums' matrix
    over the concealed cells."""
    cells = sorted({c for s in sums for c in s.cells if c in concealed}, key=repr)
    if not cells:
        return set()
    matrix = _coefficients(sums, cells)
    rank = np.linalg.matrix_rank(matrix)
    return {cell for index, cell in enumerate(cells)
            if np.linalg.matrix_rank(np.delete(matrix, index, axis=1)) < rank}


def _concealed_in(relation: Sum, concealed: Set[Cell]) -> int:
    return sum(cell in concealed for cell in relation.cells)


def complements(values: Mapping[Cell, int], sums: Sequence[Sum], hidden: Set[Cell],
                unknown: Set[Cell] = frozenset(),
                together: Iterable[Set[Cell]] = ()) -> frozenset[Cell]:
    """The shown cells to hide besides `hidden` so that no cell of `hidden` can be worked out.

    `unknown` cells take part in sums but are never shown (the units a top-n table leaves
    out); they need no protection. `together` lists cells shown as one (a "part of whole"
    cell): hiding one hides its group. Of the shown cells that would protect an exposed one,
    a part goes before a total (totals are what a meeting reads), then the smallest value."""
    groups: dict[Cell, frozenset[Cell]] = {}
    for group in together:
        for cell in group:
            groups[cell] = frozenset(group)
    order = {cell: index for index, cell in enumerate(values)}
    extra: set[Cell] = set()
    while True:
        concealed = set(hidden) | extra | set(unknown)
        exposed = worked_out(sums, concealed) & set(hidden)
        if not exposed:
            return frozenset(extra)

        def leak(cell: Cell, concealed: set[Cell] = concealed) -> tuple[int, int]:
            return (min(_concealed_in(s, concealed) for s in sums if cell in s.cells),
                    order.get(cell, 0))

        # A sum where a cell is the only concealed one leaks it outright: break those first,
        # which often protects the cells worked out through them as well.
        cell = min(exposed, key=leak)
        holding = sorted((s for s in sums if cell in s.cells),
                         key=lambda s, concealed=concealed: _concealed_in(s, concealed))
        # Worked out through a chain of sums: any sum touching a concealed cell will do.
        holding += [s for s in sums if any(c in concealed for c in s.cells)]
        shown = next(([c for c in s.cells if c not in concealed] for s in holding
                      if any(c not in concealed for c in s.cells)), [])
        if not shown:
            return frozenset(extra)  # nothing shown is left to hide: the sums fix it anyway
        totals = {s.total for s in sums}
        choice = min(shown, key=lambda c: (c in totals, values.get(c, 0), order.get(c, 0)))
        extra |= groups.get(choice, frozenset({choice}))
