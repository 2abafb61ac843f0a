"""Avvik og tiltak: every gap with a suggested action, counted per kind, filtered through the
URL, exported as CSV, and the ranked candidates for a unit that needs an advisor."""

from collections.abc import Callable

import streamlit as st

import state
from analysis.candidates import (
    SHORTAGE_KINDS,
    gaps_for_process,
    rank_candidates,
)
from analysis.gap_groups import gap_groups
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties
from analysis.results import CASE_HANDLER_MISSING_REQUIREMENT, GAP_KINDS
from components.sidebar import page_lang
from components.signin import audited
from components.text import person_label, plain
from components.url_state import (
    FACULTY_PARAM,
    KIND_PARAM,
    PROCESS_PARAM,
    UNIT_PARAM,
    url_selectbox,
)
from exports.csv_export import to_safe_csv
from i18n import (
    ALL,
    EN,
    gap_kind_label,
    label_set,
    process_in_text,
    process_label,
    t,
)
from loaders.schema import (
    CASE_HANDLER,
    EMPLOYEE_ID,
    NAME,
    POSITION,
    PROCESS,
    REQUIREMENT_ID,
    START_DATE,
    UNIT_ID,
    UNIT_NAME,
)

EXPORTED = ["kind", FACULTY_ID, FACULTY_NAME, UNIT_ID, UNIT_NAME, PROCESS, EMPLOYEE_ID, NAME,
            REQUIREMENT_ID, "action"]
ON_SCREEN = ["kind", UNIT_NAME, PROCESS, NAME, EMPLOYEE_ID, REQUIREMENT_ID, "action"]
# Beyond this many units with gaps, the per-unit sections stop; a filter narrows the rest.
MAX_UNIT_SECTIONS = 80
# Up to this many case handlers lacking a course are listed in their unit's section; more sit
# behind a button (a popover per unit cost the browser a fifth of a page switch).
PEOPLE_IN_LINE = 10


lang = page_lang()
TABLE_LABELS = label_set("table", lang)
# Pixels: the English process names and "Requirement" are longer than the bokmål ones.
PROCESS_WIDTH, REQUIREMENT_WIDTH = (200, 95) if lang == EN else (110, 45)


def _url_choice(label: str, options: list[str], param: str, key: str,
                format_func: Callable[[str], str]) -> str:
    """A filter in the URL whose first option, ALL, shows as "Alle"/"All"."""
    return url_selectbox(label, options, param, key,
                         lambda o: t("all", lang) if o == ALL else format_func(o))


dataset, results = state.current()
st.title(t("gaps.title", lang))
if state.is_sample():
    st.info(t("sample", lang), icon=":material/science:")

groups = faculties(results.units)
units = results.unit_summary[[UNIT_ID, UNIT_NAME]].merge(groups, on=UNIT_ID, how="left")
actions = state.actions(lang).merge(
    units, on=UNIT_ID, how="left")
seen = state.session_scope(results.units)
if not seen.everything:  # the people of other units are in the figures, not in the lists
    units = units[units[UNIT_ID].map(seen.names)]
    actions = actions[actions[UNIT_ID].map(seen.names)]
    st.caption(t("auth.your_units", lang))
faculty_names = dict(zip(units[FACULTY_ID], units[FACULTY_NAME], strict=False))

columns = st.columns(4)
with columns[0]:
    kind = _url_choice(t("gaps.kind", lang), [ALL, *GAP_KINDS], KIND_PARAM, "gaps_kind",
                       lambda k: gap_kind_label(k, lang))
with columns[1]:
    faculty = _url_choice(t("faculty", lang),
                          [ALL, *sorted(faculty_names, key=faculty_names.get)], FACULTY_PARAM,
                          "gaps_faculty", lambda f: faculty_names.get(f, f))
in_faculty = units if faculty == ALL else units[units[FACULTY_ID] == faculty]
unit_labels = {u: f"{n} ({u})" for u, n in zip(in_faculty[UNIT_ID], in_faculty[UNIT_NAME],
                                                strict=True)}
with columns[2]:
    unit = _url_choice(t("unit", lang), [ALL, *sorted(unit_labels, key=unit_labels.get)],
                       UNIT_PARAM, "gaps_unit", lambda u: unit_labels.get(u, u))
with columns[3]:
    process = _url_choice(t("process", lang), [ALL, *results.config.processes], PROCESS_PARAM,
                          "gaps_process", lambda p: process_label(p, lang))

scope = actions
if faculty != ALL:
    scope = scope[scope[FACULTY_ID] == faculty]
if unit != ALL:
    scope = scope[scope[UNIT_ID] == unit]
if process != ALL:
    scope = scope[gaps_for_process(scope, results.advisors, process)]
counts = scope["kind"].value_counts()
for column, gap_kind in zip(st.columns(len(GAP_KINDS)), GAP_KINDS, strict=True):
    column.metric(gap_kind_label(gap_kind, lang), int(counts.get(gap_kind, 0)))
if process != ALL:
    st.caption(t("gaps.process_note", lang, process=process_in_text(process, lang)))

shown = scope if kind == ALL else scope[scope["kind"] == kind]
export = shown[EXPORTED].assign(
    kind=shown["kind"].map(lambda k: gap_kind_label(k, lang)),
    process=shown[PROCESS].map(lambda p: "; ".join(process_label(x, lang)
                                                   for x in p.split("; ")) if p else ""),
)
st.caption(t("gaps.showing", lang, shown=len(shown), total=len(actions),
             date=f"{results.as_of:%d.%m.%Y}"))


def _person(name: str, employee_id: str) -> str:
    return person_label(name, employee_id) if employee_id else ""


def _lines(rows) -> list[str]:
    """One line per gap: who or which process, then the action, as plain text."""
    lines = []
    for name, employee_id, process, action in zip(
            rows[NAME].tolist(), rows[EMPLOYEE_ID].tolist(), rows[PROCESS].tolist(),
            rows["action"].tolist(), strict=True):
        # the action names the requirement already
        what = _person(name, employee_id) or (process_label(process, lang) if process else "")
        lines.append(f"{what}: {action}" if what else action)
    return lines


def _case_handlers(rows, people: int) -> tuple[list[str], str]:
    """Case handlers lacking a course: the paragraphs for the unit's section (one line for
    the unit, its actions, and the people unless there are many) and the list of people."""
    requirements = ", ".join(dict.fromkeys(rows[REQUIREMENT_ID].tolist()))
    missing: dict[str, list[str]] = {}
    for name, employee_id, requirement in zip(rows[NAME].tolist(), rows[EMPLOYEE_ID].tolist(),
                                              rows[REQUIREMENT_ID].tolist(), strict=True):
        missing.setdefault(_person(name, employee_id), []).append(requirement)
    listed = "\n".join(f"- {plain(person)}: {plain(', '.join(requirements))}"
                       for person, requirements in missing.items())
    text = [plain(t("gaps.case_handlers", lang, count=people, requirements=requirements)),
            "\n".join(f"- {plain(action)}" for action in dict.fromkeys(rows["action"].tolist()))]
    if people <= PEOPLE_IN_LINE:
        text += [t("gaps.the_people", lang), listed]
    return text, listed


order = units.sort_values([FACULTY_NAME, UNIT_NAME])[UNIT_ID].tolist()
groups = gap_groups(shown, order)
with_gaps = list(dict.fromkeys(groups[UNIT_ID]))
st.subheader(t("gaps.per_unit", lang))
if len(with_gaps) > MAX_UNIT_SECTIONS:
    st.caption(t("gaps.first_units", lang, shown=MAX_UNIT_SECTIONS, total=len(with_gaps)))
names = dict(zip(units[UNIT_ID], units[UNIT_NAME], strict=True))
# one pass over the rows and the groups, not one filter per unit's section
rows_of = dict(list(shown.groupby([UNIT_ID, "kind"], sort=False)))
groups_of: dict[str, list[dict]] = {}
for group in groups.to_dict("records"):
    groups_of.setdefault(group[UNIT_ID], []).append(group)
for unit_id in with_gaps[:MAX_UNIT_SECTIONS]:
    in_unit = groups_of[unit_id]
    summary = ", ".join(f"{gap_kind_label(g['kind'], lang)}: {g['people'] or g['gaps']}"
                        for g in in_unit)
    label = f"{names.get(unit_id, unit_id)} ({unit_id}) · {summary}"
    with st.expander(plain(label), expanded=len(with_gaps) == 1):
        # a section's text in as few elements as it can: the browser's work on a page switch
        # grows with the elements (there were 400 on the sample's page)
        text: list[str] = []
        for group in in_unit:
            rows = rows_of[(unit_id, group["kind"])]
            text.append(f"**{plain(gap_kind_label(group['kind'], lang))}**")
            if group["kind"] != CASE_HANDLER_MISSING_REQUIREMENT:
                text.append("\n".join(f"- {plain(line)}" for line in _lines(rows)))
                continue
            paragraphs, listed = _case_handlers(rows, group["people"])
            text += paragraphs
            if group["people"] > PEOPLE_IN_LINE:
                st.markdown("\n\n".join(text))
                text = []
                # a list, not a table: a data grid per unit took half the page's run, and
                # the browser built one grid for every unit's popover
                with st.popover(t("gaps.show_people", lang, count=group["people"]),
                                icon=":material/group:"):
                    st.markdown(listed)
        if text:
            st.markdown("\n\n".join(text))

with st.expander(t("gaps.all_rows", lang, count=len(shown))):
    on_screen = export.assign(unit_name=export[UNIT_NAME] + " (" + export[UNIT_ID] + ")")
    st.dataframe(on_screen[ON_SCREEN].rename(columns=TABLE_LABELS), hide_index=True,
                 width="stretch", column_config={
                     TABLE_LABELS["kind"]: st.column_config.TextColumn(width=180),
                     TABLE_LABELS[UNIT_NAME]: st.column_config.TextColumn(width=230),
                     TABLE_LABELS[PROCESS]: st.column_config.TextColumn(width=PROCESS_WIDTH),
                     TABLE_LABELS[NAME]: st.column_config.TextColumn(width=150),
                     TABLE_LABELS[EMPLOYEE_ID]: st.column_config.TextColumn(width=90),
                     TABLE_LABELS[REQUIREMENT_ID]: st.column_config.TextColumn(
                         width=REQUIREMENT_WIDTH),
                     TABLE_LABELS["action"]: st.column_config.TextColumn(width=900)})
gaps_file = t("gaps.file", lang, date=f"{results.as_of:%Y-%m-%d}")
st.download_button(t("gaps.download", lang),
                   to_safe_csv(export.rename(columns=TABLE_LABELS)),
                   file_name=gaps_file, on_click=audited(gaps_file),
                   mime="text/csv", icon=":material/download:", disabled=shown.empty)

st.subheader(t("gaps.candidates", lang))
shortages = shown[shown["kind"].isin(SHORTAGE_KINDS)].drop_duplicates([UNIT_ID, PROCESS])
if shortages.empty:
    st.caption(t("gaps.no_shortage", lang))
else:
    keys = [f"{u}|{p}" for u, p in zip(shortages[UNIT_ID], shortages[PROCESS], strict=True)]
    described = {
        key: f"{name} ({u}): " + (t("gaps.missing_for", lang, process=process_in_text(p, lang))
                                   if p else t("gaps.too_few", lang))
        for key, u, name, p in zip(keys, shortages[UNIT_ID], shortages[UNIT_NAME],
                                   shortages[PROCESS], strict=True)}
    chosen = st.selectbox(t("gaps.gap", lang), keys, format_func=described.get,
                          key="gaps_candidates_for")
    chosen_unit, chosen_process = chosen.rsplit("|", 1)  # processes never contain "|"
    candidates = rank_candidates(results.staff, results.advisors, results.person_status,
                                 results.config, chosen_unit, chosen_process or None)
    st.caption(t("gaps.ranking", lang))
    candidates[CASE_HANDLER] = candidates[CASE_HANDLER].map(label_set("yes_no", lang))
    candidates["advisor_for"] = candidates["advisor_for"].map(
        lambda text: ", ".join(process_label(p, lang) for p in text.split(", ")) if text
        else "")
    st.dataframe(candidates[[NAME, EMPLOYEE_ID, POSITION, CASE_HANDLER, START_DATE,
                             "advisor_for", "lacking", "lacking_requirements"]]
                 .rename(columns=TABLE_LABELS), hide_index=True, width="stretch",
                 column_config={TABLE_LABELS[START_DATE]: st.column_config.DateColumn(
                     format="DD.MM.YYYY")})
