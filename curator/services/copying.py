"""Copying a whole project between backends: a SQLite file and a PostgreSQL database."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from curator.domain.translation import _
from curator.errors import ProjectError, StorageError
from curator.store.copying import ProgressCallback, copy_rows, holds_data
from curator.store.database import ProjectDatabase
from curator.store.locations import project_url, shown_location, sqlite_file
from curator.store.search_index import _full_text_rebuilt_at_end

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CopyOutcome:
    """What a copy did: where from, where to, and how many rows of each table."""

    source: str
    target: str
    rows: dict[str, int]


def copy_project(source: str | Path, target: str | Path, *,
                 progress: ProgressCallback | None = None) -> CopyOutcome:
    """Copy every document, record, relation, evidence span, revision, key counter and id
    counter of the project at `source` into a new project at `target` (a file that does not
    exist yet, or an empty database). The source is only read; a failed copy leaves no new
    project file behind. Raises ProjectError if the target holds a project already.
    """
    if project_url(source) == project_url(target):
        raise ProjectError(_("A project cannot be copied onto itself."))
    target_file = sqlite_file(project_url(target))
    if target_file is not None and target_file.exists():
        raise ProjectError(_("{location} exists already; copy into a new file.").format(
                               location=shown_location(target)))
    reading = ProjectDatabase.open(source, create=False, read_only=True)
    try:
        writing = ProjectDatabase.open(target, create=True)
        try:
            rows = _copy(reading, writing, progress)
        except BaseException:
            writing.close()
            if writing.created and target_file is not None:
                for suffix in ("", "-wal", "-shm"):
                    target_file.with_name(target_file.name + suffix).unlink(missing_ok=True)
            raise
        writing.close()
    finally:
        reading.close()
    _log.info("Copied %s to %s: %s", reading.location, shown_location(target), rows)
    return CopyOutcome(reading.location, shown_location(target), rows)


def _copy(reading: ProjectDatabase, writing: ProjectDatabase,
          progress: ProgressCallback | None) -> dict[str, int]:
    try:
        with reading.engine.connect() as source, writing.engine.begin() as target:
            if holds_data(target):
                raise ProjectError(
                    _("{location} holds a project already; copy into a new file or an "
                      "empty database, so nothing there is overwritten.").format(
                        location=writing.location))
            with _full_text_rebuilt_at_end(target):
                return copy_rows(source, target, progress)
    except SQLAlchemyError as error:
        raise StorageError(
            _("The copy from {source} to {target} failed, and nothing was kept: "
              "{reason}").format(
                source=reading.location, target=writing.location,
                reason=' '.join(str(getattr(error, 'orig', error)).split()))) from error
