"""Opening a project database: engine, SQLite pragmas, schema upgrade and units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from curator.errors import EditConflict, ProjectError, StorageError
from curator.store import migrating


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for a server or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _remove_database_files(file: Path) -> None:
    """Delete a SQLite database with its write-ahead log and shared-memory files."""
    for suffix in ("", "-wal", "-shm"):
        with suppress(OSError):  # missing, or its folder never came to be
            file.with_name(file.name + suffix).unlink()


def _is_unique_violation(error: IntegrityError) -> bool:
    """Whether a database refused a duplicate (SQLite's message, PostgreSQL's SQLSTATE)."""
    original = error.orig
    return getattr(original, "sqlstate", None) == "23505" or "UNIQUE" in str(original)


def _reason(error: Exception) -> str:
    """What went wrong, without SQLAlchemy's statement dump and documentation link."""
    original = getattr(error, "orig", None) or error
    if "file is not a database" in str(original):
        return "it is not a Curator project (not an SQLite database)"
    if "disk is full" in str(original):
        return "the disk is full; free some space and try again"
    return str(original)


def project_url(location: str | Path) -> str:
    """SQLAlchemy URL of a project given as a file path or a database URL."""
    text = str(location)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if (file := _sqlite_file(url)) is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _apply_sqlite_pragmas)
    return engine


class ProjectDatabase:
    """An open project: one database whose schema is at the newest migration."""

    def __init__(self, engine: Engine, *, created: bool = False) -> None:
        self.engine = engine
        self.created = created
        """Whether opening made a new project file."""

    @classmethod
    def open(cls, location: str | Path, *, create: bool = True) -> ProjectDatabase:
        """Open the project at a file path or URL, upgrading its schema.

        A missing project file is created, or with `create` off refused with ProjectError.
        """
        url = project_url(location)
        file = _sqlite_file(url)
        created = file is not None and not file.exists()
        if created and not create:
            raise ProjectError(
                f"There is no project at {location}. Importing a document into it creates it: "
                f"curator -p {location} import FILE"
            )
        if file is not None and file.is_dir():
            raise ProjectError(f"Cannot open the project {location}: it is a folder.")
        engine: Engine | None = None
        try:
            engine = _make_engine(url)
            migrating.upgrade_to_head(engine)
        except (ProjectError, SQLAlchemyError, OSError) as error:
            if engine is not None:
                engine.dispose()
            if created and file is not None:  # leave nothing behind for a failed open
                _remove_database_files(file)
            if isinstance(error, ProjectError):
                raise
            raise ProjectError(
                f"Cannot open the project {location}: {_reason(error)}."
            ) from error
        return cls(engine, created=created)

    def discard_if_new(self) -> None:
        """Close, and delete the project file if this opening created it."""
        self.close()
        file = _sqlite_file(str(self.engine.url))
        if self.created and file is not None:
            _remove_database_files(file)

    @property
    def is_sqlite(self) -> bool:
        """Whether this project is a local SQLite file."""
        return self.engine.url.get_backend_name() == "sqlite"

    @property
    def location(self) -> str:
        """The file path of a SQLite project, else its URL without password."""
        if self.is_sqlite:
            return self.engine.url.database or ""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session for one user action: committed if the block succeeds, else rolled back.

        The database failing underneath (disk full, file locked or gone, server down) becomes
        a StorageError the user can act on; nothing of the action is kept.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as error:
                session.rollback()
                raise StorageError(
                    f"The project's database could not be used: {_reason(error)}. "
                    "Nothing was changed."
                ) from error
            except IntegrityError as error:
                session.rollback()
                if not _is_unique_violation(error):
                    raise  # a broken rule the store should have checked: a bug
                # Store code checks what it can; a duplicate left is a colleague's
                # simultaneous change claiming the same key or text.
                raise EditConflict(
                    "Someone else changed the project at the same moment, so this change was "
                    "not saved. Please try again."
                ) from error
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()
