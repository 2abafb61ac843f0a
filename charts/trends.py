"""Line charts of coverage over saved snapshots and of training month by month."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from i18n import NB, audience_label, kpi_label, label_set, t
from loaders.schema import REQUIREMENT_ID

# Okabe–Ito: distinguishable with every common colour-vision deficiency.
LINE_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
MARKERS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star"]


def _style(fig: go.Figure, y_title: str, percent: bool = False) -> go.Figure:
    fig.update_layout(height=420, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      font={"size": 15}, legend={"orientation": "h", "y": -0.15},
                      plot_bgcolor="#FFFFFF", yaxis={"title": y_title, "gridcolor": "#DDDDDD",
                                                     "rangemode": "tozero"},
                      xaxis={"gridcolor": "#EEEEEE"})
    if percent:
        fig.update_yaxes(tickformat=".0%", range=[0, 1.02])
    return fig


def make_snapshot_trend_figure(snapshots: pd.DataFrame, lang: str = NB) -> go.Figure:
    """Units judged, compliant and missing a process, per saved snapshot."""
    fig = go.Figure()
    # a label is anyone's text: plotly would read <b>, <a> and the like in it
    x = snapshots["as_of"] + snapshots["label"].map(
        lambda label: f" ({html.escape(label, quote=False)})" if label else "")
    for i, (column, name) in enumerate([
            ("compliant_units", kpi_label("compliant_units", lang)),
            ("units_missing_process", label_set("table", lang)["units_missing_process"]),
            ("units", kpi_label("units", lang))]):
        fig.add_trace(go.Scatter(x=x, y=snapshots[column], name=name, mode="lines+markers+text",
                                 text=snapshots[column], textposition="top center",
                                 line={"color": LINE_COLOURS[i], "width": 3},
                                 marker={"symbol": MARKERS[i], "size": 10}))
    return _style(fig, t("chart.units_axis", lang))


def make_training_trend_figure(coverage: pd.DataFrame, lang: str = NB) -> go.Figure:
    """Share of each requirement's target group that had completed it, per month end."""
    fig = go.Figure()
    groups = coverage.groupby([REQUIREMENT_ID, "audience"], sort=False)
    for i, ((requirement_id, audience), group) in enumerate(groups):
        fig.add_trace(go.Scatter(
            x=group["month"], y=group["share"], mode="lines+markers",
            name=f"{requirement_id} {audience_label(audience, lang)}",
            line={"color": LINE_COLOURS[i % len(LINE_COLOURS)], "width": 3},
            marker={"symbol": MARKERS[i % len(MARKERS)], "size": 8},
            customdata=group[["met", "target"]].to_numpy(),
            hovertemplate="%{x|%m.%Y}: %{y:.0%} ("
                          + t("of", lang, part="%{customdata[0]}", whole="%{customdata[1]}")
                          + ")<extra>%{fullData.name}</extra>"))
    return _style(fig, t("chart.completed_share", lang), percent=True)
