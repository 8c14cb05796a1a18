"""Starting the window: the frame first, then the project, so the window shows at once."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from curator.domain.text_safety import escape_for_terminal
from curator.errors import CuratorError, ProjectMissing
from curator.paths import resources_dir

if TYPE_CHECKING:
    from curator.store.database import ProjectDatabase

_STARTED = time.perf_counter()


def _open_database(project: str | Path | None, *, create: bool) -> ProjectDatabase:
    from curator.services.projects import open_project  # imports the database code: ~0.6 s

    return open_project(project, create=create)


def _open_or_offer_to_create(
    window: QWidget, project: str | Path | None, *, create: bool
) -> ProjectDatabase | None:
    """The project, created if the user agrees when it does not exist; None if they decline.

    A misspelt name thus never silently becomes a new, empty project.
    """
    from curator.ui.messages import offer

    try:
        return _open_database(project, create=create)
    except ProjectMissing as missing:
        question = window.tr("{missing} Create a new, empty project there?").format(
            missing=missing)
        if not offer(window, window.tr("No such project"), question, window.tr("Create")):
            return None
    return _open_database(project, create=True)


def _elapsed() -> str:
    return f"{time.perf_counter() - _STARTED:.3f} s"


def _missing_display() -> str | None:
    """Why no window can be shown here, if that is plain before Qt tries (and aborts)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("no display was found (DISPLAY is not set). Run Curator in a desktop session, or "
            "on a virtual screen: xvfb-run -a uv run curator. The commands import, export "
            "and stats work without one (curator --help).")


def _speak_chosen_language(app: QApplication) -> None:
    """The language of Preferences, or the system's; Qt's own texts in it too."""
    from curator.languages import set_language
    from curator.ui.settings import WindowSettings
    from curator.ui.translation import install_translators

    set_language(WindowSettings().language)
    install_translators(app)


def run_app(
    project: str | Path | None, *, create: bool = False, exit_when_shown: bool = False
) -> int:
    """Open the main window on `project` (None: the demo project) and run until it closes.

    A project that does not exist is created with `create`; otherwise the user is asked,
    and if they decline the window closes without opening anything.
    """
    if QApplication.instance() is None and (reason := _missing_display()):
        print(f"curator: {reason}", file=sys.stderr)
        return 1
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Curator")
    app.setOrganizationName("Curator")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "curator.svg")))
    _speak_chosen_language(app)
    from curator.ui.main_window import MainWindow
    from curator.ui.messages import report_unexpected_error, show_error

    previous_hook, sys.excepthook = sys.excepthook, report_unexpected_error
    window = MainWindow()
    window.show()
    if exit_when_shown:  # bench/startup.py times these two moments
        QTimer.singleShot(0, lambda: print(f"window shown after {_elapsed()}", file=sys.stderr))

    failures: list[CuratorError] = []

    def open_project() -> None:
        try:
            database = _open_or_offer_to_create(window, project, create=create)
            if database is None:  # the user chose not to create a missing project
                window.close()
                return
            window.attach(database)
        except CuratorError as error:
            failures.append(error)
            print(f"curator: {escape_for_terminal(str(error))}", file=sys.stderr)
            show_error(window, window.tr("Cannot open the project"), str(error))
            window.close()
            return
        if exit_when_shown:
            def report_and_quit() -> None:
                print(f"project ready after {_elapsed()}", file=sys.stderr)
                window.close()

            QTimer.singleShot(0, report_and_quit)

    QTimer.singleShot(0, open_project)
    try:
        status = app.exec()
    finally:
        sys.excepthook = previous_hook
    if window.workbench is not None:
        window.workbench.database.close()
    return 1 if failures else status
