"""Undo and redo of creating and deleting records and of linking and removing evidence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from curator.domain.records import Record, RecordKind
from curator.ui import messages
from curator.ui.main_window import MainWindow
from curator.ui.workbench import Workbench


def _workbench(open_window: Callable[[Path], MainWindow], tmp_path: Path) -> tuple[
        MainWindow, Workbench]:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    return window, window.workbench


def _select(workbench: Workbench, quote: str) -> int:
    start = workbench.source_view.toPlainText().index(quote)
    workbench.source_view.select_span(start, start + len(quote))
    return start


def _create(workbench: Workbench, kind: RecordKind, quote: str) -> tuple[int, Record]:
    """Select `quote` and make a record of it; its start offset and the record."""
    start = _select(workbench, quote)
    record = workbench.create_record_from_selection(kind)
    assert record is not None
    return start, record


def test_undo_of_a_creation_removes_the_record_and_redo_restores_its_key(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    start, record = _create(workbench, RecordKind.PERSON, "Zheng Wenkai")
    window.undo_action.trigger()
    people = workbench.record_panel.models[RecordKind.PERSON]
    assert people.rowCount() == 0
    assert workbench.source_view.record_ids_at(start) == []
    assert workbench.record_form.record is None
    window.redo_action.trigger()
    assert people.rowCount() == 1 and people.data(people.index(0, 0)) == record.key
    assert workbench.source_view.record_ids_at(start) == [record.id]


def test_deleted_record_comes_back_with_its_evidence_on_undo(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    start, record = _create(workbench, RecordKind.ORGANIZATION, "IPRCC")
    workbench.delete_action.trigger()
    assert workbench.record_panel.models[RecordKind.ORGANIZATION].rowCount() == 0
    assert workbench.source_view.record_ids_at(start) == []
    window.undo_action.trigger()
    assert workbench.source_view.record_ids_at(start) == [record.id]
    assert workbench.record_form.record is not None
    assert workbench.record_form.record.key == "O-0001"


def test_linked_evidence_can_be_undone(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    _, record = _create(workbench, RecordKind.PERSON, "Zheng Wenkai")
    chinese = _select(workbench, "郑文凯")
    workbench.link_action.trigger()
    assert workbench.record_form.evidence_table.rowCount() == 2
    assert workbench.source_view.record_ids_at(chinese) == [record.id]
    window.undo_action.trigger()
    assert workbench.record_form.evidence_table.rowCount() == 1
    assert workbench.source_view.record_ids_at(chinese) == []


def test_removing_an_evidence_row_unhighlights_it_until_undone(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    start, record = _create(workbench, RecordKind.PERSON, "Zheng Wenkai")
    form = workbench.record_form
    form.evidence_table.setCurrentCell(0, 1)
    form.unlink_action.trigger()
    assert form.evidence_table.rowCount() == 0
    assert workbench.source_view.record_ids_at(start) == []
    window.undo_action.trigger()
    assert form.evidence_table.rowCount() == 1
    assert workbench.source_view.record_ids_at(start) == [record.id]


def test_undo_right_after_typing_undoes_the_typing(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    _, record = _create(workbench, RecordKind.PERSON, "Zheng Wenkai")
    form = workbench.record_form
    form.name_zh.widget.setText("郑文凯")
    form.name_zh.widget.textEdited.emit("郑文凯")  # typed, not yet saved by the timer
    window.undo_action.trigger()
    assert form.record is not None and form.record.name_zh == ""
    window.redo_action.trigger()
    assert form.record.name_zh == "郑文凯"


def test_deleting_right_after_typing_keeps_the_typing_for_undo(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    _select(workbench, "IPRCC")
    workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    form = workbench.record_form
    form.name_zh.widget.setText("中国国际扶贫中心")
    form.name_zh.widget.textEdited.emit("中国国际扶贫中心")
    workbench.delete_action.trigger()
    window.undo_action.trigger()
    assert form.record is not None and form.record.name_zh == "中国国际扶贫中心"


def test_a_refused_edit_does_not_swallow_the_saved_value_on_redo(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    _select(workbench, "From June 12 to 22, 2012")
    workbench.create_record_from_selection(RecordKind.EVENT)
    form = workbench.record_form
    start_date = form.field_editor("start_date")
    for typed in ("2012", "garbage"):
        start_date.widget.setText(typed)
        start_date.finished.emit("start_date")
    assert len(shown_errors) == 1
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert form.record is not None and form.record.details["start_date"] == "2012"


def test_zero_participants_is_saved_and_a_trailing_space_is_no_step(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    _select(workbench, "From June 12 to 22, 2012")
    workbench.create_record_from_selection(RecordKind.EVENT)
    form = workbench.record_form
    steps = window.undo_stack.count()
    count = form.field_editor("participant_count")
    count.widget.setText("0")
    count.finished.emit("participant_count")
    assert form.record is not None and form.record.details["participant_count"] == 0
    form.name_en.widget.setText(form.name_en.widget.text() + " ")
    form.name_en.finished.emit("name_en")
    assert window.undo_stack.count() == steps + 1


def test_the_list_follows_the_form_when_switching_records_mid_typing(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 郑文凯 reads as Zheng Wenkai: asked whether to link it to P-0001, create anyway.
    monkeypatch.setattr(messages, "ask_choice", lambda _p, _t, _q, options: len(options) - 1)
    window, workbench = _workbench(open_window, tmp_path)
    for quote in ("Zheng Wenkai", "郑文凯"):
        _select(workbench, quote)
        workbench.create_record_from_selection(RecordKind.PERSON)
    view = workbench.record_panel.views[RecordKind.PERSON]
    view.selectRow(1)
    form = workbench.record_form
    form.name_en.widget.setText("Typed into P-0002")
    form.name_en.widget.textEdited.emit("Typed into P-0002")
    view.selectRow(0)  # switching saves P-0002's typing first
    assert form.record is not None and form.record.key == "P-0001"
    qtbot.waitUntil(lambda: view.currentIndex().row() == 0)
    model = workbench.record_panel.models[RecordKind.PERSON]
    assert model.data(model.index(1, 1)) == "Typed into P-0002"
