"""The action plan on hand-built units whose minimum is known (and where choosing gap by gap
would take more actions), and on the sample data, where applying it makes every unit
compliant."""

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import build_results
from analysis.plan import (
    APPOINT,
    AS_CASE_HANDLER,
    ENROL,
    PREFER_APPOINTMENTS,
    RELIEVE,
    PlanOptions,
    make_plan,
    plan_changes,
)
from analysis.whatif import apply_changes
from loaders import load_dataset
from tests.helpers import AS_OF, COURSE_HEADER, STAFF_HEADER, csv_file
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS

K1 = ["K1", "Kurs i ny saksbehandlingsløsning for prosessrådgiver"]
K2 = ["SAK-W", "DFØ: En sak for Walter"]
K3 = ["SBS", "Saksbehandlerskolen"]
ALL = (K1, K2, K3)
EVERY_PROCESS = "saksbehandling; innsyn; SRU"


def person(number, name, unit, roles="", case_handler="Nei", start="01.01.2020"):
    return [number, name, f"{name.lower()}@x.no", unit, f"Inst {unit}", start, case_handler,
            roles]


def done(number, *courses):
    return [[number, code, title, "Fullført", "01.01.2026"] for code, title in courses]


def plan_for(staff, courses, options=None):
    dataset = load_dataset(staff=csv_file("ansatte.csv", [STAFF_HEADER, *staff]),
                           courses=csv_file("kurs.csv", [COURSE_HEADER, *courses]))
    results = build_results(dataset, as_of=AS_OF)
    return dataset, results, make_plan(results, options)


def actions(plan):
    return sorted(plan.actions[["action", "employee_id", "process", "requirement_id"]]
                  .itertuples(index=False, name=None))


def after(dataset, results, plan):
    changes = plan_changes(plan, results.config.requirements)
    return build_results(apply_changes(dataset, changes[0], changes[1], AS_OF, changes[2]),
                         as_of=AS_OF)


def test_two_processes_for_the_trained_one_and_one_for_the_next_is_four_actions():
    # Pia meets every requirement, Ola lacks K1, Kai lacks K1 and K2; no advisor yet. Filling
    # each missing process with the best candidate and then adding a second advisor takes
    # five actions; the minimum is four: Pia for two processes, Ola for the third and his K1.
    staff = [person(1, "Pia", "A"), person(2, "Ola", "A"), person(3, "Kai", "A")]
    courses = [*done(1, *ALL), *done(2, K2, K3), *done(3, K3)]
    dataset, results, plan = plan_for(staff, courses)
    assert len(plan.actions) == 4
    chosen = actions(plan)
    assert [a for a in chosen if a[0] == ENROL] == [(ENROL, "2", "", "K1")]
    appointed = [a[1] for a in chosen if a[0] == APPOINT]
    assert sorted(appointed) == ["1", "1", "2"]
    assert after(dataset, results, plan).unit_summary["compliant"].all()
    assert plan.cost().to_dict("records") == [
        {"unit_id": "A", "appoint": 3, "relieve": 0, "enrol": 1, "actions": 4}]


def test_replacing_an_untrained_advisor_when_that_is_cheaper():
    # Dina advises on saksbehandling and lacks all three requirements (three enrolments);
    # Erik covers innsyn and SRU; Finn is trained. Relieving Dina and appointing Finn is two.
    staff = [person(1, "Dina", "B", "saksbehandling"), person(2, "Erik", "B", "innsyn; SRU"),
             person(3, "Finn", "B")]
    courses = [*done(2, *ALL), *done(3, *ALL)]
    dataset, results, plan = plan_for(staff, courses)
    assert actions(plan) == [(APPOINT, "3", "saksbehandling", ""),
                             (RELIEVE, "1", "saksbehandling", "")]
    assert after(dataset, results, plan).unit_summary["compliant"].all()


def test_a_tie_keeps_todays_advisor():
    # Dina lacks two requirements: training her (two) ties with replacing her (two): kept.
    staff = [person(1, "Dina", "B", "saksbehandling"), person(2, "Erik", "B", "innsyn; SRU"),
             person(3, "Finn", "B")]
    courses = [*done(1, K3), *done(2, *ALL), *done(3, *ALL)]
    _, _, plan = plan_for(staff, courses)
    assert actions(plan) == [(ENROL, "1", "", "K1"), (ENROL, "1", "", "K2")]


def test_the_owner_may_prefer_appointments_in_a_tie():
    staff = [person(1, "Dina", "B", "saksbehandling"), person(2, "Erik", "B", "innsyn; SRU"),
             person(3, "Finn", "B")]
    courses = [*done(1, K3), *done(2, *ALL), *done(3, *ALL)]
    _, _, plan = plan_for(staff, courses, PlanOptions(prefer=PREFER_APPOINTMENTS))
    assert actions(plan) == [(APPOINT, "3", "saksbehandling", ""),
                             (RELIEVE, "1", "saksbehandling", "")]


def test_a_case_handlers_due_enrolment_is_counted_once_for_an_advisor_role_too():
    # Gro lacks only K3 and is a due case handler: her K3 enrolment is in the plan anyway, so
    # appointing her costs nothing more. Hans lacks K1, Ivar K2. Gro takes two processes and
    # Hans (first by name among equals) the third: three appointments and one enrolment more.
    staff = [person(1, "Gro", "C", case_handler="Ja"), person(2, "Hans", "C"),
             person(3, "Ivar", "C")]
    courses = [*done(1, K1, K2), *done(2, K2, K3), *done(3, K1, K3)]
    dataset, results, plan = plan_for(staff, courses)
    chosen = actions(plan)
    assert sorted(a[1] for a in chosen if a[0] == APPOINT) == ["1", "1", "2"]
    assert [a for a in chosen if a[0] == ENROL] == [(ENROL, "1", "", "K3"),
                                                    (ENROL, "2", "", "K1")]
    row = plan.actions[plan.actions["role"] == AS_CASE_HANDLER].iloc[0]
    assert row["deadline"] == pd.Timestamp("2020-03-31").date()  # 01.01.2020 + 90 days
    assert after(dataset, results, plan).unit_summary["compliant"].all()


def test_left_out_units_and_locked_people_are_respected():
    staff = [person(1, "Pia", "A"), person(2, "Ola", "A"), person(3, "Kai", "A"),
             person(4, "Lea", "D"), person(5, "Mia", "D")]
    courses = [*done(1, *ALL), *done(2, *ALL), *done(3, *ALL), *done(4, *ALL), *done(5, *ALL)]
    _, _, plan = plan_for(staff, courses, PlanOptions(left_out=frozenset({"D"}),
                                                      locked=frozenset({"1"})))
    assert set(plan.actions["unit_id"]) == {"A"}
    assert "1" not in set(plan.actions["employee_id"])
    assert len(plan.actions) == 3  # Ola and Kai, three appointments, nobody to train


def test_a_unit_with_one_person_cannot_be_made_compliant_and_says_so():
    staff = [person(1, "Pia", "A"), person(2, "Ola", "A"), person(3, "Solo", "E")]
    _, _, plan = plan_for(staff, [*done(1, *ALL), *done(2, *ALL), *done(3, *ALL)])
    assert plan.unsolvable.to_dict("records") == [{"unit_id": "E", "people": 1}]
    assert set(plan.actions["unit_id"]) == {"A"}


@pytest.fixture(scope="module")
def sample():
    dataset = load_dataset(**SAMPLE_INPUTS)
    results = build_results(dataset, as_of=SAMPLE_AS_OF)
    return dataset, results, make_plan(results)


def test_the_sample_plan_makes_every_unit_compliant(sample):
    dataset, results, plan = sample
    assert (~results.unit_summary["compliant"]).sum() == 40
    assert plan.unsolvable.empty
    changes = plan_changes(plan, results.config.requirements)
    fixed = build_results(apply_changes(dataset, changes[0], changes[1], SAMPLE_AS_OF,
                                        changes[2]), as_of=SAMPLE_AS_OF)
    assert fixed.unit_summary["compliant"].all()
    assert fixed.gaps.empty  # the case handlers' enrolments close the rest
    # every due case handler's missing requirement is in the plan, with its deadline
    handlers = results.gaps[results.gaps["kind"] == "case_handler_missing_requirement"]
    listed = plan.actions[plan.actions["role"] == AS_CASE_HANDLER]
    assert len(listed) == len(handlers) == 287


PROCESSES = ("saksbehandling", "innsyn", "SRU")


def fewest_actions(roles: list[set[str]], lacking: list[int]) -> int:
    """Every final assignment of processes to the people, tried: the fewest actions."""
    best = None
    for choice in itertools.product(range(8), repeat=len(roles)):
        final = [{p for bit, p in enumerate(PROCESSES) if mask >> bit & 1} for mask in choice]
        if not all(any(p in held for held in final) for p in PROCESSES):
            continue
        if sum(1 for held in final if held) < 2:
            continue
        cost = sum(len(held ^ before) + (lacking[i] if held else 0)
                   for i, (held, before) in enumerate(zip(final, roles, strict=True)))
        best = cost if best is None else min(best, cost)
    return best


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from(PROCESSES)), st.sets(st.sampled_from(
    range(3)))), min_size=2, max_size=3))
def test_the_plan_is_as_small_as_an_exhaustive_search_finds(people):
    staff = [person(i + 1, f"P{i}", "A", "; ".join(sorted(roles)))
             for i, (roles, _) in enumerate(people)]
    courses = [row for i, (_, trained) in enumerate(people)
               for row in done(i + 1, *(ALL[k] for k in sorted(trained)))]
    _, _, plan = plan_for(staff, courses)
    assert len(plan.actions) == fewest_actions([roles for roles, _ in people],
                                               [3 - len(trained) for _, trained in people])
