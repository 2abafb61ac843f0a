"""Regenerate tests/golden/ from sample_data/: only on purpose, after a deliberate rule change."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import build_results  # noqa: E402
from exports.json_export import results_to_dict  # noqa: E402
from loaders import load_dataset  # noqa: E402
from tests.sample import GOLDEN, SAMPLE_AS_OF, SAMPLE_INPUTS, portable  # noqa: E402


def main() -> None:
    results = build_results(load_dataset(**SAMPLE_INPUTS), as_of=SAMPLE_AS_OF)
    GOLDEN.mkdir(exist_ok=True)
    for name, rows in portable(results_to_dict(results)).items():
        if name == "as_of":
            continue
        path = GOLDEN / f"{name}.json"
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
