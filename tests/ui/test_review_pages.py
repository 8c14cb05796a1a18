"""Around review: outline progress, the keyboard shortcuts page, preferences, the queue model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.review import QueueItem
from curator.services import editing, identity, reviewing
from curator.services.annotating import create_record_from_selection
from curator.ui.main_window import MainWindow
from curator.ui.preferences import PreferencesDialog
from curator.ui.review.queue_model import ReviewQueueModel
from curator.ui.review.shortcuts_page import ShortcutsPage


def _person(window: MainWindow, document_id: int, quote: str) -> int:
    text = window.workbench.source_view.toPlainText()
    start = text.index(quote)
    record = create_record_from_selection(window.workbench.database, RecordKind.PERSON,
                                          document_id, start, start + len(quote))
    return record.id


def test_outline_shows_approved_of_records_per_document_and_section(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int,
) -> None:
    window = open_window(tmp_path / "test.curator")
    outline = window.workbench.outline
    zheng = _person(window, sample_document, "Zheng Wenkai")
    _person(window, sample_document, "IPRCC")
    window.workbench.open_record(zheng)
    window.workbench.record_form.status_combo.setCurrentIndex(
        list(ReviewStatus).index(ReviewStatus.APPROVED))
    window.workbench.record_form.status_combo.activated.emit(
        list(ReviewStatus).index(ReviewStatus.APPROVED))
    qtbot.waitUntil(lambda: outline.progress_text(sample_document) == "1/2")
    assert outline.progress_text(sample_document, "Visits") == "1/1"
    assert outline.progress_text(sample_document, "Trainings") == "0/1"
    assert outline.progress_text(sample_document, "考察访问") == "–"  # nobody curated it


def test_shortcuts_page_lists_menu_keys_and_review_keys(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = open_window(tmp_path / "test.curator")
    rows = ShortcutsPage(window).rows()
    assert ("Review", "Approve", "A") in rows
    assert ("Review", "Review Mode", "Ctrl+Shift+R") in rows
    assert ("Record", "New Person from Selection", "P") in rows
    assert any(what.startswith("Back to the text") for _where, what, _keys in rows)
    assert "Ctrl+Shift+R" in window.review_mode.menu.actions()[0].shortcut().toString()


def test_preferences_name_the_user_and_set_the_projects_review_rule(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int,
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.open_preferences()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.name_edit.placeholderText() == "tester"
    dialog.name_edit.setText("Li Wei")
    dialog.second_reviewer.setChecked(True)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert identity.current_user() == "Li Wei"
    assert reviewing.second_reviewer_required(window.workbench.database)
    record = editing.load_record(window.workbench.database,
                                 _person(window, sample_document, "Zheng Wenkai"))
    assert record.created_by == "Li Wei"


def test_queue_model_passes_the_model_tester_and_flags_records(qtmodeltester: ModelTester) -> None:
    items = [QueueItem(1, RecordKind.PERSON, "P-0001", "Zheng", "郑", ReviewStatus.DRAFT, 1, 5),
             QueueItem(2, RecordKind.EVENT, "E-0001", "Visit", "", ReviewStatus.APPROVED,
                       None, None)]
    model = ReviewQueueModel(lambda ids: {1} & set(ids))
    model.set_items(items)
    qtmodeltester.check(model)
    assert [model.data(model.index(row, 3)) for row in range(2)] == ["⚠ quote moved",
                                                                    "⚠ no evidence"]
    assert model.progress.describe() == "1 of 2 approved"
    assert model.set_status(1, ReviewStatus.REJECTED)
    assert model.progress.describe() == "1 of 2 approved, 1 rejected"
