"""Starting the window: the QApplication, the project and the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from curator.errors import CuratorError
from curator.store.database import ProjectDatabase

_STARTED = time.perf_counter()


def _open_database(project: Path | None) -> ProjectDatabase:
    if project is None:
        from curator.services.demo import open_demo_project

        return open_demo_project()
    return ProjectDatabase.open(project)


def run_app(project: Path | None, *, exit_when_shown: bool = False) -> int:
    """Open the main window on `project` (None: the demo project) and run until it closes."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Curator")
    app.setOrganizationName("Curator")
    from curator.ui.main_window import MainWindow
    from curator.ui.messages import show_error

    try:
        database = _open_database(project)
    except CuratorError as error:
        show_error(None, "Cannot open project", str(error))
        return 1
    window = MainWindow(database)
    window.show()
    if exit_when_shown:  # used by bench/startup.py to time the first window
        def report_and_quit() -> None:
            print(f"window shown after {time.perf_counter() - _STARTED:.3f} s", file=sys.stderr)
            window.close()

        QTimer.singleShot(0, report_and_quit)
    status = app.exec()
    database.close()
    return status
