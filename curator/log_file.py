"""Curator's log: a rotating file in the user's log folder, for the window and the commands."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from curator.paths import APP_NAME

_MAX_BYTES = 1_000_000
_KEPT_FILES = 3  # curator.log and curator.log.1 … .3: a few days of work, a few MB at most
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None


def log_file_path() -> Path:
    """Where Curator writes its log (in the user's log folder, such as ~/.local/state)."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / "curator.log"


def start_logging() -> Path | None:
    """Send Curator's log records to the rotating log file; returns its path (None when the
    folder cannot be written: Curator works on without a log rather than refuse to start)."""
    global _handler
    path = log_file_path()
    if _handler is not None and Path(_handler.baseFilename) == path:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=_MAX_BYTES, backupCount=_KEPT_FILES,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger = logging.getLogger("curator")
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _handler = handler
    logger.info("Curator started (process %d, user %s)", os.getpid(),
                os.environ.get("CURATOR_USER") or os.environ.get("USER") or "?")
    return path
