"""The scope applied where the results are made: every figure stays, no name outside it is left
in any table, and the exports made from scoped results hold none either."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pandas as pd
import pytest

from analysis import build_results
from analysis.kpis import compute_kpis
from analysis.scope import (
    AGGREGATES_ONLY,
    EVERYTHING,
    STAND_IN_PREFIX,
    named_people,
    scoped,
    units_and_below,
)
from exports.excel import write_excel_report
from exports.figures import meeting_content
from exports.slides import build_deck
from loaders import load_dataset
from loaders.schema import EMAIL, EMPLOYEE_ID, NAME, UNIT_ID
from tests.helpers import names_in
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS

AGGREGATES = ("unit_process", "unit_summary", "unit_requirement")


@pytest.fixture(scope="module")
def sample():
    dataset = load_dataset(**SAMPLE_INPUTS)
    return dataset, build_results(dataset, None, SAMPLE_AS_OF)


@pytest.fixture(scope="module")
def iel(sample):
    dataset, results = sample
    scope = units_and_below(results.units, ["IEL"])
    return scope, *scoped(dataset, results, scope)


def frames(*objects) -> list[pd.DataFrame]:
    return [getattr(o, f.name) for o in objects for f in dataclasses.fields(o)
            if isinstance(getattr(o, f.name), pd.DataFrame)]


def names_outside(dataset, results, scope) -> set[str]:
    inside = named_people(dataset, results, scope)
    people = dataset.staff.drop_duplicates(EMPLOYEE_ID)
    return set(people[NAME]) - set(people[people[EMPLOYEE_ID].isin(inside)][NAME])


def test_a_unit_scope_holds_its_units_and_every_unit_below():
    units = pd.DataFrame({UNIT_ID: ["U", "F", "A", "A1", "A2", "B"],
                          "unit_name": list("UFAabB"),
                          "parent_id": ["", "U", "F", "A", "A", "F"]})
    assert units_and_below(units, ["A"]).named_units == {"A", "A1", "A2"}
    assert units_and_below(units, ["A1", "B", "gone"]).named_units == {"A1", "B"}
    assert units_and_below(units, ["F"]).names("A2")
    assert not units_and_below(units, ["A"]).names("B")
    assert EVERYTHING.names("B") and not AGGREGATES_ONLY.names("B")


def test_every_figure_is_the_same_under_any_scope(sample, iel):
    dataset, results = sample
    _, shown_dataset, shown = iel
    for table in AGGREGATES:
        pd.testing.assert_frame_equal(getattr(shown, table), getattr(results, table))
    assert compute_kpis(shown) == compute_kpis(results)
    # recomputed from the scoped data set (What-if does), the figures are the same too
    again = build_results(shown_dataset, None, SAMPLE_AS_OF)
    for table in AGGREGATES:
        pd.testing.assert_frame_equal(getattr(again, table), getattr(results, table))


def test_no_table_holds_a_name_or_address_outside_the_scope(sample, iel):
    dataset, results = sample
    scope, shown_dataset, shown = iel
    outside = names_outside(dataset, results, scope)
    people = dataset.staff.drop_duplicates(EMPLOYEE_ID)
    hidden_ids = set(people[EMPLOYEE_ID]) - named_people(dataset, results, scope)
    hidden_emails = set(people[people[EMPLOYEE_ID].isin(hidden_ids)][EMAIL]) - {""}
    assert len(outside) > 2000 and len(hidden_ids) > 2000
    for frame in frames(shown_dataset, shown):
        cells = {str(v) for column in frame.columns if frame[column].dtype != bool
                 for v in frame[column].dropna().unique()}
        assert not cells & outside
        assert not cells & hidden_emails
        assert not cells & hidden_ids
    assert shown.issues.empty and shown_dataset.issues.empty  # the report quotes file rows
    iel_staff = shown.staff[shown.staff[UNIT_ID] == "IEL"]
    assert len(iel_staff) > 10 and iel_staff[NAME].ne("").all()


def test_a_hidden_person_has_one_stand_in_in_every_table(sample, iel):
    dataset, results = sample
    _, shown_dataset, shown = iel
    person = results.advisors[results.advisors[UNIT_ID] == "IES"][EMPLOYEE_ID].iloc[0]
    stand_in = shown.advisors[results.advisors[EMPLOYEE_ID] == person][EMPLOYEE_ID].unique()
    assert len(stand_in) == 1 and stand_in[0].startswith(STAND_IN_PREFIX)
    assert shown.gaps[EMPLOYEE_ID].str.startswith(STAND_IN_PREFIX).sum() == (
        results.gaps[EMPLOYEE_ID].ne("") & ~results.gaps[UNIT_ID].eq("IEL")).sum()
    assert set(shown.staff[results.staff[EMPLOYEE_ID] == person][EMPLOYEE_ID]) == set(stand_in)
    assert set(shown.person_status[results.person_status[EMPLOYEE_ID] == person][
        EMPLOYEE_ID]) == set(stand_in)


def test_the_owner_scope_changes_nothing(sample):
    dataset, results = sample
    assert scoped(dataset, results, EVERYTHING) == (dataset, results)


def _zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", errors="ignore")
                         for name in archive.namelist() if name.endswith(".xml"))


def test_the_excel_report_and_the_deck_of_a_unit_user_hold_only_its_names(sample, iel):
    dataset, results = sample
    scope, shown_dataset, shown = iel
    outside = names_outside(dataset, results, scope)
    buffer = io.BytesIO()
    write_excel_report(shown, buffer, shown_dataset.tables)
    workbook = _zip_text(buffer.getvalue())
    assert names_in(workbook, outside) == []
    own = shown.gaps[(shown.gaps[UNIT_ID] == "IEL") & shown.gaps[EMPLOYEE_ID].ne("")]
    assert f"Saksbehandler {own[EMPLOYEE_ID].iloc[0]} i Institutt" in workbook  # its own gaps
    deck = io.BytesIO()
    build_deck(meeting_content(shown)).save(deck)
    assert names_in(_zip_text(deck.getvalue()), outside) == []


def test_the_meeting_content_of_a_viewer_names_nobody(sample):
    dataset, results = sample
    _, shown = scoped(dataset, results, AGGREGATES_ONLY)
    content = repr(meeting_content(shown))
    assert names_in(content, set(dataset.staff[NAME])) == []
