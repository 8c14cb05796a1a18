"""Connecting to a project: engines for editing and for reading only, with SQLite's pragmas."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

BUSY_TIMEOUT_MS = 5000
"""How long a reader waits for a lock (WAL readers rarely need one)."""

WRITE_BUSY_TIMEOUT_MS = 30_000
"""How long a change waits for another process's transaction to end (a colleague's workbook
import or suggestions run holds the write lock for seconds) before the user is told."""


def _apply_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={WRITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _apply_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")  # SQLite itself refuses every write
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def editing_engine(url: str) -> Engine:
    """An engine that may change the project (SQLite in WAL mode)."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _apply_sqlite_pragmas)
    return engine


def read_only_sqlite_uri(file: Path) -> str:
    """The SQLite URI that reads `file` without changing it or leaving files beside it.

    A reader opening a WAL project with `mode=ro` creates its -wal and -shm files and cannot
    remove them; a read-write connection with `query_only` set writes nothing, and SQLite
    removes those files when the last connection closes. Where nobody can write — the folder
    or the file is read-only — and no writer's log is present, `immutable=1` reads with
    neither side files nor locks.
    """
    path = quote(str(file))
    if os.access(file.parent, os.W_OK) and os.access(file, os.W_OK):
        return f"file:{path}?mode=rw"
    if not file.with_name(file.name + "-wal").exists():
        return f"file:{path}?mode=ro&immutable=1"
    return f"file:{path}?mode=ro"


def read_only_engine(url: str, file: Path | None) -> Engine:
    """An engine that only reads: no schema upgrade, no journal change, every write refused."""
    if file is None:
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"options": "-c default_transaction_read_only=on"})
    uri = read_only_sqlite_uri(file)
    engine = create_engine(
        url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    )
    event.listen(engine, "connect", _apply_read_only_pragmas)
    return engine
