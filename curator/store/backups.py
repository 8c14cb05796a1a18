"""Copies of SQLite project files made with SQLite's backup API, and putting one back."""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from curator.domain.translation import _
from curator.errors import ProjectError
from curator.store.engines import BUSY_TIMEOUT_MS, read_only_sqlite_uri


def copy_sqlite_file(source: Path, target: Path) -> Path:
    """Copy a SQLite project, consistent even while others write it, to `target` (replaced
    at once when the copy is complete, so a half-made copy never has the target's name)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.partial")
    try:
        with closing(sqlite3.connect(read_only_sqlite_uri(source), uri=True,
                                     timeout=BUSY_TIMEOUT_MS / 1000)) as reader, \
                closing(sqlite3.connect(partial)) as writer:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        with suppress(OSError):
            partial.unlink()
        raise ProjectError(_("Cannot copy the project {source} to {target}: {error}.").format(
                               source=source, target=target, error=error)) from error
    return target


def restore_sqlite_file(backup: Path, project: Path) -> None:
    """Put a backup's content into a project file, in one transaction: the project is as the
    backup was, or (if anything fails) as it was before."""
    try:
        with closing(sqlite3.connect(read_only_sqlite_uri(backup), uri=True)) as reader, \
                closing(sqlite3.connect(project, timeout=BUSY_TIMEOUT_MS / 1000)) as writer:
            reader.backup(writer)
    except sqlite3.Error as error:
        raise ProjectError(_("Cannot restore {project} from {backup}: {error}.").format(
                               project=project, backup=backup, error=error)) from error
