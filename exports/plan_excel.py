"""The action plan as an Excel task list: one row per task, a sheet of the cost per unit, and
the units no plan can make compliant. Every text cell is made formula-safe (exports.excel)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pandas as pd
from openpyxl import Workbook

from analysis.plan import ACTIONS, Plan
from analysis.results import Results
from exports.excel import DATE, Column, mark_sample, write_table
from i18n import NB, t
from loaders.schema import EMPLOYEE_ID, NAME, PROCESS, REQUIREMENT_ID, UNIT_ID, UNIT_NAME
from wording.plan import task_list


def plan_sheets(plan: Plan, results: Results, lang: str = NB
                ) -> dict[str, tuple[list[Column], pd.DataFrame]]:
    """Sheet title → its columns and rows; the app's view shows the same tables."""
    tasks = task_list(plan, results, lang)
    task_columns = [Column(UNIT_ID, t("plan.col.unit_id", lang)),
                    Column(UNIT_NAME, t("plan.col.unit", lang)),
                    Column("task", t("plan.col.task", lang)),
                    Column(NAME, t("plan.col.person", lang)),
                    Column(EMPLOYEE_ID, t("plan.col.employee_id", lang)),
                    Column(PROCESS, t("plan.col.process", lang)),
                    Column(REQUIREMENT_ID, t("plan.col.requirement", lang)),
                    Column("deadline", t("plan.col.deadline", lang), DATE),
                    Column("responsible", t("plan.col.responsible", lang))]
    names = results.units.drop_duplicates(UNIT_ID).set_index(UNIT_ID)[UNIT_NAME]
    cost = plan.cost()
    cost = cost.assign(unit_name=cost[UNIT_ID].map(names))
    cost_columns = [Column(UNIT_ID, t("plan.col.unit_id", lang)),
                    Column(UNIT_NAME, t("plan.col.unit", lang)),
                    *(Column(kind, t(f"plan.kind.{kind}", lang)) for kind in ACTIONS),
                    Column("actions", t("plan.col.actions", lang))]
    sheets = {t("plan.sheet.tasks", lang): (task_columns, tasks),
              t("plan.sheet.cost", lang): (cost_columns, cost)}
    if not plan.unsolvable.empty:
        unsolvable = plan.unsolvable.assign(unit_name=plan.unsolvable[UNIT_ID].map(names))
        sheets[t("plan.sheet.unsolvable", lang)] = (
            [Column(UNIT_ID, t("plan.col.unit_id", lang)),
             Column(UNIT_NAME, t("plan.col.unit", lang)),
             Column("people", t("plan.col.people", lang))], unsolvable)
    return sheets


def write_plan(plan: Plan, results: Results, target: str | Path | BinaryIO, *,
               lang: str = NB, sample: bool = False) -> None:
    header_row = 2 if sample else 1
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (columns, frame) in plan_sheets(plan, results, lang).items():
        sheet = workbook.create_sheet(title)
        write_table(sheet, columns, frame, header_row)
        if sample:
            mark_sample(sheet)
    workbook.properties.creator = None
    workbook.properties.title = t("plan.title", lang)
    workbook.properties.subject = t("plan.as_of", lang, date=f"{results.as_of:%d.%m.%Y}")
    workbook.save(target)
