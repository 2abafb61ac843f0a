"""Small-group suppression and the meeting aggregates, on hand-made units with known answers."""

import re

import pandas as pd
import pytest

from analysis import build_results
from analysis.kpis import compute_kpis
from analysis.suppression import (
    ComplianceChange,
    compliance_change,
    coverage_by_faculty,
    faculty_names,
    faculty_units,
    meeting_cells,
    suppress_count,
    suppress_share,
    top_gap_units,
    training_by_faculty,
    training_by_unit,
    unit_gap_counts,
)
from loaders import load_dataset
from tests.helpers import ADVISOR_HEADER, COURSE_HEADER, STAFF_HEADER, results_for
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS
from wording.meeting import (
    change_text,
    meeting_figures,
    meeting_gap_table,
    meeting_kpis,
    suppress_fraction,
)


@pytest.mark.parametrize("count,expected", [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"),
                                            (12, "12")])
def test_counts_of_one_to_four_persons_are_hidden(count, expected):
    assert suppress_count(count, 5) == expected


@pytest.mark.parametrize("met,target,expected", [
    (2, 3, "<5"), (0, 4, "<5"), (4, 4, "<5"),  # the group, not the number met, decides
    (4, 5, "80%"), (1, 5, "20%"), (0, 0, "–"), (29, 40, "72%"),
])
def test_shares_of_groups_under_the_limit_are_hidden(met, target, expected):
    assert suppress_share(met, target, 5) == expected


@pytest.mark.parametrize("part,whole,limit,expected", [
    (2, 3, 5, "<5"), (3, 6, 5, "3 av 6"), (0, 0, 5, "0 av 0"), (2, 3, 3, "2 av 3"),
    (2, 9, 10, "<10"),
])
def test_fractions_follow_the_configured_limit(part, whole, limit, expected):
    assert suppress_fraction(part, whole, limit) == expected


UNITS = [["Enhetskode", "Enhetsnavn", "Overordnet enhetskode"],
         ["ORG", "Universitetet", ""], ["F", "Fakultet F", "ORG"],
         ["A", "Seksjon A", "F"], ["B", "Seksjon B", "F"]]


def _person(number, unit, roles=""):
    return [number, f"Person {number}", f"p{number}@x.no", unit, f"Seksjon {unit}",
            "01.01.2020", "Ja", roles]


def _courses(number, *codes):
    return [[number, code, "", "Fullført", "01.02.2024"] for code in codes]


@pytest.fixture(scope="module")
def small():
    """A: 3 case handlers (2 with K3), advisors 1 and 2 (2 lacks K3), every process covered.
    B: 6 case handlers (3 with K3), one advisor for saksbehandling and SRU, no innsyn."""
    staff = [STAFF_HEADER, _person(1, "A", "saksbehandling; innsyn; SRU"),
             _person(2, "A", "innsyn"), _person(3, "A"),
             _person(4, "B", "saksbehandling; SRU"),
             *[_person(n, "B") for n in range(5, 10)]]
    courses = [COURSE_HEADER, *_courses(1, "K1", "K2", "K3"), *_courses(2, "K1", "K2"),
               *_courses(3, "K3"), *_courses(4, "K1", "K2", "K3"), *_courses(5, "K3"),
               *_courses(6, "K3")]
    return results_for(staff, courses, units=UNITS)


def test_headline_figures_hide_the_small_advisor_group_but_not_units(small):
    kpis = {k.label: (k.value, k.note) for k in meeting_kpis(small, faculty_units(small, None))}
    assert kpis == {
        "Enheter vurdert": ("2", ""),
        "Enheter som oppfyller kravene": ("0 av 2", "0%"),
        "Prosessrådgivere": ("3", ""),
        "Rådgivere med all opplæring": ("<5", "<5"),  # 2 of 3 advisors: a group of three
        "Saksbehandlere med opplæring": ("5 av 9", "56%"),
    }


def test_gap_table_suppresses_small_groups_and_keeps_the_total_honest(small):
    table = meeting_gap_table(small, faculty_units(small, None))
    assert table.to_dict("records") == [
        # B's "3 av 6" beside the total "4 av 9" would give A's hidden "1 av 3" back (the
        # table lists every unit with a gap): B is hidden as its complement.
        {"faculty": "F", "unit": "Seksjon B", "missing": "Innsyn", "advisors": "1",
         "advisors_lacking": "0", "case_handlers_lacking": "skjult"},
        {"faculty": "F", "unit": "Seksjon A", "missing": "–", "advisors": "2",
         "advisors_lacking": "<5", "case_handlers_lacking": "<5"},
        # 1 of A's 3 and 3 of B's 6 lack K3: the total counts all nine, not the shown cells.
        {"faculty": "", "unit": "Alle 2 enheter", "missing": "1 i alt", "advisors": "3",
         "advisors_lacking": "<5", "case_handlers_lacking": "4 av 9"},
    ]
    assert meeting_figures(small, {"A", "B"}).withheld == {("B", "case_handlers")}
    # The units the table leaves out are unknown: one row of two shown hides nothing more.
    assert meeting_gap_table(small, {"A", "B"}, n=1)["case_handlers_lacking"].tolist() == [
        "3 av 6", "4 av 9"]


def test_gap_counts_are_plain_numbers_per_unit(small):
    counts = unit_gap_counts(small, {"A", "B"}).set_index("unit_id")
    assert counts.loc["A", ["missing_processes", "advisors", "advisors_lacking",
                            "case_handlers_due", "case_handlers_lacking"]].tolist() == [
        0, 2, 1, 3, 1]
    assert counts.loc["B", ["missing_processes", "advisors", "advisors_lacking",
                            "case_handlers_due", "case_handlers_lacking"]].tolist() == [
        1, 1, 0, 6, 3]
    assert list(top_gap_units(counts.reset_index(), 2, 1)["unit_id"]) == ["B"]


def test_coverage_by_faculty_counts_units_per_rule(small):
    assert faculty_names(small) == {"F": "Fakultet F"}
    coverage = coverage_by_faculty(small)
    assert [(r.measure, r.part, r.whole) for r in coverage.itertuples()] == [
        ("saksbehandling", 2, 2), ("innsyn", 1, 2), ("SRU", 2, 2), ("distinct", 1, 2),
        ("compliant", 0, 2)]


def test_training_tables_give_met_and_target_per_requirement(small):
    by_unit = training_by_unit(small, {"A"})
    assert dict(zip(by_unit["measure"], zip(by_unit["met"], by_unit["target"], strict=True),
                    strict=True)) == {
        "K1 advisors": (2, 2), "K2 advisors": (2, 2), "K3 advisors": (1, 2),
        "K3 case_handlers": (2, 3)}
    by_faculty = training_by_faculty(small)
    assert dict(zip(by_faculty["measure"], zip(by_faculty["met"], by_faculty["target"],
                                                 strict=True), strict=True)) == {
        "K1 advisors": (3, 3), "K2 advisors": (3, 3), "K3 advisors": (2, 3),
        "K3 case_handlers": (5, 9)}


def test_a_person_in_two_units_of_a_faculty_counts_once_in_its_total():
    staff = [STAFF_HEADER, _person(1, "A", "saksbehandling; innsyn; SRU"), _person(1, "B")]
    results = results_for(staff, [COURSE_HEADER, *_courses(1, "K3")], units=UNITS)
    handlers = training_by_faculty(results).set_index("measure").loc["K3 case_handlers"]
    assert (handlers["met"], handlers["target"]) == (1, 1)
    units = training_by_unit(results, {"A", "B"})
    assert units.loc[units["measure"] == "K3 case_handlers", "target"].tolist() == [1, 1]


def test_advisor_list_counts_for_the_unit_it_names():
    staff = [STAFF_HEADER, _person(1, "A"), _person(2, "A")]
    advisors = [ADVISOR_HEADER, [1, "Seksjon B", "innsyn", "01.01.2024"]]
    results = results_for(staff, [COURSE_HEADER], advisors=advisors, units=UNITS)
    coverage = coverage_by_faculty(results).set_index("measure")
    assert (coverage.loc["innsyn", "part"], coverage.loc["innsyn", "whole"]) == (1, 2)


def test_compliance_change_counts_units_in_view_both_ways():
    before = pd.DataFrame({"unit_id": ["A", "B", "C", "D"], "compliant": [True, False, True, True]})
    now = pd.DataFrame({"unit_id": ["A", "B", "C", "E"], "compliant": [False, True, True, True]})
    change = compliance_change(before, now, {"A", "B", "C", "D", "E"})
    assert change == ComplianceChange(before=3, now=3, became=1, stopped=1)
    assert compliance_change(before, now, {"B", "C"}) == ComplianceChange(1, 2, 1, 0)
    assert change_text(change, "01.09.2026") == (
        "Siden øyeblikksbildet 01.09.2026: fra 3 til 3 enheter som oppfyller kravene "
        "(1 har kommet til, 1 har falt fra).")


HIDDEN = ("<5", "skjult")


def _fraction(text: str) -> tuple[int, int] | None:
    """(part, whole) of a shown "x av y", None for a hidden one."""
    match = re.fullmatch(r"(\d+) av (\d+)", text)
    return (int(match[1]), int(match[2])) if match else None


def _worked_out(results, unit_ids, n) -> list[str]:
    """Every hidden meeting figure that the shown ones give back, read from the texts as a
    viewer reads them: a headline "x av y" beside the total row's complement, and each column
    of the gap table against its total row when the table lists every unit that adds to it."""
    figures = meeting_figures(results, unit_ids, n)
    kpis = {k.label: k.value for k in figures.kpis}
    rows, total = figures.gaps.iloc[:-1], figures.gaps.iloc[-1]
    counts = unit_gap_counts(results, unit_ids).set_index("unit_id")
    names = dict(zip(counts["unit_name"], counts.index, strict=True))
    truth = compute_kpis(results, unit_ids)
    with_gaps = int((~counts["compliant"] | counts["case_handlers_lacking"].gt(0)).sum())
    leaks = []
    advisors = int(kpis["Prosessrådgivere"])
    trained = _fraction(kpis["Rådgivere med all opplæring"])
    lacking = total["advisors_lacking"]
    if lacking in HIDDEN and trained and advisors - trained[0] == (
            truth.advisors - truth.advisors_fully_trained):
        leaks.append(f"advisors lacking = {advisors} - {trained[0]}")
    if kpis["Rådgivere med all opplæring"] in HIDDEN and lacking not in HIDDEN and (
            advisors - int(lacking) == truth.advisors_fully_trained):
        leaks.append("advisors trained = advisors - lacking")
    handlers = _fraction(kpis["Saksbehandlere med opplæring"])
    handlers_total = _fraction(total["case_handlers_lacking"])
    if total["case_handlers_lacking"] in HIDDEN and handlers:
        leaks.append("case handlers lacking = due - trained")
    if kpis["Saksbehandlere med opplæring"] in HIDDEN and handlers_total:
        leaks.append("case handlers trained = due - lacking")
    for column, whole in (("advisors_lacking", with_gaps),
                          ("case_handlers_lacking", with_gaps)):
        if len(rows) < whole:
            continue  # units left out of the table: the column has more than one unknown
        for index, row in rows.iterrows():
            if row[column] not in HIDDEN or total[column] in HIDDEN:
                continue
            others = rows.drop(index)[column]
            if others.isin(HIDDEN).any():
                continue
            unit = counts.loc[names[row["unit"]]]
            if column == "advisors_lacking":
                if int(total[column]) - others.astype(int).sum() == unit[column]:
                    leaks.append(f"{row['unit']}: {column} = total - other rows")
                continue
            parts = [_fraction(v) for v in others]
            lacking_left = handlers_total[0] - sum(p[0] for p in parts)
            due_left = handlers_total[1] - sum(p[1] for p in parts)
            if lacking_left == unit["case_handlers_lacking"] or (
                    len(rows) == len(counts) and due_left == unit["case_handlers_due"]):
                leaks.append(f"{row['unit']}: case handlers = total - other rows")
    return leaks


def test_no_hidden_figure_is_a_total_minus_the_shown_parts_in_a_small_case(small):
    assert _worked_out(small, {"A", "B"}, 8) == []


def test_no_hidden_meeting_figure_can_be_worked_out_on_the_sample():
    dataset = load_dataset(**SAMPLE_INPUTS)
    results = build_results(dataset, as_of=SAMPLE_AS_OF)
    views = [None, *faculty_names(results)]
    for n in (6, 8):  # the screen's top gaps and the exports'
        for faculty in views:
            assert _worked_out(results, faculty_units(results, faculty), n) == [], faculty
    # The faculty of medicine's "10 av 14" beside its total row's "<5" gave the 4 back.
    mh = {k.label: k.value for k in meeting_kpis(results, faculty_units(results, "MH"))}
    assert mh["Rådgivere med all opplæring"] == "alle unntatt <5"
    assert mh["Prosessrådgivere"] == "14"
    cells = meeting_cells(results, faculty_units(results, "MH"), 8)
    assert cells.values[("kpi", "advisors_trained")] == 10
    assert ("kpi", "advisors_trained") in cells.withheld
