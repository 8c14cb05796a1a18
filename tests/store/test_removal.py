"""Deleting a record and restoring it: same key, fields and evidence; history kept."""

import pytest

from curator.domain.records import RecordKind
from curator.errors import EditConflict, RecordNotFound
from curator.store.database import ProjectDatabase
from curator.store.evidence import add_evidence, evidence_for_record
from curator.store.records import create_record, get_record, update_field
from curator.store.removal import delete_record, restore_record
from curator.store.revisions import record_history


def _person_with_evidence(database: ProjectDatabase, document_id: int) -> int:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai")
        update_field(session, record.id, "position", "Vice Minister",
                     expected_version=record.version, user="u")
        add_evidence(session, record.id, document_id, 10, 20, user="u")
        return record.id


def test_deleted_record_and_its_evidence_are_gone(
    database: ProjectDatabase, sample_document: int
) -> None:
    record_id = _person_with_evidence(database, sample_document)
    with database.unit_of_work() as session:
        delete_record(session, record_id, user="u")
    with database.unit_of_work() as session:
        with pytest.raises(RecordNotFound):
            get_record(session, record_id)
        assert evidence_for_record(session, record_id) == []
        assert record_history(session, record_id)[-1].action == "delete"


def test_restored_record_has_its_key_fields_and_evidence_back(
    database: ProjectDatabase, sample_document: int
) -> None:
    record_id = _person_with_evidence(database, sample_document)
    with database.unit_of_work() as session:
        deleted = delete_record(session, record_id, user="u")
    with database.unit_of_work() as session:
        restored = restore_record(session, deleted, user="u")
    assert (restored.key, restored.name_en, restored.details["position"]) == (
        "P-0001", "Zheng Wenkai", "Vice Minister")
    with database.unit_of_work() as session:
        assert [(e.start, e.end) for e in evidence_for_record(session, record_id)] == [(10, 20)]
        assert [r.action for r in record_history(session, record_id)][-2:] == [
            "delete", "restore"]


def test_keys_of_deleted_records_are_not_reused(
    database: ProjectDatabase, sample_document: int
) -> None:
    record_id = _person_with_evidence(database, sample_document)
    with database.unit_of_work() as session:
        deleted = delete_record(session, record_id, user="u")
    with database.unit_of_work() as session:
        newcomer = create_record(session, RecordKind.PERSON, user="v")
    assert (newcomer.key, newcomer.id != record_id) == ("P-0002", True)
    with database.unit_of_work() as session:
        assert restore_record(session, deleted, user="u").key == "P-0001"


def test_restoring_twice_is_refused(database: ProjectDatabase, sample_document: int) -> None:
    record_id = _person_with_evidence(database, sample_document)
    with database.unit_of_work() as session:
        deleted = delete_record(session, record_id, user="u")
    with database.unit_of_work() as session:
        restore_record(session, deleted, user="u")
    with pytest.raises(EditConflict, match="P-0001"), database.unit_of_work() as session:
        restore_record(session, deleted, user="u")
