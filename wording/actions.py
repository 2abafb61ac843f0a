"""Sentences made from the core's facts, in the user's language: the suggested action of each
gap. The facts come from analysis/ (no words there); the phrases from the catalogue in i18n."""

from __future__ import annotations

import pandas as pd

from analysis.candidates import REMEDY_COLUMNS, SHORTAGE_KINDS, TOP_CANDIDATES, gap_remedies
from analysis.results import ADVISOR_REQUIREMENT_EXPIRED, Results
from i18n import NB, process_in_text, t
from loaders.schema import PROCESS, REQUIREMENT_ID

ACTION_COLUMNS = [*REMEDY_COLUMNS[:REMEDY_COLUMNS.index("candidates")], "action"]


def process_in_action(process: str, lang: str) -> str:
    """A process inside an action sentence: bokmål keeps the key as written (innsyn, SRU);
    other languages label it."""
    return process if lang == NB or not process else process_in_text(process, lang)


def _candidate_text(candidates: tuple[tuple[str, int, str], ...], lang: str) -> str:
    if not candidates:
        return t("action.no_candidates", lang)
    notes = {0: t("action.has_all", lang)}
    shown = [f"{name} ({notes.get(lacking) or t('action.lacks', lang, ids=ids)})"
             for name, lacking, ids in candidates]
    return t("action.candidates", lang, names=", ".join(shown))


def action_text(remedy: dict, lang: str = NB) -> str:
    """The suggested action for one row of analysis.candidates.gap_remedies; names and course
    titles are data and stay as written."""
    if remedy["kind"] in SHORTAGE_KINDS:
        candidates = _candidate_text(remedy["candidates"], lang)
        process = remedy[PROCESS]
        if not process:
            needed = remedy["needed"]
            whom = t("action.new_advisor" if needed == 1 else "action.new_advisors", lang)
            return t("action.appoint_many", lang, count=needed, whom=whom,
                     candidates=candidates)
        return t("action.appoint_for", lang, process=process_in_action(process, lang),
                 candidates=candidates)
    requirement, courses = remedy[REQUIREMENT_ID], t("action.or", lang).join(remedy["courses"])
    until = remedy["expired_on"]
    since = "" if until is None else t("action.expired_on", lang, date=f"{until:%d.%m.%Y}")
    if remedy["by_assessment"]:
        again = remedy["kind"] == ADVISOR_REQUIREMENT_EXPIRED
        return t("action.reassess" if again else "action.assess", lang,
                 requirement=requirement, since=since)
    if remedy["kind"] == ADVISOR_REQUIREMENT_EXPIRED:
        return t("action.retake", lang, requirement=requirement, since=since, courses=courses)
    return t("action.complete", lang, requirement=requirement, courses=courses)


def worded_actions(remedies: pd.DataFrame, lang: str = NB) -> pd.DataFrame:
    """gap_remedies' rows with their action in `lang` in place of the facts."""
    actions = [action_text(row, lang) for row in remedies.to_dict("records")]
    return remedies.assign(action=pd.Series(actions, index=remedies.index, dtype="str"))[
        ACTION_COLUMNS]


def gap_actions(results: Results, staff: pd.DataFrame, courses: pd.DataFrame,
                gaps: pd.DataFrame | None = None, top: int = TOP_CANDIDATES,
                lang: str = NB) -> pd.DataFrame:
    """Each gap with the person's name and its suggested action worded in `lang`."""
    return worded_actions(gap_remedies(results, staff, courses, gaps, top), lang)
