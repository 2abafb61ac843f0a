"""Tiltaksplan: the fewest actions that make every unit compliant (analysis.plan) with the
owner's options, its cost per unit and its tasks, as Excel and as unit packs, and opened in
What-if with every action chosen."""

import io

import streamlit as st

import state
from analysis.plan import (
    ACTIONS,
    APPOINT,
    AS_CASE_HANDLER,
    ENROL,
    PREFER_APPOINTMENTS,
    PREFER_ENROLMENTS,
    PREFER_NONE,
    RELIEVE,
    plan_choices,
)
from components import whatif_choices
from components.sidebar import page_lang
from components.signin import audited
from components.text import person_label, unit_label
from components.url_state import UNIT_PARAM, open_view
from exports.plan_excel import write_plan
from exports.unit_packs import write_unit_packs
from i18n import t
from loaders.schema import EMPLOYEE_ID, NAME, UNIT_ID, UNIT_NAME
from wording.plan import task_list

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREFERENCES = (PREFER_NONE, PREFER_APPOINTMENTS, PREFER_ENROLMENTS)

lang = page_lang()
dataset, results = state.current()
sample = state.is_sample()
st.title(t("plan.title", lang))
if sample:
    st.info(t("sample", lang), icon=":material/science:")
st.caption(t("plan.intro", lang))

summary = results.unit_summary
seen = state.session_scope(results.units)
visible = [u for u in summary[UNIT_ID] if seen.names(u)]  # the plan shows only named units
if not seen.everything:
    st.caption(t("auth.your_units", lang))
if not visible:
    st.info(t("auth.your_units", lang), icon=":material/visibility_off:")
    st.stop()
labels = {u: unit_label(n, u) for u, n in zip(summary[UNIT_ID], summary[UNIT_NAME], strict=True)}
staff = results.staff[results.staff[UNIT_ID].isin(visible)].drop_duplicates(EMPLOYEE_ID)
people = dict(zip(staff[EMPLOYEE_ID], staff[NAME], strict=True))

units_column, people_column, prefer_column = st.columns([2, 2, 1])
left_out = units_column.multiselect(
    t("plan.left_out", lang), sorted(visible, key=labels.get), format_func=labels.get,
    help=t("plan.left_out_help", lang), placeholder=t("plan.choose_units", lang),
    select_all=False, key="plan_left_out")
locked = people_column.multiselect(
    t("plan.locked", lang), sorted(people, key=lambda p: (people[p], p)),
    format_func=lambda p: person_label(people[p], p), help=t("plan.locked_help", lang),
    placeholder=t("plan.choose_people", lang), select_all=False, key="plan_locked")
prefer = prefer_column.radio(t("plan.prefer", lang), PREFERENCES,
                             format_func=lambda p: t(f"plan.prefer.{p}", lang), key="plan_prefer")

whole, after = state.plan(left_out, locked, prefer)
plan = whole.of_units(visible)
actions = plan.actions
counts = actions["action"].value_counts()
compliant_now = int(summary.loc[summary[UNIT_ID].isin(visible), "compliant"].sum())
compliant_after = int(after.loc[after[UNIT_ID].isin(visible), "compliant"].sum())

total, appointments, reliefs, enrolments, compliance = st.columns(5)
total.metric(t("plan.actions", lang), len(actions))
appointments.metric(t(f"plan.kind.{APPOINT}", lang), int(counts.get(APPOINT, 0)))
reliefs.metric(t(f"plan.kind.{RELIEVE}", lang), int(counts.get(RELIEVE, 0)))
enrolments.metric(t(f"plan.kind.{ENROL}", lang), int(counts.get(ENROL, 0)))
compliance.metric(t("plan.compliant_after", lang),
                  t("plan.compliant_after_value", lang, now=compliant_now,
                    after=compliant_after, units=len(visible)),
                  help=t("plan.compliant_after_help", lang))
case_handlers = int(((actions["action"] == ENROL) & (actions["role"] == AS_CASE_HANDLER)).sum())
if case_handlers:
    st.caption(t("plan.of_them_case_handlers", lang, count=case_handlers))
if not plan.unsolvable.empty:
    st.warning(t("plan.unsolvable", lang, units="; ".join(
        t("plan.unsolvable_unit", lang, unit=labels.get(u, u), people=int(n))
        for u, n in zip(plan.unsolvable[UNIT_ID], plan.unsolvable["people"], strict=True))),
        icon=":material/warning:")
if actions.empty:
    st.success(t("plan.nothing", lang))
    st.stop()


def _excel() -> bytes:
    buffer = io.BytesIO()
    write_plan(plan, results, buffer, lang=lang, sample=sample)
    return buffer.getvalue()


def _packs() -> bytes:
    buffer = io.BytesIO()
    write_unit_packs(results, plan, buffer, visible, lang, sample=sample)
    return buffer.getvalue()


stamp = f"{results.as_of:%Y-%m-%d}"
plan_file = t("plan.file", lang, date=stamp)
packs_file = t("plan.packs_file", lang, date=stamp)
open_column, excel_column, packs_column = st.columns(3)
if open_column.button(t("plan.open_whatif", lang), help=t("plan.open_whatif_help", lang),
                      type="primary", icon=":material/tune:", width="stretch"):
    whatif_choices.replace_all(plan_choices(plan))
    open_view("views/whatif.py", **{UNIT_PARAM: actions[UNIT_ID].iloc[0]})
excel_column.download_button(t("plan.download", lang), _excel, plan_file, XLSX,
                             on_click=audited(plan_file), icon=":material/table:",
                             width="stretch")
packs_column.download_button(t("plan.packs", lang), _packs, packs_file, "application/zip",
                             on_click=audited(packs_file), help=t("plan.packs_help", lang),
                             icon=":material/folder_zip:", width="stretch")

st.subheader(t("plan.cost", lang))
cost = plan.cost().sort_values("actions", ascending=False, kind="stable")
st.dataframe(cost.assign(**{UNIT_ID: cost[UNIT_ID].map(labels)}), hide_index=True,
             width="stretch", column_config={
                 UNIT_ID: t("plan.col.unit", lang),
                 **{kind: t(f"plan.kind.{kind}", lang) for kind in ACTIONS},
                 "actions": t("plan.col.actions", lang)})

st.subheader(t("plan.tasks", lang))
tasks = task_list(plan, results, lang)
with_tasks = list(dict.fromkeys(tasks[UNIT_ID]))
shown_unit = st.selectbox(t("plan.show_unit", lang), [None, *with_tasks],
                          format_func=lambda u: t("plan.all_units", lang) if u is None
                          else labels.get(u, u), key="plan_unit")
if shown_unit is not None:
    tasks = tasks[tasks[UNIT_ID] == shown_unit]
st.dataframe(
    tasks.assign(person=[person_label(n, p) for n, p in zip(tasks[NAME], tasks[EMPLOYEE_ID],
                                                             strict=True)]),
    hide_index=True, width="stretch",
    column_order=[UNIT_NAME, "task", "person", "deadline", "responsible"],
    column_config={UNIT_NAME: t("plan.col.unit", lang), "task": t("plan.col.task", lang),
                   "person": t("plan.col.person", lang),
                   "deadline": st.column_config.DateColumn(t("plan.col.deadline", lang),
                                                           format="DD.MM.YYYY"),
                   "responsible": t("plan.col.responsible", lang)})
