"""The meeting's figures in words: headline figures and the top gaps table, small groups as
"<limit" and figures hidden as complements as "skjult"/"hidden" (analysis.suppression says
which), in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.config import ADVISORS_AUDIENCE, CASE_HANDLERS_AUDIENCE
from analysis.hierarchy import FACULTY_ID
from analysis.kpis import compute_kpis
from analysis.results import Results
from analysis.suppression import (
    GAP_TABLE_COLUMNS,
    KPI_ADVISORS,
    KPI_ADVISORS_TRAINED,
    KPI_HANDLERS_DUE,
    KPI_HANDLERS_TRAINED,
    TOTAL_ADVISORS_LACKING,
    TOTAL_HANDLERS_LACKING,
    ComplianceChange,
    meeting_cells,
    share_text,
    small_group_label,
)
from i18n import NB, kpi_label, process_label, t
from loaders.schema import UNIT_ID, UNIT_NAME


def suppress_fraction(part: int, whole: int, limit: int, lang: str = NB) -> str:
    """"part av whole" for a group of persons; "<limit" when the group is under the limit."""
    return small_group_label(limit) if 0 < whole < limit else t("of", lang, part=part,
                                                                 whole=whole)


@dataclass(frozen=True)
class MeetingKpi:
    """One headline figure as shown to a meeting: a label, the value and a share beside it."""

    label: str
    value: str
    note: str


def meeting_kpis(results: Results, unit_ids: set[str], lang: str = NB) -> list[MeetingKpi]:
    """The overview's headline figures for some units, with small person groups suppressed
    and their complements hidden (the same for any length of the gap table beside them)."""
    return meeting_figures(results, unit_ids, lang=lang).kpis


def meeting_gap_table(results: Results, unit_ids: set[str], n: int = 8,
                      lang: str = NB) -> pd.DataFrame:
    """The top units' gaps as text cells, small person groups suppressed, and an honest total
    row for all units in view (persons counted once however many units they are in)."""
    return meeting_figures(results, unit_ids, n, lang).gaps


@dataclass(frozen=True)
class MeetingFigures:
    """The headline figures and the top gaps table as the meeting sees them."""

    kpis: list[MeetingKpi]
    gaps: pd.DataFrame
    # (unit_id, audience) whose per-unit figures were hidden as complements: the unit's shares
    # for that audience must be hidden beside them too (see training_by_unit)
    withheld: frozenset
    # some figure here or beside it reads "skjult"/"hidden": the reader needs the note on it
    any_withheld: bool = False


def meeting_figures(results: Results, unit_ids: set[str], n: int = 8,
                    lang: str = NB) -> MeetingFigures:
    """Headline figures and the n-row gap table, small groups shown as "<limit" and the
    figures that would give them away shown as hidden (see meeting_cells)."""
    limit = results.config.small_group_limit
    cells = meeting_cells(results, unit_ids, n)
    value = cells.values
    small_label, withheld_label = small_group_label(limit), t("meeting.withheld", lang)

    def count(cell) -> str:
        if cell in cells.small:
            return small_label
        return withheld_label if cell in cells.withheld else str(value[cell])

    def fraction(part, whole) -> str:
        if cells.hidden(part) or cells.hidden(whole):
            return small_label if {part, whole} & cells.small else withheld_label
        return t("of", lang, part=value[part], whole=value[whole])

    def people(key: str, part, whole, complement) -> MeetingKpi:
        if not cells.hidden(part):
            return MeetingKpi(kpi_label(key, lang), fraction(part, whole),
                              share_text(value[part], value[whole]))
        if part not in cells.small and complement in cells.small and not cells.hidden(whole):
            # Hidden only because the complement is "<5": that much is known already.
            return MeetingKpi(kpi_label(key, lang), t("meeting.all_but", lang,
                                                      hidden=small_label), "")
        note = small_label if part in cells.small else ""  # a small group's share is "<5" too
        return MeetingKpi(kpi_label(key, lang), count(part), note)

    kpis = compute_kpis(results, unit_ids)
    headline = [
        MeetingKpi(kpi_label("units", lang), str(kpis.units), ""),
        MeetingKpi(kpi_label("compliant_units", lang),
                   t("of", lang, part=kpis.compliant_units, whole=kpis.units),
                   share_text(kpis.compliant_units, kpis.units)),
        MeetingKpi(kpi_label("advisors", lang), str(kpis.advisors), ""),
        people("advisors_fully_trained", KPI_ADVISORS_TRAINED, KPI_ADVISORS,
               TOTAL_ADVISORS_LACKING),
        people("case_handlers_trained", KPI_HANDLERS_TRAINED, KPI_HANDLERS_DUE,
               TOTAL_HANDLERS_LACKING),
    ]
    missing = cells.top.assign(missing_names=[
        ", ".join(process_label(p, lang, short=True) for p in processes)
        for processes in cells.top["missing"]])
    rows = [{
        "faculty": row[FACULTY_ID],
        "unit": row[UNIT_NAME],
        "missing": row["missing_names"] or "–",
        "advisors": str(row["advisors"]),
        "advisors_lacking": count((row[UNIT_ID], "advisors_lacking")),
        "case_handlers_lacking": fraction((row[UNIT_ID], "case_handlers_lacking"),
                                          (row[UNIT_ID], "case_handlers_due")),
    } for _, row in missing.iterrows()]
    rows.append({
        "faculty": "",
        "unit": t("meeting.all_units", lang, count=cells.units),
        "missing": t("meeting.in_total", lang, count=cells.missing_processes),
        "advisors": str(kpis.advisors),
        "advisors_lacking": count(TOTAL_ADVISORS_LACKING),
        "case_handlers_lacking": fraction(TOTAL_HANDLERS_LACKING, KPI_HANDLERS_DUE),
    })
    units = set(cells.top[UNIT_ID])
    withheld = frozenset(
        (unit, ADVISORS_AUDIENCE if column == "advisors_lacking" else CASE_HANDLERS_AUDIENCE)
        for unit, column in cells.withheld if unit in units)
    gaps = pd.DataFrame(rows, columns=GAP_TABLE_COLUMNS)
    shown = [*(kpi.value for kpi in headline), *gaps.to_numpy().ravel()]
    return MeetingFigures(headline, gaps, withheld,
                          any_withheld=bool(withheld) or withheld_label in shown)


def change_text(change: ComplianceChange, date: str, lang: str = NB) -> str:
    """The change in compliant units since the snapshot of `date`, as one sentence."""
    return t("meeting.change", lang, date=date, before=change.before, now=change.now,
             became=change.became, stopped=change.stopped)
