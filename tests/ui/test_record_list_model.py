"""The record list model: pages, filters, and passes Qt's model checks."""

from pytestqt.modeltest import ModelTester

from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.store.records import create_record
from curator.ui import record_list_model
from curator.ui.record_list_model import RecordListModel


def _people(database: ProjectDatabase, count: int) -> None:
    with database.unit_of_work() as session:
        for n in range(count):
            create_record(session, RecordKind.PERSON, user="u", name_en=f"Person {n}",
                          name_zh="郑文凯" if n == 7 else "")


def test_model_passes_qt_model_checks(qtmodeltester: ModelTester,
                                      database: ProjectDatabase) -> None:
    _people(database, 12)
    qtmodeltester.check(RecordListModel(database, RecordKind.PERSON))


def test_rows_are_fetched_a_page_at_a_time(database: ProjectDatabase, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(record_list_model, "PAGE_SIZE", 10)
    _people(database, 25)
    model = RecordListModel(database, RecordKind.PERSON)
    assert (model.rowCount(), model.total) == (10, 25)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 25
    assert model.data(model.index(24, 0)) == "P-0025"


def test_filter_narrows_rows_in_sql(database: ProjectDatabase) -> None:
    _people(database, 12)
    model = RecordListModel(database, RecordKind.PERSON)
    model.set_filter("文凯")
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "Person 7"
    model.set_filter("")
    assert model.rowCount() == 12
