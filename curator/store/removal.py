"""Deleting records and bringing them back (what undo of a creation or deletion needs)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from curator.domain.evidence import Evidence
from curator.domain.records import Record
from curator.domain.translation import _
from curator.errors import EditConflict, RecordNotFound
from curator.store.aliases import RemovedAlias, put_back_aliases, removed_aliases_of
from curator.store.evidence import evidence_for_record, put_back_evidence
from curator.store.records import get_record
from curator.store.relations import (
    RemovedRelation,
    describe,
    put_back_relations,
    relations_touching,
)
from curator.store.revisions import add_revision
from curator.store.tables import DETAIL_TABLES, RecordRow, RelationRow


@dataclass(frozen=True)
class DeletedRecord:
    """Everything needed to put a deleted record back as it was."""

    record: Record
    number: int
    evidence: list[Evidence]
    relations: list[RemovedRelation] = field(default_factory=list)
    """Relations at either end of the record, each with its evidence."""
    aliases: list[RemovedAlias] = field(default_factory=list)


def delete_record(
    session: Session, record_id: int, *, user: str, expected_version: int | None = None
) -> DeletedRecord:
    """Delete a record with its details, evidence, aliases and relations; its history is kept.

    A relation written on another record (a person's part in an event) goes too, noted in
    that record's history without a new version, so a window editing it sees no conflict.
    With `expected_version`, a record changed by someone else since is not deleted.
    """
    row = session.get(RecordRow, record_id)
    if row is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    if expected_version is not None and row.version != expected_version:
        raise EditConflict(
            _("{key} was changed by {updated_by} since you last saw it, so it was not "
              "deleted.").format(key=row.key, updated_by=row.updated_by)
        )
    deleted = DeletedRecord(
        record=get_record(session, record_id),
        number=row.number,
        evidence=evidence_for_record(session, record_id),
        relations=relations_touching(session, record_id),
        aliases=removed_aliases_of(session, record_id),
    )
    add_revision(session, record_id, version=row.version + 1, action="delete", user=user,
                 old_value=row.key)
    _note_on_other_ends(session, deleted, user=user, removed=True)
    session.delete(row)  # details, evidence, aliases and relations go too (ON DELETE CASCADE)
    session.flush()
    return deleted


def restore_record(session: Session, deleted: DeletedRecord, *, user: str) -> Record:
    """Re-create a deleted record under its old id and key, with its evidence, aliases and
    relations (those whose other end still exists and that are not back already)."""
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
        put_back_aliases(session, deleted.aliases, user=user)
        relations = _relations_to_restore(session, deleted)
        put_back_relations(session, relations, user=user)
        restored = {span.id for item in relations for span in item.evidence}
        restored |= {span.id for item in deleted.aliases for span in item.evidence}
        put_back_evidence(session, [
            span for span in deleted.evidence
            if span.id not in restored and span.relation_id is None
        ], user=user)
        session.flush()
    except IntegrityError as error:
        raise EditConflict(
            _("{key} cannot be restored: it, or one of its evidence spans, is back "
              "already or its document was removed.").format(key=record.key)
        ) from error
    add_revision(session, record.id, version=record.version + 2, action="restore", user=user,
                 new_value=record.key)
    _note_on_other_ends(session, replace(deleted, relations=relations), user=user, removed=False)
    session.flush()
    return get_record(session, record.id)


def _relations_to_restore(session: Session, deleted: DeletedRecord) -> list[RemovedRelation]:
    """The deleted record's relations whose other end exists and that are not back already."""
    own_id = deleted.record.id
    return [
        item for item in deleted.relations
        if session.get(RelationRow, item.relation.id) is None
        and all(
            record_id == own_id or session.get(RecordRow, record_id) is not None
            for record_id in (item.relation.subject_id, item.relation.object_id)
            if record_id is not None
        )
    ]


def _note_on_other_ends(
    session: Session, deleted: DeletedRecord, *, user: str, removed: bool
) -> None:
    """Say in the history of each record a relation was written on that it went or came back."""
    key = deleted.record.key
    for item in deleted.relations:
        subject_id = item.relation.subject_id
        subject = session.get(RecordRow, subject_id)
        if subject_id == deleted.record.id or subject is None:
            continue
        note = f"{describe(session, item.relation)} ({key} {'deleted' if removed else 'restored'})"
        add_revision(session, subject_id, version=subject.version, action="relation",
                     user=user, field=item.relation.kind.value,
                     old_value=note if removed else None, new_value=None if removed else note)
