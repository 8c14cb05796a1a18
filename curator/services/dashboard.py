"""What the dashboard shows of a project, or of what a filter lets through: read in one go."""

from __future__ import annotations

from dataclasses import dataclass, field

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.store import aggregates
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter

TIMELINE_LIMIT = 60
"""Events drawn on the timeline at most (the latest); more would be unreadable bars."""
TOP_LIMIT = 10
"""Countries, organizations and people listed in each ranking."""


@dataclass(frozen=True)
class MonthCount:
    """Events of one type that started in one month."""

    month: str
    """"YYYY-MM"."""
    event_type: str
    """"" for events without a type."""
    events: int


@dataclass(frozen=True)
class EventSpan:
    """One event on the timeline, its dates as entered (partial dates allowed)."""

    record_id: int
    key: str
    name_en: str
    name_zh: str
    event_type: str
    start: str
    end: str | None


@dataclass(frozen=True)
class RankedRecord:
    """An organization or person, with how many events relate to it."""

    record_id: int
    key: str
    name_en: str
    name_zh: str
    events: int


@dataclass(frozen=True)
class DashboardData:
    """Every chart's counts for one scope."""

    events_by_month: list[MonthCount]
    events_without_month: int
    timeline: list[EventSpan]
    dated_events: int
    """Events with a start date in scope (the timeline shows the latest of them)."""
    statuses: dict[RecordKind, dict[ReviewStatus, int]]
    countries: list[tuple[str, int]]
    """(ISO code, events held in or relating to it), most first."""
    organizations: list[RankedRecord]
    people: list[RankedRecord]
    filters: dict[RecordKind, RecordFilter] = field(default_factory=dict)
    """The scope these counts are of (an empty dict: the whole project)."""


def dashboard_data(
    database: ProjectDatabase, filters: dict[RecordKind, RecordFilter] | None = None
) -> DashboardData:
    """The dashboard's counts for the records `filters` lets through (per kind; a kind
    missing or None: the whole project), in one unit of work."""
    scope = filters or {}
    events = scope.get(RecordKind.EVENT, RecordFilter())
    with database.unit_of_work() as session:
        scoped = aggregates.event_scope(session, events)
        spans, dated = aggregates.event_spans(session, scoped, limit=TIMELINE_LIMIT)
        return DashboardData(
            events_by_month=[MonthCount(*row) for row in
                             aggregates.events_by_month(session, scoped)],
            events_without_month=aggregates.events_without_month(session, scoped),
            timeline=[EventSpan(*row) for row in spans],
            dated_events=dated,
            statuses=aggregates.status_counts(session, scope, scoped),
            countries=aggregates.top_countries(session, scoped, limit=TOP_LIMIT),
            organizations=[RankedRecord(*row) for row in aggregates.top_related_records(
                session, RelationKind.EVENT_ORGANIZATION, scoped, limit=TOP_LIMIT)],
            people=[RankedRecord(*row) for row in aggregates.top_related_records(
                session, RelationKind.PARTICIPANT, scoped, limit=TOP_LIMIT)],
            filters=dict(scope),
        )
