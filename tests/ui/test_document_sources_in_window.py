"""Sources in the window: importing a folder, renaming a document from the outline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from curator.services.browsing import documents
from curator.ui.main_window import MainWindow
from tests.ingest.source_files import write_docx


def test_importing_a_folder_imports_its_sources_and_names_what_it_skipped(
    open_window: Callable[[Path], MainWindow], tmp_path: Path,
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    write_docx(folder / "report.docx", [("Heading 1", "Visits"), ("Normal", "A visit.")])
    (folder / "notes.txt").write_text("Notes\n\nLGOP sent 33 delegations.", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None

    assert window.workbench.import_paths([folder]) == 2
    assert window.workbench.outline.topLevelItemCount() == 2
    assert "Skipped 1 file(s) Curator cannot read: photo.jpg." in (
        window.statusBar().currentMessage())


def test_renaming_a_document_shows_and_keeps_its_new_title(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *_args, **_kwargs: ("LGOP Yearbook 2013", True))
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None

    assert window.workbench.rename_document(sample_document)
    assert window.workbench.outline.topLevelItem(0).text(0) == "LGOP Yearbook 2013"
    assert documents(window.workbench.database)[0].title == "LGOP Yearbook 2013"


def test_a_blank_title_is_refused_with_a_message(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None

    assert not window.workbench.rename_document(sample_document, "   ")
    assert shown_errors and shown_errors[0][0] == "Title not changed"


def test_opening_a_damaged_project_says_what_is_wrong(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int, shown_errors: list[tuple[str, str]],
) -> None:
    import sqlite3

    connection = sqlite3.connect(tmp_path / "test.curator")
    connection.execute("UPDATE key_sequence SET last_number = 0")
    connection.execute("INSERT INTO key_sequence (kind, last_number) SELECT 'person', 0 "
                       "WHERE NOT EXISTS (SELECT 1 FROM key_sequence WHERE kind = 'person')")
    connection.execute("INSERT INTO record (kind, number, key, name_en, name_zh, status, "
                       "version, created_at, created_by, updated_at, updated_by) VALUES "
                       "('person', 1, 'P-0001', 'Zheng', '', 'draft', 1, '2024-01-01', 't', "
                       "'2024-01-01', 't')")
    connection.commit()
    connection.close()

    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    assert window.workbench.opening_checks.wait()
    qtbot.waitUntil(lambda: bool(shown_errors))  # said on the window's thread

    assert [title for title, _message in shown_errors] == ["Problems in the project"]
    assert "P-0001 has no person details" in shown_errors[0][1]


def test_opening_a_project_keeps_a_daily_backup_that_can_be_restored(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curator.services.backups import list_backups
    from curator.ui import messages

    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    assert window.workbench.opening_checks.wait()
    [backup] = list_backups(tmp_path / "test.curator")
    assert window.workbench.rename_document(sample_document, "Renamed after the backup")
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *_args, **_kwargs: (backup.path.stem, True))
    monkeypatch.setattr(messages, "ask_user", lambda *_args: True)

    assert window.restore_backup()
    assert window.workbench is not None
    assert window.workbench.outline.topLevelItem(0).text(0) == "Annual Report"
    assert "Restored the backup of" in window.statusBar().currentMessage()


def test_the_crash_dialog_names_the_log_file_which_holds_the_details(
    shown_errors: list[tuple[str, str]], capsys: pytest.CaptureFixture[str],
) -> None:
    import logging

    from curator.log_file import log_file_path, start_logging
    from curator.ui.messages import report_unexpected_error

    start_logging()
    try:
        raise ValueError("the unexpected")
    except ValueError as error:
        report_unexpected_error(ValueError, error, error.__traceback__)
    for handler in logging.getLogger("curator").handlers:
        handler.flush()

    [(title, message)] = shown_errors
    assert title == "Unexpected error" and str(log_file_path()) in message
    assert "ValueError: the unexpected" in log_file_path().read_text(encoding="utf-8")
    capsys.readouterr()


def test_show_log_opens_the_log_file(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QDesktopServices

    from curator.log_file import log_file_path, start_logging

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    start_logging()
    logging_path = log_file_path()
    logging_path.parent.mkdir(parents=True, exist_ok=True)
    logging_path.touch()
    window = open_window(tmp_path / "test.curator")

    assert window.show_log()
    assert opened == [str(logging_path)]


def test_the_checks_on_opening_run_beside_the_window_not_in_it(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a large project the check and the backup copy take seconds: the window shows at once
    and the work happens on another thread."""
    import threading

    from curator.ui import opening_checks

    threads: list[str] = []
    check = opening_checks.check_project

    def watched_check(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return check(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening_checks, "check_project", watched_check)
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None and window.workbench.opening_checks.wait()
    assert threads == ["opening checks"]
