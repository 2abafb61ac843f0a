"""Snapshots of the aggregate results in the store's database (SQLite or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from analysis.results import Results
from exports.json_export import table_rows
from store.database import engine_for, writing
from store.tables import snapshot, snapshot_table


def gap_counts(gaps: pd.DataFrame) -> pd.DataFrame:
    """Gaps counted per unit and kind: what a snapshot keeps of the gap list."""
    counts = gaps.groupby(["unit_id", "kind"]).size().rename("count").reset_index()
    return counts.astype({"count": int})


# What a snapshot is of: the organisation's published data, the bundled sample, or one
# browser's preview of an upload ("preview:" and its files' digest). Snapshots of one series
# are compared only with each other.
PUBLISHED, SAMPLE = "published", "sample"


def preview_series(digest: str) -> str:
    return f"preview:{digest}"


@dataclass(frozen=True)
class Saved:
    """A snapshot just stored, and the one with the same date and figures it replaced."""

    id: int
    replaced: int | None = None


class SnapshotStore:
    """Save and read snapshots; every write is one transaction, safe with concurrent savers."""

    def __init__(self, target: str | Path | None = None):
        self.engine = engine_for(target)

    def save(self, results: Results, label: str = "", source: str = "",
             saved_at: dt.datetime | None = None, series: str = PUBLISHED) -> Saved:
        """Store the aggregate tables of `results` in `series`.

        A snapshot with the same as-of date and the same figures is replaced (its label and
        source updated), so saving twice never makes a trend step of zero against itself."""
        # Only aggregates are stored (data minimisation): no names, no employee ids.
        rows = {name: json.dumps(table_rows(frame), ensure_ascii=False) for name, frame in {
            "unit_summary": results.unit_summary, "unit_process": results.unit_process,
            "unit_requirement": results.unit_requirement, "gap_counts": gap_counts(results.gaps),
        }.items()}
        stamp = (saved_at or dt.datetime.now()).isoformat(timespec="seconds")
        as_of = results.as_of.isoformat()
        # one transaction, its writer's lock taken before reading, so two savers of the same
        # figures cannot both miss each other's snapshot
        with writing(self.engine) as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.text("LOCK TABLE snapshot IN SHARE ROW EXCLUSIVE MODE"))
            replaced = self._same_figures(connection, as_of, rows, series)
            if replaced is not None:
                connection.execute(snapshot.delete().where(snapshot.c.id == replaced))
            snapshot_id = connection.execute(snapshot.insert().values(
                saved_at=stamp, as_of=as_of, label=label, source=source, series=series,
            ).returning(snapshot.c.id)).scalar_one()
            connection.execute(snapshot_table.insert(), [
                {"snapshot_id": snapshot_id, "name": name, "rows_json": text}
                for name, text in rows.items()])
        return Saved(snapshot_id, replaced)

    @staticmethod
    def _same_figures(connection: sa.Connection, as_of: str, rows: dict[str, str],
                      series: str) -> int | None:
        """The id of a stored snapshot of this date whose tables equal `rows`, if any."""
        stored: dict[int, dict[str, str]] = {}
        for snapshot_id, name, text in connection.execute(
                sa.select(snapshot.c.id, snapshot_table.c.name, snapshot_table.c.rows_json)
                .join(snapshot_table, snapshot_table.c.snapshot_id == snapshot.c.id)
                .where((snapshot.c.as_of == as_of) & (snapshot.c.series == series))
                .order_by(snapshot.c.id)):
            stored.setdefault(snapshot_id, {})[name] = text
        return next((snapshot_id for snapshot_id, tables in stored.items() if tables == rows),
                    None)

    def latest_before(self, as_of: dt.date, series: str = PUBLISHED
                      ) -> tuple[int, dt.date] | None:
        """The id and date of the series' latest snapshot taken before `as_of`: the one
        "since last time" means; None when every snapshot is from that day or later, as one
        just saved of today's figures is. One indexed row, not every snapshot's summary."""
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(snapshot.c.id, snapshot.c.as_of)
                .where((snapshot.c.as_of < as_of.isoformat()) & (snapshot.c.series == series))
                .order_by(snapshot.c.as_of.desc(), snapshot.c.id.desc()).limit(1)).first()
        return None if row is None else (int(row[0]), dt.date.fromisoformat(row[1]))

    def snapshots(self, series: str | None = None) -> pd.DataFrame:
        """The series' snapshots (every one when None), oldest first, with headline figures
        from their unit summaries."""
        query = (sa.select(snapshot.c.id, snapshot.c.saved_at, snapshot.c.as_of,
                           snapshot.c.label, snapshot.c.source, snapshot.c.series,
                           snapshot_table.c.rows_json)
                 .join(snapshot_table, (snapshot_table.c.snapshot_id == snapshot.c.id)
                       & (snapshot_table.c.name == "unit_summary"))
                 .order_by(snapshot.c.as_of, snapshot.c.id))
        if series is not None:
            query = query.where(snapshot.c.series == series)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        records = []
        for snapshot_id, saved_at, as_of, label, source, in_series, summary_json in rows:
            summary = json.loads(summary_json)
            records.append({
                "id": snapshot_id, "saved_at": saved_at, "as_of": as_of, "label": label,
                "source": source, "series": in_series, "units": len(summary),
                "compliant_units": sum(bool(u["compliant"]) for u in summary),
                "units_missing_process": sum(u["missing_processes"] > 0 for u in summary),
                "advisors": sum(u["advisors"] for u in summary),
            })
        return pd.DataFrame(records, columns=["id", "saved_at", "as_of", "label", "source",
                                              "series", "units", "compliant_units",
                                              "units_missing_process", "advisors"])

    def table(self, snapshot_id: int, name: str) -> pd.DataFrame:
        """One stored table of one snapshot."""
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(snapshot_table.c.rows_json)
                .where((snapshot_table.c.snapshot_id == snapshot_id)
                       & (snapshot_table.c.name == name))).first()
        return pd.DataFrame(json.loads(row[0])) if row else pd.DataFrame()

    def history(self) -> list[dict[str, object]]:
        """Every snapshot with its unit summary, as JSON-ready objects (for the command line)."""
        records = table_rows(self.snapshots())
        for record in records:
            record["unit_summary"] = table_rows(self.table(int(record["id"]), "unit_summary"))
        return records
