"""One unit's detail: its place in the tree, process cover, advisors' and case handlers'
training. A roll-up unit (a faculty) stands for all the judged units below it."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.config import CASE_HANDLERS_AUDIENCE
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, UnitTree, faculties
from analysis.results import Results
from analysis.training import (
    EXPIRED,
    MET,
    MISSING,
    PORTAL_VALID_UNTIL,
    STATE_COMPLETED,
    PortalNote,
    training_states,
)
from loaders.schema import (
    APPOINTED_DATE,
    EMPLOYEE_ID,
    NAME,
    PARENT_ID,
    POSITION,
    PROCESS,
    REQUIREMENT_ID,
    SOURCE,
    START_DATE,
    UNIT_ID,
    UNIT_NAME,
)

HAS_IT = "has_it"
IN_GRACE = "in_grace"
LACKING = "lacking"
OPTION_COLUMNS = [UNIT_ID, UNIT_NAME, FACULTY_ID, FACULTY_NAME, "rollup", "label"]
ROLLUP_COLUMNS = [UNIT_ID, UNIT_NAME, "units", "compliant_units", "staff", "advisors",
                  "units_missing_process", "advisors_missing_requirements"]
ADVISOR_COLUMNS = [UNIT_ID, EMPLOYEE_ID, NAME, "processes", SOURCE, APPOINTED_DATE,
                   REQUIREMENT_ID, "state", "completed_on", "valid_until",
                   PORTAL_VALID_UNTIL]
HANDLER_COLUMNS = [UNIT_ID, EMPLOYEE_ID, NAME, POSITION, START_DATE, REQUIREMENT_ID, "state",
                   "due_on", "completed_on"]


def unit_path(units: pd.DataFrame, unit_id: str) -> list[str]:
    """The unit's ancestors from the top of the tree down, ending with the unit itself."""
    if unit_id not in set(units[UNIT_ID]):
        return [unit_id]
    return UnitTree(units).path(unit_id)


def units_below(units: pd.DataFrame, unit_id: str) -> list[str]:
    """The judged units at or below `unit_id`, in the units table's order."""
    below = UnitTree(units).below(unit_id)
    return [u for u in units.loc[units["evaluated"], UNIT_ID] if u in below]


def _option_label(unit: str, name: str, faculty: str, rollup: bool) -> str:
    """The unit as chosen in a list: its faculty before it; a roll-up stands alone (the view
    says in words that it covers every unit below)."""
    shown = name if name == unit else f"{name} ({unit})"
    return shown if rollup or faculty == unit else f"{faculty} › {shown}"


def _spans(tree: UnitTree, faculty_of: dict[str, str], judged: list[str]) -> dict[str, bool]:
    """Whether the judged units at or below each unit belong to more than one faculty: two
    faculties found below a unit are enough, gathered from the deepest units up."""
    found: dict[str, set[str]] = {}
    for unit in judged:
        found.setdefault(unit, set()).add(faculty_of[unit])
    for unit in tree.deepest_first():
        parent = tree.parents.get(unit)
        if parent and unit in found:
            above = found.setdefault(parent, set())
            for faculty in found[unit]:
                if len(above) > 1:
                    break
                above.add(faculty)
    return {unit: len(faculties) > 1 for unit, faculties in found.items()}


def unit_options(units: pd.DataFrame) -> pd.DataFrame:
    """Units to choose from: every judged unit and every roll-up with judged units below it;
    a roll-up over several faculties first, then by faculty, roll-up before its units, name."""
    tree = UnitTree(units)
    judged = list(units.loc[units["evaluated"], UNIT_ID])
    with_judged: set[str] = set()
    for unit in judged:  # each judged unit's line up, stopping where an earlier one met it
        while unit and unit not in with_judged:
            with_judged.add(unit)
            unit = tree.parents.get(unit, "")
    frame = units[units[UNIT_ID].isin(with_judged)].merge(faculties(units), on=UNIT_ID,
                                                          how="left")
    faculty_of = dict(zip(frame[UNIT_ID], frame[FACULTY_ID], strict=True))
    spans = _spans(tree, faculty_of, judged)
    frame = frame.assign(rollup=~frame["evaluated"], depth=frame[UNIT_ID].map(
        lambda u: tree.places[u].depth), spans=frame[UNIT_ID].map(
        lambda u: spans.get(u, False)))
    frame = frame.assign(label=[
        _option_label(*row) for row in frame[[UNIT_ID, UNIT_NAME, FACULTY_ID, "rollup"]]
        .itertuples(index=False)])
    frame = frame.sort_values(["spans", FACULTY_NAME, "depth", UNIT_NAME],
                              ascending=[False, True, True, True])
    return frame[OPTION_COLUMNS].reset_index(drop=True)


def child_rollup(units: pd.DataFrame, unit_summary: pd.DataFrame, unit_id: str) -> pd.DataFrame:
    """Each direct child of a unit with the compliance of the judged units at or below it."""
    children = units[units[PARENT_ID] == unit_id]
    tree = UnitTree(units)
    branch: dict[str, str] = {}  # unit → the child of `unit_id` it is under
    for child in dict.fromkeys(children[UNIT_ID]):
        for unit in tree.below(child):
            branch.setdefault(unit, child)
    below = unit_summary.assign(branch=unit_summary[UNIT_ID].map(branch))
    below = below[below["branch"].notna()]
    counted = below.assign(missing_any=below["missing_processes"] > 0).groupby(
        "branch", sort=False).agg(
        units=(UNIT_ID, "size"), compliant_units=("compliant", "sum"), staff=("staff", "sum"),
        advisors=("advisors", "sum"), units_missing_process=("missing_any", "sum"),
        advisors_missing_requirements=("advisors_missing_requirements", "sum"))
    rows = []
    for child, name in zip(children[UNIT_ID], children[UNIT_NAME], strict=True):
        if child not in counted.index:
            continue
        figures = counted.loc[child]
        rows.append({UNIT_ID: child, UNIT_NAME: name,
                     **{column: int(figures[column]) for column in ROLLUP_COLUMNS[2:]}})
    return pd.DataFrame(rows, columns=ROLLUP_COLUMNS).sort_values(UNIT_NAME, ignore_index=True)


def process_cover(results: Results, unit_ids: list[str]) -> pd.DataFrame:
    """Per process: distinct advisors in the units, and how many of the units have one."""
    cover = results.unit_process[results.unit_process[UNIT_ID].isin(unit_ids)]
    advisors = results.advisors[results.advisors[UNIT_ID].isin(unit_ids)]
    people = advisors.groupby(PROCESS)[EMPLOYEE_ID].nunique()
    frame = cover.groupby(PROCESS, sort=False).agg(units=(UNIT_ID, "size"),
                                                   units_ok=("ok", "sum")).reset_index()
    frame["advisors"] = frame[PROCESS].map(people).fillna(0).astype(int)
    return frame[[PROCESS, "advisors", "units", "units_ok"]]


def advisor_training(results: Results, staff: pd.DataFrame, unit_ids: list[str]) -> pd.DataFrame:
    """Per advisor of the units and requirement that applies to them: completed, expiring
    (valid for at most `expiring_within_days` more), expired or missing, with the dates."""
    advisors = results.advisors[results.advisors[UNIT_ID].isin(unit_ids)]
    if advisors.empty:
        return pd.DataFrame(columns=ADVISOR_COLUMNS)
    order = {p: i for i, p in enumerate(results.config.processes)}
    people = advisors.sort_values(PROCESS, key=lambda s: s.map(order)).groupby(
        [UNIT_ID, EMPLOYEE_ID], sort=False).agg(
        processes=(PROCESS, list), source=(SOURCE, lambda s: ", ".join(dict.fromkeys(s))),
        appointed_date=(APPOINTED_DATE, "min")).reset_index()
    targets = results.targets[results.targets["audience"].str.startswith("advisors")
                              & results.targets[UNIT_ID].isin(unit_ids)]
    rows = people.merge(targets[[UNIT_ID, EMPLOYEE_ID, REQUIREMENT_ID]].drop_duplicates(),
                        on=[UNIT_ID, EMPLOYEE_ID], how="left")
    rows = rows.merge(results.person_status, on=[EMPLOYEE_ID, REQUIREMENT_ID], how="left")
    rows["state"] = training_states(rows["status"], rows["valid_until"], results.as_of,
                                    results.config.expiring_within_days)
    names = staff.drop_duplicates(EMPLOYEE_ID).set_index(EMPLOYEE_ID)[NAME]
    rows[NAME] = rows[EMPLOYEE_ID].map(names).fillna("")
    return rows.sort_values([UNIT_ID, NAME, EMPLOYEE_ID], kind="stable")[ADVISOR_COLUMNS]


def advisor_matrix(training: pd.DataFrame, requirement_ids: list[str],
                   state_labels: Mapping[str, str], process_labels: Mapping[str, str],
                   not_applicable: str = "–", as_of: object = None,
                   portal_note: PortalNote | None = None) -> pd.DataFrame:
    """One row per advisor, one text column per requirement: state and its date, then the
    learning portal's own valid-until date (worded by `portal_note`) where there is one."""
    def cell(state: str, completed_on: object, valid_until: object, portal: object) -> str:
        when = completed_on if state == STATE_COMPLETED else valid_until
        when = portal if pd.isna(when) and state == EXPIRED else when
        date = f" {when:%d.%m.%Y}" if pd.notna(when) else ""
        if portal_note is None or pd.isna(portal) or state == MISSING:
            return state_labels[state] + date
        return state_labels[state] + date + portal_note(portal, portal < pd.Timestamp(as_of))

    keys = [UNIT_ID, EMPLOYEE_ID]
    people = training.drop_duplicates(keys)[[*keys, NAME, "processes", SOURCE, APPOINTED_DATE]]
    people = people.assign(processes=people["processes"].map(
        lambda ps: ", ".join(process_labels.get(p, p) for p in ps)))
    known = training.dropna(subset=[REQUIREMENT_ID])
    cells = known.assign(text=[cell(*row) for row in known[
        ["state", "completed_on", "valid_until", PORTAL_VALID_UNTIL]].itertuples(index=False)])
    wide = cells.pivot_table(index=keys, columns=REQUIREMENT_ID, values="text",
                             aggfunc="first").reindex(columns=requirement_ids)
    wide = people.merge(wide.reset_index(), on=keys, how="left")
    wide[requirement_ids] = wide[requirement_ids].fillna(not_applicable)
    return wide.reset_index(drop=True)


def case_handler_training(results: Results, staff: pd.DataFrame,
                          unit_ids: list[str]) -> pd.DataFrame:
    """Per case handler of the units and case-handler requirement: has it, lacks it though
    due, or is in the grace period (with the date the requirement becomes due)."""
    handlers = staff[staff["case_handler"] & staff[UNIT_ID].isin(unit_ids)]
    frames = []
    due = results.targets[results.targets["audience"] == CASE_HANDLERS_AUDIENCE]
    met = results.person_status[results.person_status["status"] == MET]
    for requirement in results.config.requirements:
        if requirement.audience != CASE_HANDLERS_AUDIENCE:
            continue
        grace = pd.Timedelta(days=results.config.grace_for(requirement))
        mine = due[due[REQUIREMENT_ID] == requirement.id]
        due_now = set(zip(mine[UNIT_ID], mine[EMPLOYEE_ID], strict=True))
        met_here = met[met[REQUIREMENT_ID] == requirement.id]
        # a dict: an empty Series of dates cannot be mapped onto ids (pandas casts to float)
        done = dict(zip(met_here[EMPLOYEE_ID], met_here["completed_on"], strict=True))
        has_it = handlers[EMPLOYEE_ID].isin(done)
        is_due = pd.Series([key in due_now for key in zip(handlers[UNIT_ID],
                                                          handlers[EMPLOYEE_ID], strict=True)],
                           index=handlers.index, dtype=bool)
        frames.append(handlers.assign(
            requirement_id=requirement.id,
            state=[HAS_IT if h else LACKING if d else IN_GRACE
                   for h, d in zip(has_it, is_due, strict=True)],
            due_on=handlers[START_DATE] + grace,
            completed_on=handlers[EMPLOYEE_ID].map(done),
        ))
    if not frames:
        return pd.DataFrame(columns=HANDLER_COLUMNS)
    frame = pd.concat(frames, ignore_index=True)
    return frame.sort_values([UNIT_ID, NAME, EMPLOYEE_ID], ignore_index=True)[HANDLER_COLUMNS]
