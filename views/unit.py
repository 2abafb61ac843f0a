"""Enhet: one unit, or a faculty as the sum of its units: place in the tree, advisors and their
training, case handlers' training, and the gaps with what to do about them."""

import streamlit as st

import state
from analysis.hierarchy import FACULTY_ID
from analysis.kpis import compute_kpis
from analysis.unit_view import (
    HAS_IT,
    IN_GRACE,
    LACKING,
    advisor_matrix,
    advisor_training,
    case_handler_training,
    child_rollup,
    process_cover,
    unit_options,
    unit_path,
    units_below,
)
from components.sidebar import page_lang
from components.text import plain
from components.url_state import (
    FACULTY_PARAM,
    UNIT_PARAM,
    asked_for,
    follow_url,
    open_view,
    write_url,
)
from i18n import (
    EN,
    gap_kind_label,
    kpi_label,
    label_set,
    portal_note,
    process_label,
    t,
)
from loaders.schema import (
    APPOINTED_DATE,
    EMPLOYEE_ID,
    NAME,
    POSITION,
    PROCESS,
    REQUIREMENT_ID,
    SOURCE,
    START_DATE,
    UNIT_ID,
    UNIT_NAME,
)

UNIT_KEY = "unit_choice"
DATE = st.column_config.DateColumn(format="DD.MM.YYYY")
def _open(unit_id: str) -> None:
    st.session_state[UNIT_KEY] = unit_id


def _open_selected_child(table_key: str, child_ids: list[str]) -> None:
    rows = st.session_state[table_key].selection.rows
    if rows:
        _open(child_ids[rows[0]])


lang = page_lang()
TABLE_LABELS = label_set("table", lang)
YES_NO = label_set("yes_no", lang)
STATES = label_set("handler_state", lang)


def _table(frame, columns: list[str], **config) -> None:
    st.dataframe(frame[columns].rename(columns=TABLE_LABELS), hide_index=True, width="stretch",
                 placeholder="",
                 column_config={TABLE_LABELS.get(c, c): v for c, v in config.items()})


def _of(part: int, whole: int) -> str:
    return t("of", lang, part=part, whole=whole)


def _option_label(label: str, rollup: bool) -> str:
    return label + t("unit.all_units", lang) if rollup else label


dataset, results = state.current()
if state.is_sample():
    st.info(t("sample", lang), icon=":material/science:")
options = unit_options(results.units)
labels = {u: _option_label(label, rollup) for u, label, rollup in zip(
    options[UNIT_ID], options["label"], options["rollup"], strict=True)}
names = dict(zip(results.units[UNIT_ID], results.units[UNIT_NAME], strict=True))
if asked_for(UNIT_PARAM) not in (None, *labels):
    st.warning(t("unit.not_found", lang), icon=":material/warning:")
follow_url(UNIT_PARAM, UNIT_KEY, lambda u: u if u in labels else None,
           options.loc[~options["rollup"], UNIT_ID].iloc[0])
if st.session_state[UNIT_KEY] not in labels:  # a unit remembered from other data
    st.session_state[UNIT_KEY] = options.loc[~options["rollup"], UNIT_ID].iloc[0]
unit = st.selectbox(t("unit", lang), list(labels), format_func=labels.get, key=UNIT_KEY)
write_url(UNIT_PARAM, UNIT_KEY, unit)

rollup = bool(options.loc[options[UNIT_ID] == unit, "rollup"].iloc[0])
unit_ids = units_below(results.units, unit) if rollup else [unit]
path = unit_path(results.units, unit)
st.title(plain(names[unit]))
st.caption(" › ".join(plain(f"{names.get(u, u)} ({u})") for u in path)
           + (t("unit.judged", lang, count=len(unit_ids)) if rollup else ""))
if len(path) > 1 and path[-2] in labels:
    st.button(t("unit.show_all", lang, name=plain(names[path[-2]])), on_click=_open,
              args=(path[-2],), icon=":material/arrow_upward:")

kpis = compute_kpis(results, set(unit_ids))
summary = results.unit_summary[results.unit_summary[UNIT_ID].isin(unit_ids)]
cover = process_cover(results, unit_ids)
columns = st.columns(5)
if rollup:
    columns[0].metric(kpi_label("compliant_units", lang), _of(kpis.compliant_units, kpis.units))
    columns[1].metric(t("unit.units_all_processes", lang),
                      _of(int((summary["missing_processes"] == 0).sum()), kpis.units))
else:
    columns[0].metric(t("unit.compliant", lang), YES_NO[bool(summary["compliant"].iloc[0])])
    columns[1].metric(t("unit.processes_covered", lang),
                      _of(int(cover["units_ok"].sum()), len(cover)))
columns[2].metric(t("unit.distinct", lang, count=results.config.min_distinct_advisors),
                  kpis.advisors)
columns[3].metric(kpi_label("advisors_fully_trained", lang),
                  _of(kpis.advisors_fully_trained, kpis.advisors))
columns[4].metric(kpi_label("case_handlers_trained", lang),
                  _of(kpis.case_handlers_trained, kpis.case_handlers_due))
st.caption(t("unit.computed", lang, date=f"{results.as_of:%d.%m.%Y}",
             staff=int(summary["staff"].sum())))

if rollup:
    st.subheader(t("unit.children", lang))
    children = child_rollup(results.units, results.unit_summary, unit)
    children["compliant"] = [
        YES_NO[bool(ok)] if n == 1 else _of(ok, n)
        for ok, n in zip(children["compliant_units"], children["units"], strict=True)]
    st.caption(t("unit.children_help", lang))
    table_key = f"children_of_{unit}"  # a fresh table per unit, so a selection is used once
    st.dataframe(
        children[[UNIT_ID, UNIT_NAME, "compliant", "staff", "advisors", "units_missing_process",
                  "advisors_missing_requirements"]].rename(columns=TABLE_LABELS),
        hide_index=True, width="stretch", key=table_key, on_select=lambda: _open_selected_child(
            table_key, list(children[UNIT_ID])), selection_mode="single-row")

st.subheader(t("unit.processes", lang))
cover[PROCESS] = cover[PROCESS].map(lambda p: process_label(p, lang))
if rollup:
    cover["units_ok"] = [_of(ok, n) for ok, n in zip(cover["units_ok"], cover["units"],
                                                     strict=True)]
    _table(cover, [PROCESS, "advisors", "units_ok"])
else:
    cover["units_ok"] = cover["units_ok"].map(lambda ok: "✔" if ok else t("unit.no_advisor", lang))
    _table(cover.rename(columns={"units_ok": "status"}), [PROCESS, "advisors", "status"],
           status=st.column_config.TextColumn(t("unit.status", lang)))

if not all(map(state.session_scope(results.units).names, unit_ids)):
    st.info(t("auth.names_elsewhere", lang), icon=":material/visibility_off:")
    st.stop()

st.subheader(t("unit.advisors", lang))
training = advisor_training(results, results.staff, unit_ids)
requirement_ids = list(dict.fromkeys(r.id for r in results.config.requirements
                                     if r.for_advisors))
if training.empty:
    st.warning(t("unit.no_advisors", lang), icon=":material/person_off:")
else:
    matrix = advisor_matrix(training, requirement_ids, label_set("advisor_state", lang),
                            label_set("process", lang), as_of=results.as_of,
                            portal_note=portal_note(lang))
    sources = label_set("source", lang)
    matrix[SOURCE] = matrix[SOURCE].map(
        lambda text: ", ".join(sources.get(s, s) for s in text.split(", ")))
    requirement_names = {r.id: r.name for r in results.config.requirements}
    shown = [*([UNIT_ID] if rollup else []), NAME, EMPLOYEE_ID, "processes", "source",
             APPOINTED_DATE, *requirement_ids]
    _table(matrix, shown, appointed_date=DATE, **{
        r: st.column_config.TextColumn(r, help=requirement_names[r]) for r in requirement_ids})
    st.caption(t("unit.legend", lang, days=results.config.expiring_within_days) + " "
               + t("portal.legend", lang))

handlers = case_handler_training(results, results.staff, unit_ids)
for requirement_id, rows in handlers.groupby(REQUIREMENT_ID, sort=False):
    # the case handlers' row of the id: the advisors' K3 may come first, with no grace period
    requirement = next(r for r in results.config.requirements
                       if r.id == requirement_id and not r.for_advisors)
    st.subheader(t("unit.case_handlers", lang,
                   requirement=f"{requirement.id} {plain(requirement.name)}"))
    counts = rows["state"].value_counts()
    columns = st.columns(3)
    for column, key in zip(columns, (LACKING, IN_GRACE, HAS_IT), strict=True):
        column.metric(STATES[key], int(counts.get(key, 0)))
    grace = results.config.grace_for(requirement)
    lacking = rows[rows["state"] == LACKING]
    if not lacking.empty:
        st.markdown(t("unit.lacking_help", lang, label=STATES[LACKING], days=grace))
        _table(lacking, [*([UNIT_ID] if rollup else []), NAME, EMPLOYEE_ID, POSITION,
                         START_DATE, "due_on"], start_date=DATE, due_on=DATE)
    waiting = rows[rows["state"] == IN_GRACE].sort_values("due_on")
    if not waiting.empty:
        st.markdown(t("unit.grace_help", lang, label=STATES[IN_GRACE],
                      due=TABLE_LABELS["due_on"]))
        _table(waiting, [*([UNIT_ID] if rollup else []), NAME, EMPLOYEE_ID, POSITION,
                         START_DATE, "due_on"], start_date=DATE, due_on=DATE)
    with st.expander(f"{STATES[HAS_IT]} ({int(counts.get(HAS_IT, 0))})"):
        _table(rows[rows["state"] == HAS_IT], [*([UNIT_ID] if rollup else []), NAME,
                                                EMPLOYEE_ID, POSITION, "completed_on"],
               completed_on=DATE)

st.subheader(t("unit.gaps", lang))
gaps = results.gaps[results.gaps[UNIT_ID].isin(unit_ids)]
if gaps.empty:
    st.success(t("unit.no_gaps", lang), icon=":material/check_circle:")
else:
    actions = state.actions(lang).loc[gaps.index]
    actions["kind"] = actions["kind"].map(lambda k: gap_kind_label(k, lang))
    actions[PROCESS] = actions[PROCESS].map(
        lambda text: "; ".join(process_label(p, lang) for p in text.split("; ")) if text else "")
    _table(actions, [*([UNIT_ID] if rollup else []), "kind", PROCESS, NAME, EMPLOYEE_ID,
                     REQUIREMENT_ID, "action"], kind=st.column_config.TextColumn(width=180),
           process=st.column_config.TextColumn(width=200 if lang == EN else 110),
           name=st.column_config.TextColumn(width=150),
           employee_id=st.column_config.TextColumn(width=90),
           requirement_id=st.column_config.TextColumn(width=95 if lang == EN else 45),
           action=st.column_config.TextColumn(width=900))
    faculty_ids = set(options.loc[~options["rollup"], FACULTY_ID])
    params = ({UNIT_PARAM: unit} if not rollup
              else {FACULTY_PARAM: unit} if unit in faculty_ids else {})
    if st.button(t("unit.open_gaps", lang), icon=":material/checklist:"):
        open_view("views/gaps.py", **params)
