"""`make bench`: time reading, validation, computing, export and the app at two input sizes.

Generates (once, cached in bench/.cache/) a university-size and a national-size set of xlsx
inputs, then prints one table of medians: reading with python-calamine and with openpyxl side by
side, the app's own pipeline (load_dataset, build_results), the Excel report, the overview page in
AppTest after an upload and on a cached re-run, and the peak memory of a process that loads and
computes once. The many-units size times load + compute + overview (and the gaps' actions) for
4,000 single-person units and a 3,000-level unit chain, which must stay linear (issue 10).
`--sizes university` runs one size only. Timings are printed, never asserted.
"""

import argparse
import datetime as dt
import logging
import math
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import (  # noqa: E402
    AS_OF,
    AppTimes,
    CacheTimes,
    MemoryUse,
    PipelineTimes,
    ReadTimes,
    UnitTimes,
    load_inputs,
    measure_memory,
    time_app,
    time_cache,
    time_export,
    time_pipeline,
    time_reading,
    time_units,
)
from bench.synth import (  # noqa: E402
    NATIONAL,
    SIZES,
    UNIT_SHAPES,
    UNIVERSITY,
    Size,
    UnitShape,
    bench_inputs,
    unit_inputs,
)


@dataclass(frozen=True)
class Plan:
    """How many runs each stage gets at one size; national size keeps to about ten minutes."""

    runs: int
    slow_runs: int  # openpyxl (100 s for the national course file) and raw calamine reads
    app_runs: int  # AppTest first runs, each followed by as many cached re-runs


PLANS = {UNIVERSITY.name: Plan(runs=5, slow_runs=3, app_runs=3),
         NATIONAL.name: Plan(runs=3, slow_runs=1, app_runs=2)}
TARGET_SECONDS = {UNIVERSITY.name: 1.0, NATIONAL.name: 6.0}
TARGET_PEAK_MB = {NATIONAL.name: 1500.0}
TARGET_RERUN_SECONDS = 0.2
MANY_UNITS = "many-units"  # the --sizes name of the many-units inputs (bench/synth.py)
UNIT_RUNS = 1  # a few seconds in all: the failure this guards against took minutes
TARGET_UNIT_SECONDS = 5.0  # load + compute + overview of each many-units input


@dataclass(frozen=True)
class SizeReport:
    """Every figure measured for one size."""

    size: Size
    plan: Plan
    units: int
    files_mb: float
    reads: ReadTimes
    pipeline: PipelineTimes
    export: float | None
    cache: CacheTimes
    app: AppTimes
    memory: MemoryUse


def progress(size: Size, step: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {size.name}: {step} …", file=sys.stderr, flush=True)


def measure(size: Size) -> SizeReport:
    plan = PLANS[size.name]
    progress(size, "generating or reusing the input files")
    paths = bench_inputs(size)
    inputs = load_inputs(paths)
    files_mb = sum(len(data) for _, data in inputs.values()) / 1e6
    progress(size, f"reading with calamine and openpyxl ({plan.runs}/{plan.slow_runs} runs)")
    reads = time_reading(inputs, plan.runs, plan.slow_runs)
    progress(size, f"load_dataset and build_results ({plan.runs} runs)")
    pipeline = time_pipeline(inputs, plan.runs)
    units = int(pipeline.results.unit_summary.shape[0])
    progress(size, "Excel report")
    export = time_export(pipeline.results, plan.runs)
    progress(size, "upload classification and st.cache_data")
    cache = time_cache(inputs, (pipeline.dataset, pipeline.results), plan.runs)
    progress(size, f"AppTest: upload, first run and cached re-runs ({plan.app_runs} runs)")
    app = time_app(inputs, units, plan.app_runs)
    progress(size, "peak memory in a child process")
    memory = measure_memory(size.name)
    return SizeReport(size, plan, units, files_mb, reads, pipeline, export, cache, app, memory)


def seconds(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "–"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:.1f}×" if fast > 0 else "–"


def read_pair(report: SizeReport, kind: str) -> str:
    fast, slow = report.reads.calamine[kind], report.reads.openpyxl[kind]
    return f"{seconds(fast)} | {seconds(slow)} ({ratio(slow, fast)})"


def slow_total(times: dict[str, float], report: SizeReport) -> str:
    runs = report.reads.slow_runs
    note = "" if runs == report.plan.runs else f" ({runs} run{'s' if runs > 1 else ''})"
    return seconds(sum(times.values())) + note


def loaded_rows(report: SizeReport) -> str:
    dataset = report.pipeline.dataset
    return f"{len(dataset.staff):,} / {len(dataset.courses):,} / {len(dataset.issues):,}"


def page_share(report: SizeReport) -> str:
    """The first run after an upload less the worker's read and load, compute and the cache."""
    accounted = (report.cache.upload_in_worker + report.pipeline.build_results
                 + report.cache.store + report.cache.hit)
    return seconds(report.app.first_run - accounted)


Row = tuple[str, Callable[[SizeReport], str], str]
ROWS: list[Row] = [
    ("inputs: staff / course rows / units judged",
     lambda r: f"{r.size.staff:,} / {r.size.course_rows:,} / {r.units:,}", ""),
    ("xlsx bytes, five files", lambda r: f"{r.files_mb:.1f} MB", ""),
    ("loaded: staff / course records / issues", loaded_rows, ""),
    ("read, python-calamine via pandas (5 files)",
     lambda r: seconds(sum(r.reads.calamine.values())), ""),
    ("read, openpyxl via pandas (5 files)", lambda r: slow_total(r.reads.openpyxl, r), ""),
    ("  speed-up, calamine over openpyxl",
     lambda r: ratio(sum(r.reads.openpyxl.values()), sum(r.reads.calamine.values())), ""),
    ("  staff file: calamine | openpyxl", lambda r: read_pair(r, "staff"), ""),
    ("  course file: calamine | openpyxl", lambda r: read_pair(r, "courses"), ""),
    ("read, calamine without pandas (5 files)", lambda r: slow_total(r.reads.raw, r), ""),
    ("load_dataset: read + validate + normalise",
     lambda r: seconds(r.pipeline.load_dataset), ""),
    ("  of which read_sheets (loaders/read.py)", lambda r: seconds(r.pipeline.read_sheets), ""),
    ("  validate + normalise (difference)",
     lambda r: seconds(r.pipeline.load_dataset - r.pipeline.read_sheets), ""),
    ("build_results: all result tables", lambda r: seconds(r.pipeline.build_results), ""),
    ("read + validate + compute", lambda r: seconds(r.pipeline.load_and_compute),
     "< 1 s / < 6 s"),
    ("  the same, CPU time of the process",
     lambda r: seconds(r.pipeline.load_and_compute_cpu), ""),
    ("Excel report (exports.excel)", lambda r: seconds(r.export), ""),
    ("upload: guess kinds + load_dataset, in a worker",
     lambda r: seconds(r.cache.upload_in_worker), ""),
    ("  isolation cost (worker less load_dataset here)",
     lambda r: seconds(r.cache.upload_in_worker - r.pipeline.load_dataset), ""),
    ("st.cache_data store: hash + pickle", lambda r: seconds(r.cache.store), ""),
    ("st.cache_data hit: hash + unpickle", lambda r: seconds(r.cache.hit), ""),
    ("  pickled (dataset, results)", lambda r: f"{r.cache.pickled_mb:,.0f} MB", ""),
    ("AppTest overview: first run after upload", lambda r: seconds(r.app.first_run), ""),
    ("  the rest: page and AppTest (difference)", page_share, ""),
    ("AppTest overview: cached re-run", lambda r: seconds(r.app.cached_rerun), "< 0.2 s"),
    ("one cold process: load + compute", lambda r: seconds(r.memory.seconds), ""),
    ("peak memory of that process (VmHWM)", lambda r: f"{r.memory.peak_mb:,.0f} MB",
     "< 1.5 GB"),
    ("  of which interpreter + libraries", lambda r: f"{r.memory.imports_mb:,.0f} MB", ""),
]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").open()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"{os.cpu_count()} × {cpu}, Python {platform.python_version()}"


def code_version() -> str:
    """The commit the figures belong to, and whether tracked files differ from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "--no-optional-locks", *args], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "code: not a git checkout"
    return f"code: {commit}" + (" plus uncommitted changes" if changed else "")


def versions() -> str:
    return ", ".join(f"{name} {version(name)}" for name in
                     ("pandas", "python-calamine", "openpyxl", "streamlit"))


def table(reports: list[SizeReport]) -> str:
    """Stages down, sizes across: labels left-aligned, figures right-aligned, targets last."""
    headers = ["stage", *(r.size.name for r in reports), "target"]
    body = [[label, *(cell(r) for r in reports), target] for label, cell, target in ROWS]
    widths = [max(len(row[i]) for row in [headers, *body]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        figures = [text.rjust(width) for text, width in zip(row[1:-1], widths[1:-1],
                                                            strict=True)]
        return "  ".join([row[0].ljust(widths[0]), *figures, row[-1]]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in body)])


def verdicts(reports: list[SizeReport]) -> list[str]:
    lines = []
    for r in reports:
        dataset = r.pipeline.dataset
        if (len(dataset.staff), len(dataset.courses)) != (r.size.staff, r.size.course_rows):
            lines.append(f"  {r.size.name}: the loaders kept {loaded_rows(r)} (staff / course "
                         "records / issues) of the rows written; the figures time less work")
        wanted = TARGET_SECONDS[r.size.name]
        lines.append(verdict(f"{r.size.name}: read + validate + compute < {wanted:g} s",
                             r.pipeline.load_and_compute <= wanted))
        if r.size.name in TARGET_PEAK_MB:
            lines.append(verdict(f"{r.size.name}: peak memory < 1.5 GB",
                                 r.memory.peak_mb <= TARGET_PEAK_MB[r.size.name]))
        lines.append(verdict(f"{r.size.name}: cached page re-run < {TARGET_RERUN_SECONDS} s",
                             r.app.cached_rerun <= TARGET_RERUN_SECONDS))
        if r.app.problem:
            lines.append(f"  AppTest did not show the uploaded data: {r.app.problem}")
        if r.export is None:
            lines.append(f"  {r.size.name}: Excel report skipped: exports.excel."
                         "write_excel_report does not exist yet")
    return lines


def verdict(text: str, met: bool) -> str:
    return f"  {'met   ' if met else 'MISSED'}  {text}"


@dataclass(frozen=True)
class UnitReport:
    """The many-units figures of one input shape."""

    shape: UnitShape
    times: UnitTimes


def measure_units() -> list[UnitReport]:
    reports = []
    for shape in UNIT_SHAPES:
        print(f"[{dt.datetime.now():%H:%M:%S}] {MANY_UNITS}: {shape.label} …", file=sys.stderr,
              flush=True)
        reports.append(UnitReport(shape, time_units(unit_inputs(shape), UNIT_RUNS)))
    return reports


def unit_table(reports: list[UnitReport]) -> str:
    """Inputs down, stages across; the total is what the overview waits for after an upload."""
    headers = ["many units (issue 10)", "judged", "load", "compute", "overview",
               "load + compute + overview", "gap actions"]
    body = [[r.shape.label, f"{r.times.units:,}", seconds(r.times.load_dataset),
             seconds(r.times.build_results), seconds(r.times.overview), seconds(r.times.total),
             seconds(r.times.gap_actions)] for r in reports]
    widths = [max(len(row[i]) for row in [headers, *body]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join([row[0].ljust(widths[0]),
                          *(text.rjust(width) for text, width in zip(row[1:], widths[1:],
                                                                     strict=True))])

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in body)])


def unit_verdicts(reports: list[UnitReport]) -> list[str]:
    return [verdict(f"{r.shape.label}: load + compute + overview < {TARGET_UNIT_SECONDS:g} s",
                    r.times.total <= TARGET_UNIT_SECONDS) for r in reports]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [*(s.name for s in SIZES), MANY_UNITS]
    parser.add_argument("--sizes", nargs="+", choices=names, default=names,
                        help=f"which sizes to run ({MANY_UNITS}: {UNIT_SHAPES[0].label}; "
                             f"{UNIT_SHAPES[1].units:,}-level unit chains)")
    wanted = parser.parse_args().sizes
    logging.disable(logging.WARNING)  # AppTest and st.cache_data warn about bare mode each run
    started = dt.datetime.now()
    load_before = os.getloadavg()[0]
    reports = [measure(size) for size in SIZES if size.name in wanted]
    unit_reports = measure_units() if MANY_UNITS in wanted else []
    print(f"\nmake bench, {started:%Y-%m-%d %H:%M}, {machine()}, {code_version()}")
    print(f"{versions()}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
          "(other work on these cores slows every figure)")
    if reports:
        plans = "; ".join(f"{r.size.name} {r.plan.runs} (openpyxl and raw {r.plan.slow_runs}, "
                          f"AppTest {r.plan.app_runs})" for r in reports)
        print(f"Medians of {plans} runs; as-of date {AS_OF}; inputs cached in "
              "bench/.cache/\n")
        print(table(reports))
    if unit_reports:
        runs = "One run" if UNIT_RUNS == 1 else f"Medians of {UNIT_RUNS} runs"
        print(f"\n{runs} each; one person per unit, an empty course export; inputs written in "
              "memory\n")
        print(unit_table(unit_reports))
    if reports:
        print("\nTargets (issue 6):")
        print("\n".join(verdicts(reports)))
    if unit_reports:
        print("\nTargets (issue 10):")
        print("\n".join(unit_verdicts(unit_reports)))


if __name__ == "__main__":
    main()
