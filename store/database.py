"""The one database: an SQLite file beside the app by default, PostgreSQL when DATABASE_URL
names one. One engine per URL and process, the schema brought up to date by Alembic on first
use; every write is one transaction that takes the writer's lock first."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import NullPool

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "snapshots.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_BUSY_MS = 30_000
_MIGRATION_LOCK = 4_711_2026  # any fixed number: PostgreSQL's advisory lock for migrations


def database_url(target: str | Path | None = None) -> str:
    """An SQLAlchemy URL from `target` (a URL or a file path), else DATABASE_URL, else the
    default SQLite file beside the app."""
    chosen = str(target or os.environ.get("DATABASE_URL") or DEFAULT_PATH)
    return chosen if "://" in chosen else f"sqlite:///{Path(chosen).resolve()}"


def engine_for(target: str | Path | None = None) -> Engine:
    return _engine(database_url(target))


@functools.cache
def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # a connection per use: opening an SQLite file is cheap, and no handle outlives it
        engine = create_engine(url, connect_args={"timeout": _BUSY_MS / 1000},
                               poolclass=NullPool)
        _sqlite_transactions(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _migrate(engine)
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """pysqlite's own transaction handling is off; SQLAlchemy's begin says BEGIN, and BEGIN
    IMMEDIATE for a writer, so two writers queue instead of failing halfway (the pysqlite
    recipe in SQLAlchemy's SQLite dialect notes)."""
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", f"busy_timeout = {_BUSY_MS}",
                       "synchronous = NORMAL"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get("writes", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: everything in it lands, or nothing does."""
    with engine.connect() as connection:
        connection.execution_options(writes=True)
        with connection.begin():
            yield connection


def _migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, one process at a time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
