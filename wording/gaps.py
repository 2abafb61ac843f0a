"""Each gap's message in words, from the facts of the gaps table: what the exports call the
gap's description and what the What-if page lists, in the user's language."""

from __future__ import annotations

import pandas as pd

from analysis.config import requirements_by_id
from analysis.results import (
    ADVISOR_MISSING_REQUIREMENT,
    ADVISOR_REQUIREMENT_EXPIRED,
    CASE_HANDLER_MISSING_REQUIREMENT,
    MISSING_PROCESS_ADVISOR,
    Results,
)
from i18n import NB, process_in_text, t
from loaders.schema import EMPLOYEE_ID, PROCESS, REQUIREMENT_ID, UNIT_ID, UNIT_NAME
from loaders.values import quoted

_KEYS = {MISSING_PROCESS_ADVISOR: "gap.missing_process",
         ADVISOR_MISSING_REQUIREMENT: "gap.advisor_missing",
         ADVISOR_REQUIREMENT_EXPIRED: "gap.advisor_expired",
         CASE_HANDLER_MISSING_REQUIREMENT: "gap.case_handler"}


def gap_messages(gaps: pd.DataFrame, results: Results, lang: str = NB) -> list[str]:
    """One sentence per gap row; unit names quoted as the files give them (cut when absurdly
    long), processes as written in bokmål and labelled in other languages."""
    units = {u: quoted(n) for u, n in zip(results.units[UNIT_ID], results.units[UNIT_NAME],
                                          strict=True)}
    advisors = dict(zip(results.unit_summary[UNIT_ID], results.unit_summary["advisors"],
                        strict=True))
    names = {rid: r.name for rid, r in requirements_by_id(results.config.requirements).items()}
    minimum = results.config.min_distinct_advisors

    def message(kind: str, unit: str, process: str, person: str, requirement: str) -> str:
        where = units.get(unit, unit)
        if kind not in _KEYS:  # too few distinct advisors
            return t("gap.too_few", lang, unit=where, count=int(advisors.get(unit, 0)),
                     minimum=minimum)
        shown = process if lang == NB or not process else process_in_text(process, lang)
        return t(_KEYS[kind], lang, unit=where, process=shown, person=person,
                 requirement=requirement, name=names.get(requirement, ""))

    columns = ["kind", UNIT_ID, PROCESS, EMPLOYEE_ID, REQUIREMENT_ID]
    return [message(*row) for row in zip(*(gaps[c].tolist() for c in columns), strict=True)]


def with_messages(gaps: pd.DataFrame, results: Results, lang: str = NB) -> pd.DataFrame:
    """The gaps table as exported: its facts and a `message` column in `lang`."""
    return gaps.assign(message=pd.Series(gap_messages(gaps, results, lang), index=gaps.index,
                                         dtype="str"))
