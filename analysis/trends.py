"""Change between two snapshots, and training coverage month by month from completion dates."""

from __future__ import annotations

import pandas as pd

from analysis.evidence import CourseMatcher, requirement_evidence
from analysis.results import Results
from analysis.training import requirement_status
from loaders.dataset import Dataset
from loaders.schema import EMPLOYEE_ID, REQUIREMENT_ID, UNIT_ID

CHANGE_COLUMNS = [UNIT_ID, "unit_name", "change", "compliant_before", "compliant_now",
                  "missing_processes_before", "missing_processes_now"]
BECAME_COMPLIANT = "became_compliant"
STOPPED_COMPLIANT = "stopped_compliant"
NEW_UNIT = "new_unit"
REMOVED_UNIT = "removed_unit"


def unit_changes(before: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    """Units whose compliance changed, appeared or disappeared between two unit summaries."""
    columns = [UNIT_ID, "unit_name", "compliant", "missing_processes"]
    merged = before[columns].merge(now[columns], on=UNIT_ID, how="outer",
                                   suffixes=("_before", "_now"), indicator=True)
    merged["unit_name"] = merged["unit_name_now"].fillna(merged["unit_name_before"])
    change = pd.Series("", index=merged.index, dtype="str")
    change[merged["_merge"] == "right_only"] = NEW_UNIT
    change[merged["_merge"] == "left_only"] = REMOVED_UNIT
    both = merged["_merge"] == "both"
    was, is_now = merged["compliant_before"].eq(True), merged["compliant_now"].eq(True)
    change[both & ~was & is_now] = BECAME_COMPLIANT
    change[both & was & ~is_now] = STOPPED_COMPLIANT
    merged["change"] = change
    return merged[change.ne("")][CHANGE_COLUMNS].sort_values(["change", UNIT_ID],
                                                             ignore_index=True)


def monthly_training_coverage(dataset: Dataset, results: Results, months: int = 24) -> pd.DataFrame:
    """Share of today's target groups that had each requirement at each month's end.

    The people are those the requirements apply to as of the results' date; only the
    completion dates move, so the curve shows how training accumulated."""
    ends = pd.date_range(end=pd.Timestamp(results.as_of), periods=months, freq="ME")
    rows = []
    by_requirement = {r.id: r for r in results.config.requirements}
    targets = results.targets.drop_duplicates([EMPLOYEE_ID, REQUIREMENT_ID, "audience"])
    matcher = CourseMatcher(dataset.courses)
    for (requirement_id, audience), group in targets.groupby([REQUIREMENT_ID, "audience"]):
        people = set(group[EMPLOYEE_ID])
        requirement = by_requirement[requirement_id]
        evidence = requirement_evidence(dataset, requirement, matcher)
        for end in ends:
            status = requirement_status(evidence, requirement, end.date())
            met = set(status.loc[status["status"] == "met", EMPLOYEE_ID]) & people
            rows.append({"month": end.date(), REQUIREMENT_ID: requirement_id,
                         "audience": audience, "target": len(people), "met": len(met),
                         "share": len(met) / len(people) if people else None})
    return pd.DataFrame(rows, columns=["month", REQUIREMENT_ID, "audience", "target", "met",
                                       "share"])

