"""Importing and exporting from the window: files written or refused, with messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from curator.domain.records import RecordKind
from curator.ui.main_window import MainWindow


def test_export_writes_a_workbook_with_the_new_record(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    text = window.workbench.source_view.toPlainText()
    start = text.index("IPRCC")
    window.workbench.source_view.select_span(start, start + 5)
    window.workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    target = tmp_path / "export.xlsx"
    assert window.workbench.export_to(target)
    rows = list(load_workbook(target)["Organizations"].iter_rows(values_only=True))
    assert rows[1][:3] == ("O-0001", "IPRCC", None)


def test_failed_export_shows_a_message_and_writes_nothing(
    open_window: Callable[[Path], MainWindow], tmp_path: Path,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = open_window(tmp_path / "test.curator")
    target = tmp_path / "missing folder" / "export.xlsx"
    assert not window.workbench.export_to(target)
    [(title, message)] = shown_errors
    assert title == "Export failed" and "missing folder" in message
    assert not target.parent.exists()


def test_importing_a_binary_file_is_refused_and_lists_nothing(
    open_window: Callable[[Path], MainWindow], tmp_path: Path,
    shown_errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(binary)], ""))
    window = open_window(tmp_path / "test.curator")
    window.import_files()
    [(title, message)] = shown_errors
    assert title == "Import refused" and "scan.txt" in message
    assert window.workbench.outline.topLevelItemCount() == 0


def test_imported_document_is_listed_and_shown(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_source: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(sample_source)], ""))
    window = open_window(tmp_path / "test.curator")
    window.import_files()
    assert window.workbench.outline.topLevelItemCount() == 1
    assert "Zheng Wenkai" in window.workbench.source_view.toPlainText()


def test_cancelling_the_export_dialog_writes_nothing_and_says_so(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    shown_errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    window = open_window(tmp_path / "test.curator")
    target = tmp_path / "cancelled.xlsx"
    assert not window.workbench.export_to(target)
    assert not target.exists() and shown_errors == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_removing_a_document_asks_first_and_clears_the_text(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curator.ui import messages

    answers = iter([False, True])
    monkeypatch.setattr(messages, "ask_user", lambda *_args: next(answers))
    window = open_window(tmp_path / "test.curator")
    assert not window.workbench.remove_document(sample_document)  # the user said no
    assert window.workbench.outline.topLevelItemCount() == 1
    assert window.workbench.remove_document(sample_document)
    assert window.workbench.outline.topLevelItemCount() == 0
    assert window.workbench.source_view.toPlainText() == ""


def test_cancelling_an_import_stops_before_the_next_file(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_source: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    window = open_window(tmp_path / "test.curator")
    assert window.workbench.import_paths([sample_source]) == 0
    assert window.workbench.outline.topLevelItemCount() == 0


def test_switching_projects_shows_the_new_one_and_forgets_old_undo_steps(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    sample_source: Path,
) -> None:
    window = open_window(tmp_path / "test.curator")
    text = window.workbench.source_view.toPlainText()
    start = text.index("IPRCC")
    window.workbench.source_view.select_span(start, start + 5)
    window.workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    assert window.undo_stack.count() == 1
    assert window.switch_to_project(tmp_path / "second.curator", create=True)
    assert window.windowTitle() == "Curator — second.curator"
    assert window.undo_stack.count() == 0
    assert window.workbench.outline.topLevelItemCount() == 0
    assert window.workbench.record_panel.models[RecordKind.ORGANIZATION].rowCount() == 0
    # E, P, O, L, A, Shift+L, separator, Search, Find, Filter, Find Mentions, Duplicates,
    # Delete, separator, Suggest
    assert len(window.record_menu.actions()) == 15


def test_a_failed_switch_keeps_the_open_project(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench = window.workbench
    assert not window.switch_to_project(tmp_path / "missing.curator", create=False)
    assert window.workbench is workbench
    [(title, message)] = shown_errors
    assert title == "Cannot open the project" and "no project" in message


def test_removing_a_document_clears_undo_steps_that_could_bring_its_quotes_back(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curator.ui import messages

    questions: list[str] = []
    monkeypatch.setattr(messages, "ask_user",
                        lambda _parent, _title, question: questions.append(question) or True)
    window = open_window(tmp_path / "test.curator")
    text = window.workbench.source_view.toPlainText()
    start = text.index("IPRCC")
    window.workbench.source_view.select_span(start, start + 5)
    window.workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    window.workbench.delete_current_record()  # its evidence now lives on the undo stack only
    assert window.workbench.remove_document(sample_document)
    assert "Annual Report" in questions[-1]
    assert window.undo_stack.count() == 0


def test_new_project_never_opens_an_existing_file(
    open_window: Callable[[Path], MainWindow], tmp_path: Path,
    shown_errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    existing = tmp_path / "other.curator"
    existing.write_text("someone else's file")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(existing), ""))
    window = open_window(tmp_path / "test.curator")
    workbench = window.workbench
    window.choose_project(create=True)
    assert window.workbench is workbench
    assert "exists already" in shown_errors[0][1]
    assert existing.read_text() == "someone else's file"
