"""Backups: a copy before a schema upgrade, daily copies kept rolling, restoring one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from curator.services.backups import (
    DAILY_BACKUPS_KEPT,
    backup_folder,
    daily_backup,
    list_backups,
    restore_backup,
)
from curator.services.browsing import documents
from curator.services.importing import import_document, rename_document
from curator.store import migrating
from curator.store.database import ProjectDatabase

pytestmark = pytest.mark.sqlite_only  # copies of the project file


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_upgrading_an_older_project_first_copies_it_and_names_the_copy(
    tmp_path: Path, make_project_at_0001: Callable[[Engine], None]
) -> None:
    project = tmp_path / "old.curator"
    engine = create_engine(f"sqlite:///{project}")
    make_project_at_0001(engine)
    engine.dispose()

    database = ProjectDatabase.open(project)
    database.close()

    assert database.upgrade_backup == tmp_path / "old.schema-0001-backup.curator"
    assert _revision(database.upgrade_backup) == "0001"
    assert _revision(project) == migrating.HEAD_REVISION


def test_opening_a_current_project_makes_no_copy(tmp_path: Path) -> None:
    ProjectDatabase.open(tmp_path / "new.curator").close()

    database = ProjectDatabase.open(tmp_path / "new.curator")
    database.close()

    assert database.upgrade_backup is None
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new.curator"]


def test_a_daily_backup_is_made_once_a_day(database: ProjectDatabase, sample_document: int) -> None:
    first = daily_backup(database, today=date(2024, 5, 1))

    assert first is not None and first.parent == backup_folder(Path(database.location))
    assert daily_backup(database, today=date(2024, 5, 1)) is None
    copy = ProjectDatabase.open(first, read_only=True)
    assert len(documents(copy)) == 1
    copy.close()


def test_only_the_last_daily_backups_are_kept(database: ProjectDatabase) -> None:
    for day in range(1, 12):
        daily_backup(database, today=date(2024, 5, day))

    kept = [backup.path.name for backup in list_backups(Path(database.location))]

    assert len(kept) == DAILY_BACKUPS_KEPT
    assert kept[0] == "2024-05-11.curator" and kept[-1] == "2024-05-05.curator"


def test_restoring_a_backup_brings_the_project_back_as_it_was(
    tmp_path: Path, sample_source: Path
) -> None:
    project = tmp_path / "restored.curator"
    database = ProjectDatabase.open(project)
    document_id = import_document(database, sample_source).document_id
    backup = daily_backup(database, today=date(2024, 5, 1))
    assert backup is not None
    rename_document(database, document_id, "Renamed after the backup")
    database.close()

    before = restore_backup(backup, project)

    reopened = ProjectDatabase.open(project)
    try:
        assert documents(reopened)[0].title == "Annual Report"
        assert reopened.engine.connect().exec_driver_sql(
            "PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.close()
    copy = ProjectDatabase.open(before, read_only=True)
    assert documents(copy)[0].title == "Renamed after the backup"
    copy.close()
