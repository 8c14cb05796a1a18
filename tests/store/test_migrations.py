"""Schema migrations: Alembic builds the schema and knows the head Curator expects."""

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from curator.store import migrating
from curator.store.database import ProjectDatabase


def test_migrations_upgrade_an_empty_database_to_every_table(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    migrating.upgrade_to_head(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"document", "section", "record", "event_detail", "person_detail",
            "organization_detail", "evidence", "revision", "alembic_version"} <= tables
    with engine.connect() as connection:
        assert migrating.current_revision(connection) == migrating.HEAD_REVISION


def test_head_revision_constant_matches_alembic_scripts() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrating.alembic_config())
    assert scripts.get_current_head() == migrating.HEAD_REVISION


def test_opened_sqlite_project_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    database = ProjectDatabase.open(tmp_path / "p.curator")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.close()


def test_reopening_a_current_project_keeps_its_data(tmp_path: Path) -> None:
    from curator.domain.records import RecordKind
    from curator.store.records import create_record, list_summaries

    first = ProjectDatabase.open(tmp_path / "p.curator")
    with first.unit_of_work() as session:
        create_record(session, RecordKind.PERSON, user="a", name_en="Zheng Wenkai")
    first.close()
    second = ProjectDatabase.open(tmp_path / "p.curator")
    with second.unit_of_work() as session:
        assert [s.name_en for s in list_summaries(session, RecordKind.PERSON)] == ["Zheng Wenkai"]
    second.close()


# Migration 0007's month index on expressions, which SQLAlchemy cannot reflect on SQLite.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrations_build_exactly_the_schema_the_tables_declare(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    engine = create_engine(f"sqlite:///{tmp_path / 'drift.sqlite'}")
    migrating.upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": migrating.include_name})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_a_project_from_a_newer_curator_is_refused_untouched(tmp_path: Path) -> None:
    import pytest
    from sqlalchemy import text

    from curator.errors import ProjectError

    project = tmp_path / "newer.curator"
    ProjectDatabase.open(project).close()
    engine = create_engine(f"sqlite:///{project}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(ProjectError, match="newer version of Curator"):
        ProjectDatabase.open(project)
    assert project.exists()


def test_key_sequence_starts_with_a_row_per_kind(tmp_path: Path) -> None:
    from sqlalchemy import text

    database = ProjectDatabase.open(tmp_path / "p.curator")
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT kind, last_number FROM key_sequence")).all()
    database.close()
    assert sorted(rows) == [("event", 0), ("organization", 0), ("person", 0)]
