"""Child process of the benchmark: load and compute one size once; print peak memory as JSON.

Run by bench/run_bench.py. The peak is VmHWM, the high-water mark of this process's own address
space: ru_maxrss would not do, because Linux carries the parent's peak over into a child's
ru_maxrss at exec, and the benchmark's parent process is large.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import build_results  # noqa: E402
from bench.measure import AS_OF  # noqa: E402
from bench.synth import SIZES, bench_inputs  # noqa: E402
from loaders import load_dataset  # noqa: E402


def peak_mb() -> float:
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def main() -> None:
    size = next(size for size in SIZES if size.name == sys.argv[1])
    paths = bench_inputs(size)
    imports_mb = peak_mb()
    start = time.perf_counter()
    build_results(load_dataset(**paths), as_of=AS_OF)
    seconds = time.perf_counter() - start
    print(json.dumps({"peak_mb": peak_mb(), "imports_mb": imports_mb, "seconds": seconds}))


if __name__ == "__main__":
    main()
