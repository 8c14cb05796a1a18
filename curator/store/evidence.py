"""Evidence spans: adding them to records and finding them by record or by document."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from curator.domain.evidence import Evidence, quote_span
from curator.domain.records import RecordKind
from curator.errors import RecordNotFound
from curator.store.documents import document_text
from curator.store.tables import EvidenceRow, RecordRow


def add_evidence(
    session: Session,
    record_id: int,
    document_id: int,
    start: int,
    end: int,
    *,
    user: str,
    field: str | None = None,
    text: str | None = None,
) -> int:
    """Link ``text[start:end]`` of a document to a record as evidence; returns its id.

    Pass the document's `text` when the caller has it already, to spare reading it again.
    """
    if session.get(RecordRow, record_id) is None:
        raise RecordNotFound(f"Record {record_id} no longer exists.")
    if text is None:
        text = document_text(session, document_id)
    quote = quote_span(text, start, end)
    row = EvidenceRow(
        record_id=record_id,
        document_id=document_id,
        field=field,
        start=quote.start,
        end=quote.end,
        exact=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        created_at=datetime.now(UTC),
        created_by=user,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def _evidence_query() -> Select[EvidenceRow, str, str]:
    return select(EvidenceRow, RecordRow.kind, RecordRow.key).join(
        RecordRow, col(RecordRow.id) == EvidenceRow.record_id
    )


def _to_domain(row: EvidenceRow, kind: str, key: str) -> Evidence:
    assert row.id is not None
    return Evidence(
        id=row.id,
        record_id=row.record_id,
        record_kind=RecordKind(kind),
        record_key=key,
        document_id=row.document_id,
        start=row.start,
        end=row.end,
        exact=row.exact,
        prefix=row.prefix,
        suffix=row.suffix,
        field=row.field,
    )


def evidence_for_record(session: Session, record_id: int) -> list[Evidence]:
    """A record's evidence in document order."""
    rows = session.exec(
        _evidence_query()
        .where(EvidenceRow.record_id == record_id)
        .order_by(col(EvidenceRow.document_id), col(EvidenceRow.start))
    ).all()
    return [_to_domain(*row) for row in rows]


def evidence_in_document(session: Session, document_id: int) -> list[Evidence]:
    """Every evidence span of a document, sorted by start offset."""
    rows = session.exec(
        _evidence_query()
        .where(EvidenceRow.document_id == document_id)
        .order_by(col(EvidenceRow.start), col(EvidenceRow.end))
    ).all()
    return [_to_domain(*row) for row in rows]


def all_evidence(session: Session) -> list[Evidence]:
    """Every evidence span of the project, by document then offset."""
    rows = session.exec(
        _evidence_query().order_by(col(EvidenceRow.document_id), col(EvidenceRow.start))
    ).all()
    return [_to_domain(*row) for row in rows]


def evidence_record_id(session: Session, evidence_id: int) -> int:
    """The id of the record an evidence span belongs to."""
    record_id = session.exec(
        select(EvidenceRow.record_id).where(EvidenceRow.id == evidence_id)
    ).first()
    if record_id is None:
        raise RecordNotFound(f"Evidence {evidence_id} no longer exists.")
    return record_id


def remove_evidence(session: Session, evidence_id: int) -> Evidence:
    """Delete one evidence span; returns it as it was."""
    found = session.exec(_evidence_query().where(EvidenceRow.id == evidence_id)).first()
    if found is None:
        raise RecordNotFound(f"Evidence {evidence_id} no longer exists.")
    row = found[0]
    session.delete(row)
    return _to_domain(*found)


def count_evidence(session: Session) -> int:
    """How many evidence spans the project holds."""
    return session.exec(select(func.count()).select_from(EvidenceRow)).one()
