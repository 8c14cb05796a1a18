"""Which records of a kind a list shows, and in what order: filters and sorting in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from curator.domain.country_fields import COUNTRY_FIELDS
from curator.domain.dates import parse_partial_date
from curator.domain.records import DETAIL_FIELDS, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.domain.translation import _
from curator.errors import InvalidValue
from curator.store.tables import DETAIL_TABLES, EvidenceRow, RecordRow, RelationRow

RECORD_COLUMNS = ("key", "name_en", "name_zh", "status", "created_at", "created_by",
                  "updated_at", "updated_by")
"""Columns every kind's list sorts by, beside the kind's own fields."""
_AFTER_ANY_DAY = "~"  # sorts after "-" and digits: "2012~" comes after every day of 2012


@dataclass(frozen=True)
class RecordFilter:
    """What a record list is narrowed to; None means any."""

    text: str = ""
    """Part of the key or a name."""
    status: ReviewStatus | None = None
    document_id: int | None = None
    """Records with evidence in this document."""
    country: str | None = None
    """An ISO country code, in the kind's country field (nationality for people)."""
    date_from: str | None = None
    """Events that end on or after this (partial) date."""
    date_to: str | None = None
    """Events that start on or before this (partial) date."""
    event_type: str | None = None
    """Events of this type ("" for events without a type)."""
    started_in: str | None = None
    """Events whose start date lies in this year or month ("2015", "2015-03")."""
    involves_country: str | None = None
    """Events held in this ISO country or relating to it (an event-country relation)."""
    related_to: int | None = None
    """Records with a relation to this record, in either direction."""

    @property
    def is_empty(self) -> bool:
        """Whether the filter lets every record of a kind through."""
        return self == RecordFilter()


def sortable_columns(kind: RecordKind) -> tuple[str, ...]:
    """The columns a list of `kind` can be sorted by."""
    return RECORD_COLUMNS + tuple(spec.name for spec in DETAIL_FIELDS[kind])


def _text_condition(session: Session, text: str) -> Any:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    columns = (col(RecordRow.key), col(RecordRow.name_en), col(RecordRow.name_zh))
    if session.get_bind().dialect.name == "sqlite":
        # SQLite's LIKE already ignores ASCII case; ILIKE's lower() on both sides costs 2x.
        return or_(*(c.like(pattern, escape="\\") for c in columns))
    return or_(*(c.ilike(pattern, escape="\\") for c in columns))


def _iso(value: str, label: str) -> str:
    try:
        return parse_partial_date(value).iso()
    except ValueError as error:
        raise InvalidValue(_("{label}: {error}").format(label=label, error=error)) from error


def _date_conditions(detail: Any, filters: RecordFilter) -> list[Any]:
    """Events whose span (start to end, or the start alone) meets the filter's range; a
    partial date covers its whole year or month."""
    if "start_date" not in detail.__table__.c:
        raise ValueError("Only events have dates to filter by.")
    start = func.coalesce(detail.start_date, detail.end_date)
    end = func.coalesce(detail.end_date, detail.start_date)
    conditions = []
    if filters.date_from:
        conditions.append(end + _AFTER_ANY_DAY >= _iso(filters.date_from, "From"))
    if filters.date_to:
        conditions.append(start <= _iso(filters.date_to, "To") + _AFTER_ANY_DAY)
    return conditions


def _conditions(session: Session, kind: RecordKind, filters: RecordFilter) -> list[Any]:
    detail = DETAIL_TABLES[kind.value]
    conditions: list[Any] = [RecordRow.kind == kind.value]
    if filters.text.strip():
        conditions.append(_text_condition(session, filters.text.strip()))
    if filters.status is not None:
        conditions.append(RecordRow.status == filters.status.value)
    if filters.document_id is not None:
        conditions.append(exists().where(and_(
            col(EvidenceRow.record_id) == col(RecordRow.id),
            col(EvidenceRow.document_id) == filters.document_id)))
    if filters.country:
        field = getattr(detail, COUNTRY_FIELDS[kind][0])
        conditions.append(field == filters.country.strip().upper())
    if filters.date_from or filters.date_to:
        conditions += _date_conditions(detail, filters)
    return conditions + _event_conditions(detail, filters) + _relation_conditions(filters)


def _event_conditions(detail: Any, filters: RecordFilter) -> list[Any]:
    """The conditions only events have: type, month of start, country involved."""
    if filters.event_type is None and not filters.started_in and not filters.involves_country:
        return []
    if "event_type" not in detail.__table__.c:
        raise ValueError("Only events have a type, a start date and countries involved.")
    conditions: list[Any] = []
    if filters.event_type is not None:
        conditions.append(func.coalesce(detail.event_type, "") == filters.event_type)
    if filters.started_in:
        conditions.append(detail.start_date.like(f"{filters.started_in}%"))
    if filters.involves_country:
        code = filters.involves_country.strip().upper()
        conditions.append(or_(detail.country == code, exists().where(and_(
            col(RelationRow.subject_id) == col(RecordRow.id),
            col(RelationRow.kind) == RelationKind.EVENT_COUNTRY.value,
            col(RelationRow.country_code) == code))))
    return conditions


def _relation_conditions(filters: RecordFilter) -> list[Any]:
    if filters.related_to is None:
        return []
    other = filters.related_to
    return [exists().where(or_(
        and_(col(RelationRow.subject_id) == col(RecordRow.id), col(RelationRow.object_id) == other),
        and_(col(RelationRow.object_id) == col(RecordRow.id), col(RelationRow.subject_id) == other),
    ))]


def filtered_records(
    session: Session, kind: RecordKind, filters: RecordFilter
) -> SelectOfScalar[RecordRow]:
    """A query of the records of `kind` the filter lets through (with their detail rows
    joined, for filtering and sorting by their fields)."""
    detail = DETAIL_TABLES[kind.value]
    return (select(RecordRow)
            .join(detail, col(detail.record_id) == RecordRow.id, isouter=True)  # type: ignore[attr-defined]
            .where(*_conditions(session, kind, filters)))


def ordered(
    query: SelectOfScalar[RecordRow], kind: RecordKind, *, order_by: str, descending: bool
) -> SelectOfScalar[RecordRow]:
    """`query` sorted by a column (empty values last), then by key."""
    if order_by not in sortable_columns(kind):
        raise ValueError(f"{kind.plural_label} cannot be sorted by {order_by!r}.")
    if order_by == "key":
        column = col(RecordRow.number)
    elif order_by in RECORD_COLUMNS:
        column = getattr(RecordRow, order_by)
    else:
        column = getattr(DETAIL_TABLES[kind.value], order_by)
    direction = column.desc() if descending else column.asc()
    return query.order_by(direction.nulls_last(), col(RecordRow.number))
