"""GUI fixtures: windows on small projects, settings kept in a temporary file, errors captured."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from curator.store.database import ProjectDatabase
from curator.ui import messages
from curator.ui.main_window import MainWindow
from curator.ui.settings import WindowSettings


@pytest.fixture
def in_chinese(qapp: QApplication) -> Iterator[None]:
    """The application switched to Simplified Chinese for one test: our catalog and Qt's."""
    from curator.languages import set_language
    from curator.ui.translation import install_translators, remove_translators

    set_language("zh_CN")
    translators = install_translators(qapp)
    yield
    remove_translators(qapp, translators)
    set_language("en")


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Error dialogs the window would have shown, as (title, message)."""
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "report_error",
                        lambda _parent, title, message: errors.append((title, message)))
    return errors


@pytest.fixture(autouse=True)
def unanswered_choices_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question with several answers that a test did not expect fails it at once, rather
    than waiting for a click that never comes (tests that expect one answer it)."""
    def refuse(_parent: object, title: str, question: str, _options: object) -> int | None:
        raise AssertionError(f"unexpected question {title!r}: {question}")

    monkeypatch.setattr(messages, "ask_choice", refuse)


@pytest.fixture(autouse=True)
def asked_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Yes/no questions the window asked (each answered yes), so none waits for a click."""
    questions: list[str] = []
    monkeypatch.setattr(messages, "ask_user",
                        lambda _parent, _title, question: questions.append(question) or True)
    return questions


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path,
                shown_errors: list[tuple[str, str]]) -> Iterator[Callable[[Path], MainWindow]]:
    """Open a main window on a project file, as the app does; closed after the test."""
    opened: list[tuple[MainWindow, ProjectDatabase]] = []

    def opener(project: Path) -> MainWindow:
        database = ProjectDatabase.open(project)
        settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"),
                                            QSettings.Format.IniFormat))
        window = MainWindow(settings=settings)
        window.attach(database)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        opened.append((window, database))
        return window

    yield opener
    for window, database in opened:
        window.close()
        database.close()
