"""Migration 0007 gives a project made at 0006 the dashboard's indexes and keeps its records."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from curator.store import migrating
from curator.store.database import ProjectDatabase

DASHBOARD_INDEXES = {"ix_record_kind_status", "ix_event_detail_start_date_event_type",
                     "ix_event_detail_month_type",
                     "ix_event_detail_country", "ix_relation_kind_object_subject",
                     "ix_relation_kind_country_subject"}


def _project_at_0006(file: Path) -> None:
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as connection:
        command.upgrade(migrating.alembic_config(connection), "0006")
        connection.execute(text(
            "INSERT INTO record (id, kind, number, key, name_en, name_zh, status, version, "
            "created_at, created_by, updated_at, updated_by) VALUES (1, 'event', 1, 'E-0001', "
            "'Visit to Brazil', '', 'draft', 1, '2026-12-01', 'a', '2026-12-01', 'a')"))
        connection.execute(text(
            "INSERT INTO event_detail (record_id, start_date, country) "
            "VALUES (1, '2012-06-12', 'BR')"))
    engine.dispose()


def test_upgrade_adds_the_dashboard_indexes_and_keeps_records(tmp_path: Path) -> None:
    file = tmp_path / "old.curator"
    _project_at_0006(file)
    database = ProjectDatabase.open(file)
    with database.engine.connect() as connection:
        indexes = set(connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
        names = connection.execute(text("SELECT name_en FROM record")).scalars().all()
        revision = migrating.current_revision(connection)
    database.close()
    assert indexes >= DASHBOARD_INDEXES
    assert (names, revision) == (["Visit to Brazil"], migrating.HEAD_REVISION)
