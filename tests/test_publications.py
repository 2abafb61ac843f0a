"""The store on both engines: publications (publish, history, restore, retention), snapshots,
the migration of an old snapshots file, two publishers at once, a refused publication, and a
publisher killed at random moments. PostgreSQL is a real server started here."""

import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from analysis import build_results
from loaders import InputError, load_dataset
from store import SnapshotStore
from store.database import engine_for
from store.publications import PublicationStore
from store.publish import files_digest, publish_files
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 1)


def files(number: int) -> tuple[tuple[str, str, bytes], ...]:
    """A small, valid data set whose staff file differs by `number`."""
    staff = csv_file("hr.csv", [STAFF_HEADER, [number, f"Person {number}", "", "A", "Enhet A",
                                               "01.01.2020", "Ja", ""]])
    courses = csv_file("kurs.csv", [COURSE_HEADER, [number, "", "Saksbehandlerskolen",
                                                    "Fullført", "01.02.2024"]])
    return (("staff", *staff), ("courses", *courses))


def publish(store: PublicationStore, number: int, by: str = "kari@uni.no") -> int:
    data = files(number)
    return store.publish(data, (("staff", "Nr", "employee_id"),), by=by, source="app",
                         as_of=AS_OF, digest=files_digest(data))


def count(database: str, table: str) -> int:
    with engine_for(database).connect() as connection:
        return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()


def test_the_newest_publication_is_current_with_its_files_and_mappings(database):
    store = PublicationStore(database)
    assert store.current_id() is None and store.history() == []
    first, second = publish(store, 1), publish(store, 2, by="per@uni.no")
    assert (store.current_id(), [p.id for p in store.history()]) == (second, [second, first])
    current = store.get(second)
    assert (current.published_by, current.source, current.as_of, current.restored_from) == (
        "per@uni.no", "app", AS_OF, None)
    assert current.digest == files_digest(files(2))
    assert current.published_at.tzinfo is not None
    assert abs(current.published_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert store.contents(second) == (tuple(sorted(files(2))), (("staff", "Nr", "employee_id"),))
    assert store.file_names() == {first: ["kurs.csv", "hr.csv"], second: ["kurs.csv", "hr.csv"]}


def test_retention_keeps_the_newest_and_deletes_the_older_files(database):
    store = PublicationStore(database, retention=3)
    ids = [publish(store, number) for number in range(1, 6)]
    assert [p.id for p in store.history()] == ids[:1:-1]
    assert count(database, "publication_file") == 3 * 2
    assert count(database, "publication_mapping") == 3
    assert store.get(ids[0]) is None and store.contents(ids[0]) == ((), ())


def test_a_restore_is_a_new_current_publication_of_the_old_files(database):
    store = PublicationStore(database)
    first = publish(store, 1)
    publish(store, 2)
    restored = store.restore(first, by="leder@uni.no")
    assert store.current_id() == restored
    assert store.get(restored).restored_from == first
    assert store.get(restored).published_by == "leder@uni.no"
    assert store.contents(restored) == store.contents(first)
    with pytest.raises(KeyError):
        store.restore(999, by="x")


def test_two_publishers_at_once_both_land_in_order(database):
    store = PublicationStore(database, retention=50)
    landed: list[tuple[int, int]] = []

    def publisher(numbers: range) -> None:
        for number in numbers:
            landed.append((publish(store, number), number))

    threads = [threading.Thread(target=publisher, args=(range(start, start + 8),))
               for start in (100, 200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({publication_id for publication_id, _ in landed}) == 16
    assert [p.id for p in store.history()] == sorted((i for i, _ in landed), reverse=True)
    for publication_id, number in landed:  # each with its own files, none mixed
        assert store.get(publication_id).digest == files_digest(files(number))
        assert store.contents(publication_id)[0] == tuple(sorted(files(number)))
    assert store.current_id() == max(i for i, _ in landed)


def test_a_publication_whose_files_fail_to_load_is_refused_before_anything_is_written(
        database):
    store = PublicationStore(database)
    publish(store, 1)
    broken = (("staff", "hr.csv", b"Navn;Alder\nKari;40\n"), files(2)[1])
    with pytest.raises(InputError) as refused:
        publish_files(store, broken, (), by="x", source="app", as_of=AS_OF)
    assert str(refused.value) == ("hr.csv: filen mangler kolonne for enhetskode/enhetsnavn "
                                  "(nødvendig i ansattliste (HR)).")
    with pytest.raises(InputError):
        publish_files(store, files(3)[:1], (), by="x", source="app", as_of=AS_OF)
    assert (count(database, "publication"), count(database, "publication_file")) == (1, 2)


def test_snapshots_on_either_engine(database):
    store = SnapshotStore(database)
    results = build_results(load_dataset(**{kind: (name, data) for kind, name, data
                                            in files(1)}), as_of=AS_OF)
    first = store.save(results, label="Møte")
    again = store.save(results, label="Møte igjen")
    assert again.replaced == first.id
    assert store.snapshots()[["as_of", "label", "units"]].values.tolist() == [
        ["2026-11-01", "Møte igjen", 1]]
    assert store.latest_before(AS_OF + dt.timedelta(days=1)) == (again.id, AS_OF)
    assert store.latest_before(AS_OF) is None


def test_a_snapshots_file_from_before_migrations_keeps_working(tmp_path):
    path = tmp_path / "snapshots.db"
    old = sqlite3.connect(path)
    old.executescript("""
        CREATE TABLE snapshot (id INTEGER PRIMARY KEY AUTOINCREMENT, saved_at TEXT NOT NULL,
            as_of TEXT NOT NULL, label TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '');
        CREATE TABLE snapshot_table (snapshot_id INTEGER NOT NULL REFERENCES snapshot(id)
            ON DELETE CASCADE, name TEXT NOT NULL, rows_json TEXT NOT NULL,
            PRIMARY KEY (snapshot_id, name));
        INSERT INTO snapshot VALUES (1, '2026-09-01T10:00:00', '2026-09-01', 'September', 'hr');
        INSERT INTO snapshot_table VALUES (1, 'unit_summary',
            '[{"unit_id": "A", "compliant": true, "missing_processes": 0, "advisors": 2}]');
    """)
    old.commit()
    old.close()
    store = SnapshotStore(path)
    assert store.snapshots()[["id", "as_of", "label", "compliant_units"]].values.tolist() == [
        [1, "2026-09-01", "September", 1]]
    assert PublicationStore(path).current_id() is None
    with sqlite3.connect(path) as upgraded:
        assert upgraded.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0003",)]


def _publish_command(database: str, folder: Path, number: int) -> list[str]:
    arguments = []
    for kind, name, data in files(number):
        path = folder / f"{number}-{name}"
        path.write_bytes(data)
        arguments += [f"--{kind}", str(path)]
    return [sys.executable, "report.py", "--db", database, "--publish", *arguments]


def _consistent(database: str) -> None:
    """Every kept publication is whole: its two files and one digest that matches them."""
    store = PublicationStore(database)
    for publication in store.history():
        data, _ = store.contents(publication.id)
        assert len(data) == 2, publication
        assert publication.digest == files_digest(data), publication


def test_a_publisher_killed_at_random_moments_leaves_the_old_or_the_new(database, tmp_path):
    """SIGKILL of `report.py --publish` 20 times at a random moment of its run: the database
    stays sound, and the current publication is the one before or the one being made."""
    random.seed(13)
    started = time.monotonic()
    subprocess.run(_publish_command(database, tmp_path, 1), cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    duration = time.monotonic() - started
    store = PublicationStore(database)
    for number in range(2, 22):
        before = store.current_id()
        run = subprocess.Popen(_publish_command(database, tmp_path, number), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0.3, 1.1) * duration)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
        after = store.current_id()
        if after != before:  # a number, not always the next: PostgreSQL's sequence gives up
            # the numbers of transactions killed before they committed
            names = [name for _, name, _ in store.contents(after)[0]]
            assert after > before
            assert names == [f"{number}-kurs.csv", f"{number}-hr.csv"]
        _consistent(database)
    if database.endswith(".db"):
        with sqlite3.connect(database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
