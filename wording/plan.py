"""The action plan in words: one task per action, as the process owner hands them out."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.config import Requirement, requirements_by_id
from analysis.plan import APPOINT, AS_CASE_HANDLER, RELIEVE, Plan
from analysis.results import Results
from analysis.training import met_by_person
from i18n import NB, process_label, t
from loaders.schema import (
    ASSESSMENT_KIND,
    EMPLOYEE_ID,
    LEADER_EMAIL,
    NAME,
    PROCESS,
    REQUIREMENT_ID,
    UNIT_ID,
    UNIT_NAME,
)
from wording.actions import process_in_action

TASK_COLUMNS = [UNIT_ID, UNIT_NAME, "task", EMPLOYEE_ID, NAME, PROCESS, REQUIREMENT_ID,
                "deadline", "responsible"]


def task_list(plan: Plan, results: Results, lang: str = NB) -> pd.DataFrame:
    """The plan's actions (PLAN_COLUMNS) with the unit's and person's names, the task in
    words and who is responsible for it; names and titles from the files stay as written."""
    actions = plan.actions
    units = results.units.drop_duplicates(UNIT_ID).set_index(UNIT_ID)
    names = results.staff.drop_duplicates(EMPLOYEE_ID).set_index(EMPLOYEE_ID)[NAME]
    requirements = requirements_by_id(results.config.requirements)
    replaced = {(u, p): person for u, p, person in actions.loc[
        actions["action"] == APPOINT, [UNIT_ID, PROCESS, EMPLOYEE_ID]].itertuples(index=False)}
    met_by = met_by_person(results.person_status)
    for_advisors = list(dict.fromkeys(r.id for r in results.config.requirements
                                      if r.for_advisors))
    rows = []
    for row in actions.to_dict("records"):
        unit, person = row[UNIT_ID], row[EMPLOYEE_ID]
        leader = t("plan.leader", lang)
        if email := units[LEADER_EMAIL].get(unit, ""):
            leader = f"{leader} ({email})"
        rows.append({
            UNIT_ID: unit, UNIT_NAME: units[UNIT_NAME].get(unit, unit),
            "task": _task(row, requirements.get(row[REQUIREMENT_ID]), names,
                          replaced.get((unit, row[PROCESS])), results.as_of, lang,
                          [rid for rid in for_advisors if rid not in met_by.get(person, ())]),
            EMPLOYEE_ID: person, NAME: names.get(person, ""),
            PROCESS: process_label(row[PROCESS], lang) if row[PROCESS] else "",
            REQUIREMENT_ID: _requirement(requirements.get(row[REQUIREMENT_ID])),
            "deadline": row["deadline"],
            "responsible": t("plan.case_handler_advisor", lang)
            if row["role"] == AS_CASE_HANDLER else leader})
    return pd.DataFrame(rows, columns=TASK_COLUMNS)


def _requirement(requirement: Requirement | None) -> str:
    return "" if requirement is None else f"{requirement.id} {requirement.name}"


def _task(row: dict, requirement: Requirement | None, names: pd.Series,
          successor: str | None, as_of: dt.date, lang: str, lacking: list[str]) -> str:
    """The task in words; `lacking`: the advisor requirements the person has not met, which
    is why the plan relieves an advisor rather than train them."""
    process = process_in_action(row[PROCESS], lang)
    if row["action"] == APPOINT:
        return t("plan.appoint", lang, process=process)
    if row["action"] == RELIEVE:
        if successor is None:
            return t("plan.relieve_lacking", lang, process=process,
                     lacking=", ".join(lacking)) if lacking else t("plan.relieve", lang,
                                                                   process=process)
        return t("plan.replace", lang, process=process,
                 successor=f"{names.get(successor, '')} ({successor})")
    key = "plan.assess" if requirement is not None and requirement.kind == ASSESSMENT_KIND \
        else "plan.enrol"
    note = ""
    if row["role"] == AS_CASE_HANDLER:
        deadline = row["deadline"]
        note = t("plan.as_late_case_handler", lang, date=f"{deadline:%d.%m.%Y}") if (
            deadline is not None and not pd.isna(deadline) and deadline < as_of) else t(
            "plan.as_case_handler", lang)
    return t(key, lang, requirement=_requirement(requirement), note=note)
