"""Regenerate tests/golden/ from sample_data/: only on purpose, after a deliberate rule change.

Without --write it shows how the golden files would change and writes nothing (exit 1 when
they would), so a rule change is seen line by line before it becomes the new truth."""

import argparse
import difflib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import build_results  # noqa: E402
from exports.json_export import results_to_dict  # noqa: E402
from loaders import load_dataset  # noqa: E402
from tests.sample import GOLDEN, SAMPLE_AS_OF, SAMPLE_INPUTS, portable  # noqa: E402


def golden_texts() -> dict[str, str]:
    """File name → the golden JSON the current rules give for the sample data."""
    results = build_results(load_dataset(**SAMPLE_INPUTS), as_of=SAMPLE_AS_OF)
    return {f"{name}.json": json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
            for name, rows in portable(results_to_dict(results)).items() if name != "as_of"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true",
                        help="overwrite tests/golden/ with the new figures")
    args = parser.parse_args(argv)
    changed = 0
    for name, text in golden_texts().items():
        path = GOLDEN / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if old == text:
            continue
        changed += 1
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(keepends=True), text.splitlines(keepends=True),
            f"golden/{name}", f"new/{name}", n=2))
        if args.write:
            GOLDEN.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if not changed:
        print("tests/golden/ already holds what the rules give.")
        return 0
    if args.write:
        print(f"{changed} golden file(s) rewritten.")
        return 0
    print(f"{changed} golden file(s) would change; nothing written. Check the diff, then run "
          "`make golden WRITE=1`.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
