"""The benchmark's timed stages, each a function of the input files returning medians in seconds."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import math
import pickle
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import python_calamine

import loaders.read
from analysis import Results, build_results
from analysis.overview import overview_tables
from loaders import Dataset, load_dataset
from loaders.dataset import Source
from loaders.read import RawSheet
from wording.actions import gap_actions

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 1)
APPTEST_TIMEOUT = 900
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVALUATED_LABEL = "Enheter vurdert"

Inputs = dict[str, tuple[str, bytes]]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_seconds(action: Callable[[], object], runs: int) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def load_inputs(paths: dict[str, Path]) -> Inputs:
    """Each file as the (name, bytes) pair an upload gives, so disk reads are not timed."""
    return {kind: (path.name, path.read_bytes()) for kind, path in paths.items()}


def read_with_pandas(data: bytes, engine: str) -> dict[str, pd.DataFrame]:
    """Every sheet as raw cells (no header, no type guessing) through pandas' read_excel."""
    return pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, dtype=object,
                         engine=engine)


def read_calamine_raw(data: bytes) -> list[list[list[object]]]:
    """Every worksheet (the sheets the loaders read) as Python lists straight from calamine:
    the bare parse, the floor for any reader."""
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return [workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            for meta in workbook.sheets_metadata
            if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]


@dataclass(frozen=True)
class ReadTimes:
    """Medians per file kind: calamine via pandas, openpyxl via pandas, calamine without pandas."""

    calamine: dict[str, float]
    openpyxl: dict[str, float]
    raw: dict[str, float]
    slow_runs: int  # runs of openpyxl and of raw calamine, fewer than `runs` at national size


def time_reading(inputs: Inputs, runs: int, slow_runs: int) -> ReadTimes:
    """Both pandas engines on the same bytes in the same loop, so they share the machine's load."""
    calamine: dict[str, list[float]] = {kind: [] for kind in inputs}
    openpyxl: dict[str, list[float]] = {kind: [] for kind in inputs}
    raw: dict[str, list[float]] = {kind: [] for kind in inputs}
    for run in range(runs):
        for kind, (_, data) in inputs.items():
            calamine[kind].append(timed(lambda d=data: read_with_pandas(d, "calamine")))
            if run < slow_runs:
                openpyxl[kind].append(timed(lambda d=data: read_with_pandas(d, "openpyxl")))
                raw[kind].append(timed(lambda d=data: read_calamine_raw(d)))
    return ReadTimes(*({kind: statistics.median(times) for kind, times in table.items()}
                       for table in (calamine, openpyxl, raw)), slow_runs)


@dataclass(frozen=True)
class PipelineTimes:
    """Medians of the app's own pipeline: load_dataset (its read_sheets calls), build_results."""

    read_sheets: float  # NaN when load_dataset no longer reads through loaders.read.read_sheets
    load_dataset: float
    build_results: float
    load_and_compute: float
    load_and_compute_cpu: float  # process CPU time: less disturbed by others on shared cores
    dataset: Dataset
    results: Results


@contextmanager
def reads_timed() -> Iterator[list[float]]:
    """Time every read_sheets call inside the loaders, wherever a loaders module imported it."""
    original = loaders.read.read_sheets
    spent: list[float] = []

    def timed_read(source: Source) -> list[RawSheet]:
        start = time.perf_counter()
        try:
            return original(source)
        finally:
            spent.append(time.perf_counter() - start)

    modules = [module for name, module in list(sys.modules.items())
               if name.split(".")[0] == "loaders" and getattr(module, "read_sheets", None)
               is original]
    for module in modules:
        module.read_sheets = timed_read
    try:
        yield spent
    finally:
        for module in modules:
            module.read_sheets = original


def time_pipeline(inputs: Inputs, runs: int) -> PipelineTimes:
    """load_dataset and build_results as state.py calls them, with the reading inside timed."""
    read_times, load_times, build_times, cpu_times = [], [], [], []
    for _ in range(runs):
        cpu_start, start = time.process_time(), time.perf_counter()
        with reads_timed() as reads:
            dataset = load_dataset(**inputs)
        loaded = time.perf_counter()
        results = build_results(dataset, as_of=AS_OF)
        read_times.append(sum(reads) if len(reads) == len(inputs) else math.nan)
        load_times.append(loaded - start)
        build_times.append(time.perf_counter() - loaded)
        cpu_times.append(time.process_time() - cpu_start)
    totals = [load + build for load, build in zip(load_times, build_times, strict=True)]
    return PipelineTimes(statistics.median(read_times), statistics.median(load_times),
                         statistics.median(build_times), statistics.median(totals),
                         statistics.median(cpu_times), dataset, results)


@dataclass(frozen=True)
class CacheTimes:
    """What an upload costs besides the pipeline, and what st.cache_data adds per page run."""

    upload_in_worker: float  # guess each upload's kind and load the data set, in a worker
    store: float  # first call: hash the input bytes, pickle (dataset, results) into the cache
    hit: float  # every later page run: hash the input bytes, unpickle (dataset, results)
    pickled_mb: float


def cache_round(files: tuple[tuple[str, str, bytes], ...], value: object) -> tuple[float, float]:
    """(miss, hit) seconds of st.cache_data around a function that returns `value` at once."""
    import streamlit as st

    st.cache_data.clear()

    @st.cache_data(max_entries=8)
    def cached(files: tuple[tuple[str, str, bytes], ...]) -> object:
        return value

    return timed(lambda: cached(files)), timed(lambda: cached(files))


def time_cache(inputs: Inputs, value: tuple[Dataset, Results], runs: int) -> CacheTimes:
    """The same arguments and return value as state.py's cached loader, on a cold cache."""
    from loaders.isolated import classify_and_load_isolated

    uploads = list(inputs.values())
    files = tuple((kind, name, data) for kind, (name, data) in inputs.items())
    classify_and_load_isolated(uploads[:1], load=False)  # start the forkserver once
    classify = median_seconds(lambda: classify_and_load_isolated(uploads), runs)
    rounds = [cache_round(files, value) for _ in range(runs)]
    pickled = len(pickle.dumps(value)) / 1e6
    return CacheTimes(classify, statistics.median(miss for miss, _ in rounds),
                      statistics.median(hit for _, hit in rounds), pickled)


def excel_export() -> Callable[[Results, io.BytesIO], object] | None:
    """The Excel report writer; None while exports/excel.py does not exist."""
    if importlib.util.find_spec("exports.excel") is None:
        return None
    from exports.excel import write_excel_report

    return write_excel_report


def time_export(results: Results, runs: int) -> float | None:
    write = excel_export()
    if write is None:
        return None
    return median_seconds(lambda: write(results, io.BytesIO()), runs)


@dataclass(frozen=True)
class AppTimes:
    """Medians of the overview after an upload through the sidebar: first run, cached re-run."""

    first_run: float
    cached_rerun: float
    problem: str  # why the page did not show the uploaded data; empty when it did


def uploaded_app(inputs: Inputs) -> tuple[AppTest, float]:
    """dashboard.py on an empty cache, the files dropped in its sidebar: (app, first run's time)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    app.session_state["as_of"] = AS_OF
    app.run()
    app.sidebar.file_uploader[0].set_value(
        [(name, data, XLSX_MIME) for name, data in inputs.values()])
    return app, timed(app.run)


def time_app(inputs: Inputs, evaluated_units: int, runs: int) -> AppTimes:
    """Upload every file in the sidebar, as a user does; then re-run the page from the cache."""
    first_runs, reruns = [], []
    for _ in range(runs):
        app, first_run = uploaded_app(inputs)
        first_runs.append(first_run)
        problem = app_problem(app, evaluated_units)
        if problem:
            return AppTimes(statistics.median(first_runs), float("nan"), problem)
        reruns += [timed(app.run) for _ in range(runs)]
        problem = app_problem(app, evaluated_units)
        if problem:
            return AppTimes(statistics.median(first_runs), float("nan"), problem)
    return AppTimes(statistics.median(first_runs), statistics.median(reruns), "")


def app_problem(app: AppTest, evaluated_units: int) -> str:
    """Empty when the overview shows the uploaded data's unit count; else what it showed."""
    if app.exception:
        return f"exception: {app.exception[0].message}"
    errors = [element.value for element in app.sidebar.error]
    shown = {metric.label: metric.value for metric in app.metric}.get(EVALUATED_LABEL)
    if errors or shown != str(evaluated_units):
        return f"{EVALUATED_LABEL} = {shown}, expected {evaluated_units}; {' '.join(errors)}"
    return ""


@dataclass(frozen=True)
class MemoryUse:
    """One fresh process that loads and computes once: its peak resident set and its time."""

    peak_mb: float
    imports_mb: float
    seconds: float


def measure_memory(size_name: str) -> MemoryUse:
    """Run bench/peak_memory.py in a child process and read the figures it prints."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "peak_memory.py"), size_name],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return MemoryUse(figures["peak_mb"], figures["imports_mb"], figures["seconds"])


@dataclass(frozen=True)
class UnitTimes:
    """Medians for one many-units input: the pipeline, the overview and the gaps' actions."""

    units: int  # units judged
    load_dataset: float
    build_results: float
    overview: float
    gap_actions: float

    @property
    def total(self) -> float:
        """load + compute + overview: what the overview page waits for after an upload."""
        return self.load_dataset + self.build_results + self.overview


def time_units(inputs: Inputs, runs: int) -> UnitTimes:
    """load_dataset, build_results, overview_tables (all units) and gap_actions, in turn."""
    loads, builds, overviews, actions = [], [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        dataset = load_dataset(**inputs)
        loaded = time.perf_counter()
        results = build_results(dataset, as_of=AS_OF)
        built = time.perf_counter()
        overview_tables(results, None)
        shown = time.perf_counter()
        gap_actions(results, results.staff, dataset.courses)
        loads.append(loaded - start)
        builds.append(built - loaded)
        overviews.append(shown - built)
        actions.append(time.perf_counter() - shown)
    return UnitTimes(len(results.unit_summary), *(statistics.median(times) for times in
                                                  (loads, builds, overviews, actions)))
