"""Oversikt: the headline figures, the two coverage heatmaps and the roll-up by faculty."""

import streamlit as st

import state
from analysis.hierarchy import FACULTY_ID, FACULTY_NAME, faculties, faculty_rollup
from analysis.kpis import Kpis, compute_kpis
from charts.heatmaps import make_process_heatmap, make_requirement_heatmap
from labels import ALL, KPI_LABELS, SAMPLE_MARKER
from loaders.schema import UNIT_ID

FACULTY_PARAM = "fakultet"

dataset, results = state.current()
st.title("Prosessrådgivere og kompetanse per enhet")
if state.is_sample():
    st.info(f"{SAMPLE_MARKER}. Last opp egne filer i sidepanelet.", icon="🧪")

groups = faculties(results.units)
judged = groups[groups[UNIT_ID].isin(results.unit_summary[UNIT_ID])]
faculty_names = dict(zip(judged[FACULTY_ID], judged[FACULTY_NAME], strict=True))
options = [ALL, *sorted(faculty_names, key=faculty_names.get)]
wanted = st.query_params.get(FACULTY_PARAM, ALL)
faculty = st.selectbox(
    "Fakultet / område", options, index=options.index(wanted) if wanted in options else 0,
    format_func=lambda f: f if f == ALL else faculty_names[f], key="faculty_filter")
if faculty == ALL:
    st.query_params.pop(FACULTY_PARAM, None)
    unit_ids = set(results.unit_summary[UNIT_ID])
else:
    st.query_params[FACULTY_PARAM] = faculty
    unit_ids = set(judged.loc[judged[FACULTY_ID] == faculty, UNIT_ID])

kpis = compute_kpis(results, unit_ids)


def _percent(part: int, whole: int) -> str:
    share = Kpis.share(part, whole)
    return "–" if share is None else f"{share:.0%}"


columns = st.columns(5)
columns[0].metric(KPI_LABELS["units"], kpis.units)
columns[1].metric(KPI_LABELS["compliant_units"], f"{kpis.compliant_units} av {kpis.units}",
                  _percent(kpis.compliant_units, kpis.units), delta_color="off")
columns[2].metric(KPI_LABELS["advisors"], kpis.advisors)
columns[3].metric(KPI_LABELS["advisors_fully_trained"],
                  f"{kpis.advisors_fully_trained} av {kpis.advisors}",
                  _percent(kpis.advisors_fully_trained, kpis.advisors), delta_color="off")
columns[4].metric(KPI_LABELS["case_handlers_trained"],
                  f"{kpis.case_handlers_trained} av {kpis.case_handlers_due}",
                  _percent(kpis.case_handlers_trained, kpis.case_handlers_due), delta_color="off")
st.caption(f"Beregnet per {results.as_of:%d.%m.%Y}. Saksbehandlere telles når de har vært "
           f"ansatt i minst {results.config.grace_days} dager.")

summary = results.unit_summary[results.unit_summary[UNIT_ID].isin(unit_ids)]
ordered = summary.merge(groups, on=UNIT_ID).sort_values([FACULTY_NAME, "unit_name"])
unit_process = results.unit_process[results.unit_process[UNIT_ID].isin(unit_ids)]
unit_requirement = results.unit_requirement[results.unit_requirement[UNIT_ID].isin(unit_ids)]

left, right = st.columns([5, 6])
with left:
    st.plotly_chart(make_process_heatmap(unit_process, ordered,
                                         results.config.min_distinct_advisors),
                    width="stretch", key="process_heatmap")
with right:
    st.plotly_chart(make_requirement_heatmap(unit_requirement, ordered), width="stretch",
                    key="requirement_heatmap")

st.subheader("Per fakultet")
rollup = faculty_rollup(summary, results.units)
st.dataframe(
    rollup.drop(columns=[FACULTY_ID]).rename(columns={
        FACULTY_NAME: "Fakultet / område", "units": "Enheter", "compliant_units": "Oppfyller",
        "staff": "Ansatte", "advisors": "Rådgivere", "units_missing_process":
        "Enheter som mangler en prosess", "advisors_missing_requirements":
        "Rådgivere som mangler kurs", "compliant_share": "Andel som oppfyller"}),
    hide_index=True, width="stretch",
    column_config={"Andel som oppfyller": st.column_config.ProgressColumn(
        format="percent", min_value=0, max_value=1)},
)
