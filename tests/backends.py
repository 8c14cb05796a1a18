"""The data-layer tests run on both backends: a project on SQLite and one on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from curator.store.database import ProjectDatabase

BACKENDS = ["sqlite", "postgresql"]


def either_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProjectDatabase]:
    """A new, empty project on the backend of the test's parameter: a SQLite file, or a
    database on the team-mode test server. Tests marked `sqlite_only` are not run on the
    server (they are about the file: backups, damage, locks)."""
    if request.param == "sqlite":
        project = ProjectDatabase.open(tmp_path / "test.curator")
        yield project
        project.close()
        return
    from tests.postgres_server import scratch_database

    template = request.getfixturevalue("empty_project_template")
    with scratch_database(template) as url:
        project = ProjectDatabase.open(url)
        yield project
        project.close()
