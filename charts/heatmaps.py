"""Plotly figure builders for the coverage heatmaps; readable from the back of a meeting room."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.hierarchy import FACULTY_ID
from labels import PROCESS_LABELS, TOTAL_ADVISORS, audience_label
from loaders.schema import PROCESS, UNIT_ID, UNIT_NAME

# Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
RULE_BROKEN = "#E69F00"  # orange
RULE_MET = "#56B4E9"  # sky blue
SHARE_SCALE = [[0.0, "#E69F00"], [0.5, "#F0E442"], [1.0, "#0072B2"]]  # orange → yellow → blue
ROW_HEIGHT = 26
LABEL_CHARS = 52
GROUP_CHARS = 14


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unit_axis(order: pd.DataFrame) -> list[list[str]]:
    """Two-level axis, faculty then unit, so the rows read as groups."""
    units = [_clip(name if name == unit_id else f"{name} ({unit_id})", LABEL_CHARS)
             for unit_id, name in zip(order[UNIT_ID], order[UNIT_NAME], strict=True)]
    return [[_clip(str(g), GROUP_CHARS) for g in order[FACULTY_ID]], units]


def _figure(trace: go.Heatmap, rows: int) -> go.Figure:
    fig = go.Figure(trace)
    fig.update_layout(
        height=max(240, 90 + ROW_HEIGHT * rows),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={"size": 14},
        xaxis={"side": "top", "tickfont": {"size": 15}},
        yaxis={"autorange": "reversed", "tickfont": {"size": 13}, "automargin": True},
        plot_bgcolor="#FFFFFF",
    )
    return fig


def make_process_heatmap(unit_process: pd.DataFrame, order: pd.DataFrame,
                         min_distinct: int = 2) -> go.Figure:
    """Unit × process: advisor counts in the cells, orange where a rule is broken.

    `order` holds the units to show, in order, with unit_id, unit_name, faculty_id and the
    unit summary's distinct `advisors`."""
    processes = list(dict.fromkeys(unit_process[PROCESS]))
    counts = unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="advisors",
                                      sort=False).reindex(index=order[UNIT_ID], columns=processes)
    ok = unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="ok",
                                  sort=False).reindex(index=order[UNIT_ID], columns=processes)
    totals = order.set_index(UNIT_ID)["advisors"]
    counts[TOTAL_ADVISORS] = totals
    ok[TOTAL_ADVISORS] = totals >= min_distinct
    columns = [PROCESS_LABELS.get(p, p) for p in processes]
    columns.append(f"{TOTAL_ADVISORS} (min. {min_distinct})")
    trace = go.Heatmap(
        z=ok.astype(float).to_numpy(), x=columns, y=_unit_axis(order),
        text=counts.fillna(0).astype(int).to_numpy(), texttemplate="%{text}",
        textfont={"size": 15},
        colorscale=[[0.0, RULE_BROKEN], [0.5, RULE_BROKEN], [0.5, RULE_MET], [1.0, RULE_MET]],
        zmin=0, zmax=1, showscale=False, xgap=2, ygap=2,
        hovertemplate="%{y}<br>%{x}: %{text} rådgiver(e)<extra></extra>",
    )
    return _figure(trace, len(order))


def make_requirement_heatmap(unit_requirement: pd.DataFrame, order: pd.DataFrame) -> go.Figure:
    """Unit × requirement: share of the target group that meets it, per cent in the cells."""
    keyed = unit_requirement.assign(column=unit_requirement["requirement_id"] + " "
                                    + unit_requirement["audience"].map(audience_label))
    columns = list(dict.fromkeys(keyed["column"]))

    def wide(values: str) -> pd.DataFrame:
        return keyed.pivot_table(index=UNIT_ID, columns="column", values=values, sort=False,
                                 dropna=False).reindex(index=order[UNIT_ID], columns=columns)

    share, met, target = wide("share"), wide("met").fillna(0), wide("target").fillna(0)
    text = [["–" if t == 0 else f"{s:.0%}" for s, t in zip(srow, trow, strict=True)]
            for srow, trow in zip(share.to_numpy(), target.to_numpy(), strict=True)]
    counts = [[f"{int(m)} av {int(t)}" for m, t in zip(mrow, trow, strict=True)]
              for mrow, trow in zip(met.to_numpy(), target.to_numpy(), strict=True)]
    trace = go.Heatmap(
        z=share.to_numpy(dtype=float), x=columns, y=_unit_axis(order),
        text=text, texttemplate="%{text}", textfont={"size": 14}, customdata=counts,
        colorscale=SHARE_SCALE, zmin=0, zmax=1, xgap=2, ygap=2,
        colorbar={"title": {"text": "Andel"}, "tickformat": ".0%", "len": 0.4, "y": 1,
                  "yanchor": "top", "thickness": 14},
        hovertemplate="%{y}<br>%{x}: %{text} (%{customdata})<extra></extra>",
    )
    return _figure(trace, len(order))
