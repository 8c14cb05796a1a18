"""Record lists filter by status, document, country and dates, and sort by any column, in SQL."""

from __future__ import annotations

import pytest

from curator.domain.records import RecordKind, ReviewStatus
from curator.errors import InvalidValue
from curator.services.browsing import record_count, record_page, sortable_columns
from curator.store.database import ProjectDatabase
from curator.store.evidence import add_evidence
from curator.store.records import create_record, get_record, set_status, update_field


def _event(database: ProjectDatabase, name: str, **fields: str) -> int:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="t", name_en=name)
        for field, value in fields.items():
            record = update_field(session, record.id, field, value,
                                  expected_version=record.version, user="t")
        return record.id


def _names(database: ProjectDatabase, kind: RecordKind = RecordKind.EVENT,
           **options: object) -> list[str]:
    return [s.name_en for s in record_page(database, kind, **options)]  # type: ignore[arg-type]


@pytest.fixture
def events(database: ProjectDatabase) -> dict[str, int]:
    """Four events: Brazil visits in 2012 and 2013, a seminar in China, one without dates."""
    return {
        "brazil 2012": _event(database, "Visit to Brazil", start_date="2012-06-12",
                              end_date="2012-06-22", country="Brazil", city="Brasília"),
        "china": _event(database, "Seminar in Beijing", start_date="2012-11",
                        country="CN", city="Beijing"),
        "brazil 2013": _event(database, "Second visit to Brazil", start_date="2013",
                              country="BR"),
        "undated": _event(database, "Undated meeting"),
    }


def test_filter_by_country_code(database: ProjectDatabase, events: dict[str, int]) -> None:
    assert _names(database, country="BR") == ["Visit to Brazil", "Second visit to Brazil"]
    assert record_count(database, RecordKind.EVENT, country="br") == 2


def test_filter_by_status(database: ProjectDatabase, events: dict[str, int]) -> None:
    with database.unit_of_work() as session:
        set_status(session, events["china"], ReviewStatus.APPROVED,
                   expected_version=get_record(session, events["china"]).version, user="t")
    assert _names(database, status=ReviewStatus.APPROVED) == ["Seminar in Beijing"]
    assert record_count(database, RecordKind.EVENT, status=ReviewStatus.DRAFT) == 3


def test_filter_by_document_keeps_records_with_evidence_there(
    database: ProjectDatabase, events: dict[str, int], sample_document: int
) -> None:
    with database.unit_of_work() as session:
        add_evidence(session, events["brazil 2012"], sample_document, 10, 20, user="t")
        add_evidence(session, events["brazil 2012"], sample_document, 30, 40, user="t")
    assert _names(database, document_id=sample_document) == ["Visit to Brazil"]
    assert record_count(database, RecordKind.EVENT, document_id=sample_document) == 1
    assert _names(database, document_id=sample_document + 1) == []


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    ("2012-06-20", "2012-06-30", ["Visit to Brazil"]),  # overlaps the end of the visit
    ("2012-11-15", None, ["Seminar in Beijing", "Second visit to Brazil"]),  # a month
    (None, "2012", ["Visit to Brazil", "Seminar in Beijing"]),  # all of 2012
    ("2013-12-31", "2014", ["Second visit to Brazil"]),  # a year-only date
    ("2014", None, []),
])
def test_filter_by_date_range(
    database: ProjectDatabase, events: dict[str, int], date_from: str | None,
    date_to: str | None, expected: list[str],
) -> None:
    assert _names(database, date_from=date_from, date_to=date_to) == expected


def test_filters_combine(database: ProjectDatabase, events: dict[str, int]) -> None:
    assert _names(database, country="BR", date_from="2013", text="second") == [
        "Second visit to Brazil"]


def test_a_wrong_date_is_a_message(database: ProjectDatabase, events: dict[str, int]) -> None:
    with pytest.raises(InvalidValue, match="From"):
        record_page(database, RecordKind.EVENT, date_from="the 45th")


def test_sort_by_a_detail_column_empty_last(
    database: ProjectDatabase, events: dict[str, int]
) -> None:
    assert _names(database, order_by="city") == [
        "Seminar in Beijing", "Visit to Brazil", "Second visit to Brazil", "Undated meeting"]
    assert _names(database, order_by="start_date", descending=True) == [
        "Second visit to Brazil", "Seminar in Beijing", "Visit to Brazil", "Undated meeting"]


def test_sort_by_name_descending_pages_in_order(
    database: ProjectDatabase, events: dict[str, int]
) -> None:
    first = _names(database, order_by="name_en", descending=True, limit=2)
    second = _names(database, order_by="name_en", descending=True, offset=2, limit=2)
    assert first + second == [
        "Visit to Brazil", "Undated meeting", "Seminar in Beijing", "Second visit to Brazil"]


def test_every_sortable_column_sorts(database: ProjectDatabase, events: dict[str, int]) -> None:
    for kind in RecordKind:
        for column in sortable_columns(kind):
            record_page(database, kind, order_by=column, descending=True)


def test_an_unknown_column_is_refused(database: ProjectDatabase) -> None:
    with pytest.raises(ValueError, match="sorted by"):
        record_page(database, RecordKind.PERSON, order_by="start_date")


def test_people_have_no_dates_to_filter_by(database: ProjectDatabase) -> None:
    with pytest.raises(ValueError, match="Only events"):
        record_page(database, RecordKind.PERSON, date_from="2012")


def test_filters_and_sorting_on_postgresql(new_postgres_url: str) -> None:
    database = ProjectDatabase.open(new_postgres_url)
    try:
        _event(database, "Visit to Brazil", start_date="2012-06-12", country="BR")
        _event(database, "Second visit to Brazil", start_date="2013", country="BR")
        _event(database, "Undated meeting")
        assert _names(database, country="BR", date_from="2013-05") == ["Second visit to Brazil"]
        assert _names(database, order_by="start_date", descending=True) == [
            "Second visit to Brazil", "Visit to Brazil", "Undated meeting"]
    finally:
        database.close()
