"""Evidence spans: adding them to records and finding them by record or by document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from curator.domain.evidence import Evidence, quote_span
from curator.domain.records import RecordKind
from curator.domain.translation import _
from curator.errors import RecordNotFound
from curator.store.documents import document_text
from curator.store.tables import AliasRow, EvidenceRow, RecordRow, RelationRow


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
    relation_id: int | None = None,
    alias_id: int | None = None,
) -> int:
    """Link ``text[start:end]`` of a document to a record as evidence; returns its id.

    With `relation_id` or `alias_id` the span supports that relation (written on this record)
    or that alias of it. Pass the document's `text` when the caller has it already, to spare
    reading it again.
    """
    if session.get(RecordRow, record_id) is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    _check_owner(session, record_id, relation_id, alias_id)
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
        relation_id=relation_id,
        alias_id=alias_id,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def _check_owner(
    session: Session, record_id: int, relation_id: int | None, alias_id: int | None
) -> None:
    """Refuse evidence of a relation or alias that is gone or belongs to another record."""
    if relation_id is not None:
        relation = session.get(RelationRow, relation_id)
        if relation is None:
            raise RecordNotFound(_("Relation {relation_id} no longer exists.").format(
                                     relation_id=relation_id))
        if relation.subject_id != record_id:
            raise ValueError(f"relation {relation_id} is not written on record {record_id}")
    if alias_id is not None:
        alias = session.get(AliasRow, alias_id)
        if alias is None:
            raise RecordNotFound(_("Alias {alias_id} no longer exists.").format(
                                     alias_id=alias_id))
        if alias.record_id != record_id:
            raise ValueError(f"alias {alias_id} is not an alias of record {record_id}")


def put_back_evidence(session: Session, spans: Iterable[Evidence], *, user: str) -> None:
    """Insert spans again under their old ids (undoing a removal); the caller flushes."""
    now = datetime.now(UTC)
    for span in spans:
        session.add(EvidenceRow(
            id=span.id, record_id=span.record_id, document_id=span.document_id,
            field=span.field, start=span.start, end=span.end, exact=span.exact,
            prefix=span.prefix, suffix=span.suffix, created_at=now, created_by=user,
            relation_id=span.relation_id, alias_id=span.alias_id,
        ))


def evidence_of(
    session: Session, *, relation_ids: Sequence[int] = (), alias_ids: Sequence[int] = ()
) -> list[Evidence]:
    """The spans supporting any of the given relations or aliases, in document order."""
    if not relation_ids and not alias_ids:
        return []
    rows = session.exec(
        _evidence_query()
        .where(or_(col(EvidenceRow.relation_id).in_(relation_ids),
                   col(EvidenceRow.alias_id).in_(alias_ids)))
        .order_by(col(EvidenceRow.document_id), col(EvidenceRow.start))
    ).all()
    return [_to_domain(*row) for row in rows]


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
        relation_id=row.relation_id,
        alias_id=row.alias_id,
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
        raise RecordNotFound(_("Evidence {evidence_id} no longer exists.").format(
                                 evidence_id=evidence_id))
    return record_id


def remove_evidence(session: Session, evidence_id: int) -> Evidence:
    """Delete one evidence span; returns it as it was."""
    found = session.exec(_evidence_query().where(EvidenceRow.id == evidence_id)).first()
    if found is None:
        raise RecordNotFound(_("Evidence {evidence_id} no longer exists.").format(
                                 evidence_id=evidence_id))
    row = found[0]
    session.delete(row)
    return _to_domain(*found)


def count_evidence(session: Session) -> int:
    """How many evidence spans the project holds."""
    return session.exec(select(func.count()).select_from(EvidenceRow)).one()
