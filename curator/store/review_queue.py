"""Queries for review: the queue of records in reading order, who last edited a record, how
far review has got per document, and evidence that no longer quotes its document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy
from sqlalchemy import and_, exists, func
from sqlmodel import Session, col, select

from curator.domain.coverage import EvidencePlace
from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.review import NOT_EDITS, QueueItem, ReviewFilter
from curator.store.tables import DocumentRow, EvidenceRow, RecordRow, RevisionRow


def _evidence_scope(filters: ReviewFilter) -> list[Any]:
    """Conditions on the evidence that places a record in the queue."""
    if filters.document_id is None or filters.without_evidence:
        return []
    conditions: list[Any] = [col(EvidenceRow.document_id) == filters.document_id]
    if filters.section is not None:
        start, end = filters.section
        conditions += [col(EvidenceRow.start) >= start, col(EvidenceRow.start) < end]
    return conditions


def _last_edits() -> Any:
    """Each record's latest revision that edited it (not a status change or a comment)."""
    return (select(col(RevisionRow.record_id), func.max(RevisionRow.id).label("revision_id"))
            .where(col(RevisionRow.action).not_in(NOT_EDITS))
            .group_by(col(RevisionRow.record_id))
            .subquery())


def _record_conditions(filters: ReviewFilter) -> list[Any]:
    conditions: list[Any] = []
    if filters.statuses:
        conditions.append(col(RecordRow.status).in_([s.value for s in filters.statuses]))
    if filters.kind is not None:
        conditions.append(col(RecordRow.kind) == filters.kind.value)
    if filters.without_evidence:
        conditions.append(~exists().where(col(EvidenceRow.record_id) == col(RecordRow.id)))
    if filters.last_edited_by:
        last = _last_edits()
        conditions.append(exists().where(and_(
            last.c.record_id == col(RecordRow.id),
            col(RevisionRow.id) == last.c.revision_id,
            col(RevisionRow.changed_by) == filters.last_edited_by)))
    return conditions


_PLACE = 2**32
"""A record's place in the texts as one number: document id * _PLACE + offset, so that the
first place is one MIN per record (a window function over every span took twice as long)."""


def review_queue(session: Session, filters: ReviewFilter) -> list[QueueItem]:
    """The records the filter lets through, in the order of their first evidence in the text
    (by document, then offset); records without evidence come last, in creation order."""
    scope = _evidence_scope(filters)
    place = col(EvidenceRow.document_id) * sqlalchemy.literal(_PLACE, sqlalchemy.BigInteger) \
        + col(EvidenceRow.start)
    first = (select(col(EvidenceRow.record_id), func.min(place).label("place"))
             .where(*scope)
             .group_by(col(EvidenceRow.record_id))
             .subquery())
    query = (sqlalchemy.select(col(RecordRow.id), col(RecordRow.kind), col(RecordRow.key),
                               col(RecordRow.name_en), col(RecordRow.name_zh),
                               col(RecordRow.status), first.c.place)
             .join(first, first.c.record_id == col(RecordRow.id), isouter=not scope)
             .where(*_record_conditions(filters))
             .order_by(first.c.place.asc().nulls_last(), col(RecordRow.id)))
    return [
        QueueItem(record_id, RecordKind(kind), key, name_en, name_zh, ReviewStatus(status),
                  None if at is None else at // _PLACE, None if at is None else at % _PLACE)
        for record_id, kind, key, name_en, name_zh, status, at in session.execute(query)
    ]


def last_editor(session: Session, record_id: int) -> str | None:
    """Who made the latest edit of a record (status changes and comments aside)."""
    return session.exec(
        select(RevisionRow.changed_by)
        .where(RevisionRow.record_id == record_id, col(RevisionRow.action).not_in(NOT_EDITS))
        .order_by(col(RevisionRow.id).desc())
        .limit(1)
    ).first()


def last_editors(session: Session) -> list[str]:
    """Everyone who made the latest edit of some record, by name."""
    last = _last_edits()
    names = session.exec(
        select(RevisionRow.changed_by).distinct()
        .join(last, last.c.revision_id == col(RevisionRow.id))
        .order_by(col(RevisionRow.changed_by))
    ).all()
    return list(names)


def document_status_counts(session: Session) -> dict[int, dict[ReviewStatus, int]]:
    """For each document, how many records with evidence in it stand at each status."""
    pairs = (select(col(EvidenceRow.document_id), col(EvidenceRow.record_id)).distinct()
             .subquery())
    rows = session.execute(
        sqlalchemy.select(pairs.c.document_id, col(RecordRow.status), func.count())
        .join(RecordRow, col(RecordRow.id) == pairs.c.record_id)
        .group_by(pairs.c.document_id, col(RecordRow.status))
    ).all()
    counts: dict[int, dict[ReviewStatus, int]] = defaultdict(dict)
    for document_id, status, count in rows:
        counts[document_id][ReviewStatus(status)] = count
    return dict(counts)


def evidence_places(session: Session, document_id: int) -> list[EvidencePlace]:
    """Where each evidence span of a document starts, with its record and that record's
    status, by offset."""
    rows = session.execute(
        sqlalchemy.select(col(EvidenceRow.start), col(EvidenceRow.record_id),
                          col(RecordRow.status))
        .join(RecordRow, col(RecordRow.id) == EvidenceRow.record_id)
        .where(col(EvidenceRow.document_id) == document_id)
        .order_by(col(EvidenceRow.start))
    ).all()
    return [EvidencePlace(start, record_id, ReviewStatus(status))
            for start, record_id, status in rows]


def records_with_stale_evidence(session: Session, record_ids: Iterable[int]) -> set[int]:
    """Those of the records having evidence whose quote is no longer the text at its offsets
    (compared in the database: only the ids come back, not the documents' texts)."""
    ids = list(record_ids)
    if not ids:
        return set()
    quoted = func.substr(col(DocumentRow.text), col(EvidenceRow.start) + 1,
                         col(EvidenceRow.end) - col(EvidenceRow.start))
    return set(session.exec(
        select(EvidenceRow.record_id).distinct()
        .join(DocumentRow, col(DocumentRow.id) == EvidenceRow.document_id)
        .where(col(EvidenceRow.record_id).in_(ids), quoted != col(EvidenceRow.exact))
    ).all())
