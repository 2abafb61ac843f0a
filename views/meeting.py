"""Møtevisning: aggregates only, in large type, small groups as "<5"; the reports to take away."""

import datetime as dt
import io

import streamlit as st

import state
from analysis.suppression import (
    compliance_change,
    coverage_by_faculty,
    faculty_names,
    faculty_units,
    meeting_gap_table,
    meeting_kpis,
    training_by_faculty,
    training_by_unit,
    unit_order,
)
from charts.meeting import (
    make_coverage_rollup_heatmap,
    make_gap_table,
    make_suppressed_share_heatmap,
    make_unit_process_heatmap,
)
from exports.excel import write_excel_report
from exports.figures import meeting_content
from exports.pdf import build_pdf
from exports.slides import build_deck
from labels import ALL, GAP_TABLE_LABELS, SAMPLE_MARKER
from loaders.schema import UNIT_ID

FACULTY_PARAM = "fakultet"
COVERAGE, TRAINING = "Dekning", "Opplæring"
TOP_GAPS_ON_SCREEN = 6
GAP_TABLE_WIDTH = 700  # pixels of the right column at 1920 × 1080 with the sidebar open
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# Static style only (no file text): meeting-room type sizes and less empty space at the top.
LARGE_TYPE = """<style>
[data-testid="stMainBlockContainer"] {padding-top: 2.2rem; padding-bottom: 1rem;}
[data-testid="stMetricValue"] {font-size: 2.9rem;}
[data-testid="stMetricLabel"] p {font-size: 1.2rem;}
[data-testid="stMetricDelta"] {font-size: 1.3rem;}
</style>"""

st.markdown(LARGE_TYPE, unsafe_allow_html=True)
dataset, results = state.current()
config = results.config
limit = config.small_group_limit
names = faculty_names(results)

options = [ALL, *names]
wanted = st.query_params.get(FACULTY_PARAM, ALL)
title, pick, show, download = st.columns([3.2, 3, 2, 1.2], vertical_alignment="bottom")
title.title("Møtevisning")
faculty = pick.selectbox(
    "Fakultet / område", options, index=options.index(wanted) if wanted in options else 0,
    format_func=lambda f: f if f == ALL else names[f], key="meeting_faculty")
view = show.segmented_control("Varmekart", [COVERAGE, TRAINING], default=COVERAGE,
                              key="meeting_view") or COVERAGE
faculty_id = None if faculty == ALL else faculty
if faculty_id is None:
    st.query_params.pop(FACULTY_PARAM, None)
else:
    st.query_params[FACULTY_PARAM] = faculty_id
unit_ids = faculty_units(results, faculty_id)



def _change_since_previous_snapshot() -> str:
    """A sentence comparing with the latest snapshot from before the as-of date, if any."""
    store = state.snapshot_store()
    snapshots = store.snapshots()
    earlier = snapshots[snapshots["as_of"] < results.as_of.isoformat()]
    if earlier.empty:
        return ""
    previous = earlier.iloc[-1]
    change = compliance_change(store.table(int(previous["id"]), "unit_summary"),
                               results.unit_summary, unit_ids)
    return change.text(f"{dt.date.fromisoformat(previous['as_of']):%d.%m.%Y}")


change = _change_since_previous_snapshot()


def _excel() -> bytes:
    buffer = io.BytesIO()
    write_excel_report(results, buffer, dataset.tables)
    return buffer.getvalue()


def _slides() -> bytes:
    buffer = io.BytesIO()
    build_deck(meeting_content(results, faculty_id, change)).save(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    buffer = io.BytesIO()
    build_pdf(meeting_content(results, faculty_id, change), buffer)
    return buffer.getvalue()


stem = f"prosessradgivere_{results.as_of:%Y-%m-%d}"
with download.popover("Last ned", icon=":material/download:", width="stretch"):
    st.download_button("Excel-rapport (alle tabeller)", _excel, f"{stem}.xlsx", XLSX,
                       on_click="ignore", icon=":material/table:", key="download_xlsx")
    st.download_button("Lysbilder (PowerPoint)", _slides, f"{stem}_mote.pptx", PPTX,
                       on_click="ignore", icon=":material/slideshow:", key="download_pptx")
    st.download_button("PDF for utskrift", _pdf, f"{stem}_mote.pdf", "application/pdf",
                       on_click="ignore", icon=":material/picture_as_pdf:", key="download_pdf")
    st.caption("Lysbilder og PDF gjelder utvalget som vises, kun samletall. Excel-rapporten "
               "har alle tabeller, også ansattnumre.")

marker = f" · {SAMPLE_MARKER}" if state.is_sample() else ""
# The chosen faculty's name (file text) stays out of this markdown line; the box above shows it.
st.caption(f"Per {results.as_of:%d.%m.%Y} · Kun samletall: grupper med færre enn {limit} "
           f"personer vises som <{limit}; totalene er regnet av alle.{marker}")

for column, kpi in zip(st.columns(5), meeting_kpis(results, unit_ids), strict=True):
    column.metric(kpi.label, kpi.value, kpi.note or None, delta_color="off", delta_arrow="off")
if change:
    st.caption(change)

left, right = st.columns([1, 1], gap="medium")
with left:
    if view == COVERAGE and faculty_id is None:
        figure = make_coverage_rollup_heatmap(coverage_by_faculty(results),
                                              config.min_distinct_advisors)
        st.subheader("Enheter som oppfyller regelen, per fakultet")
    elif view == COVERAGE:
        figure = make_unit_process_heatmap(
            results.unit_process[results.unit_process[UNIT_ID].isin(unit_ids)],
            unit_order(results, unit_ids), config.min_distinct_advisors)
        st.subheader("Prosessrådgivere per enhet og prosess")
    else:
        training = (training_by_faculty(results) if faculty_id is None
                    else training_by_unit(results, unit_ids))
        figure = make_suppressed_share_heatmap(training, limit)
        st.subheader(f"Andel som har fullført kurset (grå: færre enn {limit} personer)")
    st.plotly_chart(figure, width="stretch", theme=None, key="meeting_heatmap",
                    config={"displaylogo": False, "toImageButtonOptions": {
                        "filename": f"varmekart_{results.as_of:%Y-%m-%d}", "scale": 2}})
with right:
    st.subheader("Mest å rette opp")
    # The heatmap beside it names the faculties; the unit names say enough here.
    gaps = meeting_gap_table(results, unit_ids, TOP_GAPS_ON_SCREEN).drop(columns=["faculty"])
    st.plotly_chart(make_gap_table(gaps, GAP_TABLE_LABELS, GAP_TABLE_WIDTH), width="stretch",
                    theme=None, key="meeting_gaps", config={"displayModeBar": False})
