"""The result tables computed from sample_data/ must equal the golden files, row for row."""

import json

import pytest

from analysis import build_results
from exports.json_export import TABLES, results_to_dict
from loaders import load_dataset
from tests.sample import GOLDEN, SAMPLE_AS_OF, SAMPLE_INPUTS


@pytest.fixture(scope="module")
def computed():
    return results_to_dict(build_results(load_dataset(**SAMPLE_INPUTS), as_of=SAMPLE_AS_OF))


@pytest.mark.parametrize("table", TABLES)
def test_table_equals_golden(computed, table):
    expected = json.loads((GOLDEN / f"{table}.json").read_text(encoding="utf-8"))
    assert computed[table] == expected, "regenerate with `make golden` only if intended"


def test_sample_data_has_every_kind_of_gap(computed):
    kinds = {gap["kind"] for gap in computed["gaps"]}
    counts = {kind: sum(gap["kind"] == kind for gap in computed["gaps"]) for kind in kinds}
    # the generator designed these in; its own independent check counted the same
    assert counts == {"missing_process_advisor": 25, "too_few_advisors": 10,
                      "advisor_missing_requirement": 22, "advisor_requirement_expired": 9,
                      "case_handler_missing_requirement": 289}


def test_sample_headline_figures(computed):
    summary = computed["unit_summary"]
    assert len(summary) == 65
    assert sum(unit["compliant"] for unit in summary) == 27
    assert sum(unit["staff"] for unit in summary) == 3186
