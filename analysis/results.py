"""The canonical result tables, computed from a Dataset and a RuleConfig as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.config import CASE_HANDLERS_AUDIENCE, RuleConfig
from analysis.employment import employment_as_of
from analysis.evidence import CourseMatcher, requirement_evidence
from analysis.training import (
    EXPIRED,
    MET,
    MISSING,
    STATUS_COLUMNS,
    portal_expiry_issues,
    requirement_status,
)
from loaders.dataset import Dataset
from loaders.schema import (
    CASE_HANDLER,
    EMPLOYEE_ID,
    PARENT_ID,
    PROCESS,
    REQUIREMENT_ID,
    START_DATE,
    UNIT_ID,
    UNIT_NAME,
)

MISSING_PROCESS_ADVISOR = "missing_process_advisor"
TOO_FEW_ADVISORS = "too_few_advisors"
ADVISOR_MISSING_REQUIREMENT = "advisor_missing_requirement"
ADVISOR_REQUIREMENT_EXPIRED = "advisor_requirement_expired"
CASE_HANDLER_MISSING_REQUIREMENT = "case_handler_missing_requirement"
GAP_KINDS = (MISSING_PROCESS_ADVISOR, TOO_FEW_ADVISORS, ADVISOR_MISSING_REQUIREMENT,
             ADVISOR_REQUIREMENT_EXPIRED, CASE_HANDLER_MISSING_REQUIREMENT)

UNIT_PROCESS_COLUMNS = [UNIT_ID, UNIT_NAME, PARENT_ID, PROCESS, "advisors", "ok"]
UNIT_SUMMARY_COLUMNS = [UNIT_ID, UNIT_NAME, PARENT_ID, "staff", "advisors", "missing_processes",
                        "advisors_missing_requirements", "compliant"]
UNIT_REQUIREMENT_COLUMNS = [UNIT_ID, REQUIREMENT_ID, "audience", "target", "met", "share"]
# Facts only; the exports and views add each gap's message in words (wording.gaps).
GAP_COLUMNS = ["kind", UNIT_ID, PROCESS, EMPLOYEE_ID, REQUIREMENT_ID]
TARGET_COLUMNS = [UNIT_ID, REQUIREMENT_ID, "audience", EMPLOYEE_ID]


@dataclass(frozen=True)
class Results:
    """The canonical tables plus the person-level detail the views drill into."""

    as_of: dt.date
    unit_process: pd.DataFrame
    unit_summary: pd.DataFrame
    unit_requirement: pd.DataFrame
    gaps: pd.DataFrame
    issues: pd.DataFrame  # the loaders' report plus what the as-of date decided per row
    units: pd.DataFrame  # every unit incl. roll-up levels
    staff: pd.DataFrame  # people in force on as_of: one row per person and unit
    advisors: pd.DataFrame  # advisor rows of evaluated units
    targets: pd.DataFrame  # who each (unit, requirement, audience) applies to
    person_status: pd.DataFrame  # per person and requirement: met / expired, with dates
    case_handlers_due: pd.DataFrame  # (unit_id, employee_id) due for case-handler requirements
    config: RuleConfig


@dataclass(frozen=True)
class Staffing:
    """The part of the results that needs no course record: who is employed and appointed on
    the as-of date, the advisors per unit and process, and whom each requirement applies to.
    It can be computed while the course file is still being read."""

    config: RuleConfig  # with the data set's requirements
    as_of: dt.date
    evaluated: pd.DataFrame
    staff: pd.DataFrame
    advisors: pd.DataFrame
    dated_issues: pd.DataFrame
    unit_process: pd.DataFrame
    due: pd.DataFrame
    targets: pd.DataFrame


def staffing_of(dataset: Dataset, config: RuleConfig | None = None,
                as_of: dt.date | None = None) -> Staffing:
    """The results' staffing part; `dataset.courses` is not looked at."""
    config = (config or RuleConfig()).with_requirements(dataset.requirements)
    as_of = as_of or dt.date.today()
    units = dataset.units
    evaluated = units[units["evaluated"]][[UNIT_ID, UNIT_NAME, PARENT_ID]].reset_index(drop=True)
    staff, appointed, dated_issues = employment_as_of(dataset, as_of)
    advisors = appointed[appointed[UNIT_ID].isin(evaluated[UNIT_ID])]
    return Staffing(config, as_of, evaluated, staff, advisors, dated_issues,
                    _unit_process(evaluated, advisors, config),
                    _case_handlers_due(staff, evaluated, config, as_of),
                    _targets(advisors, staff, evaluated, config, as_of))


def build_results(dataset: Dataset, config: RuleConfig | None = None,
                  as_of: dt.date | None = None, staffing: Staffing | None = None) -> Results:
    """Apply the mandate's rules to a dataset; the one computation every view and export uses.
    `staffing`, when given, is `staffing_of` the same files, configuration and date."""
    part = staffing or staffing_of(dataset, config, as_of)
    config, as_of, evaluated, staff = part.config, part.as_of, part.evaluated, part.staff
    advisors, unit_process, targets = part.advisors, part.unit_process, part.targets
    matcher = CourseMatcher(dataset.courses)
    status = _person_status(dataset, config, as_of, matcher)
    unit_requirement = _unit_requirement(evaluated, targets, status, config)
    gaps = _gaps(evaluated, unit_process, advisors, targets, status, config)
    summary = _unit_summary(evaluated, staff, advisors, unit_process, gaps, config)
    portal_expired = portal_expiry_issues(dataset, config, targets, as_of, matcher)
    reported = [frame for frame in (part.dated_issues, portal_expired) if not frame.empty]
    issues = _in_file_order(pd.concat([dataset.issues, *reported], ignore_index=True),
                            dataset)
    return Results(as_of, unit_process, summary, unit_requirement, gaps, issues, dataset.units,
                   staff, advisors.reset_index(drop=True), targets, status, part.due, config)


def _in_file_order(issues: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The validation report sorted by file (in the order they were given), sheet and row;
    notes on a whole file first."""
    order = {table.file: position for position, table in enumerate(dataset.tables)}
    return issues.sort_values(
        ["file", "sheet", "row"], kind="stable", na_position="first",
        key=lambda column: column.map(order) if column.name == "file" else column,
    ).reset_index(drop=True)


def _unit_process(evaluated: pd.DataFrame, advisors: pd.DataFrame,
                  config: RuleConfig) -> pd.DataFrame:
    counts = advisors.groupby([UNIT_ID, PROCESS])[EMPLOYEE_ID].nunique()
    grid = evaluated.merge(pd.DataFrame({PROCESS: list(config.processes)}), how="cross")
    counted = counts.to_dict()
    grid["advisors"] = [int(counted.get(key, 0)) for key in zip(grid[UNIT_ID].tolist(),
                                                                 grid[PROCESS].tolist(),
                                                                 strict=True)]
    grid["ok"] = grid["advisors"] >= config.min_advisors_per_process
    return grid[UNIT_PROCESS_COLUMNS]


def _person_status(dataset: Dataset, config: RuleConfig, as_of: dt.date,
                   matcher: CourseMatcher) -> pd.DataFrame:
    """Status per person and requirement id (met wins over expired across audience rows)."""
    seen: dict[tuple, pd.DataFrame] = {}
    for requirement in config.requirements:
        key = (requirement.id, requirement.kind, requirement.courses, requirement.valid_months)
        if key not in seen:
            seen[key] = requirement_status(requirement_evidence(dataset, requirement, matcher),
                                           requirement, as_of)
    frames = [frame for frame in seen.values() if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=STATUS_COLUMNS)
    status = pd.concat(frames, ignore_index=True)
    status = status.sort_values("status", key=lambda s: s.ne(MET)).drop_duplicates(
        [EMPLOYEE_ID, REQUIREMENT_ID])
    return status.reset_index(drop=True)


def _case_handlers_due(staff: pd.DataFrame, evaluated: pd.DataFrame, config: RuleConfig,
                       as_of: dt.date, grace_days: int | None = None) -> pd.DataFrame:
    """Case handlers of evaluated units past the grace period (inclusive), or without start date."""
    grace = config.grace_days if grace_days is None else grace_days
    cutoff = pd.Timestamp(as_of) - pd.Timedelta(days=grace)
    handlers = staff[staff[CASE_HANDLER] & staff[UNIT_ID].isin(evaluated[UNIT_ID])]
    due = handlers[handlers[START_DATE].isna() | (handlers[START_DATE] <= cutoff)]
    return due[[UNIT_ID, EMPLOYEE_ID]].drop_duplicates().reset_index(drop=True)


def _targets(advisors: pd.DataFrame, staff: pd.DataFrame, evaluated: pd.DataFrame,
             config: RuleConfig, as_of: dt.date) -> pd.DataFrame:
    """Who each requirement row applies to and is due for, per unit."""
    frames = []
    for requirement in config.requirements:
        if requirement.for_advisors:
            chosen = advisors if requirement.process is None else advisors[
                advisors[PROCESS] == requirement.process]
            people = chosen[[UNIT_ID, EMPLOYEE_ID]].drop_duplicates()
        else:
            people = _case_handlers_due(staff, evaluated, config, as_of,
                                        config.grace_for(requirement))
        frames.append(people.assign(requirement_id=requirement.id,
                                    audience=requirement.audience))
    if not frames:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    return pd.concat(frames, ignore_index=True)[TARGET_COLUMNS]


def _with_status(targets: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    merged = targets.merge(status[[EMPLOYEE_ID, REQUIREMENT_ID, "status"]],
                           on=[EMPLOYEE_ID, REQUIREMENT_ID], how="left")
    return merged.assign(status=merged["status"].fillna(MISSING))


def _unit_requirement(evaluated: pd.DataFrame, targets: pd.DataFrame, status: pd.DataFrame,
                      config: RuleConfig) -> pd.DataFrame:
    rows = _with_status(targets, status)
    rows = rows.assign(met_by=rows[EMPLOYEE_ID].where(rows["status"] == MET))
    counted = rows.groupby([UNIT_ID, REQUIREMENT_ID, "audience"]).agg(
        target=(EMPLOYEE_ID, "nunique"), met=("met_by", "nunique"))
    keys = list(dict.fromkeys((r.id, r.audience) for r in config.requirements))
    grid = evaluated[[UNIT_ID]].merge(
        pd.DataFrame(keys, columns=[REQUIREMENT_ID, "audience"]), how="cross")
    grid = grid.merge(counted.reset_index(), on=[UNIT_ID, REQUIREMENT_ID, "audience"],
                      how="left")
    for column in ("target", "met"):  # empty groupings come back untyped
        grid[column] = pd.to_numeric(grid[column]).fillna(0).astype(int)
    grid["share"] = (grid["met"] / grid["target"]).where(grid["target"] > 0)
    return grid[UNIT_REQUIREMENT_COLUMNS]


def _gaps(evaluated: pd.DataFrame, unit_process: pd.DataFrame, advisors: pd.DataFrame,
          targets: pd.DataFrame, status: pd.DataFrame, config: RuleConfig) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    distinct = advisors.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    for unit in evaluated[UNIT_ID]:
        if int(distinct.get(unit, 0)) < config.min_distinct_advisors:
            rows.append(_gap(TOO_FEW_ADVISORS, unit))
    for unit, process in unit_process.loc[~unit_process["ok"], [UNIT_ID, PROCESS]].itertuples(
            index=False):
        rows.append(_gap(MISSING_PROCESS_ADVISOR, unit, process=process))

    checked = _with_status(targets, status)
    advisor_rows = checked[checked["audience"].str.startswith("advisors")]
    advisor_rows = _merge_audiences(advisor_rows)
    advisor_gaps = advisor_rows[advisor_rows["status"] != MET]
    handler_rows = checked[checked["audience"] == CASE_HANDLERS_AUDIENCE].drop_duplicates(
        [UNIT_ID, EMPLOYEE_ID, REQUIREMENT_ID])
    handler_gaps = handler_rows[handler_rows["status"] != MET]
    # a person's gaps come by the ten thousand at national size: made as columns, not rows
    people_gaps = [
        advisor_gaps.assign(kind=np.where(advisor_gaps["status"] == EXPIRED,
                                          ADVISOR_REQUIREMENT_EXPIRED,
                                          ADVISOR_MISSING_REQUIREMENT)),
        handler_gaps.assign(kind=CASE_HANDLER_MISSING_REQUIREMENT, process=""),
    ]
    gaps = pd.concat([pd.DataFrame(rows, columns=GAP_COLUMNS),
                      *(frame[GAP_COLUMNS] for frame in people_gaps if len(frame))],
                     ignore_index=True).astype(str)
    order = {kind: i for i, kind in enumerate(GAP_KINDS)}
    return gaps.sort_values(["kind", UNIT_ID, PROCESS, EMPLOYEE_ID, REQUIREMENT_ID],
                            key=lambda s: s.map(order) if s.name == "kind" else s,
                            ignore_index=True)


def _merge_audiences(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (unit, advisor, requirement); process only where the audience names one."""
    keys = [UNIT_ID, EMPLOYEE_ID, REQUIREMENT_ID]
    rows = rows.assign(process=rows["audience"].str.partition(":")[2].fillna("")
                       if len(rows) else "")
    generic = rows[rows["process"] == ""].drop_duplicates(keys)
    specific = rows[rows["process"] != ""].merge(generic[keys], on=keys, how="left",
                                                 indicator=True)
    specific = specific[specific["_merge"] == "left_only"]
    joined = specific.groupby(keys, sort=False).agg(
        process=("process", lambda s: "; ".join(sorted(set(s)))), status=("status", "first"))
    return pd.concat([generic[[*keys, "process", "status"]], joined.reset_index()],
                     ignore_index=True)


def _gap(kind: str, unit: str, *, process: str = "", employee_id: str = "",
         requirement_id: str = "") -> dict[str, object]:
    return {"kind": kind, UNIT_ID: unit, PROCESS: process, EMPLOYEE_ID: employee_id,
            REQUIREMENT_ID: requirement_id}


def _unit_summary(evaluated: pd.DataFrame, staff: pd.DataFrame, advisors: pd.DataFrame,
                  unit_process: pd.DataFrame, gaps: pd.DataFrame,
                  config: RuleConfig) -> pd.DataFrame:
    staff_counts = staff.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    advisor_counts = advisors.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    missing = (~unit_process["ok"]).groupby(unit_process[UNIT_ID]).sum()
    advisor_gaps = gaps[gaps["kind"].isin([ADVISOR_MISSING_REQUIREMENT,
                                           ADVISOR_REQUIREMENT_EXPIRED])]
    untrained = advisor_gaps.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    summary = evaluated.assign(
        staff=evaluated[UNIT_ID].map(staff_counts).fillna(0).astype(int),
        advisors=evaluated[UNIT_ID].map(advisor_counts).fillna(0).astype(int),
        missing_processes=evaluated[UNIT_ID].map(missing).fillna(0).astype(int),
        advisors_missing_requirements=evaluated[UNIT_ID].map(untrained).fillna(0).astype(int),
    )
    summary["compliant"] = (
        (summary["advisors"] >= config.min_distinct_advisors)
        & (summary["missing_processes"] == 0)
        & (summary["advisors_missing_requirements"] == 0)
    )
    return summary[UNIT_SUMMARY_COLUMNS]
