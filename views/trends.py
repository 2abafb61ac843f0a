"""Utvikling: coverage over saved snapshots, what changed, and training month by month."""

import streamlit as st

import state
from analysis.trends import unit_changes
from charts.trends import make_snapshot_trend_figure, make_training_trend_figure
from labels import CHANGE_LABELS

_, results = state.current()
st.title("Utvikling over tid")

snapshots = state.snapshot_store().snapshots()
st.subheader("Dekning ved lagrede øyeblikksbilder")
if snapshots.empty:
    st.info("Ingen øyeblikksbilder er lagret ennå. Lagre ett på Data-siden før hvert møte, så "
            "vises utviklingen her.", icon=":material/info:")
else:
    st.plotly_chart(make_snapshot_trend_figure(snapshots), width="stretch", key="snapshot_trend")
    labels = {row.id: f"{row.as_of} {row.label}".strip() for row in snapshots.itertuples()}
    chosen = st.selectbox("Sammenlign dagens tall med", list(reversed(list(labels))),
                          format_func=labels.get, key="compare_snapshot")
    before = state.snapshot_store().table(chosen, "unit_summary")
    changes = unit_changes(before, results.unit_summary)
    now_compliant = int(results.unit_summary["compliant"].sum())
    then_compliant = int(before["compliant"].sum())
    st.metric("Enheter som oppfyller kravene", f"{now_compliant} av {len(results.unit_summary)}",
              f"{now_compliant - then_compliant:+d} siden {labels[chosen]}")
    if changes.empty:
        st.write("Ingen enheter har endret status.")
    else:
        st.dataframe(changes.assign(change=changes["change"].map(CHANGE_LABELS))[
            ["unit_id", "unit_name", "change"]].rename(columns={
                "unit_id": "Enhetskode", "unit_name": "Enhet", "change": "Endring"}),
            hide_index=True, width="stretch")

st.subheader("Opplæring måned for måned")
st.caption("Andelen av dagens målgrupper (rådgivere, og saksbehandlere forbi fristen) som hadde "
           "fullført kurset ved utgangen av hver måned, regnet ut fra fullføringsdatoene.")
st.plotly_chart(make_training_trend_figure(state.training_coverage()), width="stretch",
                key="training_trend")
