"""Plotly figure builders for the coverage heatmaps; readable from the back of a meeting room."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from html import escape, unescape

import pandas as pd
import plotly.graph_objects as go

from analysis.hierarchy import FACULTY_ID
from i18n import NB, audience_label, process_label, t
from loaders.schema import PROCESS, REQUIREMENT_ID, UNIT_ID, UNIT_NAME

# Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
RULE_BROKEN = "#E69F00"  # orange
RULE_MET = "#56B4E9"  # sky blue
SHARE_SCALE = [[0.0, "#E69F00"], [0.5, "#F0E442"], [1.0, "#0072B2"]]  # orange → yellow → blue
ROW_HEIGHT = 26
HEADING_HEIGHT = 96  # pixels of the column headings drawn above a scrolling heatmap
LABEL_PX = 6.4  # width of an average character of the 13 px row labels, with room to spare
COLOURBAR_ROOM = 100  # pixels right of the cells for a share heatmap's colour bar
LABEL_CHARS = 52
GROUP_CHARS = 14


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _group_label(faculty: str) -> str:
    """A faculty band's label: the whole id on lines of GROUP_CHARS, never cut, so two
    faculties whose names begin alike (a faculty column holding names) stay two bands."""
    lines = textwrap.wrap(faculty, GROUP_CHARS, break_long_words=False) or [faculty]
    return "<br>".join(escape(line) for line in lines)


def _unit_axis(order: pd.DataFrame) -> list[list[str]]:
    """Two-level axis, faculty then unit, so the rows read as groups.

    Names are escaped: plotly reads tags such as <b> or <a> in labels and hover text."""
    units = [escape(_clip(name if name == unit_id else f"{name} ({unit_id})", LABEL_CHARS))
             for unit_id, name in zip(order[UNIT_ID], order[UNIT_NAME], strict=True)]
    return [[_group_label(str(g)) for g in order[FACULTY_ID]], units]


def _click_layer(columns: list[str], y_axis: list[list[str]], unit_ids: list[str],
                 hover: list[list[str]]) -> go.Scatter:
    """Invisible square markers on the cell centres, each carrying its unit id.

    Streamlit 1.67 reports no selection for clicks on heatmap cells, but does for markers; the
    markers also carry the hover text, since hover and click come from the same trace."""
    return go.Scatter(
        x=[column for _ in unit_ids for column in columns],
        y=[[level[row] for row in range(len(unit_ids)) for _ in columns] for level in y_axis],
        customdata=[unit for unit in unit_ids for _ in columns],
        hovertext=[text for row in hover for text in row],
        hovertemplate="%{hovertext}<extra></extra>",
        hoverlabel={"bgcolor": "#FFFFFF", "bordercolor": "#555555",
                    "font": {"size": 14, "color": "#222222"}},
        mode="markers", showlegend=False,
        marker={"symbol": "square", "size": ROW_HEIGHT - 4, "opacity": 0},
        selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}},
    )


def clicked_unit(selection: Mapping) -> str | None:
    """The unit id of the clicked cell in a Streamlit plotly selection, if a cell was clicked."""
    for point in selection.get("points") or []:
        unit = point.get("customdata")
        if isinstance(unit, list):
            unit = unit[0] if unit else None
        if unit:
            return str(unit)
    return None


def _figure(trace: go.Heatmap, rows: int, click_layer: go.Scatter) -> go.Figure:
    fig = go.Figure([trace, click_layer])
    columns = len(trace.x)
    fig.update_layout(
        hovermode="closest",
        hoverdistance=-1,  # a click anywhere in a cell reaches its marker, the nearest one
        height=max(240, 90 + ROW_HEIGHT * rows),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={"size": 14},
        # Fixed ranges: autorange would pad around the markers and leave a blank band.
        xaxis={"side": "top", "tickfont": {"size": 15}, "range": [-0.5, columns - 0.5]},
        yaxis={"range": [rows - 0.5, -0.5], "tickfont": {"size": 13}, "automargin": True},
        plot_bgcolor="#FFFFFF",
    )
    return fig


def make_process_heatmap(unit_process: pd.DataFrame, order: pd.DataFrame,
                         min_distinct: int = 2, lang: str = NB) -> go.Figure:
    """Unit × process: advisor counts in the cells, orange where a rule is broken.

    `order` holds the units to show, in order, with unit_id, unit_name, faculty_id and the
    unit summary's distinct `advisors`."""
    processes = list(dict.fromkeys(unit_process[PROCESS]))
    counts = unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="advisors",
                                      sort=False).reindex(index=order[UNIT_ID], columns=processes)
    ok = unit_process.pivot_table(index=UNIT_ID, columns=PROCESS, values="ok",
                                  sort=False).reindex(index=order[UNIT_ID], columns=processes)
    totals = order.set_index(UNIT_ID)["advisors"]
    distinct = t("chart.distinct", lang)
    counts[distinct] = totals
    ok[distinct] = totals >= min_distinct
    columns = [process_label(p, lang) for p in processes]
    columns.append(f"{distinct} (min. {min_distinct})")
    y_axis = _unit_axis(order)
    numbers = counts.fillna(0).astype(int).to_numpy()
    trace = go.Heatmap(
        z=ok.astype(float).to_numpy(), x=columns, y=y_axis, text=numbers,
        texttemplate="%{text}", textfont={"size": 15},
        colorscale=[[0.0, RULE_BROKEN], [0.5, RULE_BROKEN], [0.5, RULE_MET], [1.0, RULE_MET]],
        zmin=0, zmax=1, showscale=False, xgap=2, ygap=2, hoverinfo="skip",
    )
    hover = [[f"{unit}<br>{column}: {t('chart.advisor_count', lang, count=n)}"
              for column, n in zip(columns, row, strict=True)]
             for unit, row in zip(y_axis[1], numbers, strict=True)]
    return _figure(trace, len(order), _click_layer(columns, y_axis, list(order[UNIT_ID]), hover))


def make_requirement_heatmap(unit_requirement: pd.DataFrame, order: pd.DataFrame,
                             lang: str = NB) -> go.Figure:
    """Unit × requirement: share of the target group that meets it, per cent in the cells."""
    keyed = unit_requirement.assign(column=unit_requirement[REQUIREMENT_ID] + " "
                                    + unit_requirement["audience"].map(
                                        lambda audience: audience_label(audience, lang)))
    columns = [escape(c) for c in dict.fromkeys(keyed["column"])]
    keyed = keyed.assign(column=keyed["column"].map(escape))

    def wide(values: str) -> pd.DataFrame:
        return keyed.pivot_table(index=UNIT_ID, columns="column", values=values, sort=False,
                                 dropna=False).reindex(index=order[UNIT_ID], columns=columns)

    share, met, target = wide("share"), wide("met").fillna(0), wide("target").fillna(0)
    text = [["–" if n == 0 else f"{s:.0%}" for s, n in zip(srow, trow, strict=True)]
            for srow, trow in zip(share.to_numpy(), target.to_numpy(), strict=True)]
    counts = [[t("of", lang, part=int(m), whole=int(n)) for m, n in zip(mrow, trow, strict=True)]
              for mrow, trow in zip(met.to_numpy(), target.to_numpy(), strict=True)]
    y_axis = _unit_axis(order)
    trace = go.Heatmap(
        z=share.to_numpy(dtype=float), x=columns, y=y_axis,
        text=text, texttemplate="%{text}", textfont={"size": 14},
        colorscale=SHARE_SCALE, zmin=0, zmax=1, xgap=2, ygap=2, hoverinfo="skip",
        colorbar={"title": {"text": t("chart.share", lang)}, "tickformat": ".0%", "len": 0.4,
                  "y": 1, "yanchor": "top", "thickness": 14},
    )
    hover = [[f"{unit}<br>{column}: {shown} ({count})"
              for column, shown, count in zip(columns, text_row, count_row, strict=True)]
             for unit, text_row, count_row in zip(y_axis[1], text, counts, strict=True)]
    return _figure(trace, len(order), _click_layer(columns, y_axis, list(order[UNIT_ID]), hover))


def _plain_width(label: str) -> int:
    return len(unescape(label))


def split_headings(fig: go.Figure) -> tuple[go.Figure, go.Figure]:
    """A heatmap of `_figure` as its column headings and its rows, drawn as two charts so the
    headings stay in view above rows that scroll in a box of their own.

    Both get the same fixed margins (plotly's automatic margin would differ between them),
    so the headings stand over their columns."""
    heatmap = fig.data[0]
    groups, units = heatmap.y
    group_width = max(_plain_width(line) for group in groups for line in group.split("<br>"))
    left = round(LABEL_PX * (max(map(_plain_width, units)) + group_width)) + 30
    right = COLOURBAR_ROOM if heatmap.showscale is not False else 10
    body = go.Figure(fig)
    body.update_layout(height=fig.layout.height - fig.layout.margin.t + 6,
                       margin={"l": left, "r": right, "t": 6, "autoexpand": False},
                       xaxis={"showticklabels": False}, yaxis={"automargin": False})
    heading = go.Figure(go.Scatter(x=list(heatmap.x), y=[0] * len(heatmap.x), mode="markers",
                                   marker={"opacity": 0}, hoverinfo="skip", showlegend=False))
    heading.update_layout(
        height=HEADING_HEIGHT, plot_bgcolor="#FFFFFF", font={"size": 14},
        margin={"l": left, "r": right, "t": HEADING_HEIGHT - 2, "b": 0, "autoexpand": False},
        xaxis={**fig.layout.xaxis.to_plotly_json(), "fixedrange": True, "showgrid": False,
               "zeroline": False, "showline": False},
        yaxis={"visible": False, "fixedrange": True})
    return heading, body
