"""The dashboard's counts, aggregated in SQL, on a small project whose counts are known."""

from __future__ import annotations

from curator.domain.records import RecordKind, ReviewStatus
from curator.services import browsing
from curator.services.dashboard import MonthCount, dashboard_data
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter
from tests.dashboard_project import build_known_project


def test_events_are_counted_by_month_and_type(database: ProjectDatabase) -> None:
    build_known_project(database)
    data = dashboard_data(database)
    assert data.events_by_month == [
        MonthCount("2012-06", "seminar/training", 1),
        MonthCount("2012-06", "visit abroad", 1),
        MonthCount("2012-08", "reception", 1),
    ]
    assert data.events_without_month == 2


def test_timeline_lists_dated_events_in_start_order(database: ProjectDatabase) -> None:
    known = build_known_project(database)
    data = dashboard_data(database)
    assert [span.record_id for span in data.timeline] == [
        known.ids["e2"], known.ids["e1"], known.ids["e3"], known.ids["e4"]]
    assert data.timeline[1].end == "2012-06-22"
    assert data.dated_events == 4


def test_statuses_are_counted_per_kind(database: ProjectDatabase) -> None:
    build_known_project(database)
    statuses = dashboard_data(database).statuses
    assert statuses[RecordKind.EVENT][ReviewStatus.APPROVED] == 1
    assert statuses[RecordKind.EVENT][ReviewStatus.NEEDS_REVIEW] == 1
    assert statuses[RecordKind.EVENT][ReviewStatus.DRAFT] == 3
    assert statuses[RecordKind.PERSON][ReviewStatus.DRAFT] == 2


def test_countries_count_events_held_there_or_relating_to_them_once(
    database: ProjectDatabase,
) -> None:
    build_known_project(database)
    assert dashboard_data(database).countries == [("BR", 2), ("CN", 2)]


def test_organizations_and_people_are_ranked_by_their_events(database: ProjectDatabase) -> None:
    known = build_known_project(database)
    data = dashboard_data(database)
    assert [(r.record_id, r.events) for r in data.organizations] == [
        (known.ids["o1"], 2), (known.ids["o2"], 2)]
    assert [(r.record_id, r.events) for r in data.people] == [
        (known.ids["p1"], 3), (known.ids["p2"], 1)]


def test_a_filter_narrows_every_chart(database: ProjectDatabase) -> None:
    known = build_known_project(database)
    data = dashboard_data(database, {RecordKind.EVENT: RecordFilter(text="Seminar")})
    assert data.events_by_month == [MonthCount("2012-06", "seminar/training", 1)]
    assert data.countries == [("BR", 1), ("CN", 1)]
    assert [(r.record_id, r.events) for r in data.people] == [(known.ids["p1"], 1)]
    assert sum(data.statuses[RecordKind.EVENT].values()) == 1
    assert sum(data.statuses[RecordKind.PERSON].values()) == 2  # people are not filtered


def _event_ids(database: ProjectDatabase, filters: RecordFilter) -> set[int]:
    return {summary.id for summary in browsing.filtered_page(database, RecordKind.EVENT,
                                                             filters)}


def test_each_bar_s_filter_lets_through_what_it_counts(database: ProjectDatabase) -> None:
    known = build_known_project(database)
    ids = known.ids
    assert _event_ids(database, RecordFilter(started_in="2012-06",
                                             event_type="visit abroad")) == {ids["e1"]}
    assert _event_ids(database, RecordFilter(event_type="")) == {ids["e5"]}
    assert _event_ids(database, RecordFilter(involves_country="BR")) == {ids["e1"], ids["e2"]}
    assert _event_ids(database, RecordFilter(related_to=ids["p1"])) == {
        ids["e1"], ids["e2"], ids["e3"]}
    assert _event_ids(database, RecordFilter(related_to=ids["o2"])) == {ids["e2"], ids["e4"]}


def test_a_filter_that_matches_no_event_counts_nothing(database: ProjectDatabase) -> None:
    build_known_project(database)
    data = dashboard_data(database, {RecordKind.EVENT: RecordFilter(text="no such event")})
    assert (data.events_by_month, data.timeline, data.countries, data.people) == ([], [], [], [])
    assert sum(data.statuses[RecordKind.EVENT].values()) == 0
