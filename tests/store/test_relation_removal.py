"""Deleting a record takes its relations and aliases along; undoing it brings them back."""

from __future__ import annotations

from curator.domain.records import RecordKind
from curator.domain.relations import Relation, RelationKind
from curator.store.aliases import add_alias, aliases_of
from curator.store.database import ProjectDatabase
from curator.store.evidence import add_evidence, evidence_for_record
from curator.store.records import create_record
from curator.store.relations import add_relation, relations_of
from curator.store.removal import delete_record, restore_record
from curator.store.revisions import record_history


def _visit_headed_by_zheng(database: ProjectDatabase, document_id: int) -> tuple[int, int, int]:
    """Ids of an event, its head of delegation and that relation (with evidence)."""
    with database.unit_of_work() as session:
        event = create_record(session, RecordKind.EVENT, user="u", name_en="Visit")
        person = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai")
        relation = add_relation(session, Relation(
            0, RelationKind.PARTICIPANT, event.id, person.id, None, role="head of delegation",
        ), user="u", expected_version=None)
        add_evidence(session, event.id, document_id, 30, 40, user="u", relation_id=relation.id)
        add_alias(session, person.id, "Mr. Zheng", user="u", expected_version=None)
        return event.id, person.id, relation.id


def test_deleting_a_person_removes_their_part_in_the_event(
    database: ProjectDatabase, sample_document: int
) -> None:
    event, person, _ = _visit_headed_by_zheng(database, sample_document)
    with database.unit_of_work() as session:
        delete_record(session, person, user="u")
    with database.unit_of_work() as session:
        assert relations_of(session, event) == []
        assert evidence_for_record(session, event) == []
        note = record_history(session, event)[-1]
    assert (note.action, note.old_value) == (
        "relation", "P-0001 Zheng Wenkai as head of delegation (P-0001 deleted)")


def test_restoring_a_person_brings_back_relation_evidence_and_aliases(
    database: ProjectDatabase, sample_document: int
) -> None:
    event, person, relation = _visit_headed_by_zheng(database, sample_document)
    with database.unit_of_work() as session:
        evidence_id = evidence_for_record(session, event)[0].id
        deleted = delete_record(session, person, user="u")
    with database.unit_of_work() as session:
        restore_record(session, deleted, user="u")
    with database.unit_of_work() as session:
        [view] = relations_of(session, event)
        [span] = evidence_for_record(session, event)
        aliases = [alias.text for alias in aliases_of(session, person)]
        versions = [r.version for r in record_history(session, event)]
    assert (view.relation.id, view.relation.role, span.id, span.relation_id) == (
        relation, "head of delegation", evidence_id, relation)
    assert aliases == ["Mr. Zheng"]
    assert versions[-1] == versions[-2]  # noted on the event without a new version


def test_restoring_an_event_brings_back_its_participants(
    database: ProjectDatabase, sample_document: int
) -> None:
    event, _, relation = _visit_headed_by_zheng(database, sample_document)
    with database.unit_of_work() as session:
        deleted = delete_record(session, event, user="u")
    with database.unit_of_work() as session:
        restore_record(session, deleted, user="u")
    with database.unit_of_work() as session:
        assert [v.relation.id for v in relations_of(session, event)] == [relation]
        assert [e.relation_id for e in evidence_for_record(session, event)] == [relation]


def test_undoing_two_deletions_in_turn_brings_the_relation_back(
    database: ProjectDatabase, sample_document: int
) -> None:
    event, person, relation = _visit_headed_by_zheng(database, sample_document)
    with database.unit_of_work() as session:
        person_gone = delete_record(session, person, user="u")
        event_gone = delete_record(session, event, user="u")
    with database.unit_of_work() as session:  # undo runs the other way round
        restore_record(session, event_gone, user="u")
        restore_record(session, person_gone, user="u")
    with database.unit_of_work() as session:
        assert [v.relation.id for v in relations_of(session, person)] == [relation]
