"""Every test gets its own empty database (publications, snapshots), so no test sees another's
publication and none touches the app's own file; fixtures shared by a module use one made for
the whole run."""

import os
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.postgres import empty_database, postgres_server


def pytest_configure(config) -> None:
    os.environ["DATABASE_URL"] = str(Path(tempfile.mkdtemp(prefix="store-")) / "run.db")


@pytest.fixture(autouse=True)
def own_database(tmp_path_factory, monkeypatch) -> Path:
    path = tmp_path_factory.mktemp("store") / "test.db"
    monkeypatch.setenv("DATABASE_URL", str(path))
    return path


@pytest.fixture(scope="session")
def postgres():
    """One throwaway PostgreSQL server for the run, started on first use."""
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    """An empty database of each engine: an SQLite file, or a new database on the server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return empty_database(request.getfixturevalue("postgres"), f"t{uuid.uuid4().hex[:12]}")
