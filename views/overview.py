"""Oversikt: the headline figures, the two coverage heatmaps and the roll-up by faculty."""

import streamlit as st

import state
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME
from analysis.kpis import Kpis
from charts.heatmaps import (
    clicked_unit,
    make_process_heatmap,
    make_requirement_heatmap,
    split_headings,
)
from charts.meeting import make_coverage_rollup_heatmap, make_suppressed_share_heatmap
from components.sidebar import page_lang
from components.url_state import (
    FACULTY_PARAM,
    ONLY_GAPS_PARAM,
    UNIT_PARAM,
    open_view,
    url_selectbox,
    url_toggle,
)
from i18n import ALL, kpi_label, t
from loaders.schema import CASE_HANDLER, STAFF
from wording.meeting import change_text

lang = page_lang()
dataset, results = state.current()
st.title(t("overview.title", lang))
if state.is_sample():
    st.info(t("sample", lang), icon=":material/science:")
if not dataset.has_column(STAFF, CASE_HANDLER):
    st.warning(t("no_case_handler_column", lang), icon=":material/groups:")

# Rows scroll in a box this high under headings that stay put: a week's look at 65 units
# should not lose the column names after the first screen.
ROWS_BOX_HEIGHT = 560

faculty_names = state.overview(None).faculty_names
options = [ALL, *sorted(faculty_names, key=faculty_names.get)]
pick, only = st.columns([3, 2], vertical_alignment="bottom")
faculty = url_selectbox(t("faculty", lang), options, FACULTY_PARAM, "faculty_filter",
                        lambda f: t("all", lang) if f == ALL else faculty_names[f],
                        container=pick)
with only:
    only_gaps = url_toggle(t("overview.only_gaps", lang), ONLY_GAPS_PARAM, "only_gaps",
                           help=t("overview.only_gaps_help", lang))
tables = state.overview(None if faculty == ALL else faculty, only_gaps)
kpis, order = tables.kpis, tables.order


def _percent(part: int, whole: int) -> str:
    share = Kpis.share(part, whole)
    return "–" if share is None else f"{share:.0%}"


def _open_clicked_unit(event) -> None:
    """A click on a heatmap cell opens that unit's page, the unit carried in the URL."""
    unit = clicked_unit(event.selection)
    if unit:
        open_view("views/unit.py", **{UNIT_PARAM: unit})


def _heatmap(figure, key: str) -> None:
    """Column headings, then the rows in a scrolling box; a click opens the unit."""
    headings, rows = split_headings(figure)
    # theme=None: Streamlit's theme greys the labels and cell numbers; plotly's are darker
    st.plotly_chart(headings, width="stretch", key=f"{key}_headings", theme=None,
                    config={"displayModeBar": False, "staticPlot": True})
    tall = rows.layout.height > ROWS_BOX_HEIGHT
    box = st.container(height=ROWS_BOX_HEIGHT if tall else "content", border=False)
    _open_clicked_unit(box.plotly_chart(rows, width="stretch", key=key, theme=None,
                                        on_select="rerun",
                                        selection_mode="points"))


change = state.change_since_previous(tables.unit_ids)

# three to a row: a university's "2273 av 3366" does not fit a fifth of the page ("2273 av 3…")
columns = [*st.columns(3), *st.columns(3)]
columns[0].metric(kpi_label("units", lang), kpis.units)
for column, key, part, whole in (
    (columns[1], "compliant_units", kpis.compliant_units, kpis.units),
    (columns[3], "advisors_fully_trained", kpis.advisors_fully_trained, kpis.advisors),
    (columns[4], "case_handlers_trained", kpis.case_handlers_trained, kpis.case_handlers_due),
):
    delta = _percent(part, whole)
    if key == "compliant_units" and change is not None:
        date, compliance = change
        delta = t("overview.since", lang, share=delta,
                  change=f"{compliance.now - compliance.before:+d}", date=date)
    column.metric(kpi_label(key, lang), t("of", lang, part=part, whole=whole),
                  delta, delta_color="off", delta_arrow="off")
columns[2].metric(kpi_label("advisors", lang), kpis.advisors)
st.caption(t("overview.computed", lang, date=f"{results.as_of:%d.%m.%Y}",
             days=results.config.grace_days))
if change is not None:
    date, compliance = change
    st.caption(change_text(compliance, date, lang))

# The faculty roll-up first: where a manager looks before reading unit rows.
st.subheader(t("overview.per_faculty", lang))
rollup = tables.rollup.assign(
    compliant_share=(tables.rollup["compliant_share"] * 100).round())
headers = {FACULTY_NAME: t("faculty", lang), **{
    column: t(f"overview.{column}", lang)
    for column in ("units", "compliant_units", "staff", "advisors", "units_missing_process",
                   "advisors_missing_requirements", "compliant_share")}}
st.dataframe(
    rollup.drop(columns=[FACULTY_ID]).rename(columns=headers),
    hide_index=True, width="stretch",
    column_config={headers["compliant_share"]: st.column_config.ProgressColumn(
        format="%.0f %%", min_value=0, max_value=100)},
)

if tables.coverage is not None:
    # a heatmap of a thousand rows is unreadable and slow to draw: show the faculty level
    st.info(t("overview.too_many", lang, count=len(order)), icon=":material/info:")
    st.subheader(t("overview.process_heatmap", lang))
    st.plotly_chart(make_coverage_rollup_heatmap(
        tables.coverage, results.config.min_distinct_advisors, lang),
        width="stretch", key="process_rollup")
    st.subheader(t("overview.requirement_heatmap", lang))
    st.plotly_chart(make_suppressed_share_heatmap(tables.training, 0, lang),
                    width="stretch", key="requirement_rollup")
elif order.empty:
    st.success(t("overview.no_gaps", lang), icon=":material/check_circle:")
else:
    st.subheader(t("overview.process_heatmap", lang))
    st.caption(t("overview.process_help", lang, count=results.config.min_distinct_advisors))
    _heatmap(make_process_heatmap(tables.unit_process, order,
                                  results.config.min_distinct_advisors, lang), "process_heatmap")
    st.subheader(t("overview.requirement_heatmap", lang))
    st.caption(t("overview.requirement_help", lang))
    _heatmap(make_requirement_heatmap(tables.unit_requirement, order, lang),
             "requirement_heatmap")
