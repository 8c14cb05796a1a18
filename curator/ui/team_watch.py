"""Polling the project for colleagues' changes while a window is open."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from curator.errors import CuratorError
from curator.services.watching import ChangeWatcher, ProjectChanges
from curator.store.database import ProjectDatabase

POLL_INTERVAL_MS = 2000
"""How often the window looks for others' changes (a few index lookups each time)."""

_log = logging.getLogger(__name__)


class ProjectWatch(QObject):
    """Looks for changes every `POLL_INTERVAL_MS` and says what changed."""

    changed = Signal(object)
    """Others (or this window's own long operations) changed the project: `ProjectChanges`."""

    def __init__(self, database: ProjectDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = ChangeWatcher(database)
        self._timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll_now)
        self._timer.start()

    def poll_now(self) -> ProjectChanges | None:
        """Look at once; a project that cannot be read now is tried again next time."""
        try:
            found = self._watcher.poll()
        except CuratorError as error:  # the server away for a moment: say nothing yet
            _log.warning("Could not look for changes: %s", error)
            return None
        if found is not None:
            self.changed.emit(found)
        return found

    def stop(self) -> None:
        """Stop polling (the project is closing)."""
        self._timer.stop()
