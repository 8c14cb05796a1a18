"""The record list model: pages, filters, and passes Qt's model checks."""

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.store.records import create_record
from curator.ui import record_list_model
from curator.ui.record_list_model import RecordListModel
from curator.ui.record_panel import RecordPanel


def _people(database: ProjectDatabase, count: int) -> None:
    with database.unit_of_work() as session:
        for n in range(count):
            create_record(session, RecordKind.PERSON, user="u", name_en=f"Person {n}",
                          name_zh="郑文凯" if n == 7 else "")


def test_model_passes_qt_model_checks(qtmodeltester: ModelTester,
                                      database: ProjectDatabase) -> None:
    _people(database, 12)
    qtmodeltester.check(RecordListModel(database, RecordKind.PERSON))


def test_rows_are_fetched_a_page_at_a_time(
    database: ProjectDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_list_model, "PAGE_SIZE", 10)
    _people(database, 25)
    model = RecordListModel(database, RecordKind.PERSON)
    assert (model.rowCount(), model.count_label) == (10, "25")
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 25
    assert model.data(model.index(24, 0)) == "P-0025"


def test_filter_narrows_rows_in_sql(database: ProjectDatabase) -> None:
    _people(database, 12)
    model = RecordListModel(database, RecordKind.PERSON)
    model.set_filter("文凯")
    assert (model.rowCount(), model.count_label) == (1, "1")
    assert model.data(model.index(0, 1)) == "Person 7"
    model.set_filter("")
    assert model.rowCount() == 12


def test_a_filter_matching_more_than_a_page_counts_what_is_fetched(
    database: ProjectDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_list_model, "PAGE_SIZE", 5)
    _people(database, 12)
    model = RecordListModel(database, RecordKind.PERSON)
    model.set_filter("Person 1")  # Person 1, 10, 11
    assert model.count_label == "3"
    model.set_filter("Person")
    assert model.count_label == "5+"
    while model.canFetchMore():
        model.fetchMore()
    assert model.count_label == "12"


def test_typing_in_the_filter_box_narrows_every_list(
    qtbot: QtBot, database: ProjectDatabase
) -> None:
    _people(database, 12)
    panel = RecordPanel(database)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.filter_edit, "Person 7")
    qtbot.waitUntil(lambda: panel.models[RecordKind.PERSON].rowCount() == 1)
    assert panel.tabs.tabText(1) == "People (1)"
