"""Vocabulary values — event types, organization kinds, roles — are shown in the language in
use, and stored as they were (in English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from curator.domain.records import RecordKind
from curator.domain.relations import RelationKind
from curator.services import relating
from curator.services.editing import edit_field, load_record
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow


@pytest.fixture
def visit(database: ProjectDatabase) -> tuple[int, int]:
    """A visit abroad led by Zheng Wenkai: (event id, person id)."""
    event = relating.create_named_record(database, RecordKind.EVENT, "Visit to Brazil")
    edit_field(database, event.id, "event_type", "visit abroad", expected_version=event.version)
    person = relating.create_named_record(database, RecordKind.PERSON, "Zheng Wenkai")
    relating.add_relation(database, RelationKind.PARTICIPANT, event.id, object_id=person.id,
                          role="head of delegation")
    return event.id, person.id


def test_an_event_type_is_shown_in_chinese_and_stored_in_english(
    in_chinese: None, visit: tuple[int, int], open_window: Callable[[Path], MainWindow],
    tmp_path: Path, database: ProjectDatabase,
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    window.workbench.open_record(visit[0])
    form = window.workbench.record_form
    type_editor = form.field_editor("event_type")
    combo = type_editor.widget
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "出访"
    assert type_editor.value() == "visit abroad"
    combo.setCurrentIndex(combo.findText("接待来访"))
    combo.activated.emit(combo.currentIndex())
    assert load_record(database, visit[0]).details["event_type"] == "reception"
    assert form.history_list.item(0).text().endswith("出访 → 接待来访")


def test_a_role_is_shown_in_chinese_and_kept_as_stored(
    in_chinese: None, visit: tuple[int, int], open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    window.workbench.open_record(visit[0])
    table = window.workbench.record_form.relations.table(RelationKind.PARTICIPANT)
    cell = table.model.index(0, table.model.column_of("role"))
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "团长"
    assert cell.data(Qt.ItemDataRole.EditRole) == "head of delegation"


def test_history_speaks_chinese(
    in_chinese: None, visit: tuple[int, int], open_window: Callable[[Path], MainWindow],
    tmp_path: Path,
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    window.workbench.open_record(visit[1])
    lines = [window.workbench.record_form.history_list.item(row).text()
             for row in range(window.workbench.record_form.history_list.count())]
    assert lines[-1].endswith("已创建")


def test_a_status_change_reads_in_chinese_in_history(
    in_chinese: None, visit: tuple[int, int], open_window: Callable[[Path], MainWindow],
    tmp_path: Path, database: ProjectDatabase,
) -> None:
    from curator.domain.records import ReviewStatus
    from curator.services.editing import change_status

    record = load_record(database, visit[0])
    change_status(database, visit[0], ReviewStatus.NEEDS_REVIEW, expected_version=record.version)
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    window.workbench.open_record(visit[0])
    assert window.workbench.record_form.history_list.item(0).text().endswith("草稿 → 需要复核")
