"""The records issue's whole path, in the window alone: record a visit with its people,
organizations and countries and their roles, find it again by a country's Chinese name,
and see it in the workbook (read back with python-calamine)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from curator.domain.records import RecordKind
from curator.domain.relations import RelationKind
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow
from curator.ui.records.relation_table import RelationTable
from curator.ui.workbench import Workbench
from tests.ui.gestures import commit_text, create_from_quote

BULLETIN = """Cooperation Bulletin 2012

【Visits】
From July 21 to 29, 2012, a delegation headed by Vice Minister Zheng Wenkai of the
Leading Group Office of Poverty Alleviation and Development (LGOP) visited Mozambique
and Tanzania, where it met officials of the ministries of agriculture.
"""


def _set_field(workbench: Workbench, name: str, typed: str) -> None:
    editor = workbench.record_form.field_editor(name)
    commit_text(editor.widget, typed)
    editor.finished.emit(name)


def _add_row(qtbot: QtBot, workbench: Workbench, kind: RelationKind, typed: str,
             **cells: str) -> RelationTable:
    """Insert a row in the relation table of `kind` through the picker, then fill cells."""
    table = workbench.record_form.relations.table(kind)
    table.view.setFocus()
    qtbot.waitUntil(table.view.hasFocus)
    qtbot.keyClick(table.view, Qt.Key.Key_Insert)
    picker = workbench.record_form.relations.picker
    assert picker is not None and picker.isVisible()
    rows_before = len(table.model.views)
    qtbot.keyClicks(picker.query_edit, typed)
    qtbot.keyClick(picker.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(table.model.views) == rows_before + 1)
    row = table.view.currentIndex().row()
    for field, value in cells.items():
        table.view.setCurrentIndex(table.model.index(row, table.model.column_of(field)))
        table.view.setFocus()
        qtbot.keyClick(table.view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not table.view
        qtbot.keyClicks(editor, value)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda f=field, v=value: table.model.views[row].relation.value(f) == v)
    return table


@pytest.fixture
def bulletin_project(tmp_path: Path) -> Path:
    source = tmp_path / "bulletin.txt"
    source.write_text(BULLETIN, encoding="utf-8")
    project = tmp_path / "visit.curator"
    database = ProjectDatabase.open(project)
    import_document(database, source)
    database.close()
    return project


def test_a_visit_with_its_people_organizations_and_countries_is_found_and_exported(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], bulletin_project: Path,
    tmp_path: Path,
) -> None:
    window = open_window(bulletin_project)
    workbench = window.workbench
    assert workbench is not None
    person = create_from_quote(workbench, RecordKind.PERSON, "Zheng Wenkai")
    visit = create_from_quote(workbench, RecordKind.EVENT, "From July 21 to 29, 2012")
    _set_field(workbench, "name_en", "Delegation visit to Mozambique and Tanzania")
    _set_field(workbench, "start_date", "July 21, 2012")
    _set_field(workbench, "end_date", "July 29, 2012")
    _add_row(qtbot, workbench, RelationKind.PARTICIPANT, "zheng",
             role="head of delegation", title="Vice Minister of LGOP")
    _add_row(qtbot, workbench, RelationKind.EVENT_ORGANIZATION, "LGOP", role="organizer")
    _add_row(qtbot, workbench, RelationKind.EVENT_COUNTRY, "Mozambique", role="visited")
    _add_row(qtbot, workbench, RelationKind.EVENT_COUNTRY, "Tanzania", role="visited")
    form = workbench.record_form.record
    assert form is not None and form.id == visit.id
    assert (form.details["start_date"], form.details["end_date"]) == ("2012-07-21", "2012-07-29")

    workbench.open_record(person.id)  # look elsewhere, then find the visit again
    workbench.source_view.setFocus()
    qtbot.waitUntil(workbench.source_view.hasFocus)
    workbench.source_view.select_span(0, 0)
    qtbot.keyClick(workbench.source_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = workbench._search_dialog
    assert dialog is not None
    commit_text(dialog.query_edit, "坦桑尼亚")
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    form = workbench.record_form.record
    assert form is not None and form.key == visit.key

    workbook = tmp_path / "visit.xlsx"
    assert workbench.export_to(workbook)
    book = CalamineWorkbook.from_path(str(workbook))
    participants = book.get_sheet_by_name("Participants").to_python()
    assert any(row[:2] == [visit.key, person.key] and "head of delegation" in row
               and "Vice Minister of LGOP" in row for row in participants[1:])
    organizations = book.get_sheet_by_name("Event organizations").to_python()
    assert any(row[0] == visit.key and "organizer" in row for row in organizations[1:])
    countries = book.get_sheet_by_name("Event countries").to_python()
    visited = sorted(code for row in countries[1:] for code in row
                     if row[0] == visit.key and code in ("MZ", "TZ"))
    assert visited == ["MZ", "TZ"]
    assert any("坦桑尼亚" in row for row in countries[1:])
