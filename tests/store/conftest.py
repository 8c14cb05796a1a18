"""Store fixtures: a project as Curator 0001 left it, to upgrade."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from curator.store import migrating
from curator.store.database import ProjectDatabase
from tests.backends import BACKENDS, either_backend

NOW = "2024-01-02 03:04:05"


def _make_project_at_0001(engine: Engine) -> None:
    """A schema at 0001 holding an event, a person and an organization with free-text countries,
    and an evidence span (whose id must survive the evidence table being rebuilt)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(migrating.alembic_config(connection), "0001")
        connection.execute(text(
            "INSERT INTO document (id, title, source_name, sha256, encoding, media_type, "
            "language, text, imported_at, imported_by) VALUES (1, 'Report', 'r.txt', 'x', "
            "'utf-8', 'text/plain', 'en', 'Zheng Wenkai led a delegation to Brazil.', "
            f"'{NOW}', 'alice')"))
        for record_id, kind, key in ((1, "event", "E-0001"), (2, "person", "P-0001"),
                                     (3, "organization", "O-0001"), (4, "event", "E-0002")):
            connection.execute(text(
                "INSERT INTO record (id, kind, number, key, name_en, name_zh, status, version, "
                "created_at, created_by, updated_at, updated_by) VALUES "
                f"({record_id}, '{kind}', {record_id}, '{key}', 'n', '', 'draft', 3, "
                f"'{NOW}', 'alice', '{NOW}', 'alice')"))
        connection.execute(text(
            "INSERT INTO event_detail (record_id, country, city) VALUES "
            "(1, 'Brazil', 'Brasília'), (4, 'Brazil and Peru', NULL)"))
        connection.execute(text(
            "INSERT INTO person_detail (record_id, nationality, position) "
            "VALUES (2, '中国', 'Vice Minister')"))
        connection.execute(text(
            "INSERT INTO organization_detail (record_id, country) VALUES (3, 'china')"))
        connection.execute(text(
            "INSERT INTO evidence (id, record_id, document_id, field, start, \"end\", exact, "
            f"prefix, suffix, created_at, created_by) VALUES (7, 2, 1, NULL, 0, 12, "
            f"'Zheng Wenkai', '', ' led', '{NOW}', 'alice')"))



@pytest.fixture
def make_project_at_0001() -> Callable[[Engine], None]:
    """Builds, in an empty database, a schema at 0001 with records and free-text countries."""
    return _make_project_at_0001


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProjectDatabase]:
    """A new, empty project: every data-layer test runs on SQLite and on PostgreSQL."""
    yield from either_backend(request, tmp_path)
