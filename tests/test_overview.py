"""The overview's tables for a faculty filter, on the sample data."""

import pytest

from analysis import build_results
from analysis.overview import overview_tables
from loaders import load_dataset
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS


@pytest.fixture(scope="module")
def results():
    return build_results(load_dataset(**SAMPLE_INPUTS), as_of=SAMPLE_AS_OF)


def test_all_units(results):
    tables = overview_tables(results, None)
    assert (tables.kpis.units, tables.kpis.compliant_units) == (65, 25)
    assert len(tables.order) == 65 and tables.coverage is None
    assert tables.faculty_names["IE"] == "Fakultet for informasjonsteknologi og elektroteknikk"
    assert tables.rollup["units"].sum() == 65


def test_one_faculty(results):
    tables = overview_tables(results, "IE")
    assert tables.kpis.units == 7
    assert set(tables.unit_process["unit_id"]) == set(tables.order["unit_id"])
    assert len(tables.unit_process) == 7 * 3
    assert tables.rollup["faculty_id"].tolist() == ["IE"]


def test_faculty_bands_named_alike_stay_apart_and_whole():
    """A faculty column holding names: two faculties beginning alike are two full labels."""
    import pandas as pd

    from analysis.hierarchy import FACULTY_ID
    from charts.heatmaps import make_process_heatmap

    names = ["Fakultet for medisin og helsevitenskap", "Fakultet for naturvitenskap"]
    order = pd.DataFrame({"unit_id": ["A", "B"], "unit_name": ["Inst A", "Inst B"],
                          FACULTY_ID: names, "advisors": [2, 2]})
    unit_process = pd.DataFrame({"unit_id": ["A", "B"], "process": ["innsyn", "innsyn"],
                                 "advisors": [1, 1], "ok": [True, True]})
    bands = make_process_heatmap(unit_process, order).data[0].y[0]
    assert len(set(bands)) == 2
    assert [band.replace("<br>", " ") for band in bands] == names
