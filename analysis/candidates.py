"""What closes each gap: staff ranked as advisor candidates, and the courses that meet a
requirement, as facts per gap (the words are the edge's, in wording.py)."""

from __future__ import annotations

import pandas as pd

from analysis.config import RuleConfig
from analysis.evidence import matching_records
from analysis.results import (
    ADVISOR_MISSING_REQUIREMENT,
    ADVISOR_REQUIREMENT_EXPIRED,
    GAP_COLUMNS,
    MISSING_PROCESS_ADVISOR,
    TOO_FEW_ADVISORS,
    Results,
)
from analysis.training import MET
from loaders.schema import (
    CASE_HANDLER,
    COURSE_CODE,
    COURSE_KIND,
    COURSE_TITLE,
    EMPLOYEE_ID,
    NAME,
    POSITION,
    PROCESS,
    REQUIREMENT_ID,
    START_DATE,
    UNIT_ID,
)

CANDIDATE_COLUMNS = [EMPLOYEE_ID, NAME, POSITION, CASE_HANDLER, START_DATE, "advisor_for",
                     "lacking", "lacking_requirements"]
REMEDY_COLUMNS = [*GAP_COLUMNS, NAME, "candidates", "needed", "courses", "expired_on",
                  "by_assessment"]
TOP_CANDIDATES = 3
SHORTAGE_KINDS = (MISSING_PROCESS_ADVISOR, TOO_FEW_ADVISORS)


def advisor_requirement_ids(config: RuleConfig, process: str | None = None) -> list[str]:
    """Ids of the requirements an advisor must meet (for `process`, if given), in config order."""
    return list(dict.fromkeys(
        r.id for r in config.requirements
        if r.for_advisors and (r.process is None or r.process == process)))


def rank_key(lacking: int, case_handler: bool, start: object, name: object,
              employee_id: str) -> tuple:
    """The candidate order: fewest lacking, case handlers first, earliest start (unknown
    last), then name and employee id (unknown last), so no two people tie."""
    return (lacking, not case_handler, pd.isna(start), start if pd.notna(start) else 0,
            pd.isna(name), name if pd.notna(name) else "", employee_id)


def rank_candidates(staff: pd.DataFrame, advisors: pd.DataFrame, person_status: pd.DataFrame,
                    config: RuleConfig, unit_id: str, process: str | None = None) -> pd.DataFrame:
    """The unit's staff who could be appointed advisor for `process`, best candidate first.

    Left out: people already advisor in the unit for `process`, or for any process when
    `process` is None (too few distinct advisors: only a new person helps). Order: fewest
    advisor requirements still lacking (expired counts as lacking), then case handlers before
    others, then longest tenure (earliest start date; unknown start date last), then name and
    employee id, so the order never depends on the input's row order."""
    in_unit = advisors[advisors[UNIT_ID] == unit_id]
    current = in_unit if process is None else in_unit[in_unit[PROCESS] == process]
    people = staff[(staff[UNIT_ID] == unit_id) & ~staff[EMPLOYEE_ID].isin(current[EMPLOYEE_ID])]
    people = people.drop_duplicates(EMPLOYEE_ID)
    required = advisor_requirement_ids(config, process)
    met = person_status[(person_status["status"] == MET)
                        & person_status[EMPLOYEE_ID].isin(people[EMPLOYEE_ID])]
    met_pairs = set(zip(met[EMPLOYEE_ID], met[REQUIREMENT_ID], strict=True))
    lacking = [[r for r in required if (person, r) not in met_pairs]
               for person in people[EMPLOYEE_ID]]
    roles = in_unit.groupby(EMPLOYEE_ID)[PROCESS].agg(", ".join).to_dict()
    ranked = people.assign(
        lacking=[len(ids) for ids in lacking],
        lacking_requirements=[", ".join(ids) for ids in lacking],
        advisor_for=[roles.get(person, "") for person in people[EMPLOYEE_ID]],
    )
    keys = [rank_key(*row) for row in ranked[
        ["lacking", CASE_HANDLER, START_DATE, NAME, EMPLOYEE_ID]].itertuples(index=False)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return ranked.iloc[order][CANDIDATE_COLUMNS].reset_index(drop=True)


class _CandidatePool:
    """Staff per unit, advisors per unit and process and the requirements each person has
    met, indexed once, so ranking the candidates of every shortage gap is linear in the staff
    (rank_candidates filters the whole staff file for one unit; thousands of gaps cannot)."""

    def __init__(self, staff: pd.DataFrame, advisors: pd.DataFrame,
                 person_status: pd.DataFrame, config: RuleConfig):
        self.config = config
        self.people: dict[str, list[tuple]] = {}
        first = staff.drop_duplicates([UNIT_ID, EMPLOYEE_ID])
        for unit, *person in first[[UNIT_ID, EMPLOYEE_ID, NAME, CASE_HANDLER, START_DATE]] \
                .itertuples(index=False):
            self.people.setdefault(unit, []).append(tuple(person))
        self.advisors: dict[tuple[str, str | None], set[str]] = {}
        for unit, person, process in advisors[[UNIT_ID, EMPLOYEE_ID, PROCESS]].itertuples(
                index=False):
            self.advisors.setdefault((unit, process), set()).add(person)
            self.advisors.setdefault((unit, None), set()).add(person)
        met = person_status[person_status["status"] == MET]
        self.met = set(zip(met[EMPLOYEE_ID], met[REQUIREMENT_ID], strict=True))
        self.required: dict[str | None, list[str]] = {}

    def ranked(self, unit: str, process: str | None) -> list[tuple[str, int, str]]:
        """(name, requirements lacking, their ids) of the candidates, as rank_candidates
        orders them."""
        current = self.advisors.get((unit, process), set())
        if process not in self.required:
            self.required[process] = advisor_requirement_ids(self.config, process)
        required = self.required[process]
        rows = []
        for person, name, case_handler, start in self.people.get(unit, []):
            if person in current:
                continue
            lacking = [r for r in required if (person, r) not in self.met]
            rows.append((rank_key(len(lacking), case_handler, start, name, person),
                         (name, len(lacking), ", ".join(lacking))))
        return [shown for _, shown in sorted(rows, key=lambda row: row[0])]


def courses_meeting(courses: pd.DataFrame, entries: tuple[str, ...]) -> list[str]:
    """The courses in the export that meet a requirement with these course entries, as
    "title (code)"; the entries themselves when no record in the export matches them."""
    found = courses.loc[matching_records(courses, entries), [COURSE_TITLE, COURSE_CODE]]
    coded = found[found[COURSE_CODE] != ""].drop_duplicates()
    titled = found[~found[COURSE_TITLE].isin(coded[COURSE_TITLE])].drop_duplicates(COURSE_TITLE)
    names = [f"{title} ({code})" if title else code
             for title, code in coded.itertuples(index=False)]
    names += list(titled[COURSE_TITLE])
    return sorted(names) or list(entries)


def gap_remedies(results: Results, staff: pd.DataFrame, courses: pd.DataFrame,
                 gaps: pd.DataFrame | None = None, top: int = TOP_CANDIDATES) -> pd.DataFrame:
    """Each gap (default: all of them) with the person's name and what closes it, as facts:
    `candidates` (the first `top` as (name, requirements lacking, their ids)) and `needed`
    (new advisors) for a shortage; `courses` (the courses meeting the requirement, as
    "title (code)"), `expired_on`, and `by_assessment` (met by an assessment, not a course)
    for a requirement gap. Ranking the candidates is the slow
    part, so it runs once per data set whatever language the actions are worded in."""
    config = results.config
    names = dict(zip(staff[EMPLOYEE_ID], staff[NAME], strict=False))
    distinct = results.advisors.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    meeting = {r.id: tuple(courses_meeting(courses, r.courses)) for r in config.requirements
               if r.kind == COURSE_KIND}
    status = results.person_status
    expired_on = dict(zip(zip(status[EMPLOYEE_ID], status[REQUIREMENT_ID], strict=True),
                          status["valid_until"], strict=True))
    pool = _CandidatePool(staff, results.advisors, status, config)

    def remedy(kind: str, unit: str, process: str, person: str, requirement: str) -> tuple:
        if kind in SHORTAGE_KINDS:
            candidates = tuple(pool.ranked(unit, process or None)[:top])
            needed = 0 if process else config.min_distinct_advisors - int(distinct.get(unit, 0))
            return candidates, needed, (), None, False
        until = expired_on.get((person, requirement)) if kind == ADVISOR_REQUIREMENT_EXPIRED \
            else None
        expired = None if until is None or pd.isna(until) else until
        return (), 0, meeting.get(requirement, ()), expired, requirement not in meeting

    gaps = results.gaps if gaps is None else gaps
    if gaps.empty:
        return pd.DataFrame(columns=REMEDY_COLUMNS)
    columns = ["kind", UNIT_ID, PROCESS, EMPLOYEE_ID, REQUIREMENT_ID]
    remedies = [remedy(*gap) for gap in zip(*(gaps[c].tolist() for c in columns), strict=True)]
    facts = dict(zip(("candidates", "needed", "courses", "expired_on", "by_assessment"),
                     zip(*remedies, strict=True), strict=True))
    return gaps.assign(
        **{NAME: gaps[EMPLOYEE_ID].map(lambda person: names.get(person, "") if person else "")},
        **{name: pd.Series(list(values), index=gaps.index, dtype="object")
           for name, values in facts.items()},
    )[REMEDY_COLUMNS]


def gaps_for_process(actions: pd.DataFrame, advisors: pd.DataFrame, process: str) -> pd.Series:
    """Which gaps concern `process`: those naming it, and advisor-training gaps of the unit's
    advisors for that process (a course gap of theirs weakens that process's cover)."""
    named = actions[PROCESS].str.split("; ").map(lambda parts: process in parts)
    theirs = advisors.loc[advisors[PROCESS] == process, [UNIT_ID, EMPLOYEE_ID]]
    keys = set(zip(theirs[UNIT_ID], theirs[EMPLOYEE_ID], strict=True))
    advisor_gap = actions["kind"].isin([ADVISOR_MISSING_REQUIREMENT, ADVISOR_REQUIREMENT_EXPIRED])
    owned = pd.Series([key in keys for key in zip(actions[UNIT_ID], actions[EMPLOYEE_ID],
                                                  strict=True)], index=actions.index)
    return named | (advisor_gap & owned)

