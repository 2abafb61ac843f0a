"""Unit packs: one PDF per unit with that unit's names only (its advisors and their training,
its case handlers, its gaps, its part of the action plan), zipped with an index of the units,
their leaders' e-mail where the units file has it, and the file names."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from analysis.plan import Plan
from analysis.results import Results
from analysis.unit_view import (
    HAS_IT,
    IN_GRACE,
    LACKING,
    advisor_matrix,
    advisor_training,
    case_handler_training,
)
from exports import SAMPLE_MARKER
from exports.csv_export import to_safe_csv
from exports.pdf import BODY, CELL, GREY, LIGHT, draw_marker
from i18n import NB, gap_kind_label, label_set, portal_note, t
from loaders.schema import EMPLOYEE_ID, LEADER_EMAIL, NAME, REQUIREMENT_ID, UNIT_ID, UNIT_NAME
from wording.gaps import with_messages
from wording.plan import task_list

PAGE = A4
MARGIN = 1.6 * cm
TITLE = ParagraphStyle("pack_title", parent=BODY, fontSize=20, leading=24,
                       fontName="Helvetica-Bold")
HEADING = ParagraphStyle("pack_heading", parent=BODY, fontSize=14, leading=18,
                         fontName="Helvetica-Bold", spaceBefore=10, spaceAfter=4)
SMALL = ParagraphStyle("pack_cell", parent=CELL, fontSize=9, leading=11)
SMALL_BOLD = ParagraphStyle("pack_cell_bold", parent=SMALL, fontName="Helvetica-Bold")
TINY = ParagraphStyle("pack_matrix", parent=SMALL, fontSize=7.5, leading=9)
INDEX_NAME = "indeks.csv"


# Helvetica has no double exclamation mark (the portal's own expiry note)
_NOT_IN_FONT = str.maketrans({"\u203c": "!!"})


def _p(text: object, style: ParagraphStyle = BODY) -> Paragraph:
    shown = "" if text is None or text is pd.NaT else str(text)
    return Paragraph(escape(shown.translate(_NOT_IN_FONT)), style)


def _table(header: list[str], rows: Iterable[list[object]], shares: list[float],
           style: ParagraphStyle = SMALL) -> Table:
    width = PAGE[0] - 2 * MARGIN
    cells = [[_p(h, SMALL_BOLD) for h in header]]
    cells += [[_p(v, style) for v in row] for row in rows]
    table = Table(cells, colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREY),
                               ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _date(value: object) -> str:
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%d.%m.%Y}"


def unit_pack_pdf(results: Results, facts: _Facts, unit_id: str, lang: str = NB, *,
                  sample: bool = False) -> bytes:
    """One unit's pack: every name in it is of a person the results place in that unit.
    `sample`: made from the bundled sample data, which every page then says."""
    summary = results.unit_summary.set_index(UNIT_ID).loc[unit_id]
    yes_no = {True: t("whatif.yes", lang), False: t("whatif.no", lang)}
    story = [_p(f"{summary[UNIT_NAME]} ({unit_id})", TITLE),
             _p(t("pack.subtitle", lang, date=f"{results.as_of:%d.%m.%Y}")),
             Spacer(1, 0.3 * cm),
             _p(t("pack.status", lang, compliant=yes_no[bool(summary["compliant"])],
                  staff=int(summary["staff"]), advisors=int(summary["advisors"]),
                  missing=int(summary["missing_processes"]),
                  untrained=int(summary["advisors_missing_requirements"])))]
    story += _advisors(facts, unit_id, lang)
    story += _case_handlers(facts, unit_id, lang)
    gaps = results.gaps[results.gaps[UNIT_ID] == unit_id]
    story.append(_p(t("pack.gaps", lang, count=len(gaps)), HEADING))
    if not gaps.empty:
        worded = with_messages(gaps, results, lang)
        story.append(_table([t("whatif.kind", lang), t("whatif.message", lang)],
                            ([gap_kind_label(k, lang), m] for k, m in zip(
                                worded["kind"], worded["message"], strict=True)), [0.28, 0.72]))
    tasks = facts.tasks[facts.tasks[UNIT_ID] == unit_id]
    story.append(_p(t("pack.plan", lang, count=len(tasks)), HEADING))
    if not tasks.empty:
        story.append(_table(
            [t("plan.col.task", lang), t("plan.col.person", lang), t("plan.col.deadline", lang),
             t("plan.col.responsible", lang)],
            ([task, f"{name} ({person})", _date(deadline), responsible]
             for task, name, person, deadline, responsible in tasks[
                 ["task", NAME, EMPLOYEE_ID, "deadline", "responsible"]].itertuples(
                 index=False)), [0.43, 0.22, 0.12, 0.23]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN,
                                 title=f"{summary[UNIT_NAME]} ({unit_id})", author="")
    def decorate(canvas, _document) -> None:
        if sample:
            draw_marker(canvas, PAGE, MARGIN, SAMPLE_MARKER)

    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Facts:
    """What every pack shows, computed once for all units and cut per unit."""

    advisors: pd.DataFrame  # analysis.unit_view.advisor_matrix, one row per unit and advisor
    requirement_ids: list[str]
    handlers: pd.DataFrame  # analysis.unit_view.case_handler_training
    tasks: pd.DataFrame  # wording.plan.task_list


def _facts(results: Results, plan: Plan, units: list[str], lang: str) -> _Facts:
    ids = list(dict.fromkeys(r.id for r in results.config.requirements if r.for_advisors))
    training = advisor_training(results, results.staff, units)
    matrix = training if training.empty else advisor_matrix(
        training, ids, label_set("advisor_state", lang), label_set("process", lang),
        as_of=results.as_of, portal_note=portal_note(lang))
    return _Facts(matrix, ids, case_handler_training(results, results.staff, units),
                  task_list(plan, results, lang))


def _advisors(facts: _Facts, unit_id: str, lang: str) -> list:
    flowables = [_p(t("pack.advisors", lang), HEADING)]
    matrix = facts.advisors[facts.advisors[UNIT_ID] == unit_id]
    if matrix.empty:
        return [*flowables, _p(t("unit.no_advisors", lang))]
    ids = facts.requirement_ids
    shares = [0.17, 0.13] + [0.70 / len(ids)] * len(ids)
    rows = ([f"{name} ({person})", processes, *(row[i] for i in ids)]
            for name, person, processes, row in zip(
                matrix[NAME], matrix[EMPLOYEE_ID], matrix["processes"],
                matrix[ids].to_dict("records"), strict=True))
    return [*flowables, _table([t("plan.col.person", lang), t("pack.processes", lang), *ids],
                               rows, shares, TINY)]


def _case_handlers(facts: _Facts, unit_id: str, lang: str) -> list:
    handlers = facts.handlers[facts.handlers[UNIT_ID] == unit_id]
    flowables = []
    states = label_set("handler_state", lang)
    for requirement_id, rows in handlers.groupby(REQUIREMENT_ID, sort=False):
        counts = rows["state"].value_counts()
        flowables.append(_p(t("pack.case_handlers", lang, requirement=requirement_id), HEADING))
        flowables.append(_p(", ".join(f"{states[key]}: {int(counts.get(key, 0))}"
                                      for key in (LACKING, IN_GRACE, HAS_IT))))
        open_rows = rows[rows["state"] != HAS_IT].sort_values(["state", "due_on"])
        if not open_rows.empty:
            flowables.append(_table(
                [t("plan.col.person", lang), t("pack.state", lang), t("plan.col.deadline", lang)],
                ([f"{name} ({person})", states[s], _date(due)] for name, person, s, due in
                 open_rows[[NAME, EMPLOYEE_ID, "state", "due_on"]].itertuples(index=False)),
                [0.5, 0.3, 0.2]))
    return flowables


def pack_file_name(unit_id: str) -> str:
    """A file name any system accepts, from a unit code that may hold anything."""
    return (re.sub(r"[^\w.-]+", "_", unit_id).strip("._") or "enhet")[:60] + ".pdf"


def write_unit_packs(results: Results, plan: Plan, target: str | Path | BinaryIO,
                     units: Iterable[str] | None = None, lang: str = NB, *,
                     sample: bool = False) -> list[str]:
    """A zip of one pack per unit (the evaluated units, or `units` of them) and its index;
    returns the units packed."""
    chosen = list(results.unit_summary[UNIT_ID]) if units is None else [
        u for u in results.unit_summary[UNIT_ID] if u in set(units)]
    info = results.units.drop_duplicates(UNIT_ID).set_index(UNIT_ID)
    facts = _facts(results, plan, chosen, lang)
    index, taken = [], set()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for unit_id in chosen:
            name = pack_file_name(unit_id)
            while name.lower() in taken:  # two codes that differ only in what is replaced
                name = name[:-4] + "_.pdf"
            taken.add(name.lower())
            archive.writestr(name, unit_pack_pdf(results, facts, unit_id, lang, sample=sample))
            index.append({t("plan.col.unit_id", lang): unit_id,
                          t("plan.col.unit", lang): info[UNIT_NAME].get(unit_id, unit_id),
                          t("pack.leader_email", lang): info[LEADER_EMAIL].get(unit_id, ""),
                          t("pack.file", lang): name})
        archive.writestr(INDEX_NAME, to_safe_csv(pd.DataFrame(index)))
    return chosen
