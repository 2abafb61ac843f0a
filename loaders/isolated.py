"""Untrusted files are parsed in a worker process with limits on memory, CPU and wall time.

A native crash, an abort (the Excel reader's Rust runtime aborts when an allocation fails) or a
runaway parse ends only the worker: the caller gets one InputError naming the file being read,
and the server, its other sessions and their loaded data stay. Workers fork from a forkserver
that has the loaders imported already, so starting one costs milliseconds, not an import.

The worker returns canonical frames (a Dataset), not raw cell grids: those pickle in a fraction
of the time, and their arrays go down the pipe straight from the worker's memory (pickle's
out-of-band buffers), so isolation costs little on large files (see `make bench`)."""

from __future__ import annotations

import contextlib
import copyreg
import fcntl
import gc
import io
import multiprocessing
import os
import pickle
import resource
import signal
import sys
import threading
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pandas as pd
import pyarrow as pa

from loaders import zipcheck
from loaders.dataset import (
    OTHER_KINDS,
    Dataset,
    PreparedCourses,
    PreparedOthers,
    Source,
    load_dataset,
    outcome,
    prepare_courses,
    prepare_others,
    settle,
    source_name,
)
from loaders.errors import InputError
from loaders.inspect import Prepared, UploadReport, inspect_upload
from loaders.issues import Note, note
from loaders.processes import Process, processes, registered
from loaders.read import RawSheet, read_sheets, read_source
from loaders.schema import COURSE_RECORDS, STAFF
from loaders.table import guess_kind, why_not_recognised


@dataclass(frozen=True)
class Limits:
    """What one worker may use; read from the environment where a call starts, so an operator
    (or a test) can tighten or widen them without touching code."""

    memory_mb: int = 4096  # address space beyond what the worker starts with
    cpu_seconds: int = 120
    wall_seconds: int = 180
    max_sparse_cells: int = zipcheck.MAX_SPARSE_CELLS
    max_range_cells: int = zipcheck.MAX_RANGE_CELLS

    @classmethod
    def from_env(cls) -> Limits:
        names = {"memory_mb": "WORKER_MEMORY_MB", "cpu_seconds": "WORKER_CPU_SECONDS",
                 "wall_seconds": "WORKER_WALL_SECONDS",
                 "max_sparse_cells": "UPLOAD_MAX_SPARSE_CELLS",
                 "max_range_cells": "UPLOAD_MAX_RANGE_CELLS"}
        return cls(**{field: int(os.environ[var]) for field, var in names.items()
                      if os.environ.get(var, "").isdigit()})


_context: multiprocessing.context.BaseContext | None = None


def _workers() -> multiprocessing.context.BaseContext:
    """A caller without other threads (the command line) forks itself: no second interpreter
    to start and import into (0.6 s of a university-size run). A threaded one (Streamlit's
    server) must not fork, so its workers come from the forkserver."""
    global _context
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        # not "__main__" (the default): under Streamlit that is its command-line runner
        context.set_forkserver_preload(["loaders.isolated"])
        _context = context
    return _context


@contextlib.contextmanager
def _page_script_hidden() -> Iterator[None]:
    """Streamlit (and AppTest) run each page as `__main__`; multiprocessing would import that
    file again in the forkserver and in every worker, running the whole page before the task
    (or failing there). A bare `__main__` while a worker starts keeps them to their task."""
    page = sys.modules["__main__"]
    sys.modules["__main__"] = _BARE_MAIN
    try:
        yield
    finally:
        sys.modules["__main__"] = page


_BARE_MAIN = types.ModuleType("__main__")


def _virtual_size() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _limit_this_process(limits: Limits) -> None:
    # a native crash prints its backtrace on stderr: keep the command line to its one line
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    zipcheck.MAX_SPARSE_CELLS = limits.max_sparse_cells
    zipcheck.MAX_RANGE_CELLS = limits.max_range_cells
    memory = _virtual_size() + limits.memory_mb * 1024 * 1024
    for limit, wanted in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, limits.cpu_seconds),
                          (resource.RLIMIT_CORE, 0)):
        _, hard = resource.getrlimit(limit)
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(limit, (soft, hard))


def _serve(connection: Connection, limits: Limits, known: tuple[Process, ...], task: Callable,
           args: tuple) -> None:
    """The worker: run `task` with the parent's processes, telling the parent which file it
    reads before each read."""
    _limit_this_process(limits)
    # A worker lives for one task, and its memory limit ends a runaway: no cycle collection.
    # The reader makes a list per row, and a collection after every 700 of them cost a sixth
    # of the national course file's parse (0.5 s of 3.1 s).
    gc.disable()

    def reading(name: str) -> None:
        connection.send(("reading", name))

    try:
        with registered(*(process for process in known if process not in processes())):
            head, buffers = _pickled(task(reading, *args))
        connection.send(("done", len(buffers)))
        connection.send_bytes(head)
        for buffer in buffers:
            connection.send_bytes(buffer.raw())
    except InputError as error:
        connection.send(("refused", error.file, error.note))
    except MemoryError:
        connection.send(("failed", note("needs_memory")))
    except Exception as error:  # noqa: BLE001 - anything a hostile file provokes
        connection.send(("failed", note("read_failed", reason=type(error).__name__)))
    finally:
        connection.close()


class Isolated:
    """task(reading, *args) started in a limited worker; `result()` waits for it.

    `reading(name)` lets the task say which file it is on, so a crash names that file."""

    def __init__(self, task: Callable, *args: object, first_file: str = ""):
        self.limits = Limits.from_env()
        self.receive, send = _workers().Pipe(duplex=False)
        # a 1 MB pipe (Linux's most for a user) instead of 64 kB: large results in fewer turns
        with contextlib.suppress(OSError):
            fcntl.fcntl(send.fileno(), fcntl.F_SETPIPE_SZ, 1024 * 1024)
        self.worker = _workers().Process(
            target=_serve, args=(send, self.limits, processes(), task, args), daemon=True)
        with _page_script_hidden():
            self.worker.start()
        send.close()
        self.current = first_file

    def result(self) -> object:
        """What the task returned; its InputError, or one for a crash, raised here."""
        try:
            while True:
                if not self.receive.poll(self.limits.wall_seconds):
                    raise InputError(self.current,
                                     note("too_slow", seconds=self.limits.wall_seconds))
                try:
                    message = self.receive.recv()
                    if message[0] == "done":
                        head = self.receive.recv_bytes()
                        buffers = [self.receive.recv_bytes() for _ in range(message[1])]
                        return pickle.loads(head, buffers=buffers)
                except EOFError:
                    self.worker.join(5)
                    raise InputError(self.current, _crash_note(self.worker.exitcode)) from None
                if message[0] == "reading":
                    self.current = message[1]
                elif message[0] == "refused":
                    raise InputError(message[1], message[2])
                else:
                    raise InputError(self.current, message[1])
        finally:
            self.receive.close()
            if self.worker.is_alive():
                self.worker.kill()
            self.worker.join(5)


def _texts(chunks: list[pa.Array], arrow_type: pa.DataType,
           dtype: pd.StringDtype) -> pd.arrays.ArrowStringArray:
    return pd.arrays.ArrowStringArray(pa.chunked_array(chunks, type=arrow_type), dtype=dtype)


def _by_chunks(texts: pd.arrays.ArrowStringArray) -> tuple:
    arrow = texts.__arrow_array__()
    return _texts, (arrow.chunks, arrow.type, texts.dtype)


def _pickled(value: object) -> tuple[memoryview, list[pickle.PickleBuffer]]:
    """The value pickled with its arrays' memory apart, to be sent as it lies. Text columns
    keep their Arrow chunks: pandas' own pickling joins them into new memory first, which took
    0.15 s of 500,000 course rows (the worker's fresh pages), more than sending them."""
    buffers: list[pickle.PickleBuffer] = []
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5, buffer_callback=buffers.append)
    pickler.dispatch_table = copyreg.dispatch_table | {pd.arrays.ArrowStringArray: _by_chunks}
    pickler.dump(value)
    return out.getbuffer(), buffers


def run_isolated(task: Callable, *args: object, first_file: str = "") -> object:
    """task(reading, *args) in a limited worker; its InputError, or one for a crash, raised here."""
    return Isolated(task, *args, first_file=first_file).result()


def _crash_note(exitcode: int | None) -> Note:
    if exitcode is not None and exitcode < 0 and -exitcode in (signal.SIGXCPU, signal.SIGKILL):
        return note("too_much_cpu")
    return note("reader_crashed")


# --- tasks (top level, so the forkserver can run them) ---------------------------------------

def _read_each(reading: Callable[[str], None],
               sources: dict[str, Source | None]) -> dict[str, list[RawSheet]]:
    sheets = {}
    for kind, source in sources.items():
        if source is not None:
            reading(source_name(source))
            sheets[kind] = source if isinstance(source, list) else read_sheets(source)
    return sheets


def _prepare_others(reading: Callable[[str], None], sources: dict[str, Source | None],
                    manual: dict[str, dict[str, str]]) -> PreparedOthers:
    sheets = _read_each(reading, sources)
    reading(", ".join(source_name(source) for source in sources.values() if source))
    return prepare_others(**sheets, manual=manual)


def _prepare_courses(reading: Callable[[str], None], source: Source,
                     manual: dict[str, str] | None) -> PreparedCourses:
    reading(source_name(source))
    return prepare_courses(source, manual)


def _classify_and_load(reading: Callable[[str], None], uploads: list[tuple[str, bytes]],
                       load: bool) -> tuple[dict[str, tuple[str, bytes]], list[InputError],
                                            Dataset | None, InputError | None]:
    """Each upload's kind from its headers, then the Dataset of the recognised files."""
    found: dict[str, tuple[str, bytes]] = {}
    sheets: dict[str, list[RawSheet]] = {}
    problems: list[InputError] = []
    for name, data in uploads:
        reading(name)
        try:
            read = read_sheets((name, data))
            kind = guess_kind(read)
        except InputError as error:
            problems.append(error)
            continue
        if kind is None:
            problems.append(InputError(name, why_not_recognised(read)))
        elif kind in found:
            problems.append(InputError(name, note("kind_twice", kind=kind,
                                                  used=found[kind][0])))
        else:
            found[kind], sheets[kind] = (name, data), read
    reading(", ".join(name for name, _ in found.values()))
    if not load or not {STAFF, COURSE_RECORDS} <= set(sheets):
        return found, problems, None, None
    try:
        return found, problems, load_dataset(**sheets), None
    except InputError as error:
        return found, problems, None, error


def _inspect(reading: Callable[[str], None], name: str, data: bytes, kind: str | None,
             manual: dict[str, str] | None) -> tuple[UploadReport, Prepared | None]:
    reading(name)
    return inspect_upload(name, data, kind, manual)


# --- what callers use -----------------------------------------------------------------------

class IsolatedLoad:
    """load_dataset, with the course file (most of a large data set's reading) read and
    normalised in one limited worker and the other files beside it in another: on two cores
    the whole takes about as long as the course file alone. `others()` gives the other files
    as soon as they are ready, for work that needs no course record; `dataset()` matches the
    course records to the staff file's people here, in canonical frames."""

    def __init__(self, staff: Source, courses: Source, advisors: Source | None = None,
                 requirements: Source | None = None, units: Source | None = None,
                 assessments: Source | None = None,
                 manual_mappings: dict[str, dict[str, str]] | None = None):
        given = [staff, courses, advisors, requirements, units, assessments]
        for source in given:
            if isinstance(source, str | Path):
                read_source(source)  # a missing or unreadable path is said here, as before
        self.order = [source_name(source) for source in given if source is not None]
        self.manual = manual_mappings or {}
        self.sources = dict(zip(OTHER_KINDS, (staff, advisors, requirements, units, assessments),
                                strict=True))
        self.course_worker = Isolated(_prepare_courses, courses, self.manual.get(COURSE_RECORDS),
                                      first_file=source_name(courses))
        self.prepared: PreparedOthers | InputError | None = None

    def others(self) -> PreparedOthers | None:
        """Every file but the course file, read and joined; None when one cannot be used
        (`dataset()` says which)."""
        if self.prepared is None:
            self.prepared = outcome(run_isolated, _prepare_others, self.sources, self.manual,
                                    first_file=self.order[0])
        return None if isinstance(self.prepared, InputError) else self.prepared

    def dataset(self) -> Dataset:
        self.others()
        return settle(self.prepared, outcome(self.course_worker.result), self.order)


def load_dataset_isolated(staff: Source, courses: Source, advisors: Source | None = None,
                          requirements: Source | None = None, units: Source | None = None,
                          assessments: Source | None = None,
                          manual_mappings: dict[str, dict[str, str]] | None = None) -> Dataset:
    """load_dataset in two limited workers (IsolatedLoad)."""
    return IsolatedLoad(staff, courses, advisors, requirements, units, assessments,
                        manual_mappings).dataset()


def classify_and_load_isolated(uploads: list[tuple[str, bytes]], load: bool = True):
    """(files by kind, problems, Dataset or None, why the dataset could not be made)."""
    first = uploads[0][0] if uploads else ""
    try:
        return run_isolated(_classify_and_load, uploads, load, first_file=first)
    except InputError as error:
        return {}, [error], None, None


def inspect_upload_isolated(name: str, data: bytes, kind: str | None = None,
                            manual: dict[str, str] | None = None
                            ) -> tuple[UploadReport, Prepared | None]:
    """inspect_upload in a limited worker; a crash becomes the report's error."""
    try:
        return run_isolated(_inspect, name, data, kind, manual, first_file=name)
    except InputError as error:
        return UploadReport(name, kind, error=error), None


def load_prepared_isolated(sheets: dict[str, list[RawSheet]], courses: PreparedCourses,
                           manual_mappings: dict[str, dict[str, str]] | None = None) -> Dataset:
    """load_dataset of files read already (by inspect_upload): the other files' sheets joined
    in a limited worker, then the course records matched to their people here."""
    others = {kind: sheets.get(kind) for kind in OTHER_KINDS}
    order = [source_name(sheets[STAFF]), courses.info.file,
             *(source_name(found) for kind, found in others.items() if found and kind != STAFF)]
    return settle(outcome(run_isolated, _prepare_others, others, manual_mappings or {},
                          first_file=order[0]), courses, order)
