"""Counts for the dashboard, aggregated in SQL: events by month and type, review progress,
the countries, organizations and people most involved, and a timeline of events.

The event counts take an `EventScope` (`event_scope`: every event, or those a filter lets
through), so the dashboard can show either the project or what the record list shows. Most
counts read a covering index in the order they group by (migration 0007).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import sqlalchemy
from sqlalchemy import func, literal_column
from sqlmodel import Session, col

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.store.record_filters import RecordFilter, filtered_records
from curator.store.tables import EventDetailRow, RecordRow, RelationRow

MONTH_LENGTH = len("2015-03")
_EVENT_DETAIL: Any = EventDetailRow.__table__  # type: ignore[attr-defined]
_RECORD: Any = RecordRow.__table__  # type: ignore[attr-defined]
_RELATION: Any = RelationRow.__table__  # type: ignore[attr-defined]

EventScope = Any | None
"""Which events are counted: None for every event, else something `IN` tests ids against."""


def event_scope(session: Session, filters: RecordFilter) -> EventScope:
    """The events `filters` lets through, for the counts below (None: every event).

    On SQLite the filter runs once here and each count reads its ids back from a JSON array
    (`json_each`): as a subquery in each of the seven counts, a text filter over 100,000
    events (60 ms) ran seven times.
    """
    if filters.is_empty:
        return None
    query = filtered_records(session, RecordKind.EVENT, filters).with_only_columns(
        col(RecordRow.id))
    if session.get_bind().dialect.name != "sqlite":
        return query.scalar_subquery()
    ids = session.execute(query).scalars().all()
    listed = func.json_each(json.dumps(ids)).table_valued("value")
    return sqlalchemy.select(listed.c.value).scalar_subquery()


def _in_scope(column: Any, scope: EventScope) -> list[Any]:
    return [] if scope is None else [column.in_(scope)]


def events_by_month(session: Session, scope: EventScope) -> list[tuple[str, str, int]]:
    """(month "YYYY-MM", event type or "", count) of the events whose start date names a
    month, in month order."""
    detail = _EVENT_DETAIL.c
    # Literals, not parameters: SQLite then reads the expression index of migration 0007
    # (month, type) in order instead of sorting 100,000 rows (16 ms against 45 ms).
    month = func.substr(detail.start_date, literal_column("1"),
                        literal_column(str(MONTH_LENGTH)))
    event_type = func.coalesce(detail.event_type, literal_column("''"))
    query = (sqlalchemy.select(month, event_type, func.count())
             .where(func.length(detail.start_date) >= MONTH_LENGTH,
                    *_in_scope(detail.record_id, scope))
             .group_by(month, event_type)
             .order_by(month, event_type))
    return [(m, t, n) for m, t, n in session.execute(query).all()]


def events_without_month(session: Session, scope: EventScope) -> int:
    """How many events have no start date, or one that names only a year."""
    detail = _EVENT_DETAIL.c
    query = (sqlalchemy.select(func.count())
             .where(func.coalesce(func.length(detail.start_date), 0) < MONTH_LENGTH,
                    *_in_scope(detail.record_id, scope)))
    return int(session.execute(query).scalar_one())


def event_spans(
    session: Session, scope: EventScope, *, limit: int
) -> tuple[list[tuple[int, str, str, str, str, str, str | None]], int]:
    """The latest-starting dated events, at most `limit`, as (id, key, name_en, name_zh,
    type or "", start, end or None) in start order; and how many dated events there are."""
    detail, record = _EVENT_DETAIL.c, _RECORD.c
    # "> ''" rather than "<> ''": a range of the start-date index, read backwards below.
    dated = [detail.start_date > "", *_in_scope(detail.record_id, scope)]
    latest = (sqlalchemy.select(record.id, record.key, record.name_en, record.name_zh,
                                func.coalesce(detail.event_type, ""), detail.start_date,
                                detail.end_date)
              .join(_RECORD, record.id == detail.record_id)
              .where(*dated)
              .order_by(detail.start_date.desc(), detail.record_id.desc())
              .limit(limit))
    rows = [tuple(row) for row in session.execute(latest).all()]
    total = session.execute(sqlalchemy.select(func.count()).where(*dated)).scalar_one()
    return list(reversed(rows)), int(total)


def status_counts(
    session: Session, filters: dict[RecordKind, RecordFilter], events: EventScope
) -> dict[RecordKind, dict[ReviewStatus, int]]:
    """Records per kind and review status (zero included), each kind under its filter (the
    events' already read into `events`, their scope)."""
    counts = {kind: dict.fromkeys(ReviewStatus, 0) for kind in RecordKind}
    record = _RECORD.c
    unfiltered = [kind for kind in RecordKind if filters.get(kind, RecordFilter()).is_empty]
    queries = []
    if unfiltered:
        condition = ([] if len(unfiltered) == len(RecordKind)
                     else [record.kind.in_([kind.value for kind in unfiltered])])
        queries.append(sqlalchemy.select(record.kind, record.status, func.count())
                       .where(*condition)
                       .group_by(record.kind, record.status))
    for kind, kind_filter in filters.items():
        if kind in unfiltered:
            continue
        if kind is RecordKind.EVENT and events is not None:
            queries.append(sqlalchemy.select(record.kind, record.status, func.count())
                           .where(record.id.in_(events))
                           .group_by(record.kind, record.status))
            continue
        subquery = filtered_records(session, kind, kind_filter).subquery()
        queries.append(sqlalchemy.select(subquery.c.kind, subquery.c.status, func.count())
                       .group_by(subquery.c.kind, subquery.c.status))
    for query in queries:
        for kind, status, count in session.execute(query).all():
            counts[RecordKind(kind)][ReviewStatus(status)] = count
    return counts


def top_countries(session: Session, scope: EventScope, *, limit: int) -> list[tuple[str, int]]:
    """(ISO code, events) of the countries most events are held in or relate to; an event
    held in a country and relating to it too counts once."""
    detail, relation = _EVENT_DETAIL.c, _RELATION.c
    related_kind = relation.kind == RelationKind.EVENT_COUNTRY.value
    # Three counts that each read an index in country order: held + related - both. A UNION
    # of the (event, country) pairs sorted 150,000 of them to drop the duplicates (80 ms).
    held = (sqlalchemy.select(detail.country, func.count())
            .where(detail.country > "", *_in_scope(detail.record_id, scope))
            .group_by(detail.country))
    related = (sqlalchemy.select(relation.country_code, func.count(relation.subject_id.distinct()))
               .where(related_kind, relation.country_code.is_not(None),
                      *_in_scope(relation.subject_id, scope))
               .group_by(relation.country_code))
    both = (sqlalchemy.select(relation.country_code, func.count(relation.subject_id.distinct()))
            .join(_EVENT_DETAIL, sqlalchemy.and_(detail.record_id == relation.subject_id,
                                                 detail.country == relation.country_code))
            .where(related_kind, *_in_scope(relation.subject_id, scope))
            .group_by(relation.country_code))
    events: Counter[str] = Counter()
    for query, sign in ((held, 1), (related, 1), (both, -1)):
        for code, count in session.execute(query).all():
            events[code] += sign * count
    return sorted(events.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]


def top_related_records(
    session: Session, relation_kind: RelationKind, scope: EventScope, *, limit: int
) -> list[tuple[int, str, str, str, int]]:
    """(id, key, name_en, name_zh, events) of the records most events relate to by
    `relation_kind` (participants: people; event organizations: organizations)."""
    relation = _RELATION.c
    record = _RECORD.c
    events = func.count(relation.subject_id.distinct()).label("events")
    ranked = (sqlalchemy.select(relation.object_id, events)
              .where(relation.kind == relation_kind.value,
                     relation.object_id.is_not(None),
                     *_in_scope(relation.subject_id, scope))
              .group_by(relation.object_id)
              .order_by(events.desc(), relation.object_id)
              .limit(limit)
              .subquery())
    query = (sqlalchemy.select(record.id, record.key, record.name_en, record.name_zh,
                               ranked.c.events)
             .join(ranked, ranked.c.object_id == record.id)
             .order_by(ranked.c.events.desc(), record.id))
    return [(i, key, en, zh, n) for i, key, en, zh, n in session.execute(query).all()]
