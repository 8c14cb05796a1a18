"""The record form: validation messages keep the typed text; history reads in field labels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from curator.domain.records import RecordKind
from curator.ui.main_window import MainWindow


def _new_event(open_window: Callable[[Path], MainWindow], tmp_path: Path) -> MainWindow:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    text = window.workbench.source_view.toPlainText()
    quote = "led a delegation to Brazil"  # no date: the form's date fields start empty
    start = text.index(quote)
    window.workbench.source_view.select_span(start, start + len(quote))
    window.workbench.create_record_from_selection(RecordKind.EVENT)
    return window


def test_a_date_is_saved_in_iso_form(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = _new_event(open_window, tmp_path)
    assert window.workbench is not None
    form = window.workbench.record_form
    start_date = form.field_editor("start_date")
    start_date.widget.setText("June 12, 2012")
    start_date.finished.emit("start_date")
    assert form.record is not None and form.record.details["start_date"] == "2012-06-12"
    assert start_date.value() == "2012-06-12"
    assert form.history_list.item(0).text().endswith("Start date: ∅ → 2012-06-12")


def test_an_impossible_date_is_refused_with_what_was_typed(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = _new_event(open_window, tmp_path)
    assert window.workbench is not None
    form = window.workbench.record_form
    start_date = form.field_editor("start_date")
    start_date.widget.setText("30 February 2012")
    start_date.finished.emit("start_date")
    [(_title, message)] = shown_errors
    assert "not a date" in message and "30 February 2012" in message
    assert form.record is not None and form.record.details["start_date"] is None
    assert window.undo_stack.undoText() == "New event E-0001"  # the refused edit left no step


def test_a_change_in_the_history_can_be_reverted(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int
) -> None:
    window = _new_event(open_window, tmp_path)
    assert window.workbench is not None
    form = window.workbench.record_form
    count = form.field_editor("participant_count")
    for typed in ("120", "150"):
        count.widget.setText(typed)
        count.finished.emit("participant_count")
    form.history_list.setCurrentRow(0)  # newest first: 120 → 150
    form.revert_action.trigger()
    assert form.record is not None and form.record.details["participant_count"] == 120
    window.undo_action.trigger()
    assert form.record.details["participant_count"] == 150
