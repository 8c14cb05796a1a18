"""Deleting records and bringing them back (what undo of a creation or deletion needs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from curator.domain.evidence import Evidence
from curator.domain.records import Record
from curator.errors import EditConflict, RecordNotFound
from curator.store.evidence import evidence_for_record
from curator.store.records import get_record
from curator.store.revisions import add_revision
from curator.store.tables import DETAIL_TABLES, EvidenceRow, RecordRow


@dataclass(frozen=True)
class DeletedRecord:
    """Everything needed to put a deleted record back as it was."""

    record: Record
    number: int
    evidence: list[Evidence]


def delete_record(
    session: Session, record_id: int, *, user: str, expected_version: int | None = None
) -> DeletedRecord:
    """Delete a record with its details and evidence; its history is kept.

    With `expected_version`, a record changed by someone else since is not deleted.
    """
    row = session.get(RecordRow, record_id)
    if row is None:
        raise RecordNotFound(f"Record {record_id} no longer exists.")
    if expected_version is not None and row.version != expected_version:
        raise EditConflict(
            f"{row.key} was changed by {row.updated_by} since you last saw it, "
            "so it was not deleted."
        )
    deleted = DeletedRecord(
        record=get_record(session, record_id),
        number=row.number,
        evidence=evidence_for_record(session, record_id),
    )
    add_revision(session, record_id, version=row.version + 1, action="delete", user=user,
                 old_value=row.key)
    session.delete(row)  # details and evidence go with it (ON DELETE CASCADE)
    session.flush()
    return deleted


def restore_record(session: Session, deleted: DeletedRecord, *, user: str) -> Record:
    """Re-create a deleted record under its old id and key, with its evidence."""
    record = deleted.record
    now = datetime.now(UTC)
    try:
        session.add(RecordRow(
            id=record.id, kind=record.kind.value, number=deleted.number, key=record.key,
            name_en=record.name_en, name_zh=record.name_zh, status=record.status.value,
            version=record.version + 2, created_at=record.created_at,
            created_by=record.created_by, updated_at=now, updated_by=user,
        ))
        session.flush()  # the record first: no ORM relationship tells SQLAlchemy the order
        session.add(DETAIL_TABLES[record.kind.value](record_id=record.id, **record.details))
        for span in deleted.evidence:
            session.add(EvidenceRow(
                id=span.id, record_id=record.id, document_id=span.document_id,
                field=span.field, start=span.start, end=span.end, exact=span.exact,
                prefix=span.prefix, suffix=span.suffix, created_at=now, created_by=user,
            ))
        session.flush()
    except IntegrityError as error:
        raise EditConflict(
            f"{record.key} cannot be restored: it, or one of its evidence spans, is back "
            "already or its document was removed."
        ) from error
    add_revision(session, record.id, version=record.version + 2, action="restore", user=user,
                 new_value=record.key)
    session.flush()
    return get_record(session, record.id)
