"""Snapshots in an embedded SQLite file; plain SQL so a shared PostgreSQL can replace it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.results import Results
from exports.json_export import table_rows

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS snapshot (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        saved_at TEXT NOT NULL,
        as_of TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS snapshot_table (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        rows_json TEXT NOT NULL,
        PRIMARY KEY (snapshot_id, name)
    )""",
)


def gap_counts(gaps: pd.DataFrame) -> pd.DataFrame:
    """Gaps counted per unit and kind: what a snapshot keeps of the gap list."""
    counts = gaps.groupby(["unit_id", "kind"]).size().rename("count").reset_index()
    return counts.astype({"count": int})


@dataclass(frozen=True)
class Saved:
    """A snapshot just stored, and the one with the same date and figures it replaced."""

    id: int
    replaced: int | None = None


class SnapshotStore:
    """Save and read snapshots; every write is one transaction, safe with concurrent savers."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        with self._connect() as connection:
            for statement in _SCHEMA:
                connection.execute(statement)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        return connection

    def save(self, results: Results, label: str = "", source: str = "",
             saved_at: dt.datetime | None = None) -> Saved:
        """Store the aggregate tables of `results`.

        A snapshot with the same as-of date and the same figures is replaced (its label and
        source updated), so saving twice never makes a trend step of zero against itself."""
        # Only aggregates are stored (data minimisation): no names, no employee ids.
        rows = {name: json.dumps(table_rows(frame), ensure_ascii=False) for name, frame in {
            "unit_summary": results.unit_summary, "unit_process": results.unit_process,
            "unit_requirement": results.unit_requirement, "gap_counts": gap_counts(results.gaps),
        }.items()}
        stamp = (saved_at or dt.datetime.now()).isoformat(timespec="seconds")
        as_of = results.as_of.isoformat()
        connection = self._connect()
        try:
            with connection:  # one transaction: all of a snapshot or nothing
                # Taken before reading, so two savers of the same figures cannot both miss
                # each other's snapshot.
                connection.execute("BEGIN IMMEDIATE")
                replaced = self._same_figures(connection, as_of, rows)
                if replaced is not None:
                    connection.execute("DELETE FROM snapshot WHERE id = ?", (replaced,))
                cursor = connection.execute(
                    "INSERT INTO snapshot (saved_at, as_of, label, source) VALUES (?, ?, ?, ?)",
                    (stamp, as_of, label, source))
                snapshot_id = int(cursor.lastrowid)
                connection.executemany(
                    "INSERT INTO snapshot_table (snapshot_id, name, rows_json) VALUES (?, ?, ?)",
                    [(snapshot_id, name, text) for name, text in rows.items()])
        finally:
            connection.close()
        return Saved(snapshot_id, replaced)

    @staticmethod
    def _same_figures(connection: sqlite3.Connection, as_of: str,
                      rows: dict[str, str]) -> int | None:
        """The id of a stored snapshot of this date whose tables equal `rows`, if any."""
        stored: dict[int, dict[str, str]] = {}
        for snapshot_id, name, text in connection.execute(
                "SELECT s.id, t.name, t.rows_json FROM snapshot s JOIN snapshot_table t "
                "ON t.snapshot_id = s.id WHERE s.as_of = ? ORDER BY s.id", (as_of,)):
            stored.setdefault(snapshot_id, {})[name] = text
        return next((snapshot_id for snapshot_id, tables in stored.items() if tables == rows),
                    None)

    def latest_before(self, as_of: dt.date) -> tuple[int, dt.date] | None:
        """The id and date of the latest snapshot taken before `as_of`: the one "since last
        time" means; None when every snapshot is from that day or later, as one just saved
        of today's figures is. One indexed row, not every snapshot's summary."""
        connection = self._connect()
        try:
            row = connection.execute(
                "SELECT id, as_of FROM snapshot WHERE as_of < ? ORDER BY as_of DESC, id DESC "
                "LIMIT 1", (as_of.isoformat(),)).fetchone()
        finally:
            connection.close()
        return None if row is None else (int(row[0]), dt.date.fromisoformat(row[1]))

    def snapshots(self) -> pd.DataFrame:
        """All snapshots, oldest first, with headline figures from their unit summaries."""
        connection = self._connect()
        try:
            rows = connection.execute(
                "SELECT s.id, s.saved_at, s.as_of, s.label, s.source, t.rows_json "
                "FROM snapshot s JOIN snapshot_table t ON t.snapshot_id = s.id "
                "AND t.name = 'unit_summary' ORDER BY s.as_of, s.id").fetchall()
        finally:
            connection.close()
        records = []
        for snapshot_id, saved_at, as_of, label, source, summary_json in rows:
            summary = json.loads(summary_json)
            records.append({
                "id": snapshot_id, "saved_at": saved_at, "as_of": as_of, "label": label,
                "source": source, "units": len(summary),
                "compliant_units": sum(bool(u["compliant"]) for u in summary),
                "units_missing_process": sum(u["missing_processes"] > 0 for u in summary),
                "advisors": sum(u["advisors"] for u in summary),
            })
        return pd.DataFrame(records, columns=["id", "saved_at", "as_of", "label", "source",
                                              "units", "compliant_units",
                                              "units_missing_process", "advisors"])

    def table(self, snapshot_id: int, name: str) -> pd.DataFrame:
        """One stored table of one snapshot."""
        connection = self._connect()
        try:
            row = connection.execute(
                "SELECT rows_json FROM snapshot_table WHERE snapshot_id = ? AND name = ?",
                (snapshot_id, name)).fetchone()
        finally:
            connection.close()
        return pd.DataFrame(json.loads(row[0])) if row else pd.DataFrame()

    def history(self) -> list[dict[str, object]]:
        """Every snapshot with its unit summary, as JSON-ready objects (for the command line)."""
        records = table_rows(self.snapshots())
        for record in records:
            record["unit_summary"] = table_rows(self.table(int(record["id"]), "unit_summary"))
        return records
