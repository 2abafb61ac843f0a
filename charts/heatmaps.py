"""Plotly figure builders for the coverage heatmaps; readable from the back of a meeting room."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from labels import PROCESS_LABELS, TOTAL_ADVISORS, audience_label
from loaders.schema import PROCESS, UNIT_ID, UNIT_NAME

# Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
RULE_BROKEN = "#E69F00"  # orange
RULE_MET = "#56B4E9"  # sky blue
SHARE_SCALE = [[0.0, "#E69F00"], [0.5, "#F0E442"], [1.0, "#0072B2"]]  # orange → yellow → blue
ROW_HEIGHT = 24
LABEL_CHARS = 46


def _unit_labels(frame: pd.DataFrame) -> list[str]:
    labels = []
    for unit_id, name in zip(frame[UNIT_ID], frame[UNIT_NAME], strict=True):
        label = name if name == unit_id else f"{name} ({unit_id})"
        labels.append(label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…")
    return labels


def _height(rows: int) -> int:
    return max(260, 140 + ROW_HEIGHT * rows)


def _layout(fig: go.Figure, rows: int, title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 18}},
        height=_height(rows),
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        font={"size": 14},
        xaxis={"side": "top", "tickfont": {"size": 14}},
        yaxis={"autorange": "reversed", "tickfont": {"size": 13}, "automargin": True},
        plot_bgcolor="#FFFFFF",
    )
    return fig


def make_process_heatmap(unit_process: pd.DataFrame, unit_summary: pd.DataFrame,
                         min_distinct: int = 2) -> go.Figure:
    """Unit × process: advisor counts in the cells, orange where a rule is broken."""
    order = unit_summary[[UNIT_ID, UNIT_NAME]].reset_index(drop=True)
    wide = unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="advisors",
                                    sort=False).reindex(order[UNIT_ID])
    ok = unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="ok",
                                  sort=False).reindex(order[UNIT_ID])
    processes = list(dict.fromkeys(unit_process[PROCESS]))
    totals = unit_summary.set_index(UNIT_ID)["advisors"].reindex(order[UNIT_ID])
    counts = pd.concat([wide[processes], totals.rename(TOTAL_ADVISORS)], axis=1)
    status = pd.concat([ok[processes], (totals >= min_distinct).rename(TOTAL_ADVISORS)], axis=1)
    columns = [PROCESS_LABELS.get(p, p) for p in processes] + [f"{TOTAL_ADVISORS} (min. "
                                                                f"{min_distinct})"]
    fig = go.Figure(go.Heatmap(
        z=status.astype(float).to_numpy(),
        x=columns,
        y=_unit_labels(order),
        text=counts.astype(int).to_numpy(),
        texttemplate="%{text}",
        textfont={"size": 15},
        colorscale=[[0.0, RULE_BROKEN], [0.5, RULE_BROKEN], [0.5, RULE_MET], [1.0, RULE_MET]],
        zmin=0, zmax=1, showscale=False, xgap=2, ygap=2,
        customdata=order[[UNIT_ID]].to_numpy().repeat(len(columns), axis=1)[..., None],
        hovertemplate="%{y}<br>%{x}: %{text} rådgiver(e)<extra></extra>",
    ))
    return _layout(fig, len(order), "Prosessrådgivere per enhet og prosess "
                                    "(oransje = krav ikke oppfylt)")


def make_requirement_heatmap(unit_requirement: pd.DataFrame,
                             unit_summary: pd.DataFrame) -> go.Figure:
    """Unit × requirement: share of the target group that meets it, per cent in the cells."""
    order = unit_summary[[UNIT_ID, UNIT_NAME]].reset_index(drop=True)
    keyed = unit_requirement.assign(
        column=unit_requirement["requirement_id"] + " " + unit_requirement["audience"].map(
            audience_label))
    columns = list(dict.fromkeys(keyed["column"]))
    share = keyed.pivot_table(index=UNIT_ID, columns="column", values="share", sort=False,
                              dropna=False).reindex(index=order[UNIT_ID], columns=columns)
    met = keyed.pivot_table(index=UNIT_ID, columns="column", values="met", sort=False) \
        .reindex(index=order[UNIT_ID], columns=columns)
    target = keyed.pivot_table(index=UNIT_ID, columns="column", values="target", sort=False) \
        .reindex(index=order[UNIT_ID], columns=columns)
    text = [[("–" if t == 0 else f"{s:.0%}") for s, t in zip(srow, trow, strict=True)]
            for srow, trow in zip(share.to_numpy(), target.to_numpy(), strict=True)]
    hover = [[f"{int(m)} av {int(t)}" for m, t in zip(mrow, trow, strict=True)]
             for mrow, trow in zip(met.to_numpy(), target.to_numpy(), strict=True)]
    fig = go.Figure(go.Heatmap(
        z=share.to_numpy(dtype=float),
        x=columns,
        y=_unit_labels(order),
        text=text,
        texttemplate="%{text}",
        textfont={"size": 14},
        customdata=hover,
        colorscale=SHARE_SCALE, zmin=0, zmax=1, xgap=2, ygap=2,
        colorbar={"title": {"text": "Andel"}, "tickformat": ".0%", "len": 0.5, "y": 1,
                  "yanchor": "top"},
        hovertemplate="%{y}<br>%{x}: %{text} (%{customdata})<extra></extra>",
    ))
    return _layout(fig, len(order), "Andel som oppfyller kompetansekravene (– = ingen i målgruppen)")
