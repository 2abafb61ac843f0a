"""The rules' thresholds, processes and competency requirements: one configuration object."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pandas as pd

from loaders.normalise import MAX_GRACE_DAYS, MAX_VALID_MONTHS
from loaders.processes import process_ids
from loaders.schema import (
    AUDIENCE,
    COURSE_KIND,
    COURSES,
    GRACE_DAYS,
    NAME,
    REQUIREMENT_ID,
    REQUIREMENT_KIND,
    VALID_MONTHS,
)

ADVISORS_AUDIENCE = "advisors"
CASE_HANDLERS_AUDIENCE = "case_handlers"


@dataclass(frozen=True)
class Requirement:
    """A competency requirement for one audience, met by completing any of `courses`, or by
    an approved assessment when its kind is `assessment`."""

    id: str
    name: str
    audience: str  # "advisors", "advisors:<process>" or "case_handlers"
    courses: tuple[str, ...]
    valid_months: int | None = None
    grace_days: int | None = None  # case handlers only; None means the configured default
    kind: str = COURSE_KIND  # met by a course (`courses`) or by an assessment (no courses)

    @property
    def for_advisors(self) -> bool:
        return self.audience.startswith(ADVISORS_AUDIENCE)

    @property
    def process(self) -> str | None:
        """The process an `advisors:<process>` requirement is limited to."""
        return self.audience.partition(":")[2] or None


_K3_COURSES = ("K3", "Saksbehandlerskolen", "Saksbehandlerskole")
DEFAULT_REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("K1", "Kurs i ny saksbehandlingsløsning for prosessrådgiver", ADVISORS_AUDIENCE,
                ("K1", "saksbehandlingsløsning for prosessrådgiver", "for prosessrådgiver")),
    Requirement("K2", "DFØ-kurs i forvaltning og offentlighetsloven", ADVISORS_AUDIENCE,
                ("K2", "DFØ kurs forvaltning", "offentlighetsloven", "offentleglova",
                 "En sak for Walter", "Forvaltningsreisen")),
    Requirement("K3", "Saksbehandlerskolen", ADVISORS_AUDIENCE, _K3_COURSES),
    Requirement("K3", "Saksbehandlerskolen", CASE_HANDLERS_AUDIENCE, _K3_COURSES),
)


@dataclass(frozen=True)
class RuleConfig:
    """Everything the rules depend on, with the mandate's defaults."""

    processes: tuple[str, ...] = field(default_factory=process_ids)
    min_advisors_per_process: int = 1
    min_distinct_advisors: int = 2
    grace_days: int = 90
    expiring_within_days: int = 60
    small_group_limit: int = 5
    requirements: tuple[Requirement, ...] = field(default=DEFAULT_REQUIREMENTS)

    def grace_for(self, requirement: Requirement) -> int:
        """The requirement's grace period in days, else the default; 0 to 100 years, so the
        cutoff date it gives stays in the calendar."""
        grace = self.grace_days if requirement.grace_days is None else requirement.grace_days
        return min(max(grace, 0), MAX_GRACE_DAYS)

    def with_requirements(self, frame: pd.DataFrame | None) -> RuleConfig:
        """This config with the requirements of an uploaded requirements table, if any."""
        if frame is None or frame.empty:
            return self
        return replace(self, requirements=requirements_from_frame(frame))


def requirements_by_id(requirements: Iterable[Requirement]) -> dict[str, Requirement]:
    """Each requirement id's first row (an id may have a row per audience), in order."""
    first: dict[str, Requirement] = {}
    for requirement in requirements:
        first.setdefault(requirement.id, requirement)
    return first


def requirements_from_frame(frame: pd.DataFrame) -> tuple[Requirement, ...]:
    """Requirements of a normalised requirements table; validity and grace period within the
    loaders' bounds (the loaders cap them with a warning on the row)."""
    def optional(value: object, limit: int) -> int | None:
        return None if pd.isna(value) else min(max(int(value), 0), limit)

    return tuple(
        Requirement(row[REQUIREMENT_ID], row[NAME], row[AUDIENCE], tuple(row[COURSES]),
                    optional(row[VALID_MONTHS], MAX_VALID_MONTHS),
                    optional(row[GRACE_DAYS], MAX_GRACE_DAYS),
                    row.get(REQUIREMENT_KIND, COURSE_KIND) or COURSE_KIND)
        for _, row in frame.iterrows()
    )
