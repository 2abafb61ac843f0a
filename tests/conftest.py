"""Every test gets its own empty database (publications, snapshots), so no test sees another's
publication and none touches the app's own file; fixtures shared by a module use one made for
the whole run."""

import os
import tempfile
from pathlib import Path

import pytest


def pytest_configure(config) -> None:
    os.environ["DATABASE_URL"] = str(Path(tempfile.mkdtemp(prefix="store-")) / "run.db")


@pytest.fixture(autouse=True)
def own_database(tmp_path_factory, monkeypatch) -> Path:
    path = tmp_path_factory.mktemp("store") / "test.db"
    monkeypatch.setenv("DATABASE_URL", str(path))
    return path
