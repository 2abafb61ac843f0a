"""The headline figures of the overview, all derived from the result tables."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.config import CASE_HANDLERS_AUDIENCE
from analysis.results import ADVISOR_MISSING_REQUIREMENT, ADVISOR_REQUIREMENT_EXPIRED, Results
from loaders.schema import EMPLOYEE_ID, UNIT_ID


@dataclass(frozen=True)
class Kpis:
    units: int
    compliant_units: int
    advisors: int
    advisors_fully_trained: int
    case_handlers_due: int
    case_handlers_trained: int

    @staticmethod
    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None


def compute_kpis(results: Results, unit_ids: set[str] | None = None) -> Kpis:
    """Headline figures, optionally limited to some units (e.g. one faculty)."""

    def limit(frame):
        return frame if unit_ids is None else frame[frame[UNIT_ID].isin(unit_ids)]

    summary = limit(results.unit_summary)
    advisors = set(limit(results.advisors)[EMPLOYEE_ID])
    gaps = limit(results.gaps)
    untrained = set(gaps.loc[gaps["kind"].isin([ADVISOR_MISSING_REQUIREMENT,
                                                ADVISOR_REQUIREMENT_EXPIRED]), EMPLOYEE_ID])
    targets = limit(results.targets)
    handlers = targets[targets["audience"] == CASE_HANDLERS_AUDIENCE]
    due = set(handlers[EMPLOYEE_ID])
    handler_gaps = gaps[gaps["kind"] == "case_handler_missing_requirement"]
    lacking = set(handler_gaps[EMPLOYEE_ID])
    return Kpis(
        units=len(summary),
        compliant_units=int(summary["compliant"].sum()),
        advisors=len(advisors),
        advisors_fully_trained=len(advisors - untrained),
        case_handlers_due=len(due),
        case_handlers_trained=len(due - lacking),
    )
