"""A few example records in the demo project, so a new user sees what Curator makes: two
events, a person and two organizations, each quoting the demo chapter, related as a curator
would relate them. Made through the same services as the window's edits."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.records import FieldValue, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.services import annotating, editing, relating
from curator.store.database import ProjectDatabase


@dataclass(frozen=True)
class Example:
    """A record to make from the first occurrence of `phrase` (after `after`, if given)."""

    name: str
    kind: RecordKind
    phrase: str
    fields: dict[str, FieldValue]
    status: ReviewStatus = ReviewStatus.DRAFT
    after: str = ""


EXAMPLES = (
    Example("zheng", RecordKind.PERSON, "Zheng Wenkai", {
        "name_zh": "郑文凯", "position": "Vice Minister of LGOP", "nationality": "CN"},
        ReviewStatus.APPROVED),
    Example("lgop", RecordKind.ORGANIZATION, "State Council Leading Group Office of Poverty "
            "Alleviation and Development", {
                "name_zh": "国务院扶贫开发领导小组办公室", "acronym": "LGOP",
                "org_kind": "government", "country": "CN"}, ReviewStatus.APPROVED),
    Example("iprcc", RecordKind.ORGANIZATION, "International Poverty Reduction Center in China",
            {"name_zh": "中国国际扶贫中心", "acronym": "IPRCC", "org_kind": "research institute",
             "country": "CN"}),
    Example("rio", RecordKind.EVENT, "headed a delegation to attend the United Nations "
            "Conference on Sustainable Development", {
                "name_en": "Delegation to the UN Conference on Sustainable Development (Rio+20)",
                "event_type": "visit abroad", "start_date": "2012-06-12",
                "end_date": "2012-06-22", "country": "BR"}, ReviewStatus.NEEDS_REVIEW),
    Example("giz", RecordKind.EVENT, "met with a GIZ delegation", {
        "name_en": "Meeting with a GIZ delegation", "event_type": "reception",
        "start_date": "2012-05-30", "country": "CN"}),
)
RELATIONS = (
    (RelationKind.PARTICIPANT, "rio", "zheng", "head of delegation"),
    (RelationKind.PARTICIPANT, "giz", "zheng", "met with"),
    (RelationKind.EVENT_ORGANIZATION, "rio", "lgop", None),
    (RelationKind.AFFILIATION, "zheng", "lgop", None),
)


def add_examples(database: ProjectDatabase, document_id: int, text: str) -> int:
    """Make the example records in the demo document; how many were made (an example whose
    words the document lacks is left out)."""
    made: dict[str, int] = {}
    for example in EXAMPLES:
        start = text.find(example.phrase)
        if start < 0:
            continue
        record = annotating.create_record_from_selection(
            database, example.kind, document_id, start, start + len(example.phrase))
        for name, value in example.fields.items():
            record = editing.edit_field(database, record.id, name, value,
                                        expected_version=record.version)
        if example.status is not ReviewStatus.DRAFT:
            editing.change_status(database, record.id, example.status,
                                  expected_version=record.version)
        made[example.name] = record.id
    for kind, subject, other, role in RELATIONS:
        if subject in made and other in made:
            relating.add_relation(database, kind, made[subject], object_id=made[other],
                                  role=role)
    return len(made)
