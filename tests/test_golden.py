"""The result tables computed from sample_data/ must equal the golden files, row for row."""

import datetime as dt
import json
from collections import Counter

import pytest

from analysis import build_results
from exports.json_export import TABLES, results_to_dict
from loaders import load_dataset
from tests.sample import GOLDEN, SAMPLE_AS_OF, SAMPLE_INPUTS, portable
from wording.validation import with_messages


@pytest.fixture(scope="module")
def computed():
    return portable(results_to_dict(build_results(load_dataset(**SAMPLE_INPUTS),
                                                  as_of=SAMPLE_AS_OF)))


@pytest.mark.parametrize("table", TABLES)
def test_table_equals_golden(computed, table):
    expected = json.loads((GOLDEN / f"{table}.json").read_text(encoding="utf-8"))
    assert computed[table] == expected, "regenerate with `make golden` only if intended"


def test_sample_data_has_every_kind_of_gap(computed):
    assessed = {"K4", "K5", "K6", "K7", "K8"}
    by_course = Counter(g["kind"] for g in computed["gaps"] if g["requirement_id"] not in assessed)
    by_assessment = Counter(g["kind"] for g in computed["gaps"] if g["requirement_id"] in assessed)
    # the generator designed these in; its own independent check counted the same
    assert by_course == {"missing_process_advisor": 27, "too_few_advisors": 10,
                         "advisor_missing_requirement": 22, "advisor_requirement_expired": 9,
                         "case_handler_missing_requirement": 287}
    # assessments: not approved or never assessed, and K8 assessed over 36 months ago
    assert by_assessment == {"advisor_missing_requirement": 18, "advisor_requirement_expired": 9}


def test_sample_headline_figures(computed):
    summary = computed["unit_summary"]
    assert len(summary) == 65
    assert sum(unit["compliant"] for unit in summary) == 25
    # 3,184 people in force, three of them with a second position in another unit
    assert sum(unit["staff"] for unit in summary) == 3187


@pytest.fixture(scope="module")
def sample():
    dataset = load_dataset(**SAMPLE_INPUTS)
    return dataset, build_results(dataset, as_of=SAMPLE_AS_OF)


def _gap_keys(results, kind):
    gaps = results.gaps[results.gaps["kind"] == kind]
    return set(zip(gaps["unit_id"], gaps["process"], gaps["employee_id"],
                   gaps["requirement_id"], strict=True))


def _messages(results):
    return list(with_messages(results.issues)["message"])


def test_sample_contains_every_real_export_situation(sample):
    """The generator's designed real-export situations come out as the brief says."""
    dataset, results = sample
    staff = set(results.staff["employee_id"])
    advisors = set(zip(results.advisors["unit_id"], results.advisors["employee_id"],
                       results.advisors["process"], strict=True))
    missing = _gap_keys(results, "missing_process_advisor")
    # leavers: IMU's only SRU advisor left; an end date on the as-of date is still in force
    assert ("IMU", "SRU", "", "") in missing and "862025" not in staff
    assert "408367" in staff and "575482" not in staff
    assert not results.gaps["employee_id"].isin(["575482", "396318"]).any()
    assert any(m.startswith("Oppnevnt, men ikke ansatt: 396318 sluttet 30.06.2026")
               for m in _messages(results))
    # appointment periods: IIR's innsyn appointment ended; boundaries on the as-of date count
    assert ("IIR", "innsyn", "", "") in missing
    assert {("DOKU", "223685", "SRU"), ("ISØ", "183866", "SRU")} <= advisors
    assert ("ISØ", "644867", "SRU") not in advisors
    # a second position in the same unit: one person, due since the earlier start
    for person in ("916794", "148288", "479801"):
        rows = results.staff[results.staff["employee_id"] == person]
        assert len(rows) == 1 and bool(rows["case_handler"].iloc[0])
        assert any(key[2] == person for key in
                   _gap_keys(results, "case_handler_missing_requirement"))
    # positions in two units: counted in both; the advisors list's blank unit is the main one
    units_of_262711 = {unit for unit, person, _ in advisors if person == "262711"}
    assert units_of_262711 == {"IKJ"}
    assert "Raden har ingen enhet, og 262711 har stillinger i ITK, IKJ: IKJ er valgt " \
           "(hovedstilling)." in _messages(results)
    # units written by name in the advisors list
    assert {person for unit, person, _ in advisors if unit == "IKP"} >= {"348601", "524817"}
    # Moodle: a failed attempt is no completion; Utløpt is an expired one
    lacking = {key[2] for key in _gap_keys(results, "advisor_missing_requirement")
               if key[3] == "K2"}
    expired = {key[2] for key in _gap_keys(results, "advisor_requirement_expired")
               if key[3] == "K2"}
    assert {"764371", "653749", "585869"} <= lacking
    assert {"144074", "171021", "912545"} <= expired
    # ids zero-padded in the course export match the HR export's
    assert any("ansattnummer er koblet til ansattlisten uten innledende nuller" in m
               for m in _messages(results))


def test_a_future_appointment_counts_from_its_date(sample):
    dataset, today = sample
    later = build_results(dataset, as_of=dt.date(2026, 12, 1))
    assert ("IKOM", "SRU", "", "") in _gap_keys(today, "missing_process_advisor")
    assert ("IKOM", "SRU", "", "") not in _gap_keys(later, "missing_process_advisor")


def test_make_golden_shows_a_change_and_writes_nothing_without_the_flag(tmp_path, monkeypatch,
                                                                        capsys):
    import tests.make_golden as make_golden

    for name in ("unit_summary.json", "gaps.json"):
        (tmp_path / name).write_text((GOLDEN / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    edited = (tmp_path / "gaps.json").read_text(encoding="utf-8").replace('"IHK"', '"IHX"', 1)
    (tmp_path / "gaps.json").write_text(edited, encoding="utf-8")
    monkeypatch.setattr(make_golden, "GOLDEN", tmp_path)
    assert make_golden.main([]) == 1
    shown = capsys.readouterr()
    assert '-  "unit_id": "IHX",' in shown.out and '+  "unit_id": "IHK",' in shown.out
    assert "nothing written" in shown.err
    assert (tmp_path / "gaps.json").read_text(encoding="utf-8") == edited
    assert make_golden.main(["--write"]) == 0
    assert (tmp_path / "gaps.json").read_text(encoding="utf-8") == (GOLDEN / "gaps.json") \
        .read_text(encoding="utf-8")
