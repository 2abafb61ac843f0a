"""Where the time goes: pyinstrument over load_dataset + build_results at one benchmark size.

`python bench/profile_load.py [--size national] [--rerun]` prints two lists: lines of project
code by inclusive time, and functions anywhere by self time; both with file:line and seconds.
`--rerun` profiles the overview's cached re-run in AppTest instead (after an upload of the same
files). The full call tree is written to bench/.cache/profile-<size>[-rerun].txt.
"""

import argparse
import linecache
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pyinstrument import Profiler
from pyinstrument.frame import Frame

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import build_results  # noqa: E402
from bench.measure import (  # noqa: E402
    AS_OF,
    Inputs,
    load_inputs,
    uploaded_app,
)
from bench.synth import CACHE_DIR, SIZES, UNIVERSITY, bench_inputs  # noqa: E402
from loaders import load_dataset  # noqa: E402

NOT_PROJECT = tuple(str(ROOT / name) + "/" for name in (".venv", "bench"))
LINE_MARKER = "l"  # pyinstrument's attribute for the line a frame was executing
INTERVAL = 0.001
TOP_LINES = 25
TOP_FUNCTIONS = 15

Place = tuple[str, int]


def short(path: str) -> str:
    """A path relative to the repository, or to site-packages for libraries."""
    if path.startswith(str(ROOT) + "/"):
        path = path[len(str(ROOT)) + 1:]
    return path.split("site-packages/", 1)[-1]


def project_lines(frame: Frame, totals: Counter[Place], open_lines: frozenset[Place]) -> None:
    """Seconds per line of project code, counting a line once where it calls itself again."""
    path = str(ROOT / frame.file_path) if frame.file_path else ""  # pages run by relative path
    here: set[Place] = set()
    if path.startswith(str(ROOT) + "/") and not path.startswith(NOT_PROJECT):
        for attribute, seconds in frame.attributes.items():
            if attribute.startswith(LINE_MARKER) and attribute[1:].isdigit():
                place = (path, int(attribute[1:]))
                here.add(place)
                if place not in open_lines:
                    totals[place] += seconds
    for child in frame.children:
        project_lines(child, totals, open_lines | here)


def self_times(frame: Frame, totals: Counter[tuple[str, int, str]]) -> None:
    """Seconds spent in each function itself, not in what it calls."""
    if not frame.is_synthetic:
        totals[(frame.file_path or "?", frame.line_no or 0, frame.function)] += \
            frame.total_self_time
    for child in frame.children:
        self_times(child, totals)


def code_at(path: str, line: int) -> str:
    return linecache.getline(path, line).strip()[:70]


def profile_pipeline(inputs: Inputs) -> Profiler:
    profiler = Profiler(interval=INTERVAL)
    profiler.start()
    build_results(load_dataset(**inputs), as_of=AS_OF)
    profiler.stop()
    return profiler


@contextmanager
def script_thread_profiled(profilers: list[Profiler]) -> Iterator[None]:
    """AppTest runs the script in a thread of its own, which a profiler started here misses."""
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    original: Callable[[LocalScriptRunner], None] = LocalScriptRunner._run_script_thread

    def profiled(runner: LocalScriptRunner) -> None:
        profiler = Profiler(interval=INTERVAL)
        profiler.start()
        try:
            original(runner)
        finally:
            profiler.stop()
            profilers.append(profiler)

    LocalScriptRunner._run_script_thread = profiled
    try:
        yield
    finally:
        LocalScriptRunner._run_script_thread = original


def profile_rerun(inputs: Inputs) -> Profiler:
    profilers: list[Profiler] = []
    app, _ = uploaded_app(inputs)
    with script_thread_profiled(profilers):
        app.run()
    return profilers[0]


def report(profiler: Profiler, what: str, tree: Path) -> None:
    session = profiler.last_session
    root = session.root_frame()
    total = session.duration
    tree.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    print(f"pyinstrument, {INTERVAL * 1000:g} ms sampling: {what}: {total:.2f} s wall. "
          f"Call tree: {short(str(tree))}\n")

    lines: Counter[Place] = Counter()
    project_lines(root, lines, frozenset())
    print("Project lines by inclusive time (the line and everything it calls; nested lines "
          "repeat their callers' time)")
    print(f"{'seconds':>8} {'share':>6}  {'file:line':<34} code")
    for (path, line), seconds in lines.most_common(TOP_LINES):
        print(f"{seconds:8.2f} {seconds / total:6.0%}  {f'{short(path)}:{line}':<34} "
              f"{code_at(path, line)}")

    functions: Counter[tuple[str, int, str]] = Counter()
    self_times(root, functions)
    print("\nFunctions by self time (time in the function's own code, any library)")
    print(f"{'seconds':>8} {'share':>6}  {'function':<34} file:line")
    for (path, line, function), seconds in functions.most_common(TOP_FUNCTIONS):
        print(f"{seconds:8.2f} {seconds / total:6.0%}  {function[:34]:<34} {short(path)}:{line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=[s.name for s in SIZES], default=UNIVERSITY.name)
    parser.add_argument("--rerun", action="store_true",
                        help="profile the overview's cached re-run in AppTest")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # AppTest warns about bare mode on every run
    size = next(s for s in SIZES if s.name == args.size)
    inputs = load_inputs(bench_inputs(size))
    if args.rerun:
        report(profile_rerun(inputs), f"the overview's cached re-run at {size.name} size",
               CACHE_DIR / f"profile-{size.name}-rerun.txt")
    else:
        report(profile_pipeline(inputs),
               f"load_dataset + build_results at {size.name} size ({size.label})",
               CACHE_DIR / f"profile-{size.name}.txt")


if __name__ == "__main__":
    main()
