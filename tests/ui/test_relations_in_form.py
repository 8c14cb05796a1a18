"""Relations in the record form: the picker, role and title cells, undo, evidence, events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from curator.domain.records import Record, RecordKind
from curator.domain.relations import RelationKind
from curator.services.editing import edit_field, load_record
from curator.store.database import ProjectDatabase
from curator.ui import messages
from curator.ui.main_window import MainWindow
from curator.ui.records.picker import RecordPicker
from curator.ui.records.relation_table import RelationTable
from curator.ui.workbench import Workbench
from tests.ui.gestures import commit_text, create_from_quote

PARTICIPANT = RelationKind.PARTICIPANT


def _event_and_person(window: MainWindow) -> tuple[Workbench, Record, Record]:
    """A visit and Zheng Wenkai, with the visit in the form."""
    workbench = window.workbench
    assert workbench is not None
    person = create_from_quote(workbench, RecordKind.PERSON, "Zheng Wenkai")
    event = create_from_quote(workbench, RecordKind.EVENT, "From June 12 to 22, 2012")
    return workbench, event, person


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _open_picker(qtbot: QtBot, workbench: Workbench, table: RelationTable) -> RecordPicker:
    _focus(qtbot, table.view)
    qtbot.keyClick(table.view, Qt.Key.Key_Insert)
    picker = workbench.record_form.relations.picker
    assert picker is not None and picker.isVisible()
    return picker


def _pick(qtbot: QtBot, workbench: Workbench, kind: RelationKind, typed: str) -> RelationTable:
    """Insert in the table of `kind`, type `typed` in the picker and press Enter."""
    table = workbench.record_form.relations.table(kind)
    picker = _open_picker(qtbot, workbench, table)
    qtbot.keyClicks(picker.query_edit, typed)
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)
    return table


def _type_in_cell(qtbot: QtBot, table: RelationTable, field: str, typed: str) -> None:
    """Move to a cell of the current row, press F2, type and press Enter; wait till saved."""
    row = table.view.currentIndex().row()
    table.view.setCurrentIndex(table.model.index(row, table.model.column_of(field)))
    _focus(qtbot, table.view)
    qtbot.keyClick(table.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table.view
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.model.views[row].relation.value(field) == typed)


def test_a_participant_added_by_keyboard_keeps_role_and_title_after_reopening(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, event, person = _event_and_person(window)
    table = _pick(qtbot, workbench, PARTICIPANT, "zheng")
    [view] = table.model.views
    assert view.other is not None and view.other.id == person.id
    assert table.view.currentIndex().column() == table.model.column_of("role")  # next to set
    _type_in_cell(qtbot, table, "role", "head of delegation")
    _type_in_cell(qtbot, table, "title", "Vice Minister of LGOP")
    [view] = table.model.views
    assert (view.relation.role, view.relation.title) == (
        "head of delegation", "Vice Minister of LGOP")
    assert workbench.record_form.relations.alias_section.isVisible()

    reopened = open_window(tmp_path / "test.curator")
    assert reopened.workbench is not None
    reopened.workbench.open_record(event.id)
    [view] = reopened.workbench.record_form.relations.table(PARTICIPANT).model.views
    assert (view.other and view.other.key, view.relation.role, view.relation.title) == (
        person.key, "head of delegation", "Vice Minister of LGOP")


def test_a_new_role_typed_in_the_cell_joins_the_vocabulary(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, _event, _person = _event_and_person(window)
    table = _pick(qtbot, workbench, PARTICIPANT, "zheng")
    _type_in_cell(qtbot, table, "role", "interpreter")
    assert table.model.views[0].relation.role == "interpreter"
    assert "interpreter" in workbench.record_form.relations.role_names(PARTICIPANT)


def test_adding_and_removing_a_participant_undo_and_redo(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, event, _person = _event_and_person(window)
    table = _pick(qtbot, workbench, PARTICIPANT, "zheng")
    relation_id = table.model.views[0].relation.id
    assert window.undo_stack.undoText() == f"Add participant to {event.key}"
    window.undo_action.trigger()
    assert table.model.views == []
    window.redo_action.trigger()
    assert [view.relation.id for view in table.model.views] == [relation_id]

    table.view.setCurrentIndex(table.model.index(0, 0))
    _focus(qtbot, table.view)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert table.model.views == []
    history = [workbench.record_form.history_list.item(row).text()
               for row in range(workbench.record_form.history_list.count())]
    assert history[0].endswith("Participants: − P-0001 Zheng Wenkai")
    window.undo_action.trigger()
    assert [view.relation.id for view in table.model.views] == [relation_id]
    window.redo_action.trigger()
    assert table.model.views == []


def test_the_picker_finds_a_chinese_name_by_pinyin_and_an_english_one_by_characters(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    database: ProjectDatabase, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Zheng Wenkai is 郑文凯 in pinyin: asked whether to link it to P-0001, create anyway.
    monkeypatch.setattr(messages, "ask_choice", lambda _p, _t, _q, options: len(options) - 1)
    window = open_window(tmp_path / "test.curator")
    workbench = window.workbench
    assert workbench is not None
    chinese = create_from_quote(workbench, RecordKind.PERSON, "郑文凯")
    english = create_from_quote(workbench, RecordKind.PERSON, "Zheng Wenkai")
    edit_field(database, english.id, "name_en", "Fan Xiaojian", expected_version=english.version)
    create_from_quote(workbench, RecordKind.EVENT, "From June 12 to 22, 2012")
    picker = _open_picker(qtbot, workbench, workbench.record_form.relations.table(PARTICIPANT))
    qtbot.keyClicks(picker.query_edit, "zheng wenkai")
    assert picker.entries[0].record_id == chinese.id
    picker.query_edit.clear()
    commit_text(picker.query_edit, "范小建")
    assert picker.entries[0].record_id == english.id
    assert [entry.create_name for entry in picker.entries[-2:]] == ["范小建", None]
    assert picker.entries[-1].from_selection  # the event's words are still selected
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert workbench.record_form.relations.table(PARTICIPANT).model.views == []


def test_a_new_organization_is_created_from_the_typed_text_and_undone_in_one_step(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, event, _person = _event_and_person(window)
    workbench.source_view.select_span(0, 0)  # nothing selected: no "from the selection"
    table = workbench.record_form.relations.table(RelationKind.EVENT_ORGANIZATION)
    picker = _open_picker(qtbot, workbench, table)
    qtbot.keyClicks(picker.query_edit, "World Bank")
    assert picker.entries[-1].create_name == "World Bank"
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Up)  # from the first row up to the last
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)
    assert workbench.record_form.record is not None
    assert workbench.record_form.record.id == event.id  # still the event's form
    [view] = table.model.views
    assert view.other is not None and (view.other.key, view.other.name_en) == (
        "O-0001", "World Bank")
    organizations = workbench.record_panel.models[RecordKind.ORGANIZATION]
    assert organizations.rowCount() == 1
    window.undo_action.trigger()
    assert table.model.views == [] and organizations.rowCount() == 0


def test_a_new_person_is_created_from_the_selection_in_the_text(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench = window.workbench
    assert workbench is not None
    create_from_quote(workbench, RecordKind.EVENT, "From June 12 to 22, 2012")
    text = workbench.source_view.toPlainText()
    start = text.index("郑文凯")
    workbench.source_view.select_span(start, start + 3)
    picker = _open_picker(qtbot, workbench, workbench.record_form.relations.table(PARTICIPANT))
    assert picker.entries[-1].from_selection
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)  # nothing typed: the only entry
    [view] = workbench.record_form.relations.table(PARTICIPANT).model.views
    assert view.other is not None and view.other.name_zh == "郑文凯"
    assert workbench.source_view.record_ids_at(start) == [view.other.id]


def test_linking_a_selection_to_a_relation_marks_its_row(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, event, _person = _event_and_person(window)
    table = _pick(qtbot, workbench, PARTICIPANT, "zheng")
    evidence_column = table.model.column_of("evidence")
    assert table.model.index(0, evidence_column).data() == ""
    quote = "Vice Minister of LGOP Zheng Wenkai led a delegation"
    start = workbench.source_view.toPlainText().index(quote)
    workbench.source_view.select_span(start, start + len(quote))
    _focus(qtbot, workbench.source_view)
    qtbot.keyClick(workbench.source_view, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert table.model.index(0, evidence_column).data() == "✓"
    evidence = workbench.record_form.evidence_table
    assert evidence.rowCount() == 2 and evidence.item(1, 0).text().startswith("Relation")
    assert event.id in workbench.source_view.record_ids_at(start)
    window.undo_action.trigger()
    assert table.model.index(0, evidence_column).data() == ""


def test_a_persons_form_lists_their_events_and_enter_opens_one(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench, event, person = _event_and_person(window)
    table = _pick(qtbot, workbench, PARTICIPANT, "zheng")
    _type_in_cell(qtbot, table, "role", "head of delegation")
    workbench.open_record(person.id)
    events = workbench.record_form.relations.table(PARTICIPANT, as_subject=False)
    assert events.isVisible()
    assert [(view.other and view.other.key, view.relation.role)
            for view in events.model.views] == [(event.key, "head of delegation")]
    assert not events.model.flags(events.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    events.view.setCurrentIndex(events.model.index(0, 0))
    _focus(qtbot, events.view)
    qtbot.keyClick(events.view, Qt.Key.Key_Return)
    assert workbench.record_form.record is not None
    assert workbench.record_form.record.id == event.id


def test_aliases_typed_and_from_the_selection_undo_and_redo(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    database: ProjectDatabase, qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    workbench = window.workbench
    assert workbench is not None
    organization = create_from_quote(workbench, RecordKind.ORGANIZATION,
                           "International Poverty Reduction Center in China")
    aliases = workbench.record_form.relations.aliases
    qtbot.keyClicks(aliases.alias_edit, "Poverty Center")
    qtbot.keyClick(aliases.alias_edit, Qt.Key.Key_Return)
    start = workbench.source_view.toPlainText().index("IPRCC")
    workbench.source_view.select_span(start, start + 5)
    _focus(qtbot, workbench.source_view)
    qtbot.keyClick(workbench.source_view, Qt.Key.Key_A)
    assert [alias.text for alias in aliases.aliases] == ["Poverty Center", "IPRCC"]
    assert aliases.list.item(1).text() == "IPRCC  ✓"
    assert workbench.source_view.record_ids_at(start) == [organization.id]
    window.undo_action.trigger()
    assert [alias.text for alias in aliases.aliases] == ["Poverty Center"]
    assert workbench.source_view.record_ids_at(start) == []
    window.redo_action.trigger()
    assert aliases.list.item(1).text() == "IPRCC  ✓"

    aliases.list.setCurrentRow(0)
    _focus(qtbot, aliases.list)
    qtbot.keyClick(aliases.list, Qt.Key.Key_Delete)
    assert [alias.text for alias in aliases.aliases] == ["IPRCC"]
    window.undo_action.trigger()
    assert [alias.text for alias in aliases.aliases] == ["Poverty Center", "IPRCC"]
    window.redo_action.trigger()
    assert [alias.text for alias in aliases.aliases] == ["IPRCC"]
    assert load_record(database, organization.id).version == workbench.record_form.record.version
