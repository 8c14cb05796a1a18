"""Counts for the dashboard, aggregated in SQL: events by month and type, review progress,
the countries, organizations and people most involved, and a timeline of events.

Every query takes a `RecordFilter` for events (an empty one: the whole project), so the
dashboard can show either the project or what the record list shows.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy
from sqlalchemy import func, union
from sqlmodel import Session, col

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.store.record_filters import RecordFilter, filtered_records
from curator.store.tables import EventDetailRow, RecordRow, RelationRow

MONTH_LENGTH = len("2015-03")
_EVENT_DETAIL: Any = EventDetailRow.__table__  # type: ignore[attr-defined]
_RECORD: Any = RecordRow.__table__  # type: ignore[attr-defined]
_RELATION: Any = RelationRow.__table__  # type: ignore[attr-defined]


def _event_scope(session: Session, filters: RecordFilter) -> Any | None:
    """The ids of the events `filters` lets through, as a subquery (None: every event)."""
    if filters.is_empty:
        return None
    query = filtered_records(session, RecordKind.EVENT, filters).with_only_columns(
        col(RecordRow.id))
    return query.scalar_subquery()


def _in_scope(column: Any, scope: Any | None) -> list[Any]:
    return [] if scope is None else [column.in_(scope)]


def events_by_month(session: Session, filters: RecordFilter) -> list[tuple[str, str, int]]:
    """(month "YYYY-MM", event type or "", count) of the events whose start date names a
    month, in month order."""
    detail = _EVENT_DETAIL.c
    month = func.substr(detail.start_date, 1, MONTH_LENGTH)
    event_type = func.coalesce(detail.event_type, "")
    query = (sqlalchemy.select(month, event_type, func.count())
             .where(func.length(detail.start_date) >= MONTH_LENGTH,
                    *_in_scope(detail.record_id, _event_scope(session, filters)))
             .group_by(month, event_type)
             .order_by(month, event_type))
    return [(m, t, n) for m, t, n in session.execute(query).all()]


def events_without_month(session: Session, filters: RecordFilter) -> int:
    """How many events have no start date, or one that names only a year."""
    detail = _EVENT_DETAIL.c
    query = (sqlalchemy.select(func.count())
             .where(func.coalesce(func.length(detail.start_date), 0) < MONTH_LENGTH,
                    *_in_scope(detail.record_id, _event_scope(session, filters))))
    return int(session.execute(query).scalar_one())


def event_spans(
    session: Session, filters: RecordFilter, *, limit: int
) -> tuple[list[tuple[int, str, str, str, str, str, str | None]], int]:
    """The latest-starting dated events, at most `limit`, as (id, key, name_en, name_zh,
    type or "", start, end or None) in start order; and how many dated events there are."""
    detail, record = _EVENT_DETAIL.c, _RECORD.c
    dated = [func.coalesce(detail.start_date, "") != "",
             *_in_scope(detail.record_id, _event_scope(session, filters))]
    latest = (sqlalchemy.select(record.id, record.key, record.name_en, record.name_zh,
                                func.coalesce(detail.event_type, ""), detail.start_date,
                                detail.end_date)
              .join(_RECORD, record.id == detail.record_id)
              .where(*dated)
              .order_by(detail.start_date.desc(), record.id.desc())
              .limit(limit))
    rows = [tuple(row) for row in session.execute(latest).all()]
    total = session.execute(sqlalchemy.select(func.count()).where(*dated)).scalar_one()
    return list(reversed(rows)), int(total)


def status_counts(
    session: Session, filters: dict[RecordKind, RecordFilter]
) -> dict[RecordKind, dict[ReviewStatus, int]]:
    """Records per kind and review status (zero included), each kind under its filter."""
    counts = {kind: dict.fromkeys(ReviewStatus, 0) for kind in RecordKind}
    record = _RECORD.c
    unfiltered = [kind for kind in RecordKind if filters.get(kind, RecordFilter()).is_empty]
    queries = []
    if unfiltered:
        # Every kind: one scan of the table (SQLite otherwise walks the kind index and looks
        # up each row, 1.4x as long at 170,000 records).
        condition = ([] if len(unfiltered) == len(RecordKind)
                     else [record.kind.in_([kind.value for kind in unfiltered])])
        queries.append(sqlalchemy.select(record.kind, record.status, func.count())
                       .with_hint(_RECORD, "NOT INDEXED", dialect_name="sqlite")
                       .where(*condition)
                       .group_by(record.kind, record.status))
    for kind, kind_filter in filters.items():
        if kind not in unfiltered:
            subquery = filtered_records(session, kind, kind_filter).subquery()
            queries.append(sqlalchemy.select(subquery.c.kind, subquery.c.status, func.count())
                           .group_by(subquery.c.kind, subquery.c.status))
    for query in queries:
        for kind, status, count in session.execute(query).all():
            counts[RecordKind(kind)][ReviewStatus(status)] = count
    return counts


def top_countries(
    session: Session, filters: RecordFilter, *, limit: int
) -> list[tuple[str, int]]:
    """(ISO code, events) of the countries most events are held in or relate to."""
    detail = _EVENT_DETAIL.c
    relation = _RELATION.c
    scope = _event_scope(session, filters)
    held = (sqlalchemy.select(detail.record_id.label("event_id"), detail.country.label("code"))
            .where(func.coalesce(detail.country, "") != "", *_in_scope(detail.record_id, scope)))
    related = (sqlalchemy.select(relation.subject_id.label("event_id"),
                                 relation.country_code.label("code"))
               .where(relation.kind == RelationKind.EVENT_COUNTRY.value,
                      *_in_scope(relation.subject_id, scope)))
    pairs = union(held, related).subquery()  # UNION: an event counts once per country
    events = func.count().label("events")
    query = (sqlalchemy.select(pairs.c.code, events)
             .group_by(pairs.c.code)
             .order_by(events.desc(), pairs.c.code)
             .limit(limit))
    return [(code, n) for code, n in session.execute(query).all()]


def top_related_records(
    session: Session, relation_kind: RelationKind, filters: RecordFilter, *, limit: int
) -> list[tuple[int, str, str, str, int]]:
    """(id, key, name_en, name_zh, events) of the records most events relate to by
    `relation_kind` (participants: people; event organizations: organizations)."""
    relation = _RELATION.c
    record = _RECORD.c
    events = func.count(relation.subject_id.distinct()).label("events")
    ranked = (sqlalchemy.select(relation.object_id, events)
              .where(relation.kind == relation_kind.value,
                     relation.object_id.is_not(None),
                     *_in_scope(relation.subject_id, _event_scope(session, filters)))
              .group_by(relation.object_id)
              .order_by(events.desc(), relation.object_id)
              .limit(limit)
              .subquery())
    query = (sqlalchemy.select(record.id, record.key, record.name_en, record.name_zh,
                               ranked.c.events)
             .join(ranked, ranked.c.object_id == record.id)
             .order_by(ranked.c.events.desc(), record.id))
    return [(i, key, en, zh, n) for i, key, en, zh, n in session.execute(query).all()]

