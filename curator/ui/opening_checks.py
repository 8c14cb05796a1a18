"""The quick check and the daily backup of a project just opened, on a worker thread: on a
large project they take seconds (the backup copies the whole file), which the window must not
wait for."""

from __future__ import annotations

import logging
import threading
from contextlib import suppress

from PySide6.QtCore import QObject, Signal

from curator.errors import CuratorError
from curator.services.backups import daily_backup
from curator.services.checking import check_project
from curator.store.database import ProjectDatabase

_log = logging.getLogger(__name__)


class OpeningChecks(QObject):
    """Checks the project, then (if it is sound: a damaged project never pushes a good backup
    out) keeps today's backup; says what it found on the window's thread."""

    finished = Signal(object, str)
    """The `ProjectCheck`, and why no backup could be made ("" when it was, or was not due)."""

    def __init__(self, database: ProjectDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._thread = threading.Thread(target=self._run, name="opening checks", daemon=True)

    def start(self) -> None:
        """Begin on the worker thread."""
        self._thread.start()

    def wait(self, seconds: float = 60.0) -> bool:
        """Wait for the checks to end (before the project is closed); whether they did."""
        if self._thread.is_alive():
            self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = check_project(self._database, thorough=False)
            problem = ""
            if result.sound:
                try:
                    daily_backup(self._database)
                except CuratorError as error:
                    problem = str(error)
        except Exception:  # a bug: logged, never a crash of the worker thread
            _log.exception("The checks on opening %s failed", self._database.location)
            return
        with suppress(RuntimeError):  # the window closed meanwhile
            self.finished.emit(result, problem)
