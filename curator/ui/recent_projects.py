"""File → Recent Projects: the projects opened lately, never with a password."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from curator.ui.settings import WindowSettings

MAX_RECENT_PROJECTS = 8
_PASSWORD = re.compile(r"(://[^/@:]*):[^@/]*@")


def without_password(location: str) -> str:
    """A project location fit to keep: a database URL loses its password (the server's
    password file or PGPASSWORD supply it when the project is opened again)."""
    return _PASSWORD.sub(r"\1@", location) if "://" in location else location


class RecentProjectsMenu(QMenu):
    """Lists the recent projects, the latest first; choosing one opens it."""

    def __init__(self, settings: WindowSettings, open_project: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recent &Projects"))
        self._settings = settings
        self._open_project = open_project
        self._show()

    def remember(self, location: str) -> None:
        """Put `location` (its password left out) at the top of the list."""
        kept = without_password(location)
        recent = [kept, *(item for item in self._settings.recent_projects if item != kept)]
        self._settings.recent_projects = recent[:MAX_RECENT_PROJECTS]
        self._show()

    def locations(self) -> list[str]:
        """The projects listed, the latest first."""
        return self._settings.recent_projects

    def _show(self) -> None:
        self.clear()
        for index, location in enumerate(self._settings.recent_projects, start=1):
            action = QAction(f"&{index} {location}" if index < 10 else location, self)
            action.triggered.connect(lambda _=False, chosen=location: self._open_project(chosen))
            self.addAction(action)
        if self.isEmpty():
            self.addAction(self.tr("No recent projects")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(self.tr("Clear Menu")).triggered.connect(self.forget_all)

    def forget_all(self) -> None:
        """Empty the list."""
        self._settings.recent_projects = []
        self._show()
