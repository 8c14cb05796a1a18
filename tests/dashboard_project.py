"""A small project whose dashboard counts are known, built through the services."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.records import FieldValue, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.services import editing, relating
from curator.store.database import ProjectDatabase


@dataclass(frozen=True)
class KnownProject:
    """Record ids by a short name (e1…e5, p1, p2, o1, o2)."""

    ids: dict[str, int]


def _record(database: ProjectDatabase, kind: RecordKind, name: str,
            **fields: FieldValue) -> int:
    record = relating.create_named_record(database, kind, name)
    for field_name, value in fields.items():
        record = editing.edit_field(database, record.id, field_name, value,
                                    expected_version=record.version)
    return record.id


def _status(database: ProjectDatabase, record_id: int, status: ReviewStatus) -> None:
    record = editing.load_record(database, record_id)
    editing.change_status(database, record_id, status, expected_version=record.version)


def build_known_project(database: ProjectDatabase) -> KnownProject:
    """Five events (three dated by month, one by year, one undated), two people, two
    organizations; countries BR and CN; relations as the dashboard tests count them.

    By month: 2012-06 visit abroad 1, seminar/training 1; 2012-08 reception 1; two events
    without a month. Countries: BR 2, CN 2. Organizations: O1 2, O2 2. People: P1 3, P2 1.
    Events by status: approved 1, needs review 1, draft 3.
    """
    event = RecordKind.EVENT
    ids = {
        "e1": _record(database, event, "Visit to Brazil", event_type="visit abroad",
                      start_date="2012-06-12", end_date="2012-06-22", country="BR"),
        "e2": _record(database, event, "Seminar in Beijing", event_type="seminar/training",
                      start_date="2012-06-01", end_date="2012-06-05", country="CN"),
        "e3": _record(database, event, "Reception of guests", event_type="reception",
                      start_date="2012-08-03", country="CN"),
        "e4": _record(database, event, "Forum on poverty", event_type="conference/forum",
                      start_date="2013"),
        "e5": _record(database, event, "Undated exchange"),
        "p1": _record(database, RecordKind.PERSON, "Zheng Wenkai (郑文凯)"),
        "p2": _record(database, RecordKind.PERSON, "Fan Xiaojian (范小建)"),
        "o1": _record(database, RecordKind.ORGANIZATION, "IPRCC"),
        "o2": _record(database, RecordKind.ORGANIZATION, "LGOP"),
    }
    for event_name, person in (("e1", "p1"), ("e1", "p2"), ("e2", "p1"), ("e3", "p1")):
        relating.add_relation(database, RelationKind.PARTICIPANT, ids[event_name],
                              object_id=ids[person])
    for event_name, organization in (("e1", "o1"), ("e2", "o1"), ("e2", "o2"), ("e4", "o2")):
        relating.add_relation(database, RelationKind.EVENT_ORGANIZATION, ids[event_name],
                              object_id=ids[organization])
    relating.add_relation(database, RelationKind.EVENT_COUNTRY, ids["e2"], country="BR")
    relating.add_relation(database, RelationKind.EVENT_COUNTRY, ids["e1"], country="BR")
    _status(database, ids["e1"], ReviewStatus.APPROVED)
    _status(database, ids["e2"], ReviewStatus.NEEDS_REVIEW)
    return KnownProject(ids)
