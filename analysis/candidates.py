"""What closes each gap: staff ranked as advisor candidates, and the courses that meet a
requirement, turned into one suggested action per gap."""

from __future__ import annotations

import pandas as pd

from analysis.config import RuleConfig
from analysis.results import (
    ADVISOR_MISSING_REQUIREMENT,
    ADVISOR_REQUIREMENT_EXPIRED,
    GAP_COLUMNS,
    MISSING_PROCESS_ADVISOR,
    TOO_FEW_ADVISORS,
    Results,
)
from analysis.training import MET, matching_records
from i18n import NB, process_in_text, t
from loaders.schema import (
    CASE_HANDLER,
    COURSE_CODE,
    COURSE_TITLE,
    EMPLOYEE_ID,
    NAME,
    POSITION,
    PROCESS,
    START_DATE,
    UNIT_ID,
)

CANDIDATE_COLUMNS = [EMPLOYEE_ID, NAME, POSITION, CASE_HANDLER, START_DATE, "advisor_for",
                     "lacking", "lacking_requirements"]
ACTION_COLUMNS = [*GAP_COLUMNS, NAME, "action"]
TOP_CANDIDATES = 3
SHORTAGE_KINDS = (MISSING_PROCESS_ADVISOR, TOO_FEW_ADVISORS)


def advisor_requirement_ids(config: RuleConfig, process: str | None = None) -> list[str]:
    """Ids of the requirements an advisor must meet (for `process`, if given), in config order."""
    return list(dict.fromkeys(
        r.id for r in config.requirements
        if r.for_advisors and (r.process is None or r.process == process)))


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
    met_pairs = set(zip(met[EMPLOYEE_ID], met["requirement_id"], strict=True))
    lacking = [[r for r in required if (person, r) not in met_pairs]
               for person in people[EMPLOYEE_ID]]
    roles = in_unit.groupby(EMPLOYEE_ID)[PROCESS].agg(", ".join).to_dict()
    ranked = people.assign(
        lacking=[len(ids) for ids in lacking],
        lacking_requirements=[", ".join(ids) for ids in lacking],
        advisor_for=[roles.get(person, "") for person in people[EMPLOYEE_ID]],
        not_case_handler=~people[CASE_HANDLER],
    ).sort_values(["lacking", "not_case_handler", START_DATE, NAME, EMPLOYEE_ID],
                  na_position="last")
    return ranked[CANDIDATE_COLUMNS].reset_index(drop=True)


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


def _candidate_text(candidates: pd.DataFrame, top: int, lang: str) -> str:
    if candidates.empty:
        return t("action.no_candidates", lang)
    notes = {0: t("action.has_all", lang)}
    shown = [f"{name} ({notes.get(lacking) or t('action.lacks', lang, ids=ids)})"
             for name, lacking, ids in candidates.head(top)[
                 [NAME, "lacking", "lacking_requirements"]].itertuples(index=False)]
    return t("action.candidates", lang, names=", ".join(shown))


def gap_actions(results: Results, staff: pd.DataFrame, courses: pd.DataFrame,
                gaps: pd.DataFrame | None = None, top: int = TOP_CANDIDATES,
                lang: str = NB) -> pd.DataFrame:
    """Each gap (default: all of them) with the person's name and a suggested action, worded
    in `lang`; names and course titles are data and stay as written."""
    config = results.config
    names = dict(zip(staff[EMPLOYEE_ID], staff[NAME], strict=False))
    distinct = results.advisors.groupby(UNIT_ID)[EMPLOYEE_ID].nunique()
    meeting = {r.id: t("action.or", lang).join(courses_meeting(courses, r.courses))
               for r in config.requirements}
    expired_on = results.person_status.set_index([EMPLOYEE_ID, "requirement_id"])["valid_until"]

    def action(gap: pd.Series) -> str:
        if gap["kind"] in SHORTAGE_KINDS:
            process = gap[PROCESS] or None
            ranked = rank_candidates(staff, results.advisors, results.person_status, config,
                                     gap[UNIT_ID], process)
            candidates = _candidate_text(ranked, top, lang)
            if process is None:
                needed = config.min_distinct_advisors - int(distinct.get(gap[UNIT_ID], 0))
                whom = t("action.new_advisor" if needed == 1 else "action.new_advisors", lang)
                return t("action.appoint_many", lang, count=needed, whom=whom,
                         candidates=candidates)
            # bokmål keeps the process key as written (innsyn, SRU); other languages label it
            shown = process if lang == NB else process_in_text(process, lang)
            return t("action.appoint_for", lang, process=shown, candidates=candidates)
        requirement = gap["requirement_id"]
        if gap["kind"] == ADVISOR_REQUIREMENT_EXPIRED:
            until = expired_on.get((gap[EMPLOYEE_ID], requirement))
            since = ("" if until is None or pd.isna(until)
                     else t("action.expired_on", lang, date=f"{until:%d.%m.%Y}"))
            return t("action.retake", lang, requirement=requirement, since=since,
                     courses=meeting[requirement])
        return t("action.complete", lang, requirement=requirement, courses=meeting[requirement])

    gaps = results.gaps if gaps is None else gaps
    if gaps.empty:
        return pd.DataFrame(columns=ACTION_COLUMNS)
    return gaps.assign(**{
        NAME: gaps[EMPLOYEE_ID].map(lambda person: names.get(person, "") if person else ""),
        "action": gaps.apply(action, axis=1),
    })[ACTION_COLUMNS]


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

