"""Møtevisning: aggregates only, in large type, small groups as "<5"; the reports to take away."""

import io

import streamlit as st

import state
from analysis.suppression import (
    coverage_by_faculty,
    faculty_names,
    faculty_units,
    training_by_faculty,
    training_by_unit,
    unit_order,
)
from charts.meeting import (
    HALF_WIDTH_COLUMNS,
    make_coverage_rollup_heatmap,
    make_gap_table,
    make_suppressed_share_heatmap,
    make_unit_process_heatmap,
)
from components.sidebar import page_lang
from components.signin import audited
from components.url_state import FACULTY_PARAM, url_selectbox
from exports.excel import write_excel_report
from exports.pdf import build_pdf
from exports.renderer import warm_up
from exports.slides import build_deck
from i18n import (
    ALL,
    label_set,
    t,
)
from loaders.schema import UNIT_ID
from wording.meeting import change_text, meeting_figures

COVERAGE, TRAINING = "Dekning", "Opplæring"  # the choice's values; shown in the language
TOP_GAPS_ON_SCREEN = 6
GAP_TABLE_WIDTH = 700  # pixels of the right column at 1920 × 1080 with the sidebar open
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
KPIS, BODY = "meeting_kpis", "meeting_body"  # keys of the containers the style below sizes
# Static style only (no file text): meeting-room type sizes and less empty space at the top.
# A headline value is sized by its own column (cqi: 1% of the column's width), so "913 av
# 1205" stays whole on a 1366 px projector and big on a 1920 px one; a label wraps rather
# than ends in "…". The heatmap and the gap table sit side by side only where each gets
# 36rem (about 1920 px with the sidebar open); narrower, the table goes under the heatmap.
LARGE_TYPE = f"""<style>
[data-testid="stMainBlockContainer"] {{padding-top: 2.2rem; padding-bottom: 1rem;}}
.st-key-{KPIS} [data-testid="stColumn"] {{container-type: inline-size;}}
.st-key-{KPIS} [data-testid="stMetricValue"] {{font-size: clamp(1.4rem, 19cqi, 2.9rem);}}
.st-key-{KPIS} [data-testid="stMetricValue"] *, .st-key-{KPIS} [data-testid="stMetricLabel"] * {{
  white-space: normal; overflow: visible; text-overflow: clip;}}
.st-key-{KPIS} [data-testid="stMetricLabel"] {{min-height: 2.7em; align-items: flex-start;}}
.st-key-{KPIS} [data-testid="stMetricLabel"] p {{font-size: clamp(1rem, 9cqi, 1.2rem);
  line-height: 1.25;}}
[data-testid="stMetricDelta"] {{font-size: 1.3rem;}}
.st-key-{BODY} [data-testid="stHorizontalBlock"] {{flex-wrap: wrap; row-gap: 1.5rem;}}
.st-key-{BODY} [data-testid="stColumn"] {{min-width: min(100%, 36rem);}}
</style>"""

st.markdown(LARGE_TYPE, unsafe_allow_html=True)
lang = page_lang()
dataset, results = state.current()
config = results.config
limit = config.small_group_limit
names = faculty_names(results)

options = [ALL, *names]
title, pick, show, download = st.columns([3, 2.8, 2, 1.6], vertical_alignment="bottom")
title.title(t("meeting.title", lang))
faculty = url_selectbox(t("faculty", lang), options, FACULTY_PARAM, "meeting_faculty",
                        lambda f: t("all", lang) if f == ALL else names[f], container=pick)
view = show.segmented_control(
    t("meeting.heatmap", lang), [COVERAGE, TRAINING], default=COVERAGE, key="meeting_view",
    format_func=lambda v: t("meeting.coverage" if v == COVERAGE else "meeting.training",
                            lang)) or COVERAGE
faculty_id = None if faculty == ALL else faculty
unit_ids = faculty_units(results, faculty_id)


def _change_since_previous_snapshot() -> tuple[str, str]:
    """A sentence comparing with the latest snapshot from before the as-of date, if any: in
    bokmål for the exports, and in the page's language for the screen."""
    since = state.change_since_previous(unit_ids)
    if since is None:
        return "", ""
    date, change = since
    return change_text(change, date), change_text(change, date, lang)


change, change_on_screen = _change_since_previous_snapshot()
sample = state.is_sample()  # every export of the sample data says so on each page and sheet
# The headline figures and the gap table in one go: a figure hidden as "<5" in one must not
# come back as a total minus the other's figures (secondary suppression).
figures = meeting_figures(results, unit_ids, TOP_GAPS_ON_SCREEN, lang)


def _excel() -> bytes:
    buffer = io.BytesIO()
    write_excel_report(results, buffer, dataset.tables, sample=sample)
    return buffer.getvalue()


meeting_content = state.meeting_content_maker(faculty_id, change, sample)
warm_up()  # the deck's and PDF's heatmaps are drawn by a browser that takes seconds to open


def _slides() -> bytes:
    buffer = io.BytesIO()
    build_deck(meeting_content()).save(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    buffer = io.BytesIO()
    build_pdf(meeting_content(), buffer)
    return buffer.getvalue()


stem = f"prosessradgivere_{results.as_of:%Y-%m-%d}"
# The reports stay in bokmål, like the Excel report and the command line's.
with download.popover(t("meeting.download", lang), icon=":material/download:", width="stretch"):
    if state.session_scope(results.units).any_names:  # the report lists gaps person by person
        st.download_button(t("meeting.xlsx", lang), _excel, f"{stem}.xlsx", XLSX,
                           on_click=audited(f"{stem}.xlsx"), icon=":material/table:",
                           key="download_xlsx")
    st.download_button(t("meeting.pptx", lang), _slides, f"{stem}_mote.pptx", PPTX,
                       on_click="ignore", icon=":material/slideshow:", key="download_pptx")
    st.download_button(t("meeting.pdf", lang), _pdf, f"{stem}_mote.pdf", "application/pdf",
                       on_click="ignore", icon=":material/picture_as_pdf:", key="download_pdf")
    st.caption(t("meeting.download_help", lang))

marker = f" · {t('sample_marker', lang)}" if sample else ""
# The chosen faculty's name (file text) stays out of this markdown line; the box above shows it.
st.caption(t("meeting.caption", lang, date=f"{results.as_of:%d.%m.%Y}", limit=limit,
             marker=marker))

for column, kpi in zip(st.container(key=KPIS).columns(5), figures.kpis, strict=True):
    column.metric(kpi.label, kpi.value,
                  kpi.note or None, delta_color="off", delta_arrow="off")
if change_on_screen:
    st.caption(change_on_screen)

if view == COVERAGE and faculty_id is None:
    figure = make_coverage_rollup_heatmap(coverage_by_faculty(results),
                                          config.min_distinct_advisors, lang)
    heading = t("meeting.rollup", lang)
elif view == COVERAGE:
    figure = make_unit_process_heatmap(
        results.unit_process[results.unit_process[UNIT_ID].isin(unit_ids)],
        unit_order(results, unit_ids), config.min_distinct_advisors, lang)
    heading = t("overview.process_heatmap", lang)
else:
    training = (training_by_faculty(results) if faculty_id is None
                else training_by_unit(results, unit_ids, figures.withheld))
    figure = make_suppressed_share_heatmap(training, limit, lang)
    heading = t("meeting.training_heatmap", lang, limit=limit)
body = st.container(key=BODY)
# a heatmap of many columns (every requirement, assessments included) needs the whole width
# to stay legible on a projector; the gaps then follow below it
heat_area, gap_area = ((body, body) if len(figure.data[-1].x) > HALF_WIDTH_COLUMNS
                       else body.columns([1, 1], gap="medium"))
with heat_area:
    st.subheader(heading)
    st.plotly_chart(figure, width="stretch", theme=None, key="meeting_heatmap",
                    config={"displaylogo": False, "toImageButtonOptions": {
                        "filename": f"varmekart_{results.as_of:%Y-%m-%d}", "scale": 2}})
with gap_area:
    st.subheader(t("meeting.top_gaps", lang))
    # The heatmap beside it names the faculties; the unit names say enough here.
    gaps = figures.gaps.drop(columns=["faculty"])
    st.plotly_chart(make_gap_table(gaps, label_set("gap_table", lang), GAP_TABLE_WIDTH),
                    width="stretch",
                    theme=None, key="meeting_gaps", config={"displayModeBar": False})
    if figures.any_withheld:
        st.caption(t("meeting.withheld_note", lang, limit=limit))
