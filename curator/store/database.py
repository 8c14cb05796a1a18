"""Opening a project database: engine, SQLite pragmas, schema upgrade and units of work."""

from __future__ import annotations

import errno
import os
import secrets
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
from curator.store.search_index import keep_index_in_step

keep_index_in_step()  # every unit of work's writes reach the search index in its transaction


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for a server or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _create_sqlite_project(file: Path, location: str | Path) -> bool:
    """Build a new project at `file` atomically; False if another process made it first.

    The schema is written to a temporary file beside the target, which is then hard-linked
    into place: linking fails if the target exists, so neither a half-built project nor a
    rival's is ever overwritten, and only this run's temporary file is ever deleted.
    """
    if any(parent.exists() and not parent.is_dir() for parent in file.parents):
        raise ProjectError(f"Cannot create the project {location}: a part of its folder path "
                           "is a file, not a folder.")
    made_folders = _make_folders(file.parent)
    temporary = file.with_name(f".{file.name}.{os.getpid()}.{secrets.token_hex(4)}.creating")
    try:
        engine = _make_engine(f"sqlite:///{temporary}")
        try:
            migrating.upgrade_to_head(engine)
            with engine.connect() as connection:  # fold the log into the file before linking
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        return _link_into_place(temporary, file)
    except (SQLAlchemyError, OSError) as error:
        for folder in reversed(made_folders):
            with suppress(OSError):
                folder.rmdir()
        raise ProjectError(f"Cannot create the project {location}: {_reason(error)}.") from error
    finally:
        _remove_database_files(temporary)


def _link_into_place(temporary: Path, file: Path) -> bool:
    """Give `temporary` the name `file` unless that exists; whether this call did it."""
    try:
        os.link(temporary, file)
    except FileExistsError:
        return False
    except OSError as error:  # a file system without hard links: a narrow race remains
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if file.exists():
            return False
        os.rename(temporary, file)
    return True


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; returns those it made, outermost first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    missing.reverse()
    for made in missing:
        with suppress(FileExistsError):
            made.mkdir()
    return missing


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
        Creation is atomic (see `_create_sqlite_project`): two processes creating the same
        project at once both end up in the one that won, and a failure never deletes a file
        this process did not make.
        """
        url = project_url(location)
        file = _sqlite_file(url)
        if file is not None and file.is_dir():
            raise ProjectError(f"Cannot open the project {location}: it is a folder.")
        created = False
        if file is not None and not file.exists():
            if not create:
                raise ProjectError(
                    f"There is no project at {location}. Importing a document into it creates "
                    f"it: curator -p {location} import FILE"
                )
            created = _create_sqlite_project(file, location)
        if file is not None and file.is_file() and file.stat().st_size == 0:
            raise ProjectError(
                f"Cannot open the project {location}: the file is empty, not a Curator project."
            )
        engine: Engine | None = None
        try:
            engine = _make_engine(url)
            migrating.upgrade_to_head(engine)
        except (ProjectError, SQLAlchemyError, OSError) as error:
            if engine is not None:
                engine.dispose()
            if isinstance(error, ProjectError):
                raise
            raise ProjectError(
                f"Cannot open the project {location}: {_reason(error)}."
            ) from error
        return cls(engine, created=created)

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
