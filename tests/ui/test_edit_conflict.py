"""A colleague's edit in between: never overwritten unasked, and what was typed is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.errors import StorageError
from curator.services import editing
from curator.services.annotating import create_record_from_selection
from curator.services.editing import edit_field, load_record
from curator.store.database import ProjectDatabase
from curator.ui.conflict_dialog import FieldConflict, Side
from curator.ui.main_window import MainWindow


def test_a_conflicting_edit_asks_with_both_values_and_taking_theirs_saves_nothing(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    database: ProjectDatabase,
    sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    record = create_record_from_selection(database, RecordKind.PERSON, sample_document, 0, 6)
    window = open_window(tmp_path / "test.curator")
    window.workbench.open_record(record.id)
    # A colleague saves a name from another window (another connection, same file).
    colleague = ProjectDatabase.open(tmp_path / "test.curator")
    edit_field(colleague, record.id, "name_en", "Colleague's name",
               expected_version=record.version)
    colleague.close()

    form = window.workbench.record_form
    asked: list[FieldConflict] = []
    form.choose_side = lambda _parent, conflict: asked.append(conflict) or Side.THEIRS
    form.name_en.widget.setText("My name")
    form.name_en.widget.editingFinished.emit()
    qtbot.waitUntil(lambda: bool(asked))

    assert (asked[0].mine, asked[0].theirs) == ("My name", "Colleague's name")
    assert load_record(database, record.id).name_en == "Colleague's name"
    assert shown_errors == []
    assert form.name_en.value() == "Colleague's name"  # the form now shows the saved state
    assert window.undo_stack.count() == 0


def test_a_full_disk_while_saving_keeps_the_typed_text_in_the_message(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    database: ProjectDatabase,
    sample_document: int,
    shown_errors: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = create_record_from_selection(database, RecordKind.PERSON, sample_document, 0, 6)
    window = open_window(tmp_path / "test.curator")
    window.workbench.open_record(record.id)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("The project could not be saved: the disk is full.")

    monkeypatch.setattr(editing, "edit_field", disk_full)
    form = window.workbench.record_form
    form.name_en.widget.setText("Carefully typed name")
    form.name_en.widget.editingFinished.emit()
    [(_title, message)] = shown_errors
    assert "disk is full" in message and "Carefully typed name" in message
    assert load_record(database, record.id).name_en == record.name_en


def test_undoing_a_creation_after_a_colleague_edited_it_is_refused(
    open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
    database: ProjectDatabase,
    sample_document: int,
    shown_errors: list[tuple[str, str]],
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench = window.workbench
    text = workbench.source_view.toPlainText()
    start = text.index("IPRCC")
    workbench.source_view.select_span(start, start + 5)
    record = workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    colleague = ProjectDatabase.open(tmp_path / "test.curator")
    # (The record was made from the acronym, so it has it: the colleague writes something else.)
    edit_field(colleague, record.id, "description", "The centre in Beijing.",
               expected_version=record.version)
    colleague.close()
    window.undo_action.trigger()
    [(_title, message)] = shown_errors
    assert "not deleted" in message
    assert load_record(database, record.id).details["description"] == "The centre in Beijing."
