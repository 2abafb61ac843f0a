"""Static PNGs of plotly figures (kaleido driving Debian's chromium) and the content the
meeting deck and the PDF share: headline figures, heatmap images and the top gaps."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.config import RuleConfig
from analysis.results import Results
from analysis.suppression import (
    coverage_by_faculty,
    faculty_names,
    faculty_units,
    training_by_faculty,
    training_by_unit,
    unit_order,
)
from charts.meeting import (
    make_coverage_rollup_heatmap,
    make_suppressed_share_heatmap,
    make_unit_process_heatmap,
)
from exports import SAMPLE_MARKER
from exports.renderer import figure_pngs
from i18n import GAP_TABLE_LABELS, NB, process_label, t
from loaders.schema import UNIT_ID
from wording.meeting import MeetingKpi, meeting_figures

IMAGE_WIDTH = 1200
IMAGE_SCALE = 2
TOP_GAPS = 8
WHOLE_ORGANISATION = "Hele organisasjonen"

@dataclass(frozen=True)
class MeetingImage:
    """A rendered heatmap with its slide title and a one-line reading guide."""

    title: str
    caption: str
    png: bytes
    width: int
    height: int
    own_page: bool = True  # in print; a small per-faculty heatmap may share a page


@dataclass(frozen=True)
class MeetingContent:
    """Everything the deck and the PDF show, aggregate only, small groups suppressed."""

    scope: str
    as_of_text: str
    limit: int
    kpis: list[MeetingKpi]
    images: list[MeetingImage]
    gaps: pd.DataFrame  # display columns with Norwegian headers, text cells
    about: list[str]  # the rules and thresholds in force, one sentence each
    change: str = ""  # the change since the previous snapshot, when there is one
    sample: bool = False  # built from the bundled sample data: every page says so
    withheld: bool = False  # some figure is hidden as the complement of a small group

    @property
    def suppression_note(self) -> str:
        note = (f"Kun samletall. Grupper med færre enn {self.limit} personer vises som "
                f"<{self.limit}; totalene er regnet av alle.")
        if self.withheld:
            note += " " + t("meeting.withheld_note", NB, limit=self.limit)
        return note

    @property
    def marker(self) -> str:
        """The sample-data marker for every page and slide, or nothing for real data."""
        return SAMPLE_MARKER if self.sample else ""


@dataclass(frozen=True)
class _Planned:
    """A heatmap to render, with what the deck and the PDF print beside it."""

    fig: go.Figure
    title: str
    caption: str
    own_page: bool = True


def _rendered(planned: list[_Planned]) -> list[MeetingImage]:
    """All images in one batch: the renderer's tabs share them out."""
    sizes = [(p.fig, IMAGE_WIDTH, int(p.fig.layout.height)) for p in planned]
    return [MeetingImage(p.title, p.caption, png, width, height, p.own_page)
            for p, png, (_, width, height) in zip(planned, figure_pngs(sizes, IMAGE_SCALE),
                                                  sizes, strict=True)]


def _unit_heatmap(results: Results, unit_ids: set[str], name: str,
                  own_page: bool = True) -> _Planned:
    config = results.config
    order = unit_order(results, unit_ids)
    rows = results.unit_process[results.unit_process[UNIT_ID].isin(unit_ids)]
    fig = make_unit_process_heatmap(rows, order, config.min_distinct_advisors)
    return _Planned(fig, name, "Antall prosessrådgivere per enhet og prosess. Blå: oppfylt. "
                  "Oransje: mangler rådgiver, eller færre enn "
                  f"{config.min_distinct_advisors} ulike personer.", own_page)


def meeting_images(results: Results, faculty_id: str | None = None,
                   withheld: frozenset = frozenset()) -> list[MeetingImage]:
    """The heatmaps: roll-ups by faculty and one unit heatmap per faculty, or one faculty's;
    `withheld` as MeetingFigures.withheld for the gap table shown with them."""
    config = results.config
    limit = config.small_group_limit
    names = faculty_names(results)
    training_caption = (f"Andel i målgruppen som har fullført kurset. Grå <{limit}: færre enn "
                        f"{limit} personer. –: ingen i målgruppen.")
    if faculty_id is not None:
        unit_ids = faculty_units(results, faculty_id)
        return _rendered([
            _unit_heatmap(results, unit_ids, names[faculty_id]),
            _Planned(make_suppressed_share_heatmap(
                training_by_unit(results, unit_ids, withheld=withheld), limit),
                f"Kompetanse – {names[faculty_id]}", training_caption),
        ])
    return _rendered([
        _Planned(make_coverage_rollup_heatmap(coverage_by_faculty(results),
                                              config.min_distinct_advisors),
                 "Dekning per fakultet", "Enheter som oppfyller regelen, av enhetene som "
                 "vurderes. Blå: alle. Gul: halvparten. Oransje: ingen."),
        _Planned(make_suppressed_share_heatmap(training_by_faculty(results), limit),
                 "Kompetanse per fakultet", training_caption),
        *(_unit_heatmap(results, faculty_units(results, faculty), name, own_page=False)
          for faculty, name in names.items()),
    ])


def about_lines(config: RuleConfig) -> list[str]:
    """The rules and thresholds behind the figures, in plain sentences."""
    processes = ", ".join(process_label(p, NB) for p in config.processes)
    advisor_ids = list(dict.fromkeys(r.id for r in config.requirements if r.for_advisors))
    handler = [r for r in config.requirements if not r.for_advisors]
    lines = [
        f"Hver enhet skal ha minst {config.min_advisors_per_process} prosessrådgiver for hver "
        f"prosess: {processes}.",
        f"Hver enhet skal ha minst {config.min_distinct_advisors} ulike personer som "
        "prosessrådgivere.",
        "Prosessrådgiverne skal ha fullført " + ", ".join(advisor_ids) + ".",
    ]
    lines += [f"Saksbehandlere skal ha fullført {r.id} {r.name} innen {config.grace_for(r)} "
              "dager etter start." for r in handler]
    lines += [
        "En enhet oppfyller kravene når de tre første reglene holder.",
        "Enheter som bare samler andre enheter (fakultetsnivået) vurderes ikke selv.",
    ]
    return lines


def meeting_content(results: Results, faculty_id: str | None = None,
                    change: str = "", *, sample: bool = False) -> MeetingContent:
    """The meeting's figures for the whole organisation or one faculty (by faculty id);
    `change` is a sentence on the change since the previous snapshot, if any; `sample` says
    the results come from the bundled sample data, so every page and slide is marked."""
    unit_ids = faculty_units(results, faculty_id)
    scope = WHOLE_ORGANISATION if faculty_id is None else faculty_names(results)[faculty_id]
    figures = meeting_figures(results, unit_ids, TOP_GAPS)
    return MeetingContent(
        scope=scope,
        as_of_text=f"{results.as_of:%d.%m.%Y}",
        limit=results.config.small_group_limit,
        kpis=figures.kpis,
        images=meeting_images(results, faculty_id, figures.withheld),
        gaps=figures.gaps.rename(columns=GAP_TABLE_LABELS),
        about=about_lines(results.config),
        change=change,
        sample=sample,
        withheld=figures.any_withheld,
    )

