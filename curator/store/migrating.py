"""Schema upgrades with Alembic, skipped cheaply when the database is already current."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from curator.domain.translation import _
from curator.errors import ProjectError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0008"
"""Newest migration in `migrations/versions`; a test checks it matches Alembic's head."""

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

FULL_TEXT_TABLES = ("search_key_trigrams", "search_key_han", "passage_trigrams", "passage_han")
"""SQLite FTS5 tables made by migration 0003 (with shadow tables named after them)."""


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Whether autogenerate compares a schema object: not the full-text tables, which the
    ORM does not declare (they are SQLite virtual tables, made and dropped by hand)."""
    return not (type_ == "table" and name is not None and name.startswith(FULL_TEXT_TABLES))


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configuration pointing at Curator's migrations (imported lazily: ~0.1 s)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op (without importing Alembic) if current.

    Raises ProjectError for a database made by a newer Curator (a revision this one lacks).
    """
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    known = {script.revision for script in ScriptDirectory.from_config(
        alembic_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise ProjectError(
            _("This project was made by a newer version of Curator (schema "
              "{revision}); update Curator to open it.").format(revision=revision)
        )
    with engine.begin() as connection:
        _lock_schema(connection)
        if current_revision(connection) == HEAD_REVISION:  # upgraded while we waited
            return
        command.upgrade(alembic_config(connection), "head")


_UPGRADE_LOCK_KEY = 0x43555241  # "CURA": PostgreSQL advisory lock held while upgrading
_UPGRADE_WAIT_MS = 120_000


def _lock_schema(connection: Connection) -> None:
    """Let one process at a time upgrade a schema; the others wait, then find it current.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: BEGIN IMMEDIATE takes the write
    lock up front (DDL is transactional there too, so a failed upgrade leaves nothing).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA busy_timeout={_UPGRADE_WAIT_MS}")
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def autogenerate_revision(message: str, revision_id: str) -> None:
    """Write a new migration from the difference between the tables and a fresh database.

    For developers: run after changing `tables.py`, review the file, then bump HEAD_REVISION.
    """
    import tempfile

    from alembic import command
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{folder}/schema.sqlite")
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            command.revision(
                alembic_config(connection), message=message, autogenerate=True,
                rev_id=revision_id,
            )
        engine.dispose()
