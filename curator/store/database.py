"""Opening a project database: checks, schema upgrade and units of work."""

from __future__ import annotations

import errno
import logging
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import (
    DatabaseError,
    DataError,
    IntegrityError,
    InterfaceError,
    NotSupportedError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from curator.domain.translation import _
from curator.errors import EditConflict, ProjectError, ProjectMissing, StorageError
from curator.store import migrating
from curator.store.backups import copy_sqlite_file
from curator.store.engines import editing_engine, read_only_engine, read_only_sqlite_uri
from curator.store.locations import (
    project_url,
    shown_location,
    sqlite_file,
    without_password,
)
from curator.store.search_index import keep_index_in_step

_log = logging.getLogger(__name__)
keep_index_in_step()  # every unit of work's writes reach the search index in its transaction


def _create_sqlite_project(file: Path, location: str | Path) -> bool:
    """Build a new project at `file` atomically; False if another process made it first.

    The schema is written to a temporary file beside the target, which is then hard-linked
    into place: linking fails if the target exists, so neither a half-built project nor a
    rival's is ever overwritten, and only this run's temporary file is ever deleted.
    """
    if any(parent.exists() and not parent.is_dir() for parent in file.parents):
        raise ProjectError(_("Cannot create the project {location}: a part of its "
                             "folder path is a file, not a folder.").format(location=location))
    made_folders = _make_folders(file.parent)
    temporary = file.with_name(f".{file.name}.{os.getpid()}.{secrets.token_hex(4)}.creating")
    try:
        engine = editing_engine(f"sqlite:///{temporary}")
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
        raise ProjectError(_("Cannot create the project {location}: {reason}.").format(
                               location=location, reason=_reason(error))) from error
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


def _reason(error: Exception, file: Path | None = None, *, read_only: bool = False) -> str:
    """What went wrong underneath, in words for the user (no statement dump, no web link)."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorname", "") or ""
    text = " ".join(str(original).split())  # drivers' messages may span lines
    if code.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return (f"it is damaged ({text}); if you have a copy of the project from before the "
                "damage, use that")
    if code == "SQLITE_NOTADB" or "file is not a database" in text:
        return "it is not a Curator project (not an SQLite database)"
    if code == "SQLITE_FULL" or "disk is full" in text:
        return "the disk is full; free some space and try again"
    if code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        if read_only:
            return "it was opened for reading only"
        if file is not None and (problem := _unwritable(file)):
            return problem
    if code.startswith("SQLITE_BUSY"):
        return "another program is changing it; try again in a moment"
    return text


def _unwritable(file: Path) -> str | None:
    """Why a project file cannot be changed in place, if it cannot."""
    if not os.access(file.parent, os.W_OK):
        return (f"its folder {file.parent} is read-only, and Curator writes beside the project "
                "file while changing it. Reading it works (curator -p PROJECT stats, documents, "
                "export); to change it, copy it to a folder you can write to")
    if file.exists() and not os.access(file, os.W_OK):
        return "the project file is read-only"
    return None


def _schema_is_current(engine: Engine, location: str) -> bool:
    """Whether a project is at this Curator's schema; refuses one with none or a newer one."""
    with engine.connect() as connection:
        revision = migrating.current_revision(connection)
    if revision == migrating.HEAD_REVISION:
        return True
    if revision is None:
        raise ProjectError(_("Cannot open the project {location}: it holds no Curator "
                             "project.").format(location=location))
    from alembic.script import ScriptDirectory

    known = {script.revision for script in ScriptDirectory.from_config(
        migrating.alembic_config()).walk_revisions()}
    if revision not in known:
        raise ProjectError(
            _("This project was made by a newer version of Curator (schema "
              "{revision}); update Curator to open it.").format(revision=revision)
        )
    return False


def _upgraded_in_memory(file: Path) -> Engine:
    """An older project copied into memory and upgraded there, so it can be read as this
    Curator reads it while its file stays untouched (even in a read-only folder)."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    source = sqlite3.connect(read_only_sqlite_uri(file), uri=True)
    try:
        source.backup(memory)
    finally:
        source.close()
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    migrating.upgrade_to_head(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA query_only=ON")
    return engine


def _reading_engine(url: str, file: Path | None, location: str) -> Engine:
    """An engine that reads the project at this Curator's schema without writing to it."""
    engine = read_only_engine(url, file)
    try:
        if _schema_is_current(engine, location):
            return engine
    finally:
        engine.dispose()
    if file is None:
        raise ProjectError(
            _("Cannot read the project {location} yet: it was made by an earlier "
              "version of Curator and must be upgraded first, which reading alone "
              "does not do. Open it once with this version (curator -p PROJECT, or "
              "any command that changes it).").format(location=location)
        )
    return _upgraded_in_memory(file)


class ProjectDatabase:
    """An open project: one database whose schema is at the newest migration."""

    def __init__(
        self, engine: Engine, *, created: bool = False, read_only: bool = False,
        location: str | None = None,
    ) -> None:
        self.engine = engine
        self._file_location = location
        self.created = created
        """Whether opening made a new project file."""
        self.read_only = read_only
        """Whether the project was opened for reading only (every write is refused)."""
        self.upgrade_backup: Path | None = None
        """The copy of the project made before opening upgraded its schema, if it did."""

    @classmethod
    def open(
        cls, location: str | Path, *, create: bool = True, read_only: bool = False
    ) -> ProjectDatabase:
        """Open the project at a file path or URL, upgrading its schema.

        A missing project file is created, or with `create` off refused with ProjectMissing.
        Creation is atomic (see `_create_sqlite_project`): two processes creating the same
        project at once both end up in the one that won, and a failure never deletes a file
        this process did not make. With `read_only` nothing is created, upgraded or written:
        the file stays byte for byte as it was, and no file is left beside it.
        """
        url = project_url(location)
        shown = shown_location(location)
        file = sqlite_file(url)
        created = False
        upgrade_backup: Path | None = None
        if file is not None:
            created = _prepare_file(file, shown, create=create and not read_only,
                                    read_only=read_only)
        engine: Engine | None = None
        try:
            if read_only:
                engine = _reading_engine(url, file, shown)
            else:
                engine = editing_engine(url)
                if file is not None and not created:
                    upgrade_backup = _backup_before_upgrade(engine, file)
                migrating.upgrade_to_head(engine)
        except (ProjectError, SQLAlchemyError, OSError, ImportError) as error:
            if engine is not None:
                engine.dispose()
            if isinstance(error, ProjectError):
                raise
            raise ProjectError(without_password(
                f"Cannot open the project {shown}: "
                f"{_opening_reason(error, file, read_only=read_only)}.", url)) from error
        database = cls(engine, created=created, read_only=read_only,
                       location=str(file) if file is not None else None)
        database.upgrade_backup = upgrade_backup
        _log.info("Opened %s%s%s", shown, " for reading" if read_only else "",
                  f" (upgraded; copy before: {upgrade_backup})" if upgrade_backup else "")
        return database

    @property
    def is_sqlite(self) -> bool:
        """Whether this project is a local SQLite file."""
        return self.engine.url.get_backend_name() == "sqlite"

    @property
    def location(self) -> str:
        """The file path of a SQLite project, else its URL without password."""
        if self.is_sqlite:
            return self._file_location or self.engine.url.database or ""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session for one user action: committed if the block succeeds, else rolled back.

        The database failing underneath (disk full, file locked, damaged or gone, server
        down) becomes a StorageError naming the project; nothing of the action is kept. A
        statement the database cannot understand is a bug and propagates.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except IntegrityError as error:
                session.rollback()
                if not _is_unique_violation(error):
                    raise  # a broken rule the store should have checked: a bug
                # Store code checks what it can; a duplicate left is a colleague's
                # simultaneous change claiming the same key or text.
                raise EditConflict(
                    _("Someone else changed the project at the same moment, so this change was "
                      "not saved. Please try again.")
                ) from error
            except _BUGS:
                session.rollback()
                raise
            except (DatabaseError, InterfaceError) as error:
                _roll_back_failed(session)
                raise StorageError(self._failure_message(error)) from error
            except BaseException:
                session.rollback()
                raise

    def _failure_message(self, error: Exception) -> str:
        file = Path(self.location) if self.is_sqlite else None
        reason = _reason(error, file, read_only=self.read_only)
        message = f"The project {self.location} could not be used: {reason}. Nothing was changed."
        return without_password(message, self.engine.url.render_as_string(hide_password=False))

    def close(self) -> None:
        """Release every connection (SQLite then removes its -wal and -shm files)."""
        self.engine.dispose()


_BUGS = (ProgrammingError, DataError, NotSupportedError)
"""Database errors that mean a statement is wrong, not that the database failed."""


def _roll_back_failed(session: Session) -> None:
    """Roll back after the database failed; the failure matters more than the rollback's."""
    with suppress(SQLAlchemyError):
        session.rollback()


def _backup_before_upgrade(engine: Engine, file: Path) -> Path | None:
    """Copy a SQLite project whose schema is older than this Curator's before upgrading it:
    `NAME.schema-0003-backup.curator` beside it. None when no upgrade is due."""
    with engine.connect() as connection:
        revision = migrating.current_revision(connection)
    # Revisions are zero-padded numbers; a newer one is refused by the upgrade itself.
    if revision is None or revision >= migrating.HEAD_REVISION:
        return None
    target = file.with_name(f"{file.stem}.schema-{revision}-backup{file.suffix}")
    if target.exists():  # an earlier attempt's copy: keep it, make another
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target.with_name(f"{file.stem}.schema-{revision}-backup-{stamp}{file.suffix}")
    return copy_sqlite_file(file, target)


def _opening_reason(error: Exception, file: Path | None, *, read_only: bool) -> str:
    if isinstance(error, ImportError):
        return (f"the database driver it asks for is not installed ({error.name}); "
                "Curator connects to PostgreSQL with postgresql://…")
    return _reason(error, file, read_only=read_only)


def _prepare_file(file: Path, location: str, *, create: bool, read_only: bool) -> bool:
    """Check a project file before connecting (creating it if asked); whether it was made."""
    if file.is_dir():
        raise ProjectError(_("Cannot open the project {location}: it is a folder.").format(
                               location=location))
    created = False
    if not file.exists():
        if not create:
            raise ProjectMissing(_("There is no project at {location}.").format(
                                     location=location))
        created = _create_sqlite_project(file, location)
    if file.is_file() and file.stat().st_size == 0:
        raise ProjectError(
            _("Cannot open the project {location}: the file is empty, not a Curator "
              "project.").format(location=location)
        )
    if not read_only and (problem := _unwritable(file)):
        raise ProjectError(_("Cannot change the project {location}: {problem}.").format(
                               location=location, problem=problem))
    return created
