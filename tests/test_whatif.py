"""What-if on hand-built units: the same rules on a modified copy, the input left as it was."""

import pandas as pd
import pytest

from analysis import build_results
from analysis.config import DEFAULT_REQUIREMENTS
from analysis.whatif import (
    Appointment,
    Completion,
    apply_changes,
    compare,
    unit_staff_choices,
)
from loaders import load_dataset
from tests.helpers import AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file

K1, K2, K3 = DEFAULT_REQUIREMENTS[:3]
STAFF = [
    STAFF_HEADER,
    # A: one trained advisor for all three processes (too few), Bo trained but not appointed
    [1, "Anne", "anne@x.no", "A", "Inst A", "01.01.2020", "Nei", "saksbehandling; innsyn; SRU"],
    [2, "Bo", "bo@x.no", "A", "Inst A", "01.01.2020", "Nei", ""],
    [3, "Cato", "cato@x.no", "A", "Inst A", "01.01.2020", "Nei", ""],
    # C: two advisors, Dina lacks K2
    [4, "Dina", "dina@x.no", "C", "Inst C", "01.01.2020", "Nei", "saksbehandling; innsyn"],
    [5, "Erik", "erik@x.no", "C", "Inst C", "01.01.2020", "Nei", "SRU"],
]


def trained(person, *requirements):
    return [[person, r.courses[0], "", "Fullført", "01.01.2026"] for r in requirements]


COURSES = [COURSE_HEADER, *trained(1, K1, K2, K3), *trained(2, K1, K2, K3), *trained(3, K3),
           *trained(4, K1, K3), *trained(5, K1, K2, K3)]


@pytest.fixture()
def dataset():
    return load_dataset(staff=csv_file("ansatte.csv", STAFF),
                        courses=csv_file("kurs.csv", COURSES))


def compliant(results):
    return dict(zip(results.unit_summary["unit_id"], results.unit_summary["compliant"],
                    strict=True))


def gap_rows(results):
    return set(results.gaps[["kind", "unit_id", "employee_id", "requirement_id"]].itertuples(
        index=False, name=None))


def test_appointing_a_trained_second_advisor_makes_the_unit_compliant(dataset):
    before = build_results(dataset, as_of=AS_OF)
    assert compliant(before) == {"A": False, "C": False}
    changed = apply_changes(dataset, [Appointment("A", "2", "innsyn")], [], AS_OF)
    after = build_results(changed, as_of=AS_OF)
    assert compliant(after) == {"A": True, "C": False}
    assert after.gaps[after.gaps["unit_id"] == "A"].empty
    table = compare(before, after, "A").set_index("figure")
    assert list(table.loc["compliant_units"]) == [0, 1, 0, 1]
    assert list(table.loc["too_few_advisors"]) == [1, 0, 1, 0]
    assert list(table.loc["advisors"]) == [1, 2, 3, 4]


def test_appointing_an_untrained_person_adds_their_gaps_instead(dataset):
    changed = apply_changes(dataset, [Appointment("A", "3", "SRU")], [], AS_OF)
    after = build_results(changed, as_of=AS_OF)
    assert compliant(after)["A"] is False
    assert {g for g in gap_rows(after) if g[1] == "A"} == {
        ("advisor_missing_requirement", "A", "3", "K1"),
        ("advisor_missing_requirement", "A", "3", "K2")}


def test_completing_a_course_removes_exactly_that_gap(dataset):
    before = build_results(dataset, as_of=AS_OF)
    assert ("advisor_missing_requirement", "C", "4", "K2") in gap_rows(before)
    changed = apply_changes(dataset, [], [Completion("4", K2)], AS_OF)
    after = build_results(changed, as_of=AS_OF)
    assert gap_rows(before) - gap_rows(after) == {("advisor_missing_requirement", "C", "4", "K2")}
    assert gap_rows(after) <= gap_rows(before)
    assert compliant(after) == {"A": False, "C": True}
    record = changed.courses.iloc[-1]
    assert (record["employee_id"], record["name"], record["completed"],
            record["completion_date"]) == ("4", "Dina", True, pd.Timestamp(AS_OF))


def test_the_input_dataset_is_unchanged(dataset):
    frames = {name: getattr(dataset, name).copy(deep=True)
              for name in ("staff", "units", "advisors", "courses", "issues")}
    changed = apply_changes(dataset, [Appointment("A", "2", "innsyn")],
                            [Completion("4", K2)], AS_OF)
    build_results(changed, as_of=AS_OF)
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(getattr(dataset, name), frame)
    assert len(changed.advisors) == len(dataset.advisors) + 1
    assert len(changed.courses) == len(dataset.courses) + 1


def test_appointing_an_existing_advisor_again_changes_nothing(dataset):
    changed = apply_changes(dataset, [Appointment("A", "1", "SRU")], [], AS_OF)
    assert len(changed.advisors) == len(dataset.advisors)


def test_staff_choices_lacking_fewest_first(dataset):
    results = build_results(dataset, as_of=AS_OF)
    choices = unit_staff_choices(dataset, results, "A")
    assert [(r["name"], r["lacking"]) for r in choices.to_dict("records")] == [
        ("Anne", ()), ("Bo", ()), ("Cato", ("K1", "K2"))]
