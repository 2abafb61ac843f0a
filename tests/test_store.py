"""Snapshots: saved whole, read back equal, safe with concurrent savers, no personal data."""

import datetime as dt
import sqlite3
import threading

import pandas as pd
import pytest

from analysis.trends import (
    BECAME_COMPLIANT,
    NEW_UNIT,
    STOPPED_COMPLIANT,
    monthly_training_coverage,
    unit_changes,
)
from loaders import load_dataset
from store import SnapshotStore
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, results_for

STAFF = [STAFF_HEADER, [1, "Kari Nordmann", "", "A", "Inst A", "", "Nei", "innsyn; SRU"],
         [2, "Ola Berg", "", "A", "Inst A", "", "Nei", "saksbehandling"],
         [3, "Per Li", "", "B", "Inst B", "", "Ja", ""]]
TRAINED = [COURSE_HEADER] + [[p, code, title, "Fullført", "01.01.2026"] for p in (1, 2)
                             for code, title in (("K1", ""), ("K2", ""), ("K3", ""))]


@pytest.fixture
def results():
    return results_for(STAFF, TRAINED)


def test_saved_snapshot_reads_back(tmp_path, results):
    store = SnapshotStore(tmp_path / "s.db")
    first = store.save(results, label="Oktober", saved_at=dt.datetime(2026, 11, 1, 9, 0)).id
    listed = store.snapshots().to_dict("records")
    assert listed == [{"id": first, "saved_at": "2026-11-01T09:00:00", "as_of": "2026-11-01",
                       "label": "Oktober", "source": "", "series": "published", "units": 2,
                       "compliant_units": 1,
                       "units_missing_process": 1, "advisors": 2}]
    summary = store.table(first, "unit_summary")
    assert summary.set_index("unit_id")["compliant"].to_dict() == {"A": True, "B": False}
    history = store.history()
    assert history[0]["unit_summary"][0]["unit_id"] == "A"


def test_no_names_or_employee_ids_are_stored(tmp_path, results):
    path = tmp_path / "s.db"
    SnapshotStore(path).save(results)
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert "Kari Nordmann" not in dump and "employee_id" not in dump


def test_concurrent_saves_lose_nothing(tmp_path):
    path = tmp_path / "s.db"
    SnapshotStore(path)
    days = [[results_for(STAFF, TRAINED, as_of=dt.date(2026, 1, 1) + dt.timedelta(days=5 * t + i))
             for i in range(5)] for t in range(4)]

    def save_five(results):
        store = SnapshotStore(path)
        for one in results:
            store.save(one)

    threads = [threading.Thread(target=save_five, args=(results,)) for results in days]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(SnapshotStore(path).snapshots()) == 20


def test_the_same_date_and_figures_saved_again_replace_the_snapshot(tmp_path, results):
    store = SnapshotStore(tmp_path / "s.db")
    first = store.save(results, label="Første")
    again = store.save(results, label="Andre")
    assert (first.replaced, again.replaced) == (None, first.id)
    assert store.snapshots()[["id", "label"]].values.tolist() == [[again.id, "Andre"]]
    other = results_for(STAFF[:-1], TRAINED)  # same date, other figures: a snapshot of its own
    assert store.save(other).replaced is None
    assert len(store.snapshots()) == 2


def test_savers_of_the_same_figures_at_once_leave_one_snapshot(tmp_path, results):
    path = tmp_path / "s.db"
    SnapshotStore(path)
    threads = [threading.Thread(target=lambda: SnapshotStore(path).save(results))
               for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(SnapshotStore(path).snapshots()) == 1


def test_failed_save_leaves_no_half_snapshot(tmp_path, results, monkeypatch):
    store = SnapshotStore(tmp_path / "s.db")
    monkeypatch.setattr("store.snapshots.table_rows", lambda frame: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        store.save(results)
    assert store.snapshots().empty
    assert sqlite3.connect(tmp_path / "s.db").execute("SELECT COUNT(*) FROM snapshot").fetchone() \
        == (0,)


def test_unit_changes_between_snapshots(results):
    before = results.unit_summary.assign(compliant=[False, False])
    now = results.unit_summary.copy()
    extra = now.iloc[[1]].assign(unit_id="C", unit_name="Inst C")
    now = now.assign(compliant=[True, False])
    changes = unit_changes(before, pd.concat([now, extra], ignore_index=True))
    assert changes[["unit_id", "change"]].values.tolist() == [["A", BECAME_COMPLIANT],
                                                               ["C", NEW_UNIT]]
    assert unit_changes(now, before)["change"].tolist() == [STOPPED_COMPLIANT]


def test_monthly_training_coverage_follows_completion_dates():
    courses = [COURSE_HEADER, [1, "K3", "", "Fullført", "15.08.2026"],
               [2, "K3", "", "Fullført", "01.10.2026"], [3, "K3", "", "Pågår", "01.09.2026"]]
    results = results_for(STAFF, courses)
    dataset = load_dataset(staff=csv_file("a.csv", STAFF), courses=csv_file("k.csv", courses))
    coverage = monthly_training_coverage(dataset, results, months=4)
    advisors_k3 = coverage[(coverage["requirement_id"] == "K3")
                           & (coverage["audience"] == "advisors")]
    assert advisors_k3[["month", "met", "target"]].astype(str).values.tolist() == [
        ["2026-07-31", "0", "2"], ["2026-08-31", "1", "2"], ["2026-09-30", "1", "2"],
        ["2026-10-31", "2", "2"]]


def test_previous_snapshot_is_the_latest_before_the_as_of_date(tmp_path, results):
    store = SnapshotStore(tmp_path / "s.db")
    assert store.latest_before(dt.date(2026, 10, 1)) is None  # no snapshot at all
    ids = {day: store.save(results_for(STAFF, TRAINED, as_of=dt.date(2026, 10, day))).id
           for day in (1, 15, 20)}
    assert store.latest_before(dt.date(2026, 10, 20)) == (ids[15], dt.date(2026, 10, 15))
    assert store.latest_before(dt.date(2026, 10, 21)) == (ids[20], dt.date(2026, 10, 20))
    assert store.latest_before(dt.date(2026, 10, 1)) is None
