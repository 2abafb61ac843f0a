"""Kompetansematrise: every advisor and case handler × requirement, with expiry and grace."""

import streamlit as st

import state
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties
from analysis.matrix import (
    ADVISOR,
    PROCESSES,
    ROLES,
    SYMBOLS,
    competency_matrix,
    filter_matrix,
    requirement_ids,
    symbol_counts,
    with_words,
)
from components.sidebar import page_lang
from components.signin import audited
from components.text import unit_label
from components.url_state import FACULTY_PARAM, PROCESS_PARAM, ROLE_PARAM, UNIT_PARAM, url_selectbox
from exports.csv_export import to_safe_csv
from i18n import portal_note, process_label, t
from loaders.schema import CASE_HANDLER, EMPLOYEE_ID, NAME, UNIT_ID, UNIT_NAME

# Light Okabe–Ito tints behind the symbols, so the colour only repeats what the symbol says.
CELL_COLOURS = {"✖": "background-color: #F9D29B", "⚠": "background-color: #FBF3A6",
                "⏳": "background-color: #CFE8F7"}

lang = page_lang()
dataset, results = state.current()
st.title(t("matrix.title", lang))
if state.is_sample():
    st.info(t("sample", lang), icon=":material/science:")
st.caption(t("matrix.intro", lang, date=f"{results.as_of:%d.%m.%Y}"))


def url_choice(column, label: str, options: list[str], param: str, key: str, format_func,
               hint: str | None = None) -> str:
    """A filter in the URL; the first option (everyone) leaves it out."""
    return url_selectbox(label, options, param, key, format_func, container=column, help=hint)


groups = faculties(results.units)
judged = results.unit_summary[[UNIT_ID, UNIT_NAME]].merge(groups, on=UNIT_ID)
seen = state.session_scope(results.units)
if not seen.everything:  # the people of other units are in the figures, not in the lists
    judged = judged[judged[UNIT_ID].map(seen.names)]
    st.caption(t("auth.your_units", lang))
faculty_names = dict(zip(judged[FACULTY_ID], judged[FACULTY_NAME], strict=True))
everyone = t("all", lang)

role_column, faculty_column, unit_column, process_column, days_column = st.columns(
    [1.3, 1.3, 1.6, 1, 0.9])
role = url_choice(role_column, t("role", lang), list(ROLES), ROLE_PARAM, "matrix_role",
                  lambda r: t(f"matrix.role.{r}", lang))
faculty = url_choice(faculty_column, t("faculty", lang),
                     ["", *sorted(faculty_names, key=faculty_names.get)], FACULTY_PARAM,
                     "matrix_faculty", lambda f: faculty_names.get(f, everyone))
units = judged if not faculty else judged[judged[FACULTY_ID] == faculty]
unit_names = {u: unit_label(n, u) for u, n in zip(units[UNIT_ID], units[UNIT_NAME], strict=True)}
unit = url_choice(unit_column, t("unit", lang),
                  ["", *sorted(unit_names, key=unit_names.get)], UNIT_PARAM, "matrix_unit",
                  lambda u: unit_names.get(u, everyone))
process = url_choice(process_column, t("process", lang), ["", *results.config.processes],
                     PROCESS_PARAM, "matrix_process",
                     lambda p: process_label(p, lang) if p else everyone,
                     t("matrix.process_help", lang))
days = int(days_column.number_input(t("matrix.days", lang), min_value=0, max_value=3650,
                                    value=results.config.expiring_within_days, step=10,
                                    key="matrix_days"))

ids = requirement_ids(results)
matrix = filter_matrix(competency_matrix(dataset, results, days, portal_note(lang)), role,
                       faculty or None, unit or None, process or None)
if not seen.everything:
    matrix = matrix[matrix[UNIT_ID].isin(judged[UNIT_ID])]
counts = symbol_counts(matrix, ids)
columns = st.columns(4)
columns[0].metric(t("matrix.people", lang), len(matrix))
columns[1].metric(t("matrix.missing", lang), counts[SYMBOLS["missing"]])
columns[2].metric(t("matrix.expiring", lang, days=days), counts[SYMBOLS["expiring"]])
columns[3].metric(t("matrix.grace", lang), counts[SYMBOLS["grace"]])
st.caption(t("matrix.legend", lang, days=days) + " " + t("portal.legend", lang))

if matrix.empty:
    st.info(t("matrix.empty", lang), icon=":material/filter_alt_off:")
    st.stop()

names = {r.id: r.name for r in results.config.requirements}
headers = {FACULTY_ID: t("faculty_short", lang), UNIT_NAME: t("unit", lang), NAME: t("name", lang),
           EMPLOYEE_ID: t("employee_id", lang), ADVISOR: t("matrix.advisor", lang),
           CASE_HANDLER: t("matrix.case_handler", lang),
           PROCESSES: t("matrix.processes", lang)}
shown = matrix[[FACULTY_ID, UNIT_NAME, NAME, *ids, ADVISOR, CASE_HANDLER, PROCESSES,
                 EMPLOYEE_ID]]
st.dataframe(
    shown.style.map(lambda text: CELL_COLOURS.get(text.split(" ")[0], ""), subset=ids),
    hide_index=True, width="stretch", height="content" if len(shown) <= 25 else 700,
    column_config={
        FACULTY_ID: st.column_config.TextColumn(headers[FACULTY_ID], width="small"),
        UNIT_NAME: st.column_config.TextColumn(headers[UNIT_NAME], width=230),
        NAME: st.column_config.TextColumn(headers[NAME], width=170),
        EMPLOYEE_ID: st.column_config.TextColumn(headers[EMPLOYEE_ID], width="small"),
        ADVISOR: st.column_config.CheckboxColumn(headers[ADVISOR], width="small"),
        CASE_HANDLER: st.column_config.CheckboxColumn(headers[CASE_HANDLER], width="small"),
        PROCESSES: st.column_config.TextColumn(headers[PROCESSES], width="medium"),
        **{rid: st.column_config.TextColumn(rid, help=names[rid], width=185) for rid in ids},
    },
)
export = with_words(matrix, t("yes", lang), t("no", lang))
export_headers = {FACULTY_ID: headers[FACULTY_ID], UNIT_ID: t("unit_id", lang),
                  **{column: label for column, label in headers.items() if column != FACULTY_ID}}
matrix_file = t("matrix.file", lang)
st.download_button(
    t("matrix.download", lang), on_click=audited(matrix_file), mime="text/csv",
    data=to_safe_csv(export[[*export_headers, *ids]].rename(columns=export_headers)),
    file_name=matrix_file, icon=":material/download:")
