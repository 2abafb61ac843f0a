"""Heatmaps for meetings and the exported deck: aggregates only, large type, small groups
greyed out as "<5"."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from analysis.suppression import (
    COMPLIANT,
    DISTINCT,
    MEASURE,
    ROW_ID,
    ROW_NAME,
    suppress_share,
)
from charts.heatmaps import SHARE_SCALE, make_process_heatmap
from i18n import HYPHENATION, NB, audience_label, process_label, t
from loaders.schema import PROCESS, UNIT_ID, UNIT_NAME

ROW_HEIGHT = 46
HEADER_HEIGHT = 100
ROW_LABEL_CHARS = 60
LINE_CHARS = 30
TICK_LINE_CHARS = 10
SUPPRESSED_GREY = "#D9D9D9"
TEXT_SIZE = 22
TICK_SIZE = 17
HALF_WIDTH_COLUMNS = 5  # heatmap columns that fit beside the gap table, headings at TICK_SIZE


def _plain(text: str) -> str:
    """Text from files shown as written: plotly reads <b>, <a> and the like in labels."""
    return html.escape(text, quote=False)


def _clip(text: str, limit: int = ROW_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def meeting_height(rows: int) -> int:
    """Figure height in pixels for a heatmap with this many rows in meeting type."""
    return HEADER_HEIGHT + ROW_HEIGHT * rows


def _layout(fig: go.Figure, rows: int) -> go.Figure:
    fig.update_layout(
        height=meeting_height(rows),
        margin={"l": 10, "r": 10, "t": HEADER_HEIGHT - 10, "b": 10},
        font={"size": TICK_SIZE},
        xaxis={"side": "top", "tickfont": {"size": TICK_SIZE}, "fixedrange": True,
               "tickangle": 0, "showgrid": False, "zeroline": False},
        yaxis={"autorange": "reversed", "tickfont": {"size": TICK_SIZE - 1}, "automargin": True,
               "fixedrange": True, "showgrid": False, "zeroline": False},
        plot_bgcolor="#FFFFFF",
    )
    return fig


def _wide(frame: pd.DataFrame, values: str) -> pd.DataFrame:
    rows = list(dict.fromkeys(frame[ROW_ID]))
    columns = list(dict.fromkeys(frame[MEASURE]))
    return frame.pivot_table(index=ROW_ID, columns=MEASURE, values=values, sort=False,
                             dropna=False).reindex(index=rows, columns=columns)


def _two_lines(text: str, width: int = LINE_CHARS) -> str:
    """A long label broken at the space nearest its middle, so the heatmap keeps its width."""
    if len(text) <= width or " " not in text:
        return _plain(text)
    middle = len(text) // 2
    cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
    return f"{_plain(text[:cut])}<br>{_plain(text[cut + 1:])}"


def _row_labels(frame: pd.DataFrame) -> list[str]:
    names = dict(zip(frame[ROW_ID], frame[ROW_NAME], strict=False))
    return [_two_lines(_clip(str(names[row]))) for row in dict.fromkeys(frame[ROW_ID])]


def _wrap_words(text: str, width: int = TICK_LINE_CHARS) -> str:
    """Words on lines of at most `width` characters (long known words hyphenated), joined
    with plotly's line break."""
    lines: list[str] = []
    for word in text.split():
        parts = HYPHENATION.get(word, (word,)) if len(word) > width else (word,)
        for part in parts:
            if lines and not lines[-1].endswith("-") and len(lines[-1]) + 1 + len(part) <= width:
                lines[-1] += " " + part
            else:
                lines.append(part)
    return "<br>".join(_plain(line) for line in lines)


def measure_label(measure: str, min_distinct: int, lang: str = NB) -> str:
    """Column heading of a coverage measure: a process, distinct advisors or all rules."""
    if measure == DISTINCT:
        return _wrap_words(t("chart.at_least", lang, count=min_distinct))
    if measure == COMPLIANT:
        return _wrap_words(t("chart.compliant", lang))
    return _wrap_words(process_label(measure, lang, short=True))


def make_coverage_rollup_heatmap(coverage: pd.DataFrame, min_distinct: int,
                                 lang: str = NB) -> go.Figure:
    """Faculty × rule: units that meet it of the units judged, coloured by that share."""
    part, whole = _wide(coverage, "part").fillna(0), _wide(coverage, "whole").fillna(0)
    share = part / whole.where(whole > 0)
    text = [[t("of", lang, part=int(p), whole=int(w)) for p, w in zip(prow, wrow, strict=True)]
            for prow, wrow in zip(part.to_numpy(), whole.to_numpy(), strict=True)]
    trace = go.Heatmap(
        z=share.to_numpy(dtype=float),
        x=[measure_label(m, min_distinct, lang) for m in part.columns],
        y=_row_labels(coverage), text=text, texttemplate="%{text}",
        textfont={"size": TEXT_SIZE}, colorscale=SHARE_SCALE, zmin=0, zmax=1, xgap=3, ygap=3,
        showscale=False,
        hovertemplate=f"%{{y}}<br>%{{x}}: %{{text}} {t('chart.units', lang)}<extra></extra>",
    )
    return _layout(go.Figure(trace), len(part))


def _measure_labels(training: pd.DataFrame, measures, lang: str) -> list[str]:
    """A requirement row's heading: its id and its audience in `lang` ("K3 saksbehandlere")."""
    if "audience" not in training:
        return list(measures)
    keys = training.drop_duplicates(MEASURE).set_index(MEASURE)
    return [f"{keys.at[m, 'requirement_id']} {audience_label(keys.at[m, 'audience'], lang)}"
            for m in measures]


def make_suppressed_share_heatmap(training: pd.DataFrame, limit: int,
                                  lang: str = NB) -> go.Figure:
    """Rows × requirement: share of the group that meets it; a group under `limit` persons is
    a grey "<limit" cell, so neither its number nor its colour tells who lacks a course."""
    met, target = _wide(training, "met").fillna(0), _wide(training, "target").fillna(0)
    # Shares held back beside counts hidden as complements (suppression.training_by_unit).
    withheld = (_wide(training.assign(withheld=training["withheld"].astype(float)), "withheld")
                .fillna(0).astype(bool) if "withheld" in training else target < 0)
    small = (target > 0) & (target < limit)
    withheld &= ~small & (target > 0)
    shown = (target >= limit) & ~withheld
    share = (met / target.where(target > 0)).where(shown)
    text = [[t("meeting.withheld", lang) if w else suppress_share(int(m), int(n), limit)
             for m, n, w in zip(mrow, trow, wrow, strict=True)]
            for mrow, trow, wrow in zip(met.to_numpy(), target.to_numpy(), withheld.to_numpy(),
                                        strict=True)]
    hidden = (small | withheld).astype(float).where(small | withheld)
    x, y = [_wrap_words(c) for c in _measure_labels(training, met.columns, lang)], \
        _row_labels(training)
    fig = go.Figure([
        go.Heatmap(z=hidden.to_numpy(dtype=float), x=x, y=y, showscale=False, xgap=3, ygap=3,
                   colorscale=[[0, SUPPRESSED_GREY], [1, SUPPRESSED_GREY]], hoverinfo="skip"),
        go.Heatmap(z=share.to_numpy(dtype=float), x=x, y=y, text=text, texttemplate="%{text}",
                   textfont={"size": TEXT_SIZE}, colorscale=SHARE_SCALE, zmin=0, zmax=1,
                   xgap=3, ygap=3, hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
                   colorbar={"title": {"text": t("chart.share", lang), "side": "right"},
                             "tickformat": ".0%",
                             "tickvals": [0, 0.5, 1], "lenmode": "pixels",
                             "len": min(240, ROW_HEIGHT * len(y)), "y": 1, "yanchor": "top",
                             "thickness": 16}),
    ])
    fig = _layout(fig, len(y))
    if len(x) > HALF_WIDTH_COLUMNS:  # shown at full width, still narrow at 1366 px
        fig.update_xaxes(tickfont={"size": TICK_SIZE - 4})
    return fig


def make_unit_process_heatmap(unit_process: pd.DataFrame, order: pd.DataFrame,
                              min_distinct: int, lang: str = NB) -> go.Figure:
    """The overview's unit × process heatmap in meeting type (advisor counts, rule colours)."""
    fig = make_process_heatmap(unit_process, order, min_distinct, lang)
    fig.update_traces(textfont={"size": TEXT_SIZE}, selector={"type": "heatmap"})
    for trace in fig.data:
        if trace.y is not None and len(trace.y) == 2 and isinstance(trace.y[0], list | tuple):
            # Slides and the meeting page show one faculty at a time: the unit level suffices.
            trace.y = trace.y[1]
    columns = list(fig.data[0].x)
    short = {process_label(p, lang): process_label(p, lang, short=True)
             for p in dict.fromkeys(unit_process[PROCESS])}
    fig.update_xaxes(tickvals=columns, ticktext=[_wrap_words(short.get(c, c)) for c in columns])
    # The overview clips long unit names shorter than two lines here can hold.
    names = [name if name == unit else f"{name} ({unit})"
             for unit, name in zip(order[UNIT_ID], order[UNIT_NAME], strict=True)]
    fig.update_yaxes(tickvals=list(fig.data[0].y),
                     ticktext=[_two_lines(_clip(name)) for name in names])
    return _layout(fig, len(order))


GAP_COLUMN_WEIGHTS = {"faculty": 0.7, "unit": 2.3, "missing": 1.6, "advisors": 1.0,
                      "advisors_lacking": 1.0, "case_handlers_lacking": 1.4}
GAP_TEXT_SIZE = 16
GAP_LINE_HEIGHT = 22
GAP_CHAR_WIDTH = 0.52  # average character width of the table font, in ems


def _lines(text: str, pixels: float, size: int) -> int:
    """Lines a cell's text wraps to, roughly, so the figure is tall enough for every row."""
    per_line = max(1, int(pixels / (size * GAP_CHAR_WIDTH)) - 1)
    return max(1, -(-len(text) // per_line))


def make_gap_table(table: pd.DataFrame, labels: dict[str, str],
                   width: int = 640) -> go.Figure:
    """The top gaps as a plain-text table in meeting type; the last row, the total, shaded.

    `table` has keys of GAP_COLUMN_WEIGHTS as columns (any subset), `labels` the headings and
    `width` the pixels it will be shown in, to size the rows for wrapped text."""
    columns = list(table.columns)
    weights = [GAP_COLUMN_WEIGHTS[c] for c in columns]
    pixels = [width * w / sum(weights) - 16 for w in weights]

    def lines(values: list[str], size: int) -> int:
        return max(_lines(v, p, size) for v, p in zip(values, pixels, strict=True))

    headers = [labels[c] for c in columns]
    header_height = 10 + GAP_LINE_HEIGHT * lines(headers, GAP_TEXT_SIZE)
    row_heights = [10 + GAP_LINE_HEIGHT * lines([str(v) for v in row], GAP_TEXT_SIZE)
                   for row in table.itertuples(index=False)]
    fills = ["#FFFFFF" if i % 2 == 0 else "#F4F4F4" for i in range(len(table) - 1)]
    fig = go.Figure(go.Table(
        header={"values": [_plain(h) for h in headers], "align": "left",
                "fill_color": "#E4E4E4", "height": header_height,
                "font": {"size": GAP_TEXT_SIZE, "color": "#1F2A44"}},
        cells={"values": [[_plain(str(v)) for v in table[c]] for c in columns], "align": "left",
               "fill_color": [[*fills, "#E4E4E4"]], "height": 10 + GAP_LINE_HEIGHT,
               "font": {"size": GAP_TEXT_SIZE, "color": "#1F2A44"}},
        columnwidth=weights,
    ))
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0},
                      height=header_height + sum(row_heights) + 30)
    return fig
