"""Backups of SQLite projects: a rolling daily copy in the user's data folder, and restoring."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from curator.paths import PROJECT_SUFFIX, user_data_dir
from curator.store.backups import copy_sqlite_file, restore_sqlite_file
from curator.store.database import ProjectDatabase

_log = logging.getLogger(__name__)
DAILY_BACKUPS_KEPT = 7
"""How many daily backups of a project are kept; older ones are deleted."""
_DAILY_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})" + re.escape(PROJECT_SUFFIX))


@dataclass(frozen=True)
class Backup:
    """A backup copy of a project: its file and when it was taken."""

    path: Path
    taken_at: datetime


def backup_folder(project: Path) -> Path:
    """Where the daily backups of a project file are kept (one folder per project)."""
    resolved = project.expanduser().resolve()
    tag = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    return user_data_dir() / "backups" / f"{resolved.stem}-{tag}"


def daily_backup(database: ProjectDatabase, *, today: date | None = None) -> Path | None:
    """Copy a SQLite project to its backup folder once a day, keeping the last few; the new
    copy, or None when today's exists already or the project is not a SQLite file."""
    if not database.is_sqlite:
        return None
    project = Path(database.location)
    folder = backup_folder(project)
    target = folder / f"{(today or date.today()).isoformat()}{PROJECT_SUFFIX}"
    if target.exists():
        return None
    copy_sqlite_file(project, target)
    _log.info("Backed up %s to %s", project, target)
    for stale in list_backups(project)[DAILY_BACKUPS_KEPT:]:
        stale.path.unlink(missing_ok=True)
    return target


def list_backups(project: Path) -> list[Backup]:
    """A project's daily backups, newest first."""
    folder = backup_folder(project)
    if not folder.is_dir():
        return []
    backups = [Backup(path, datetime.fromtimestamp(path.stat().st_mtime))
               for path in folder.iterdir() if _DAILY_NAME.fullmatch(path.name)]
    return sorted(backups, key=lambda backup: backup.path.name, reverse=True)


def restore_backup(backup: Path, project: Path) -> Path:
    """Make a project file as a backup of it was; returns a copy of the project as it was
    just before (kept beside the backups), so the restore itself can be undone."""
    stamp = datetime.now().strftime("%Y-%m-%dT%H%M%S")
    before = backup_folder(project) / f"before-restore-{stamp}{PROJECT_SUFFIX}"
    copy_sqlite_file(project, before)
    restore_sqlite_file(backup, project)
    _log.warning("Restored %s from %s; the state replaced is in %s", project, backup, before)
    return before
