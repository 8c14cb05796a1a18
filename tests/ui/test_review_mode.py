"""Review mode by keyboard alone: walk the queue, approve, reject with a reason, go into a
field and back, see each record's evidence marked in the source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, ReviewStatus
from curator.services import commenting, editing, reviewing
from curator.services.annotating import create_record_from_selection
from curator.services.browsing import open_document
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow

QUOTES = ((RecordKind.PERSON, "Zheng Wenkai"), (RecordKind.EVENT, "delegations abroad"),
          (RecordKind.ORGANIZATION, "IPRCC"))


@pytest.fixture
def project(tmp_path: Path, sample_source: Path) -> Path:
    """A project of three records made out of reading order (the person first)."""
    from curator.services.importing import import_document

    path = tmp_path / "review.curator"
    database = ProjectDatabase.open(path)
    document_id = import_document(database, sample_source).document_id
    text = open_document(database, document_id).text
    for kind, quote in QUOTES:
        start = text.index(quote)
        create_record_from_selection(database, kind, document_id, start, start + len(quote))
    database.close()
    return path


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    qtbot.keyClick(_focused(), key, modifier)


def _enter_review(qtbot: QtBot, window: MainWindow) -> None:
    window.workbench.source_view.setFocus()
    qtbot.waitUntil(window.workbench.source_view.hasFocus)
    _press(qtbot, Qt.Key.Key_R, CTRL_SHIFT)
    assert window.review_mode is not None and window.review_mode.active
    qtbot.waitUntil(window.review_mode.panel.view.hasFocus)


def _statuses(window: MainWindow) -> dict[str, ReviewStatus]:
    database = window.workbench.database
    return {item.key: item.status
            for item in reviewing.queue(database, reviewing.ReviewFilter())}


def test_approve_three_records_with_the_keyboard_alone(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path
) -> None:
    window = open_window(project)
    _enter_review(qtbot, window)
    mode = window.review_mode
    source, form = window.workbench.source_view, window.workbench.record_form
    assert mode is not None
    assert [mode.model.item(row).key for row in range(3)] == ["E-0001", "P-0001", "O-0001"]
    assert mode.progress_label.text() == "0 of 3 approved"
    for expected in ("E-0001", "P-0001", "O-0001"):
        assert form.record is not None and form.record.key == expected
        _press(qtbot, Qt.Key.Key_A)
    assert set(_statuses(window).values()) == {ReviewStatus.APPROVED}
    assert mode.progress_label.text() == "3 of 3 approved"
    # The third one's evidence: marked, and in view.
    text = source.toPlainText()
    start = text.index("IPRCC")
    assert source.focus_span == (start, start + len("IPRCC"))
    cursor_rect = source.cursorRect()
    assert source.viewport().rect().contains(cursor_rect.center())
    assert [r.changed_by for r in editing.history(window.workbench.database,
                                                  form.record.id)][-1] == "tester"


def test_reject_with_a_reason_keeps_it_as_a_comment(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path
) -> None:
    window = open_window(project)
    _enter_review(qtbot, window)
    _press(qtbot, Qt.Key.Key_R)
    reason = window.review_mode.panel.reject_reason
    qtbot.waitUntil(reason.hasFocus)
    qtbot.keyClicks(reason, "Not a visit")
    _press(qtbot, Qt.Key.Key_Return)
    assert _statuses(window)["E-0001"] is ReviewStatus.REJECTED
    event_id = window.review_mode.model.item(0).record_id
    assert [c.text for c in commenting.comments(window.workbench.database, event_id)] == [
        "Not a visit"]
    assert window.workbench.record_form.record.key == "P-0001"
    # One undo takes back the rejection and its comment.
    qtbot.waitUntil(window.review_mode.panel.view.hasFocus)
    _press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _statuses(window)["E-0001"] is ReviewStatus.DRAFT
    assert commenting.comments(window.workbench.database, event_id) == []


def test_escape_cancels_a_rejection(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path
) -> None:
    window = open_window(project)
    _enter_review(qtbot, window)
    _press(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(window.review_mode.panel.reject_reason.hasFocus)
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.review_mode.panel.view.hasFocus)
    assert _statuses(window)["E-0001"] is ReviewStatus.DRAFT


def test_into_a_field_to_correct_it_and_back_to_the_queue(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path
) -> None:
    window = open_window(project)
    _enter_review(qtbot, window)
    form = window.workbench.record_form
    _press(qtbot, Qt.Key.Key_J)  # to the person
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(form.name_en.widget.hasFocus)
    qtbot.keyClicks(_focused(), "Zheng W.")
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.review_mode.panel.view.hasFocus)
    assert form.record is not None and form.record.name_en == "Zheng W."
    _press(qtbot, Qt.Key.Key_N)
    assert _statuses(window)["P-0001"] is ReviewStatus.NEEDS_REVIEW
    _press(qtbot, Qt.Key.Key_K)
    _press(qtbot, Qt.Key.Key_K)
    assert form.record.key == "E-0001"


def test_the_last_editor_is_refused_and_told_why(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = open_window(project)
    reviewing.require_second_reviewer(window.workbench.database, True)
    _enter_review(qtbot, window)
    _press(qtbot, Qt.Key.Key_A)  # "tester" created the record from the text
    assert _statuses(window)["E-0001"] is ReviewStatus.DRAFT
    assert "second pair of eyes" in shown_errors[-1][1]
    assert window.workbench.record_form.record.key == "E-0001"  # stays on it


def test_queue_filters_narrow_and_keep_reading_order(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path
) -> None:
    window = open_window(project)
    _enter_review(qtbot, window)
    mode = window.review_mode
    panel = mode.panel
    panel.kind_choice.setCurrentIndex(panel.kind_choice.findData(RecordKind.PERSON))
    panel.kind_choice.activated.emit(panel.kind_choice.currentIndex())
    assert [mode.model.item(r).key for r in range(mode.model.rowCount())] == ["P-0001"]
    assert window.workbench.record_form.record.key == "P-0001"
    _press(qtbot, Qt.Key.Key_A)
    panel.kind_choice.setCurrentIndex(0)
    panel.kind_choice.activated.emit(0)
    assert [mode.model.item(r).key for r in range(mode.model.rowCount())] == ["E-0001",
                                                                                "O-0001"]


def test_next_evidence_and_uncovered_paragraphs_by_key(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path
) -> None:
    window = open_window(project)
    source = window.workbench.source_view
    text = source.toPlainText()
    event = next(item for item in reviewing.queue(window.workbench.database,
                                                  reviewing.ReviewFilter())
                 if item.kind is RecordKind.EVENT)
    window.workbench.open_record(event.record_id)
    window.workbench.source_view.select_span(text.index("delegation to Brazil"),
                                             text.index("delegation to Brazil") + 10)
    window.workbench.link_selection_as_evidence()  # a second span for E-0001
    _enter_review(qtbot, window)
    first = text.index("delegations abroad")
    assert source.focus_span == (first, first + len("delegations abroad"))
    _press(qtbot, Qt.Key.Key_V)
    assert source.focus_span[0] == text.index("delegation to Brazil")
    assert source.is_marked_uncovered(text.index("Overview"))
    assert not source.is_marked_uncovered(first)
    _press(qtbot, Qt.Key.Key_U)
    # The next paragraph after the evidence that nothing touches: the Chinese one.
    assert source.textCursor().selectedText().startswith("【考察访问】")


def test_deleting_a_record_with_evidence_and_comments_asks_first_with_counts(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], project: Path,
    asked_questions: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curator.ui import messages

    window = open_window(project)
    workbench = window.workbench
    event = next(item for item in reviewing.queue(workbench.database, reviewing.ReviewFilter())
                 if item.kind is RecordKind.EVENT)
    commenting.add_comment(workbench.database, event.record_id, "Which delegations?")
    workbench.open_record(event.record_id)
    monkeypatch.setattr(messages, "ask_user",
                        lambda _parent, _title, asked: asked_questions.append(asked) and False)
    workbench.delete_current_record()
    assert asked_questions == [
        "Delete E-0001? It has 1 evidence span and 1 comment, which go with it. "
        "Undo (Ctrl+Z) brings it all back."]
    assert editing.load_record(workbench.database, event.record_id).key == "E-0001"
    monkeypatch.setattr(messages, "ask_user", lambda *_args: True)
    workbench.delete_current_record()
    assert workbench.record_form.record is None
    window.undo_action.trigger()
    assert [c.text for c in commenting.comments(workbench.database, event.record_id)] == [
        "Which delegations?"]
