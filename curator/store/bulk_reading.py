"""Reading a whole project in bulk, as plain rows: what exports and workbook imports need.

Core selects over a few joined tables, not one ORM object per row: reading 100,000 records
this way costs little more than SQLite's own time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlmodel import Session

from curator.domain.records import DETAIL_FIELDS, Record, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.store.tables import (
    DETAIL_TABLES,
    AliasRow,
    EvidenceRow,
    RecordRow,
    RelationRow,
    RevisionRow,
)

_RECORD = RecordRow.__table__  # type: ignore[attr-defined]
_EVIDENCE = EvidenceRow.__table__  # type: ignore[attr-defined]
_RELATION = RelationRow.__table__  # type: ignore[attr-defined]
_ALIAS = AliasRow.__table__  # type: ignore[attr-defined]
_REVISION = RevisionRow.__table__  # type: ignore[attr-defined]


def _fetch(session: Session, query: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of a Core select straight from the database driver's cursor, in batches.

    SQLAlchemy's result objects cost more than SQLite's own work for a few hundred thousand
    rows; the driver's tuples do not. Same connection, so same transaction. Values come as
    the driver gives them: `_moment` reads SQLite's timestamps.
    """
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect,
                             compile_kwargs={"render_postcompile": True})
    parameters = compiled.construct_params()
    arguments: Any = parameters
    if compiled.positiontup is not None:
        arguments = [parameters[name] for name in compiled.positiontup]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), arguments)
        while batch := cursor.fetchmany(10_000):
            yield from batch
    finally:
        cursor.close()


def _moment(value: Any) -> datetime:
    """A timestamp as stored: SQLite's text, or PostgreSQL's datetime; in UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def records_of_kind(
    session: Session, kind: RecordKind, *, statuses: Collection[ReviewStatus] = ()
) -> list[Record]:
    """Every record of `kind` (of `statuses`, if any are named) with its details, by key."""
    names = [spec.name for spec in DETAIL_FIELDS[kind]]
    statuses_by_value = {status.value: status for status in ReviewStatus}
    return [
        Record(row[0], kind, row[1], row[2], row[3], statuses_by_value[row[4]], row[5],
               _moment(row[6]), row[7], _moment(row[8]), row[9],
               dict(zip(names, row[10:], strict=True)))
        for row in record_rows(session, kind, statuses=statuses)
    ]


def record_rows(
    session: Session, kind: RecordKind, *, statuses: Collection[ReviewStatus] = ()
) -> Iterator[tuple[Any, ...]]:
    """Every record of `kind` (of `statuses`, if any are named) as the driver's rows, by key,
    read as they are consumed: id, key, name_en, name_zh, status value, version, created_at,
    created_by, updated_at, updated_by (times as stored: see `stored_time_text`), then the
    kind's detail fields in the order of DETAIL_FIELDS."""
    detail = DETAIL_TABLES[kind.value].__table__  # type: ignore[attr-defined]
    query = (
        select(_RECORD.c.id, _RECORD.c.key, _RECORD.c.name_en, _RECORD.c.name_zh,
               _RECORD.c.status, _RECORD.c.version, _RECORD.c.created_at, _RECORD.c.created_by,
               _RECORD.c.updated_at, _RECORD.c.updated_by,
               *(detail.c[spec.name] for spec in DETAIL_FIELDS[kind]))
        .select_from(_RECORD.outerjoin(detail, detail.c.record_id == _RECORD.c.id))
        .where(_RECORD.c.kind == kind.value)
        .order_by(_RECORD.c.number)
    )
    if statuses:
        query = query.where(_RECORD.c.status.in_([status.value for status in statuses]))
    return _fetch(session, query)


def record_counts(
    session: Session, *, statuses: Collection[ReviewStatus] = ()
) -> dict[RecordKind, int]:
    """How many records of each kind there are (of `statuses`, if any are named)."""
    query = select(_RECORD.c.kind, func.count()).group_by(_RECORD.c.kind)
    if statuses:
        query = query.where(_RECORD.c.status.in_([status.value for status in statuses]))
    counts = dict.fromkeys(RecordKind, 0)
    for kind, count in _fetch(session, query):
        counts[RecordKind(kind)] = count
    return counts


def stored_time_text(value: Any) -> str:
    """A stored timestamp as ISO 8601 text in UTC with its offset, as `datetime.isoformat`
    writes it.

    SQLite keeps SQLAlchemy's naive UTC text ("2024-01-02 03:04:05.000000"), which is
    rearranged rather than parsed: an export writes two per record, and parsing them cost
    more than reading the rows. Anything else (PostgreSQL's datetimes) goes the long way.
    """
    if isinstance(value, str) and len(value) == 26 and value[10] == " " and value[19] == ".":
        fraction = "" if value[20:] == "000000" else value[19:]
        return f"{value[:10]}T{value[11:19]}{fraction}+00:00"
    return _moment(value).astimezone(UTC).isoformat()


class EvidenceRowLine(NamedTuple):
    """One evidence span with its record's key and kind."""

    record_id: int
    record_key: str
    record_kind: RecordKind
    document_id: int
    start: int
    end: int
    quote: str
    field: str | None


def evidence_lines(session: Session) -> Iterator[EvidenceRowLine]:
    """Every evidence span, by document and start."""
    query = (
        select(_EVIDENCE.c.record_id, _RECORD.c.key, _RECORD.c.kind, _EVIDENCE.c.document_id,
               _EVIDENCE.c.start, _EVIDENCE.c.end, _EVIDENCE.c.exact, _EVIDENCE.c.field)
        .select_from(_EVIDENCE.join(_RECORD, _RECORD.c.id == _EVIDENCE.c.record_id))
        .order_by(_EVIDENCE.c.document_id, _EVIDENCE.c.start, _EVIDENCE.c.id)
    )
    kinds = {kind.value: kind for kind in RecordKind}
    for row in _fetch(session, query):
        yield EvidenceRowLine(row[0], row[1], kinds[row[2]], *row[3:])


def evidence_rows(session: Session) -> Iterator[tuple[int, int, int, int, str, str | None]]:
    """Every evidence span as the driver's rows, by record, then document and start: record
    id, document id, start, end, quote, field. No join: the quickest way to group spans by
    record."""
    query = (
        select(_EVIDENCE.c.record_id, _EVIDENCE.c.document_id, _EVIDENCE.c.start,
               _EVIDENCE.c.end, _EVIDENCE.c.exact, _EVIDENCE.c.field)
        .order_by(_EVIDENCE.c.record_id, _EVIDENCE.c.document_id, _EVIDENCE.c.start,
                  _EVIDENCE.c.id)
    )
    return _fetch(session, query)


class RelationRowLine(NamedTuple):
    """One relation with the key and names of both sides (a country: code, no names)."""

    id: int
    kind: RelationKind
    subject_id: int
    subject_key: str
    subject_name_en: str
    subject_name_zh: str
    object_key: str
    object_name_en: str
    object_name_zh: str
    role: str | None
    title: str | None
    start_date: str | None
    end_date: str | None


def relation_lines(session: Session) -> list[RelationRowLine]:
    """Every relation, by kind, then its subject's key, then the order they were added."""
    subject, other = _RECORD.alias("subject"), _RECORD.alias("other")
    query = (
        select(_RELATION.c.id, _RELATION.c.kind, _RELATION.c.subject_id, subject.c.key,
               subject.c.name_en, subject.c.name_zh, other.c.key, other.c.name_en,
               other.c.name_zh, _RELATION.c.country_code, _RELATION.c.role, _RELATION.c.title,
               _RELATION.c.start_date, _RELATION.c.end_date)
        .select_from(_RELATION.join(subject, subject.c.id == _RELATION.c.subject_id)
                     .outerjoin(other, other.c.id == _RELATION.c.object_id))
        .order_by(subject.c.kind, subject.c.number, _RELATION.c.id)
    )
    order = {kind.value: index for index, kind in enumerate(RelationKind)}
    kinds = {kind.value: kind for kind in RelationKind}
    rows = sorted(_fetch(session, query), key=lambda row: order[row[1]])
    return [_relation_line(row, kinds) for row in rows]


def _relation_line(row: Sequence[Any], kinds: dict[str, RelationKind]) -> RelationRowLine:
    (relation_id, kind, subject_id, subject_key, subject_en, subject_zh, object_key, object_en,
     object_zh, code, role, title, start, end) = row
    if object_key is None:
        object_key, object_en, object_zh = code or "", "", ""
    return RelationRowLine(relation_id, kinds[kind], subject_id, subject_key, subject_en,
                           subject_zh, object_key, object_en, object_zh, role, title, start, end)


class AliasRowLine(NamedTuple):
    """One alias with its record's id, key and kind."""

    id: int
    record_id: int
    record_key: str
    record_kind: RecordKind
    text: str


def alias_lines(session: Session) -> list[AliasRowLine]:
    """Every alias, by record kind and key, then the order they were added."""
    query = (
        select(_ALIAS.c.id, _ALIAS.c.record_id, _RECORD.c.key, _RECORD.c.kind, _ALIAS.c.text)
        .select_from(_ALIAS.join(_RECORD, _RECORD.c.id == _ALIAS.c.record_id))
        .order_by(_RECORD.c.kind, _RECORD.c.number, _ALIAS.c.id)
    )
    kinds = {kind.value: kind for kind in RecordKind}
    return [AliasRowLine(row[0], row[1], row[2], kinds[row[3]], row[4])
            for row in _fetch(session, query)]


@dataclass(frozen=True)
class FieldChange:
    """One revision of a field, as conflict detection reads it."""

    record_id: int
    version: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    changed_by: str
    changed_at: datetime


def changes_since(
    session: Session, versions: dict[int, int]
) -> dict[int, list[FieldChange]]:
    """For each record id, the revisions written after the version given for it, oldest
    first (records whose version did not move are not asked about)."""
    found: dict[int, list[FieldChange]] = {}
    ids = list(versions)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        query = (
            select(_REVISION.c.record_id, _REVISION.c.version, _REVISION.c.action,
                   _REVISION.c.field, _REVISION.c.old_value, _REVISION.c.new_value,
                   _REVISION.c.changed_by, _REVISION.c.changed_at)
            .where(_REVISION.c.record_id.in_(chunk))
            .order_by(_REVISION.c.id)
        )
        for row in _fetch(session, query):
            if row[1] > versions[row[0]]:
                found.setdefault(row[0], []).append(FieldChange(
                    row[0], row[1], row[2], row[3], row[4], row[5], row[6], _moment(row[7])))
    return found


def record_ids_by_key(session: Session) -> dict[str, tuple[int, RecordKind, int]]:
    """Every record's id, kind and version by key."""
    query = select(_RECORD.c.key, _RECORD.c.id, _RECORD.c.kind, _RECORD.c.version)
    kinds = {kind.value: kind for kind in RecordKind}
    return {row[0]: (row[1], kinds[row[2]], row[3]) for row in _fetch(session, query)}

