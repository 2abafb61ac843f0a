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

from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties
from analysis.kpis import compute_kpis
from analysis.results import CASE_HANDLER_MISSING_REQUIREMENT, Results
from analysis.training import MET
from i18n import NB, audience_label, kpi_label, process_label, t
from loaders.schema import EMPLOYEE_ID, PROCESS, UNIT_ID, UNIT_NAME

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


def suppress_fraction(part: int, whole: int, limit: int, lang: str = NB) -> str:
    """"part av whole" for a group of persons; "<limit" when the group is under the limit."""
    return small_group_label(limit) if 0 < whole < limit else t("of", lang, part=part,
                                                                 whole=whole)


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


@dataclass(frozen=True)
class MeetingKpi:
    """One headline figure as shown to a meeting: a label, the value and a share beside it."""

    label: str
    value: str
    note: str


def meeting_kpis(results: Results, unit_ids: set[str], lang: str = NB) -> list[MeetingKpi]:
    """The overview's headline figures for some units, with small person groups suppressed."""
    kpis = compute_kpis(results, unit_ids)
    limit = results.config.small_group_limit

    def people(key: str, part: int, whole: int) -> MeetingKpi:
        return MeetingKpi(kpi_label(key, lang), suppress_fraction(part, whole, limit, lang),
                          suppress_share(part, whole, limit))

    return [
        MeetingKpi(kpi_label("units", lang), str(kpis.units), ""),
        MeetingKpi(kpi_label("compliant_units", lang),
                   t("of", lang, part=kpis.compliant_units, whole=kpis.units),
                   share_text(kpis.compliant_units, kpis.units)),
        MeetingKpi(kpi_label("advisors", lang), str(kpis.advisors), ""),
        people("advisors_fully_trained", kpis.advisors_fully_trained, kpis.advisors),
        people("case_handlers_trained", kpis.case_handlers_trained, kpis.case_handlers_due),
    ]


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


def _requirement_column(requirement_id: str, audience: str, lang: str) -> str:
    return f"{requirement_id} {audience_label(audience, lang)}"


def training_by_faculty(results: Results, lang: str = NB) -> pd.DataFrame:
    """Per faculty and requirement row: distinct persons due (target) and those who meet it.

    A person due in two units of one faculty counts once, so the faculty total is honest."""
    groups = judged_faculties(results)
    targets = results.targets.merge(groups, on=UNIT_ID).drop_duplicates(
        [FACULTY_ID, "requirement_id", "audience", EMPLOYEE_ID])
    status = results.person_status[[EMPLOYEE_ID, "requirement_id", "status"]]
    rows = targets.merge(status, on=[EMPLOYEE_ID, "requirement_id"], how="left")
    rows = rows.assign(met=rows["status"].eq(MET))
    counted = rows.groupby([FACULTY_ID, "requirement_id", "audience"]).agg(
        target=(EMPLOYEE_ID, "size"), met=("met", "sum")).reset_index()
    keys = list(dict.fromkeys((r.id, r.audience) for r in results.config.requirements))
    grid = groups.drop_duplicates(FACULTY_ID)[[FACULTY_ID, FACULTY_NAME]].merge(
        pd.DataFrame(keys, columns=["requirement_id", "audience"]), how="cross")
    grid = grid.merge(counted, on=[FACULTY_ID, "requirement_id", "audience"], how="left")
    grid[["target", "met"]] = grid[["target", "met"]].fillna(0).astype(int)
    return _training_frame(grid.rename(columns={FACULTY_ID: ROW_ID, FACULTY_NAME: ROW_NAME}),
                           lang)


def training_by_unit(results: Results, unit_ids: set[str], lang: str = NB) -> pd.DataFrame:
    """Per unit and requirement row: target and met, straight from unit_requirement."""
    rows = results.unit_requirement[results.unit_requirement[UNIT_ID].isin(unit_ids)]
    names = results.unit_summary[[UNIT_ID, UNIT_NAME]]
    rows = rows.merge(names, on=UNIT_ID).rename(columns={UNIT_ID: ROW_ID, UNIT_NAME: ROW_NAME})
    return _training_frame(rows, lang)


def _training_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = rows.assign(**{MEASURE: [_requirement_column(r, a, lang) for r, a in
                                     zip(rows["requirement_id"], rows["audience"], strict=True)]})
    frame = frame[[ROW_ID, ROW_NAME, MEASURE, "met", "target"]]
    return frame.sort_values(ROW_NAME, kind="stable", ignore_index=True)


def unit_gap_counts(results: Results, unit_ids: set[str], lang: str = NB) -> pd.DataFrame:
    """Per judged unit: missing processes, distinct advisors, advisors lacking a course and
    case handlers due and lacking, as plain counts (persons counted once per unit)."""
    summary = results.unit_summary[results.unit_summary[UNIT_ID].isin(unit_ids)]
    summary = summary.merge(judged_faculties(results), on=UNIT_ID)
    missing = results.unit_process[~results.unit_process["ok"]]
    missing_names = missing.groupby(UNIT_ID)[PROCESS].agg(
        lambda s: ", ".join(process_label(p, lang, short=True) for p in s))
    gaps = results.gaps
    lacking = gaps[gaps["kind"] == CASE_HANDLER_MISSING_REQUIREMENT].groupby(UNIT_ID)[
        EMPLOYEE_ID].nunique()
    due = results.case_handlers_due.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    return pd.DataFrame({
        UNIT_ID: summary[UNIT_ID],
        UNIT_NAME: summary[UNIT_NAME],
        FACULTY_ID: summary[FACULTY_ID],
        "missing_processes": summary["missing_processes"],
        "missing_names": summary[UNIT_ID].map(missing_names).fillna(""),
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


def meeting_gap_table(results: Results, unit_ids: set[str], n: int = 8,
                      lang: str = NB) -> pd.DataFrame:
    """The top units' gaps as text cells, small person groups suppressed, and an honest total
    row for all units in view (persons counted once however many units they are in)."""
    limit = results.config.small_group_limit
    counts = unit_gap_counts(results, unit_ids, lang)
    top = top_gap_units(counts, results.config.min_distinct_advisors, n)
    rows = [{
        "faculty": row[FACULTY_ID],
        "unit": row[UNIT_NAME],
        "missing": row["missing_names"] or "–",
        "advisors": str(row["advisors"]),
        "advisors_lacking": suppress_count(row["advisors_lacking"], limit),
        "case_handlers_lacking": suppress_fraction(row["case_handlers_lacking"],
                                                   row["case_handlers_due"], limit, lang),
    } for _, row in top.iterrows()]
    kpis = compute_kpis(results, unit_ids)
    lacking_handlers = kpis.case_handlers_due - kpis.case_handlers_trained
    rows.append({
        "faculty": "",
        "unit": t("meeting.all_units", lang, count=len(counts)),
        "missing": t("meeting.in_total", lang, count=int(counts["missing_processes"].sum())),
        "advisors": str(kpis.advisors),
        "advisors_lacking": suppress_count(kpis.advisors - kpis.advisors_fully_trained, limit),
        "case_handlers_lacking": suppress_fraction(lacking_handlers, kpis.case_handlers_due,
                                                   limit, lang),
    })
    return pd.DataFrame(rows, columns=GAP_TABLE_COLUMNS)



@dataclass(frozen=True)
class ComplianceChange:
    """Compliant units then and now among the units in view, and how many moved either way."""

    before: int
    now: int
    became: int
    stopped: int

    def text(self, before_as_of: str) -> str:
        return (f"Siden øyeblikksbildet {before_as_of}: fra {self.before} til {self.now} enheter "
                f"som oppfyller kravene ({self.became} har kommet til, {self.stopped} har falt "
                "fra).")


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
