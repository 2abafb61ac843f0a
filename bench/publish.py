"""`make bench`, publishing: at university size, how long a publication takes to store (SQLite
and a throwaway PostgreSQL, side by side in one run) and how long until a session shows it
(an open session's next rerun, and a new session's first page). Printed, never asserted."""

from __future__ import annotations

import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.measure import AS_OF, load_inputs  # noqa: E402
from bench.synth import UNIVERSITY, bench_inputs  # noqa: E402
from store.publications import PublicationStore  # noqa: E402
from store.publish import files_digest, publish_files  # noqa: E402
from tests.postgres import postgres_server  # noqa: E402

RUNS = 3
EVALUATED = "Enheter vurdert"


def _timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _files(variant: int) -> tuple[tuple[str, str, bytes], ...]:
    """The university inputs; `variant` changes one byte of a name so each is new data."""
    inputs = load_inputs(bench_inputs(UNIVERSITY))
    return tuple((kind, f"{variant}-{name}", data) for kind, (name, data) in inputs.items())


def publish_times(database: str) -> tuple[float, float]:
    """(median seconds to store a checked publication, median seconds incl. the check)."""
    store = PublicationStore(database)
    stored, checked = [], []
    for run in range(RUNS):
        files = _files(run)
        stored.append(_timed(lambda files=files: store.publish(
            files, (), by="bench", source="command line", as_of=AS_OF,
            digest=files_digest(files)))[0])
        checked.append(_timed(lambda files=files: publish_files(
            store, files, (), by="bench", source="command line", as_of=AS_OF))[0])
    return statistics.median(stored), statistics.median(checked)


def session_times(database: str) -> tuple[float, float]:
    """(seconds for an open session's next rerun to show a new publication, seconds for a new
    session's first overview of it), each the median of RUNS publications."""
    os.environ["DATABASE_URL"] = database
    store = PublicationStore(database)
    open_session = AppTest.from_file("../dashboard.py", default_timeout=600)
    open_session.session_state["as_of"] = AS_OF
    open_session.run()
    reruns, firsts = [], []
    for run in range(RUNS):
        files = _files(100 + run)
        publication = store.publish(files, (), by="bench", source="app", as_of=AS_OF,
                                    digest=files_digest(files))
        seconds, _ = _timed(open_session.run)
        shown = open_session.sidebar.success[0].value if open_session.sidebar.success else ""
        assert shown.startswith("Publisert"), shown
        assert store.current_id() == publication
        reruns.append(seconds)
        fresh = AppTest.from_file("../dashboard.py", default_timeout=600)
        fresh.session_state["as_of"] = AS_OF
        firsts.append(_timed(fresh.run)[0])
    return statistics.median(reruns), statistics.median(firsts)


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a server
    folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
    sqlite = str(folder / "bench.db")
    print(f"\nPublishing, university size ({sum(len(d) for _, _, d in _files(0)) / 1e6:.1f} MB of "
          f"files), medians of {RUNS}:")
    with postgres_server() as postgres:
        rows = {"SQLite": publish_times(sqlite), "PostgreSQL": publish_times(postgres)}
    for label, (lite, postgres_) in {"": ("SQLite", "PostgreSQL"),
                                     "store a publication": (rows["SQLite"][0],
                                                             rows["PostgreSQL"][0]),
                                     "publish as the command line does (read, check, store)": (
                                         rows["SQLite"][1], rows["PostgreSQL"][1])}.items():
        figures = [value if isinstance(value, str) else f"{value:.2f} s"
                   for value in (lite, postgres_)]
        print(f"  {label:56}{figures[0]:>12}{figures[1]:>12}")
    rerun, first = session_times(str(folder / "sessions.db"))
    print(f"  an open session's next rerun shows the new publication: {rerun:.2f} s")
    print(f"  a new session's first overview of it:                   {first:.2f} s")


if __name__ == "__main__":
    main()
