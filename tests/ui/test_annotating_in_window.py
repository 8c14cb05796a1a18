"""The annotation path in the window: select, create, type, reopen, click the highlight."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, ReviewStatus
from curator.ui.main_window import MainWindow

QUOTE = "Vice Minister of LGOP Zheng Wenkai"


def _select(window: MainWindow, quote: str) -> tuple[int, int]:
    text = window.workbench.source_view.toPlainText()
    start = text.index(quote)
    window.workbench.source_view.select_span(start, start + len(quote))
    return start, start + len(quote)


def _create_person(qtbot: QtBot, window: MainWindow) -> None:
    window.workbench.source_view.setFocus()
    qtbot.waitUntil(window.workbench.source_view.hasFocus)
    _select(window, QUOTE)
    with qtbot.waitSignal(window.workbench.record_panel.models[RecordKind.PERSON].modelReset):
        qtbot.keyClick(window.workbench.source_view, Qt.Key.Key_P)


def _type_with_input_method(widget: QWidget, text: str) -> None:
    """Commit `text` as a Chinese input method does (QTest can only type ASCII keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _click_text(qtbot: QtBot, window: MainWindow, offset: int) -> None:
    cursor = QTextCursor(window.workbench.source_view.document())
    cursor.setPosition(offset)
    point = window.workbench.source_view.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(window.workbench.source_view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_key_on_selection_creates_a_person_with_evidence(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    _create_person(qtbot, window)
    record = window.workbench.record_form.record
    assert record is not None and record.kind is RecordKind.PERSON
    # the selection split as the suggestion rules read it: the name, and the title before it
    assert window.workbench.record_form.name_en.value() == "Zheng Wenkai"
    assert window.workbench.record_form.field_editor("position").value() == \
        "Vice Minister of LGOP"
    table = window.workbench.record_form.evidence_table
    assert table.rowCount() == 1
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("Visits", QUOTE)
    start = window.workbench.source_view.toPlainText().index(QUOTE)
    assert window.workbench.source_view.record_ids_at(start + 3) == [record.id]


def test_typed_names_and_highlight_come_back_after_reopening(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    project = tmp_path / "test.curator"
    window = open_window(project)
    _create_person(qtbot, window)
    form = window.workbench.record_form
    form.name_en.widget.clear()
    qtbot.keyClicks(form.name_en.widget, "Zheng Wenkai")
    _type_with_input_method(form.name_zh.widget, "郑文凯")
    with qtbot.waitSignal(window.workbench.editor.record_changed, timeout=3000):
        pass  # saved by the typing timer, without pressing Enter or leaving the field
    qtbot.waitUntil(lambda: form.record is not None and form.record.name_zh == "郑文凯")
    window.close()

    reopened = open_window(project)
    model = reopened.workbench.record_panel.models[RecordKind.PERSON]
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "Zheng Wenkai"
    assert model.data(model.index(0, 2)) == "郑文凯"
    start = reopened.workbench.source_view.toPlainText().index(QUOTE)
    assert reopened.workbench.source_view.record_ids_at(start) != []

    _click_text(qtbot, reopened, start + 5)
    assert reopened.workbench.record_form.record is not None
    assert reopened.workbench.record_form.name_zh.value() == "郑文凯"


def test_clicking_an_evidence_row_selects_its_text(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    _create_person(qtbot, window)
    window.workbench.source_view.select_span(0, 1)
    window.workbench.record_form.evidence_table.cellClicked.emit(0, 1)
    assert window.workbench.source_view.textCursor().selectedText() == QUOTE


def test_status_change_is_saved_and_undoable(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    _create_person(qtbot, window)
    form = window.workbench.record_form
    index = list(ReviewStatus).index(ReviewStatus.APPROVED)
    form.status_combo.setCurrentIndex(index)
    form.status_combo.activated.emit(index)
    assert form.record is not None and form.record.status is ReviewStatus.APPROVED
    window.undo_action.trigger()
    assert form.record.status is ReviewStatus.DRAFT
    assert form.status_combo.currentData() == ReviewStatus.DRAFT


def test_name_edit_is_undoable(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    _create_person(qtbot, window)
    form = window.workbench.record_form
    form.name_en.widget.setText("Zheng Wen-kai")
    form.name_en.widget.editingFinished.emit()
    assert form.record is not None and form.record.name_en == "Zheng Wen-kai"
    window.undo_action.trigger()
    assert form.record.name_en == "Zheng Wenkai"
    assert form.name_en.value() == "Zheng Wenkai"


def test_creating_without_a_selection_only_explains(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.workbench.source_view.select_span(3, 3)
    assert window.workbench.create_record_from_selection(RecordKind.EVENT) is None
    assert "Select text" in window.statusBar().currentMessage()
    assert window.workbench.record_panel.models[RecordKind.EVENT].rowCount() == 0


def test_outline_lists_sections_and_scrolls_to_them(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    document_item = window.workbench.outline.topLevelItem(0)
    titles = []
    stack = [document_item]
    while stack:
        item = stack.pop()
        titles.append(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    assert "Trainings" in titles
    trainings = window.workbench.outline.findItems("Trainings", Qt.MatchFlag.MatchRecursive)[0]
    window.workbench.outline.itemClicked.emit(trainings, 0)
    cursor = window.workbench.source_view.textCursor()
    block = cursor.block().text()
    assert block.startswith("Trainings】")


def test_escape_in_the_form_saves_and_returns_to_the_text(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    _create_person(qtbot, window)
    form = window.workbench.record_form
    qtbot.waitUntil(form.name_en.widget.hasFocus)
    form.name_en.widget.setText("Zheng Wenkai")
    form.name_en.widget.textEdited.emit("Zheng Wenkai")
    qtbot.keyClick(form.name_en.widget, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.workbench.source_view.hasFocus)
    assert form.record is not None and form.record.name_en == "Zheng Wenkai"


def test_the_toolbar_button_creates_an_organization_from_the_selection(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    _select(window, "IPRCC")
    action = window.workbench.create_actions[RecordKind.ORGANIZATION]
    button = window.toolbar.widgetForAction(action)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    record = window.workbench.record_form.record
    assert record is not None and (record.kind, record.name_en) == (
        RecordKind.ORGANIZATION, "IPRCC")


def test_key_on_a_date_selection_creates_an_event_with_its_dates(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    window.workbench.source_view.setFocus()
    qtbot.waitUntil(window.workbench.source_view.hasFocus)
    _select(window, "From June 12 to 22, 2012")
    with qtbot.waitSignal(window.workbench.record_panel.models[RecordKind.EVENT].modelReset):
        qtbot.keyClick(window.workbench.source_view, Qt.Key.Key_E)
    form = window.workbench.record_form
    assert form.record is not None and form.record.kind is RecordKind.EVENT
    assert form.record.details["start_date"] == "2012-06-12"
    assert form.record.details["end_date"] == "2012-06-22"
    window.undo_action.trigger()  # one step takes the whole creation back
    assert window.workbench.record_panel.models[RecordKind.EVENT].rowCount() == 0
