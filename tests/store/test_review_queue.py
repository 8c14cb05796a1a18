"""The review queue: records in reading order, narrowed by status, kind, document, section,
last editor and missing evidence; evidence that no longer quotes its text is found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import update

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.review import ReviewFilter
from curator.store.database import ProjectDatabase
from curator.store.documents import document_sections, document_text
from curator.store.evidence import add_evidence
from curator.store.records import create_record, set_status, update_field
from curator.store.review_queue import (
    document_status_counts,
    last_editor,
    last_editors,
    records_with_stale_evidence,
    review_queue,
)
from curator.store.tables import EvidenceRow


@dataclass(frozen=True)
class Queue:
    """Records created out of reading order: the person first, the event last."""

    zheng: int
    abroad: int
    iprcc: int
    unplaced: int


def _record(database: ProjectDatabase, document_id: int, kind: RecordKind, quote: str | None,
            *, user: str = "alice") -> int:
    with database.unit_of_work() as session:
        record = create_record(session, kind, user=user, name_en=quote or "unplaced")
        if quote is not None:
            text = document_text(session, document_id)
            start = text.index(quote)
            add_evidence(session, record.id, document_id, start, start + len(quote), user=user)
        return record.id


def _make_queue(database: ProjectDatabase, sample_document: int) -> Queue:
    zheng = _record(database, sample_document, RecordKind.PERSON, "Zheng Wenkai")
    unplaced = _record(database, sample_document, RecordKind.PERSON, None, user="bob")
    iprcc = _record(database, sample_document, RecordKind.ORGANIZATION, "IPRCC", user="bob")
    abroad = _record(database, sample_document, RecordKind.EVENT, "delegations abroad")
    return Queue(zheng, abroad, iprcc, unplaced)


@pytest.fixture
def queue(database: ProjectDatabase, sample_document: int) -> Queue:
    """Four records; the event cites text before the person, the IPRCC after."""
    return _make_queue(database, sample_document)


def _ids(database: ProjectDatabase, **filters: object) -> list[int]:
    with database.unit_of_work() as session:
        return [item.record_id
                for item in review_queue(session, ReviewFilter(**filters))]  # type: ignore[arg-type]


def test_queue_follows_the_text_and_puts_records_without_evidence_last(
    database: ProjectDatabase, queue: Queue
) -> None:
    assert _ids(database) == [queue.abroad, queue.zheng, queue.iprcc, queue.unplaced]


def test_queue_narrows_by_status_and_kind(database: ProjectDatabase, queue: Queue) -> None:
    with database.unit_of_work() as session:
        set_status(session, queue.iprcc, ReviewStatus.APPROVED, expected_version=1, user="c")
    assert _ids(database, statuses=frozenset({ReviewStatus.DRAFT})) == [
        queue.abroad, queue.zheng, queue.unplaced]
    assert _ids(database, kind=RecordKind.PERSON) == [queue.zheng, queue.unplaced]


def test_queue_narrows_to_a_document_and_a_section(
    database: ProjectDatabase, queue: Queue, sample_document: int
) -> None:
    assert _ids(database, document_id=sample_document) == [queue.abroad, queue.zheng,
                                                           queue.iprcc]
    with database.unit_of_work() as session:
        visits = next(s for s in document_sections(session, sample_document)
                      if s.title == "Visits")
    assert _ids(database, document_id=sample_document,
                section=(visits.start, visits.end)) == [queue.zheng]


def test_queue_of_records_without_evidence(database: ProjectDatabase, queue: Queue) -> None:
    assert _ids(database, without_evidence=True) == [queue.unplaced]


def test_queue_narrows_by_last_editor_ignoring_status_changes(
    database: ProjectDatabase, queue: Queue
) -> None:
    with database.unit_of_work() as session:
        update_field(session, queue.zheng, "name_en", "Zheng W.", expected_version=1, user="bob")
        set_status(session, queue.zheng, ReviewStatus.NEEDS_REVIEW, expected_version=2,
                   user="carol")
        assert last_editor(session, queue.zheng) == "bob"
        assert last_editors(session) == ["alice", "bob"]
    assert _ids(database, last_edited_by="bob") == [queue.zheng, queue.iprcc, queue.unplaced]


def test_evidence_whose_quote_left_its_text_is_found(
    database: ProjectDatabase, queue: Queue
) -> None:
    with database.unit_of_work() as session:
        session.execute(update(EvidenceRow).where(EvidenceRow.record_id == queue.iprcc)  # type: ignore[arg-type]
                        .values(start=EvidenceRow.start + 2, end=EvidenceRow.end + 2))
    with database.unit_of_work() as session:
        assert records_with_stale_evidence(session, [queue.zheng, queue.iprcc]) == {queue.iprcc}


def test_documents_count_their_records_by_status(
    database: ProjectDatabase, queue: Queue, sample_document: int
) -> None:
    with database.unit_of_work() as session:
        set_status(session, queue.zheng, ReviewStatus.APPROVED, expected_version=1, user="c")
        assert document_status_counts(session) == {
            sample_document: {ReviewStatus.DRAFT: 2, ReviewStatus.APPROVED: 1}}


def test_queue_order_filters_and_counts_on_postgresql(new_postgres_url: str,
                                                      sample_source: Path) -> None:
    from curator.services.importing import import_document

    team = ProjectDatabase.open(new_postgres_url, create=True)
    try:
        document_id = import_document(team, sample_source).document_id
        made = _make_queue(team, document_id)
        assert _ids(team) == [made.abroad, made.zheng, made.iprcc, made.unplaced]
        assert _ids(team, last_edited_by="bob") == [made.iprcc, made.unplaced]
        assert _ids(team, without_evidence=True) == [made.unplaced]
        with team.unit_of_work() as session:
            assert document_status_counts(session) == {document_id: {ReviewStatus.DRAFT: 3}}
    finally:
        team.close()
