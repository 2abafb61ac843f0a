"""Publications: the organisation's one current data set (its files, hand-made column
mappings, who published it and when) and the earlier ones, kept up to a retention limit.

The current publication is the newest. Publishing and restoring each add one in a single
transaction, so a crash leaves the previous one current and two publishers both land, in
order; a restore is a new publication with an earlier one's files."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from store.access import PUBLISH, RESTORE, audit_row
from store.database import database_url, engine_for, writing
from store.tables import publication, publication_file, publication_mapping

DEFAULT_RETENTION = 12
FROM_APP, FROM_COMMAND_LINE = "app", "command line"  # where a publication was made
Files = tuple[tuple[str, str, bytes], ...]  # (kind, file name, bytes)
Mappings = tuple[tuple[str, str, str], ...]  # (kind, raw header, canonical column)


def retention_from_env() -> int:
    """How many publications are kept (PUBLICATION_RETENTION, default 12, at least 1)."""
    return max(1, int(os.environ.get("PUBLICATION_RETENTION", DEFAULT_RETENTION)))


@dataclass(frozen=True)
class Publication:
    """One publication's facts (its files are read separately)."""

    id: int
    published_at: dt.datetime  # aware, UTC
    published_by: str
    source: str  # "app" or "command line"
    as_of: dt.date
    digest: str
    restored_from: int | None


class PublicationStore:
    def __init__(self, target: str | Path | None = None, retention: int | None = None):
        self.url = database_url(target)
        self.engine = engine_for(self.url)
        self.retention = retention or retention_from_env()

    def publish(self, files: Files, mappings: Mappings, by: str, source: str,
                as_of: dt.date, digest: str, restored_from: int | None = None,
                at: dt.datetime | None = None) -> int:
        """Store a new current publication and drop the ones beyond the retention limit
        (their files with them); the new id."""
        with writing(self.engine) as connection:
            new_id = connection.execute(publication.insert().values(
                published_at=at or dt.datetime.now(dt.UTC), published_by=by, source=source,
                as_of=as_of, digest=digest, restored_from=restored_from,
            ).returning(publication.c.id)).scalar_one()
            connection.execute(publication_file.insert(), [
                {"publication_id": new_id, "kind": kind, "name": name, "content": data}
                for kind, name, data in files])
            if mappings:
                connection.execute(publication_mapping.insert(), [
                    {"publication_id": new_id, "kind": kind, "raw": raw, "canonical": canonical}
                    for kind, raw, canonical in mappings])
            audit_row(connection, by, RESTORE if restored_from else PUBLISH,
                      f"nr. {new_id}" + (f" (nr. {restored_from})" if restored_from else ""))
            doomed = connection.execute(sa.select(publication.c.id).order_by(
                publication.c.id.desc()).offset(self.retention)).scalars().all()
            if doomed:  # their files and mappings go with them (foreign keys cascade)
                connection.execute(publication.delete().where(publication.c.id.in_(doomed)))
        return new_id

    def restore(self, publication_id: int, by: str) -> int:
        """Make an earlier publication current again, as a new publication of its files."""
        old = self.get(publication_id)
        if old is None:
            raise KeyError(publication_id)
        files, mappings = self.contents(publication_id)
        return self.publish(files, mappings, by=by, source=old.source, as_of=old.as_of,
                            digest=old.digest, restored_from=publication_id)

    def current_id(self) -> int | None:
        """The newest publication's id: one indexed row, asked on every rerun."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(sa.func.max(publication.c.id))).scalar()

    def get(self, publication_id: int) -> Publication | None:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(publication).where(
                publication.c.id == publication_id)).one_or_none()
        return None if row is None else _publication(row)

    def history(self) -> list[Publication]:
        """Every kept publication, newest first."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(publication).order_by(
                publication.c.id.desc())).all()
        return [_publication(row) for row in rows]

    def file_names(self) -> dict[int, list[str]]:
        """Each kept publication's file names, without reading the files."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(publication_file.c.publication_id,
                                                publication_file.c.name)
                                      .order_by(publication_file.c.kind)).all()
        names: dict[int, list[str]] = {}
        for publication_id, name in rows:
            names.setdefault(publication_id, []).append(name)
        return names

    def contents(self, publication_id: int) -> tuple[Files, Mappings]:
        """A publication's files and mappings, by kind."""
        with self.engine.connect() as connection:
            files = connection.execute(
                sa.select(publication_file.c.kind, publication_file.c.name,
                          publication_file.c.content)
                .where(publication_file.c.publication_id == publication_id)
                .order_by(publication_file.c.kind)).all()
            mappings = connection.execute(
                sa.select(publication_mapping.c.kind, publication_mapping.c.raw,
                          publication_mapping.c.canonical)
                .where(publication_mapping.c.publication_id == publication_id)
                .order_by(publication_mapping.c.kind, publication_mapping.c.raw)).all()
        return (tuple((kind, name, bytes(data)) for kind, name, data in files),
                tuple(tuple(m) for m in mappings))


def _publication(row: sa.Row) -> Publication:
    published_at = row.published_at
    if published_at.tzinfo is None:  # SQLite keeps no zone: the store writes UTC
        published_at = published_at.replace(tzinfo=dt.UTC)
    return Publication(row.id, published_at, row.published_by, row.source, row.as_of,
                       row.digest, row.restored_from)
