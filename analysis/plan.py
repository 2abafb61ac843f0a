"""The action plan: the fewest actions that make every evaluated unit meet rules 1–3, found
exactly by an integer program (scipy's milp, HiGHS), plus every due case handler's enrolment.

Actions, each counted once: appoint a unit's staff member as advisor for a process; enrol a
person in a requirement (a course, or an assessment) they have not met; relieve an advisor of a
process (with an appointment in its place, a replacement). A person's enrolment serves every
unit and role that needs it, and a due case handler's enrolment serves their advisor role too.

Among plans of the same size, the tie-breaks in order: the owner's preference of appointments
over enrolments (or the reverse), today's advisors kept, and the candidates who already meet
the most requirements, in the order of the candidates list (analysis.candidates)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from analysis.candidates import rank_key
from analysis.config import Requirement
from analysis.results import CASE_HANDLER_MISSING_REQUIREMENT, Results
from analysis.training import met_by_person
from analysis.whatif import (
    APPOINT,
    ENROL,
    RELIEVE,
    Appointment,
    Choice,
    Completion,
    Relief,
    choice_changes,
)
from loaders.schema import (
    CASE_HANDLER,
    EMPLOYEE_ID,
    NAME,
    PROCESS,
    REQUIREMENT_ID,
    START_DATE,
    UNIT_ID,
)

ACTIONS = (APPOINT, RELIEVE, ENROL)
AS_ADVISOR, AS_CASE_HANDLER = "advisor", "case_handler"
PREFER_NONE, PREFER_APPOINTMENTS, PREFER_ENROLMENTS = "none", "appointments", "enrolments"
PLAN_COLUMNS = [UNIT_ID, "action", EMPLOYEE_ID, PROCESS, REQUIREMENT_ID, "role", "deadline"]
COST_COLUMNS = [UNIT_ID, APPOINT, RELIEVE, ENROL, "actions"]
UNSOLVABLE_COLUMNS = [UNIT_ID, "people"]


@dataclass(frozen=True)
class PlanOptions:
    """What the owner asks of the plan."""

    left_out: frozenset[str] = frozenset()  # units the plan leaves as they are
    locked: frozenset[str] = frozenset()  # people never proposed (appointed or enrolled)
    prefer: str = PREFER_NONE  # among plans of the same size


@dataclass(frozen=True)
class Plan:
    actions: pd.DataFrame  # PLAN_COLUMNS, in unit order, then appoint, relieve, enrol
    unsolvable: pd.DataFrame  # units with too few people for rules 1–2 (UNSOLVABLE_COLUMNS)
    options: PlanOptions = field(default_factory=PlanOptions)

    def of_units(self, units: Iterable[str]) -> Plan:
        """The part of the plan for these units (a user's scope)."""
        kept = set(units)
        return Plan(self.actions[self.actions[UNIT_ID].isin(kept)].reset_index(drop=True),
                    self.unsolvable[self.unsolvable[UNIT_ID].isin(kept)].reset_index(drop=True),
                    self.options)

    def cost(self) -> pd.DataFrame:
        """Actions per unit and kind (COST_COLUMNS), the units with actions only."""
        counts = pd.crosstab(self.actions[UNIT_ID], self.actions["action"]).reindex(
            columns=list(ACTIONS), fill_value=0)
        order = list(dict.fromkeys(self.actions[UNIT_ID]))
        counts = counts.reindex(order).rename_axis(None, axis=1).reset_index()
        return counts.assign(actions=counts[list(ACTIONS)].sum(axis=1))[COST_COLUMNS]


class _Program:
    """Binary variables with a cost each, and ≥ constraints, built up as the units are read."""

    def __init__(self) -> None:
        self.costs: list[tuple[int, int]] = []  # (actions, tie-break) per variable
        self.rows: list[int] = []
        self.columns: list[int] = []
        self.values: list[float] = []
        self.lower: list[float] = []

    def variable(self, actions: int, tie: int) -> int:
        self.costs.append((actions, tie))
        return len(self.costs) - 1

    def at_least(self, terms: dict[int, float], bound: float) -> None:
        row = len(self.lower)
        for column, value in terms.items():
            self.rows.append(row)
            self.columns.append(column)
            self.values.append(value)
        self.lower.append(bound)

    def solve(self) -> np.ndarray:
        """The chosen variables: fewest actions first, then the smallest tie-break sum (the
        tie-breaks are weighted below one action, so the first aim is kept exactly)."""
        actions = np.array([cost[0] for cost in self.costs], dtype=float)
        ties = np.array([cost[1] for cost in self.costs], dtype=float)
        weight = np.abs(ties).sum() + 1
        objective = actions * weight + ties
        matrix = coo_array((self.values, (self.rows, self.columns)),
                           shape=(len(self.lower), len(self.costs))).tocsr()
        constraints = [LinearConstraint(matrix, np.array(self.lower), np.inf)] if self.lower \
            else []
        result = milp(objective, integrality=np.ones(len(self.costs)), bounds=Bounds(0, 1),
                      constraints=constraints, options={"mip_rel_gap": 0})
        if result.x is None:  # the units without enough people were taken out beforehand
            raise RuntimeError(f"the plan's integer program failed: {result.message}")
        return np.round(result.x).astype(bool)


def make_plan(results: Results, options: PlanOptions | None = None) -> Plan:
    """The smallest set of actions that makes every evaluated unit (but those left out)
    compliant, and the due case handlers' enrolments with their deadlines."""
    options = options or PlanOptions()
    config = results.config
    units = [u for u in results.unit_summary[UNIT_ID] if u not in options.left_out]
    met = met_by_person(results.person_status)
    generic = list(dict.fromkeys(r.id for r in config.requirements
                                 if r.for_advisors and r.process is None))
    specific = {p: list(dict.fromkeys(r.id for r in config.requirements
                                      if r.for_advisors and r.process == p))
                for p in config.processes}
    forced = _case_handler_enrolments(results, set(units))
    covered = set(zip(forced[EMPLOYEE_ID], forced[REQUIREMENT_ID], strict=True))
    all_ids = list(dict.fromkeys(r.id for r in config.requirements))

    def lacking(person: str, ids: list[str]) -> list[str]:
        return [r for r in ids if r not in met.get(person, ()) and (person, r) not in covered]

    existing = results.advisors[[UNIT_ID, EMPLOYEE_ID, PROCESS]].drop_duplicates()
    held: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for unit, person, process in existing.itertuples(index=False):
        held[unit][person].add(process)
    staff = results.staff.drop_duplicates([UNIT_ID, EMPLOYEE_ID])
    units_of = staff.groupby(EMPLOYEE_ID)[UNIT_ID].nunique()
    per_process = config.min_advisors_per_process * len(config.processes)
    most_new = max(per_process, config.min_distinct_advisors)

    program = _Program()
    enrolments: dict[tuple[str, str], int] = {}
    roles: list[tuple[int, str, str, str, str]] = []  # (variable, kind, unit, person, process)
    unsolvable = []
    relief_tie = 0
    for unit in units:
        holders = held.get(unit, {})
        in_unit = staff[staff[UNIT_ID] == unit]
        candidates = _candidates(in_unit, options.locked, set(holders), units_of, most_new,
                                 lambda person: lacking(person, all_ids))
        may_stay = {p for p in holders if p not in options.locked
                    or not _needs(p, holders[p], generic, specific, lacking)}
        if len(may_stay | set(candidates)) < max(config.min_distinct_advisors,
                                                 config.min_advisors_per_process):
            unsolvable.append({UNIT_ID: unit, "people": len(set(in_unit[EMPLOYEE_ID]))})
            continue
        relief_tie = max(relief_tie, len(candidates) + 1)
        per_person: dict[str, list[tuple[int, str]]] = defaultdict(list)
        cover: dict[str, dict[int, float]] = {p: {} for p in config.processes}
        for rank, person in enumerate(candidates):
            for process in config.processes:
                if process in holders.get(person, ()):
                    continue
                variable = program.variable(1, rank + 1)
                roles.append((variable, APPOINT, unit, person, process))
                per_person[person].append((variable, process))
                cover[process][variable] = 1
        for person, processes in holders.items():
            for process in sorted(processes):
                # kept when 1: one action fewer than relieving (the constant the negative
                # costs leave out is the same for every plan)
                variable = program.variable(-1, 0)
                roles.append((variable, RELIEVE, unit, person, process))
                per_person[person].append((variable, process))
                if process in cover:
                    cover[process][variable] = 1
        for process in config.processes:
            program.at_least(cover[process], config.min_advisors_per_process)
        advisor_of: dict[str, int] = {}
        for person, held_roles in per_person.items():
            adviser = program.variable(0, 0)
            advisor_of[person] = adviser
            program.at_least({adviser: -1, **{v: 1 for v, _ in held_roles}}, 0)
            for variable, process in held_roles:
                program.at_least({adviser: 1, variable: -1}, 0)
                for requirement in lacking(person, specific.get(process, [])):
                    needed = _enrolment(program, enrolments, person, requirement, options)
                    program.at_least({needed: 1, variable: -1}, 0)
            for requirement in lacking(person, generic):
                needed = _enrolment(program, enrolments, person, requirement, options)
                program.at_least({needed: 1, adviser: -1}, 0)
        program.at_least(dict.fromkeys(advisor_of.values(), 1), config.min_distinct_advisors)

    _weigh(program, roles, enrolments, relief_tie, options.prefer)
    chosen = program.solve() if program.costs else np.zeros(0, dtype=bool)
    actions = _actions(chosen, roles, enrolments, forced, units, config.requirements)
    return Plan(actions, pd.DataFrame(unsolvable, columns=UNSOLVABLE_COLUMNS), options)


def _needs(person: str, processes: set[str], generic: list[str],
           specific: dict[str, list[str]], lacking) -> bool:
    return bool(lacking(person, generic) or any(lacking(person, specific.get(p, []))
                                                for p in processes))


def _candidates(in_unit: pd.DataFrame, locked: frozenset[str], holders: set[str],
                units_of: pd.Series, most_new: int, lacking_all) -> list[str]:
    """The unit's staff who may be appointed, in the candidates list's order. People alike
    in everything the plan weighs (what they lack; staff of this unit only; no advisor here
    today) are interchangeable: no plan needs more of one kind than a unit can take new
    advisors, so the rest are left out of the program, which keeps it small."""
    people = in_unit[~in_unit[EMPLOYEE_ID].isin(locked)]
    keyed = []
    for person, case_handler, start, name in zip(
            people[EMPLOYEE_ID], people[CASE_HANDLER], people[START_DATE], people[NAME],
            strict=True):
        missing = tuple(lacking_all(person))
        keyed.append((rank_key(len(missing), bool(case_handler), start, name, person),
                      person, missing))
    kept, alike = [], defaultdict(int)
    for _, person, missing in sorted(keyed):
        if units_of.get(person, 1) == 1 and person not in holders:
            if alike[missing] >= most_new:
                continue
            alike[missing] += 1
        kept.append(person)
    return kept


def _enrolment(program: _Program, enrolments: dict[tuple[str, str], int], person: str,
               requirement: str, options: PlanOptions) -> int:
    key = (person, requirement)
    if key not in enrolments:
        enrolments[key] = program.variable(1, 0)
        if person in options.locked:
            program.at_least({enrolments[key]: -1}, 0)
    return enrolments[key]


def _weigh(program: _Program, roles, enrolments: dict[tuple[str, str], int],
           relief_tie: int, prefer: str) -> None:
    """Set the tie-breaks now that their scale is known: a relief weighs more than any
    appointment's rank, and the kind the owner prefers less weighs more than everything."""
    base = relief_tie * max(len(roles), 1) + 1
    for variable, kind, *_ in roles:
        actions, tie = program.costs[variable]
        if kind == RELIEVE:  # relieved when the variable is 0: keeping earns the tie back
            tie = -relief_tie
        if kind == APPOINT and prefer == PREFER_ENROLMENTS:
            tie += base
        program.costs[variable] = (actions, tie)
    if prefer == PREFER_APPOINTMENTS:
        for variable in enrolments.values():
            program.costs[variable] = (1, base)


def _case_handler_enrolments(results: Results, units: set[str]) -> pd.DataFrame:
    """Each due case handler's missing requirement, with its deadline: start date plus the
    requirement's grace days (none without a start date: due already)."""
    gaps = results.gaps[(results.gaps["kind"] == CASE_HANDLER_MISSING_REQUIREMENT)
                        & results.gaps[UNIT_ID].isin(units)]
    starts = results.staff.drop_duplicates([UNIT_ID, EMPLOYEE_ID]).set_index(
        [UNIT_ID, EMPLOYEE_ID])[START_DATE]
    grace = {r.id: results.config.grace_for(r) for r in results.config.requirements
             if not r.for_advisors}
    deadlines = []
    for unit, person, requirement in zip(gaps[UNIT_ID], gaps[EMPLOYEE_ID],
                                         gaps[REQUIREMENT_ID], strict=True):
        start = starts.get((unit, person))
        deadlines.append(None if start is None or pd.isna(start) else
                         (pd.Timestamp(start) + pd.Timedelta(days=grace[requirement])).date())
    return pd.DataFrame({UNIT_ID: gaps[UNIT_ID].to_numpy(), EMPLOYEE_ID: gaps[EMPLOYEE_ID]
                         .to_numpy(), REQUIREMENT_ID: gaps[REQUIREMENT_ID].to_numpy(),
                         "deadline": deadlines})


def _actions(chosen: np.ndarray, roles, enrolments: dict[tuple[str, str], int],
             forced: pd.DataFrame, units: list[str],
             requirements: tuple[Requirement, ...]) -> pd.DataFrame:
    rows = []
    needs_unit: dict[str, str] = {}
    for variable, kind, unit, person, process in roles:
        if (kind == APPOINT) == bool(chosen[variable]):  # appointed, or not kept: relieved
            rows.append({UNIT_ID: unit, "action": kind, EMPLOYEE_ID: person, PROCESS: process,
                         REQUIREMENT_ID: "", "role": AS_ADVISOR, "deadline": None})
        if chosen[variable] and person not in needs_unit:
            needs_unit[person] = unit  # an advisor's enrolment is listed with their first unit
    for (person, requirement), variable in enrolments.items():
        if chosen[variable]:
            rows.append({UNIT_ID: needs_unit[person], "action": ENROL, EMPLOYEE_ID: person,
                         PROCESS: "", REQUIREMENT_ID: requirement, "role": AS_ADVISOR,
                         "deadline": None})
    for item in forced.itertuples(index=False):
        rows.append({UNIT_ID: item.unit_id, "action": ENROL, EMPLOYEE_ID: item.employee_id,
                     PROCESS: "", REQUIREMENT_ID: item.requirement_id, "role": AS_CASE_HANDLER,
                     "deadline": item.deadline})
    actions = pd.DataFrame(rows, columns=PLAN_COLUMNS)
    unit_order = {unit: i for i, unit in enumerate(units)}
    kind_order = {kind: i for i, kind in enumerate(ACTIONS)}
    requirement_order = {rid: i for i, rid in enumerate(dict.fromkeys(r.id for r in
                                                                    requirements))}
    # a unit's appointments, reliefs, its advisors' enrolments person by person, then its case
    # handlers' ("advisor" sorts before "case_handler")
    return actions.sort_values(
        [UNIT_ID, "action", "role", EMPLOYEE_ID, PROCESS, REQUIREMENT_ID], ignore_index=True,
        key=lambda s: s.map(unit_order) if s.name == UNIT_ID else s.map(kind_order)
        if s.name == "action" else s.map(requirement_order).fillna(-1)
        if s.name == REQUIREMENT_ID else s)


def plan_choices(plan: Plan, units: Iterable[str] | None = None) -> dict[Choice, tuple[str, ...]]:
    """The plan's actions (of `units`, or all) as What-if's choices per unit: who is
    appointed or relieved for which process, who meets which requirement."""
    actions = plan.actions if units is None else plan.actions[
        plan.actions[UNIT_ID].isin(set(units))]
    item = actions[PROCESS].where(actions["action"] != ENROL, actions[REQUIREMENT_ID])
    choices: dict[Choice, tuple[str, ...]] = {}
    for unit_id, kind, what, person in zip(actions[UNIT_ID], actions["action"], item,
                                           actions[EMPLOYEE_ID], strict=True):
        key = (unit_id, kind, what)
        if person not in choices.get(key, ()):
            choices[key] = (*choices.get(key, ()), person)
    return choices


def plan_changes(plan: Plan, requirements: tuple[Requirement, ...]
                 ) -> tuple[list[Appointment], list[Completion], list[Relief]]:
    """The plan's actions as What-if changes, which apply_changes makes on a dataset."""
    return choice_changes(plan_choices(plan), requirements)
