"""Evidence spans: quotes with context, lookup by record and document, and integrity."""

import pytest
from sqlalchemy.exc import IntegrityError

from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.store.documents import document_text
from curator.store.evidence import add_evidence, evidence_for_record, evidence_in_document
from curator.store.records import create_record
from curator.store.tables import DocumentRow


def test_evidence_keeps_quote_prefix_and_suffix(
    database: ProjectDatabase, sample_document: int
) -> None:
    with database.unit_of_work() as session:
        text = document_text(session, sample_document)
        start = text.index("Zheng Wenkai")
        record = create_record(session, RecordKind.PERSON, user="u")
        add_evidence(session, record.id, sample_document, start, start + 12, user="u")
    with database.unit_of_work() as session:
        [span] = evidence_for_record(session, record.id)
    assert span.exact == "Zheng Wenkai"
    assert span.prefix.endswith("Vice Minister of LGOP ")
    assert span.suffix.startswith(" led a delegation")
    assert (span.record_key, span.record_kind) == ("P-0001", RecordKind.PERSON)


def test_document_evidence_is_sorted_by_offset(
    database: ProjectDatabase, sample_document: int
) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        for start in (40, 5, 20):
            add_evidence(session, record.id, sample_document, start, start + 3, user="u")
        starts = [e.start for e in evidence_in_document(session, sample_document)]
    assert starts == [5, 20, 40]


def test_span_outside_the_text_is_refused(database: ProjectDatabase, sample_document: int) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        with pytest.raises(ValueError, match="not inside"):
            add_evidence(session, record.id, sample_document, 10, 10_000_000, user="u")


def test_document_with_evidence_cannot_be_deleted(
    database: ProjectDatabase, sample_document: int
) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="u")
        add_evidence(session, record.id, sample_document, 0, 5, user="u")
    with pytest.raises(IntegrityError), database.unit_of_work() as session:
        session.delete(session.get(DocumentRow, sample_document))
        session.flush()
