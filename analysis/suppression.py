"""Aggregate-only figures for meetings, with small groups shown as "<5" and honest totals.

What is suppressed: figures about people's training status. A share (or "x av y") is hidden
when the group it is computed over has fewer persons than the limit, and a bare count of
persons with a status (advisors lacking a course) is hidden when it is between 1 and the limit.
Counts of units, and of appointed advisors per process, describe roles rather than people's
status and are shown as they are. Totals are computed from the full data, never by adding up
suppressed cells, and are themselves suppressed only when their own group is small."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.config import ADVISORS_AUDIENCE, CASE_HANDLERS_AUDIENCE
from analysis.disclosure import Sum, complements
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties
from analysis.kpis import compute_kpis
from analysis.results import CASE_HANDLER_MISSING_REQUIREMENT, Results
from analysis.training import MET
from loaders.schema import EMPLOYEE_ID, PROCESS, REQUIREMENT_ID, UNIT_ID, UNIT_NAME

DISTINCT = "distinct"  # measure: at least min_distinct_advisors different persons
COMPLIANT = "compliant"  # measure: rules 1–3 all hold
ROW_ID = "row_id"
ROW_NAME = "row_name"
MEASURE = "measure"
GAP_TABLE_COLUMNS = ["faculty", "unit", "missing", "advisors", "advisors_lacking",
                     "case_handlers_lacking"]


def small_group_label(limit: int) -> str:
    return f"<{limit}"


def suppress_count(count: int, limit: int) -> str:
    """A count of persons with a status; 1 to limit-1 becomes "<limit", 0 and larger stay."""
    return small_group_label(limit) if 0 < count < limit else str(count)


def share_text(part: int, whole: int) -> str:
    """part/whole as a whole percentage, "–" when there is nothing to divide by."""
    return "–" if whole == 0 else f"{part / whole:.0%}"


def suppress_share(met: int, target: int, limit: int) -> str:
    """met/target as a percentage; "<limit" for a group under the limit, "–" for no group."""
    return small_group_label(limit) if 0 < target < limit else share_text(met, target)


def judged_faculties(results: Results) -> pd.DataFrame:
    """unit_id → faculty_id, faculty_name for the units the rules judge."""
    groups = faculties(results.units)
    return groups[groups[UNIT_ID].isin(results.unit_summary[UNIT_ID])].reset_index(drop=True)


def faculty_names(results: Results) -> dict[str, str]:
    """Faculty id → name, sorted by name, for the faculties that hold judged units."""
    groups = judged_faculties(results).drop_duplicates(FACULTY_ID).sort_values(FACULTY_NAME)
    return dict(zip(groups[FACULTY_ID], groups[FACULTY_NAME], strict=True))


def faculty_units(results: Results, faculty_id: str | None) -> set[str]:
    """The judged units of one faculty, or all judged units for None."""
    groups = judged_faculties(results)
    if faculty_id is not None:
        groups = groups[groups[FACULTY_ID] == faculty_id]
    return set(groups[UNIT_ID])


def unit_order(results: Results, unit_ids: set[str]) -> pd.DataFrame:
    """The unit summary rows of these units with their faculty, by faculty then unit name."""
    summary = results.unit_summary[results.unit_summary[UNIT_ID].isin(unit_ids)]
    return summary.merge(judged_faculties(results), on=UNIT_ID).sort_values(
        [FACULTY_NAME, UNIT_NAME], ignore_index=True)


def coverage_by_faculty(results: Results) -> pd.DataFrame:
    """Per faculty and measure (each process, distinct advisors, compliant): units meeting it.

    Columns row_id, row_name, measure, part (units meeting it), whole (units judged)."""
    groups = judged_faculties(results)
    process = results.unit_process.merge(groups, on=UNIT_ID)
    by_process = process.groupby([FACULTY_ID, FACULTY_NAME, PROCESS], sort=False).agg(
        part=("ok", "sum"), whole=(UNIT_ID, "size")).reset_index().rename(
        columns={PROCESS: MEASURE})
    summary = results.unit_summary.merge(groups, on=UNIT_ID)
    summary = summary.assign(**{
        DISTINCT: summary["advisors"] >= results.config.min_distinct_advisors,
        COMPLIANT: summary["compliant"]})
    per_unit = summary.melt(id_vars=[FACULTY_ID, FACULTY_NAME, UNIT_ID],
                            value_vars=[DISTINCT, COMPLIANT], var_name=MEASURE, value_name="ok")
    by_rule = per_unit.groupby([FACULTY_ID, FACULTY_NAME, MEASURE], sort=False).agg(
        part=("ok", "sum"), whole=(UNIT_ID, "size")).reset_index()
    frame = pd.concat([by_process, by_rule], ignore_index=True).rename(
        columns={FACULTY_ID: ROW_ID, FACULTY_NAME: ROW_NAME})
    frame[["part", "whole"]] = frame[["part", "whole"]].astype(int)
    order = {m: i for i, m in enumerate([*results.config.processes, DISTINCT, COMPLIANT])}
    return frame.sort_values([ROW_NAME, MEASURE], key=lambda s: s.map(order) if s.name ==
                             MEASURE else s, ignore_index=True)


def training_by_faculty(results: Results) -> pd.DataFrame:
    """Per faculty and requirement row: distinct persons due (target) and those who meet it.

    A person due in two units of one faculty counts once, so the faculty total is honest."""
    groups = judged_faculties(results)
    targets = results.targets.merge(groups, on=UNIT_ID).drop_duplicates(
        [FACULTY_ID, REQUIREMENT_ID, "audience", EMPLOYEE_ID])
    status = results.person_status[[EMPLOYEE_ID, REQUIREMENT_ID, "status"]]
    rows = targets.merge(status, on=[EMPLOYEE_ID, REQUIREMENT_ID], how="left")
    rows = rows.assign(met=rows["status"].eq(MET))
    counted = rows.groupby([FACULTY_ID, REQUIREMENT_ID, "audience"]).agg(
        target=(EMPLOYEE_ID, "size"), met=("met", "sum")).reset_index()
    keys = list(dict.fromkeys((r.id, r.audience) for r in results.config.requirements))
    grid = groups.drop_duplicates(FACULTY_ID)[[FACULTY_ID, FACULTY_NAME]].merge(
        pd.DataFrame(keys, columns=[REQUIREMENT_ID, "audience"]), how="cross")
    grid = grid.merge(counted, on=[FACULTY_ID, REQUIREMENT_ID, "audience"], how="left")
    grid[["target", "met"]] = grid[["target", "met"]].fillna(0).astype(int)
    return _training_frame(grid.rename(columns={FACULTY_ID: ROW_ID, FACULTY_NAME: ROW_NAME}))


def training_by_unit(results: Results, unit_ids: set[str],
                     withheld: frozenset = frozenset()) -> pd.DataFrame:
    """Per unit and requirement row: target and met, straight from unit_requirement.

    `withheld` holds (unit_id, audience) pairs whose counts are hidden beside the heatmap
    (MeetingFigures.withheld): their shares get a `withheld` flag, since a share and the
    group's size give the count back."""
    rows = results.unit_requirement[results.unit_requirement[UNIT_ID].isin(unit_ids)]
    names = results.unit_summary[[UNIT_ID, UNIT_NAME]]
    rows = rows.merge(names, on=UNIT_ID).rename(columns={UNIT_ID: ROW_ID, UNIT_NAME: ROW_NAME})
    audiences = rows["audience"].map(lambda a: ADVISORS_AUDIENCE if a.startswith(
        ADVISORS_AUDIENCE) else CASE_HANDLERS_AUDIENCE)
    flags = [(unit, audience) in withheld for unit, audience in
             zip(rows[ROW_ID], audiences, strict=True)]
    return _training_frame(rows.assign(withheld=flags))


def _training_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their measure: the requirement row's key, "<requirement id> <audience>"
    (the chart words it)."""
    frame = rows.assign(**{MEASURE: rows[REQUIREMENT_ID] + " " + rows["audience"]})
    frame = frame[[ROW_ID, ROW_NAME, MEASURE, REQUIREMENT_ID, "audience", "met", "target",
                   *(["withheld"] if "withheld" in frame else [])]]
    return frame.sort_values(ROW_NAME, kind="stable", ignore_index=True)


def unit_gap_counts(results: Results, unit_ids: set[str]) -> pd.DataFrame:
    """Per judged unit: missing processes (how many, and which, in config order), distinct
    advisors, advisors lacking a course and case handlers due and lacking, as plain counts
    (persons counted once per unit)."""
    summary = results.unit_summary[results.unit_summary[UNIT_ID].isin(unit_ids)]
    summary = summary.merge(judged_faculties(results), on=UNIT_ID)
    missing = results.unit_process[~results.unit_process["ok"]]
    missing_names = missing.groupby(UNIT_ID)[PROCESS].agg(tuple)
    gaps = results.gaps
    lacking = gaps[gaps["kind"] == CASE_HANDLER_MISSING_REQUIREMENT].groupby(UNIT_ID)[
        EMPLOYEE_ID].nunique()
    due = results.case_handlers_due.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    return pd.DataFrame({
        UNIT_ID: summary[UNIT_ID],
        UNIT_NAME: summary[UNIT_NAME],
        FACULTY_ID: summary[FACULTY_ID],
        "missing_processes": summary["missing_processes"],
        "missing": [missing_names.get(unit, ()) for unit in summary[UNIT_ID]],
        "advisors": summary["advisors"],
        "advisors_lacking": summary["advisors_missing_requirements"],
        "case_handlers_due": summary[UNIT_ID].map(due).fillna(0).astype(int),
        "case_handlers_lacking": summary[UNIT_ID].map(lacking).fillna(0).astype(int),
        "compliant": summary["compliant"],
    }).reset_index(drop=True)


def top_gap_units(counts: pd.DataFrame, min_distinct: int, n: int) -> pd.DataFrame:
    """The n units with the most to fix: rule breaches first (missing processes, too few
    advisors, untrained advisors), then the share of due case handlers lacking training."""
    handler_share = (counts["case_handlers_lacking"] / counts["case_handlers_due"]).fillna(0)
    ranked = counts.assign(
        too_few=counts["advisors"] < min_distinct, handler_share=handler_share,
        any_gap=~counts["compliant"] | counts["case_handlers_lacking"].gt(0))
    ranked = ranked[ranked["any_gap"]].sort_values(
        ["compliant", "missing_processes", "too_few", "advisors_lacking", "handler_share",
         UNIT_NAME],
        ascending=[True, False, False, False, False, True], kind="stable")
    return ranked.head(n).drop(columns=["too_few", "handler_share", "any_gap"]).reset_index(
        drop=True)


# Cells of the meeting's person figures, as analysis.disclosure sees them.
KPI_ADVISORS = ("kpi", "advisors")
KPI_ADVISORS_TRAINED = ("kpi", "advisors_trained")
KPI_HANDLERS_DUE = ("kpi", "case_handlers_due")
KPI_HANDLERS_TRAINED = ("kpi", "case_handlers_trained")
TOTAL_ADVISORS_LACKING = ("total", "advisors_lacking")
TOTAL_HANDLERS_LACKING = ("total", "case_handlers_lacking")
PER_UNIT = ("advisors_lacking", "case_handlers_lacking", "case_handlers_due")


@dataclass(frozen=True)
class MeetingCells:
    """The numbers behind the meeting's person figures (headline figures and the top gaps
    table) and what hides them: `small` are the groups under the limit, `withheld` the shown
    figures hidden as well so that no small one can be worked out by subtraction."""

    values: dict
    small: frozenset
    withheld: frozenset
    top: pd.DataFrame  # the top gap units, in table order (unit_gap_counts columns)
    units: int  # units in view
    missing_processes: int  # processes without an advisor, summed over the units in view

    def hidden(self, cell) -> bool:
        return cell in self.small or cell in self.withheld


def meeting_cells(results: Results, unit_ids: set[str], n: int = 8) -> MeetingCells:
    """The meeting's person figures for these units with an n-row gap table: which are small
    groups, and which shown figures must be hidden too (secondary suppression).

    The figures add up in three ways a viewer can use: a headline "part of whole" and the
    total row's complement of it (advisors trained + advisors lacking = advisors), and each
    column of the gap table (the total row = the rows shown + the units left out). Units left
    out of a table that lists every unit with a gap are known to add nothing."""
    limit = results.config.small_group_limit
    kpis = compute_kpis(results, unit_ids)
    counts = unit_gap_counts(results, unit_ids)
    top = top_gap_units(counts, results.config.min_distinct_advisors, n)
    with_gaps = int((~counts["compliant"] | counts["case_handlers_lacking"].gt(0)).sum())
    values = {(unit, column): int(value) for unit, row in zip(top[UNIT_ID], top.itertuples(),
                                                             strict=True)
              for column, value in zip(PER_UNIT, (row.advisors_lacking,
                                                  row.case_handlers_lacking,
                                                  row.case_handlers_due), strict=True)}
    values |= {
        KPI_ADVISORS: kpis.advisors, KPI_ADVISORS_TRAINED: kpis.advisors_fully_trained,
        TOTAL_ADVISORS_LACKING: kpis.advisors - kpis.advisors_fully_trained,
        KPI_HANDLERS_DUE: kpis.case_handlers_due,
        KPI_HANDLERS_TRAINED: kpis.case_handlers_trained,
        TOTAL_HANDLERS_LACKING: kpis.case_handlers_due - kpis.case_handlers_trained,
    }
    small = set()
    if 0 < kpis.advisors < limit:  # "x av y" of a small group
        small.add(KPI_ADVISORS_TRAINED)
    if 0 < values[TOTAL_ADVISORS_LACKING] < limit:  # a bare count of persons
        small.add(TOTAL_ADVISORS_LACKING)
    if 0 < kpis.case_handlers_due < limit:
        small |= {KPI_HANDLERS_DUE, KPI_HANDLERS_TRAINED, TOTAL_HANDLERS_LACKING}
    for unit in top[UNIT_ID]:
        if 0 < values[(unit, "advisors_lacking")] < limit:
            small.add((unit, "advisors_lacking"))
        if 0 < values[(unit, "case_handlers_due")] < limit:
            small |= {(unit, "case_handlers_lacking"), (unit, "case_handlers_due")}
    rows = list(top[UNIT_ID])
    # What the units left out of the table hold is unknown, unless it lists every unit with
    # a gap (the others lack nothing) or, for the case handlers due, every unit.
    left_out = {column: () if len(rows) == (len(counts) if column == "case_handlers_due"
                                            else with_gaps) else (("left out", column),)
                for column in PER_UNIT}

    def column(name: str) -> tuple:
        return (*((unit, name) for unit in rows), *left_out[name])

    sums = [
        Sum(KPI_ADVISORS, (KPI_ADVISORS_TRAINED, TOTAL_ADVISORS_LACKING)),
        Sum(KPI_HANDLERS_DUE, (KPI_HANDLERS_TRAINED, TOTAL_HANDLERS_LACKING)),
        Sum(TOTAL_ADVISORS_LACKING, column("advisors_lacking")),
        Sum(TOTAL_HANDLERS_LACKING, column("case_handlers_lacking")),
        Sum(KPI_HANDLERS_DUE, column("case_handlers_due")),
    ]
    # A row's "x av y" is one cell on screen: hidden or shown as a whole.
    together = [{(u, "case_handlers_lacking"), (u, "case_handlers_due")} for u in rows]
    unknown = {cell for cells in left_out.values() for cell in cells}
    withheld = complements(values, sums, small, unknown, together)
    return MeetingCells(values, frozenset(small), withheld, top, len(counts),
                        int(counts["missing_processes"].sum()))


@dataclass(frozen=True)
class ComplianceChange:
    """Compliant units then and now among the units in view, and how many moved either way."""

    before: int
    now: int
    became: int
    stopped: int


def compliance_change(before: pd.DataFrame, now: pd.DataFrame,
                      unit_ids: set[str]) -> ComplianceChange:
    """Compare two unit summaries (a stored snapshot's and the current) for these units."""
    then = before[before[UNIT_ID].isin(unit_ids)].set_index(UNIT_ID)["compliant"].astype(bool)
    current = now[now[UNIT_ID].isin(unit_ids)].set_index(UNIT_ID)["compliant"].astype(bool)
    both = then.index.intersection(current.index)
    return ComplianceChange(
        before=int(then.sum()), now=int(current.sum()),
        became=int((~then[both] & current[both]).sum()),
        stopped=int((then[both] & ~current[both]).sum()),
    )
