"""Undo and redo of creating and deleting records and of linking and removing evidence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from curator.domain.records import RecordKind
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


def test_undo_of_a_creation_removes_the_record_and_redo_restores_its_key(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    start = _select(workbench, "Zheng Wenkai")
    record = workbench.create_record_from_selection(RecordKind.PERSON)
    assert record is not None
    window.undo_stack.undo()
    people = workbench.record_panel.models[RecordKind.PERSON]
    assert people.rowCount() == 0
    assert workbench.source_view.record_ids_at(start) == []
    assert workbench.record_form.record is None
    window.undo_stack.redo()
    assert people.rowCount() == 1 and people.data(people.index(0, 0)) == record.key
    assert workbench.source_view.record_ids_at(start) == [record.id]


def test_deleted_record_comes_back_with_its_evidence_on_undo(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    start = _select(workbench, "IPRCC")
    record = workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    assert record is not None
    workbench.delete_action.trigger()
    assert workbench.record_panel.models[RecordKind.ORGANIZATION].rowCount() == 0
    assert workbench.source_view.record_ids_at(start) == []
    window.undo_stack.undo()
    assert workbench.source_view.record_ids_at(start) == [record.id]
    assert workbench.record_form.record is not None
    assert workbench.record_form.record.key == "O-0001"


def test_linked_evidence_can_be_undone(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    _select(workbench, "Zheng Wenkai")
    record = workbench.create_record_from_selection(RecordKind.PERSON)
    assert record is not None
    chinese = _select(workbench, "郑文凯")
    workbench.link_action.trigger()
    assert workbench.record_form.evidence_table.rowCount() == 2
    assert workbench.source_view.record_ids_at(chinese) == [record.id]
    window.undo_stack.undo()
    assert workbench.record_form.evidence_table.rowCount() == 1
    assert workbench.source_view.record_ids_at(chinese) == []


def test_removing_an_evidence_row_unhighlights_it_until_undone(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window, workbench = _workbench(open_window, tmp_path)
    start = _select(workbench, "Zheng Wenkai")
    record = workbench.create_record_from_selection(RecordKind.PERSON)
    assert record is not None
    form = workbench.record_form
    form.evidence_table.setCurrentCell(0, 1)
    form.unlink_action.trigger()
    assert form.evidence_table.rowCount() == 0
    assert workbench.source_view.record_ids_at(start) == []
    window.undo_stack.undo()
    assert form.evidence_table.rowCount() == 1
    assert workbench.source_view.record_ids_at(start) == [record.id]
