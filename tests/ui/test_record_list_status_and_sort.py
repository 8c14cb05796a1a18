"""Record lists filtered by review status and sorted by a clicked column, both in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, ReviewStatus
from curator.services.editing import change_status
from curator.store.database import ProjectDatabase
from curator.store.records import create_record
from curator.ui.record_list_model import RecordListModel
from curator.ui.record_panel import RecordPanel

PEOPLE = (("Okafor Ngozi", ReviewStatus.DRAFT), ("Abdi Hassan", ReviewStatus.APPROVED),
          ("Mendes Clara", ReviewStatus.DRAFT), ("Bui Thi Lan", ReviewStatus.NEEDS_REVIEW))


def _people(database: ProjectDatabase) -> None:
    for name, status in PEOPLE:
        with database.unit_of_work() as session:
            record = create_record(session, RecordKind.PERSON, user="t", name_en=name)
        if status is not ReviewStatus.DRAFT:
            change_status(database, record.id, status, expected_version=record.version)


def _names(model: RecordListModel) -> list[str]:
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_the_status_filter_shows_only_records_with_that_status(
    qtbot: QtBot, database: ProjectDatabase
) -> None:
    _people(database)
    panel = RecordPanel(database)
    qtbot.addWidget(panel)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(ReviewStatus.DRAFT.value))
    people = panel.models[RecordKind.PERSON]
    assert sorted(_names(people)) == ["Mendes Clara", "Okafor Ngozi"]
    assert panel.tabs.tabText(1) == "People (2)"
    panel.status_filter.setCurrentIndex(0)  # any status
    assert len(_names(people)) == 4


def test_clicking_a_header_sorts_the_list_and_again_reverses_it(
    qtbot: QtBot, database: ProjectDatabase
) -> None:
    _people(database)
    panel = RecordPanel(database)
    qtbot.addWidget(panel)
    view, people = panel.views[RecordKind.PERSON], panel.models[RecordKind.PERSON]
    assert _names(people) == [name for name, _status in PEOPLE]  # key order
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _names(people) == sorted(name for name, _status in PEOPLE)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _names(people) == sorted((name for name, _status in PEOPLE), reverse=True)


def test_sorting_by_status_keeps_the_status_filter(
    qtbot: QtBot, database: ProjectDatabase
) -> None:
    _people(database)
    people = RecordListModel(database, RecordKind.PERSON)
    people.set_status(ReviewStatus.DRAFT)
    people.sort(3, Qt.SortOrder.DescendingOrder)
    assert sorted(_names(people)) == ["Mendes Clara", "Okafor Ngozi"]
