"""Utvikling: coverage over saved snapshots, what changed, and training month by month."""

import streamlit as st

import state
from analysis.trends import unit_changes
from charts.trends import make_snapshot_trend_figure, make_training_trend_figure
from components.sidebar import page_lang
from components.text import plain
from i18n import kpi_label, label_set, t

lang = page_lang()
_, results = state.current()
st.title(t("trends.title", lang))

series = state.snapshot_series()  # snapshots of the data shown, not of another data set
snapshots = state.snapshot_store().snapshots(series)
st.subheader(t("trends.snapshots", lang))
chosen = None
if snapshots.empty:
    st.info(t("trends.none", lang), icon=":material/info:")
else:
    st.plotly_chart(make_snapshot_trend_figure(snapshots, lang), width="stretch",
                    key="snapshot_trend")
    labels = {row.id: f"{row.as_of} {row.label}".strip() for row in snapshots.itertuples()}
    newest_first = list(reversed(list(labels)))
    latest = state.snapshot_store().latest_before(results.as_of, series)
    previous = None if latest is None else latest[0]
    if previous is None:
        st.info(t("trends.none_before", lang, date=f"{results.as_of:%d.%m.%Y}"),
                icon=":material/info:")
    chosen = st.selectbox(t("trends.compare", lang), newest_first, format_func=labels.get,
                          index=None if previous is None else newest_first.index(previous),
                          placeholder=t("trends.choose", lang), key="compare_snapshot")
if chosen is not None:
    before = state.snapshot_store().table(chosen, "unit_summary")
    changes = unit_changes(before, results.unit_summary)
    now_compliant = int(results.unit_summary["compliant"].sum())
    then_compliant = int(before["compliant"].sum())
    st.metric(kpi_label("compliant_units", lang),
              t("of", lang, part=now_compliant, whole=len(results.unit_summary)),
              t("trends.since", lang, change=f"{now_compliant - then_compliant:+d}",
                label=plain(labels[chosen])))
    if changes.empty:
        st.write(t("trends.no_changes", lang))
    else:
        table = label_set("table", lang)
        st.dataframe(changes.assign(change=changes["change"].map(label_set("change", lang)))[
            ["unit_id", "unit_name", "change"]].rename(columns={
                "unit_id": table["unit_id"], "unit_name": table["unit_name"],
                "change": t("trends.change", lang)}),
            hide_index=True, width="stretch")

st.subheader(t("trends.training", lang))
st.caption(t("trends.training_help", lang))
st.plotly_chart(make_training_trend_figure(state.training_coverage(), lang), width="stretch",
                key="training_trend")
