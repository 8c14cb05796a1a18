"""Checking a project: a sound one passes, each kind of damage is found and named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.services.annotating import create_record_from_selection
from curator.services.checking import ProjectCheck, check_project
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase
from tests.conftest import SAMPLE_TEXT


@pytest.fixture
def project(tmp_path: Path, sample_source: Path) -> Path:
    """A closed project with the sample document and P-0001 quoting “Zheng Wenkai”."""
    path = tmp_path / "checked.curator"
    database = ProjectDatabase.open(path)
    document_id = import_document(database, sample_source).document_id
    start = SAMPLE_TEXT.index("Zheng Wenkai")
    create_record_from_selection(database, RecordKind.PERSON, document_id, start, start + 12)
    database.close()
    return path


def _damaged(project: Path, *statements: str) -> ProjectCheck:
    connection = sqlite3.connect(project)
    connection.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    database = ProjectDatabase.open(project, read_only=True)
    try:
        return check_project(database)
    finally:
        database.close()


def _messages(check: ProjectCheck) -> list[str]:
    return [f"{problem.check}: {problem.message}" for problem in check.problems]


def test_a_sound_project_has_no_problems(project: Path) -> None:
    assert _damaged(project).sound


def test_a_document_whose_text_changed_is_found(project: Path) -> None:
    check = _damaged(project, "UPDATE document SET text = text || ' (edited)'")

    assert _messages(check) == [
        "documents: The text of document 1 (“Annual Report”) has changed since it was "
        "imported: its checksum no longer matches"]


def test_evidence_that_no_longer_quotes_its_document_is_found(project: Path) -> None:
    check = _damaged(project, "UPDATE evidence SET exact = 'Zheng Wenkui'")

    assert _messages(check) == [
        "evidence: Evidence 1 of P-0001 no longer quotes document 1: the text at its offsets "
        "is different"]


def test_a_relation_to_a_missing_record_is_found(project: Path) -> None:
    check = _damaged(project, (
        "INSERT INTO relation (kind, subject_id, object_id, version, created_at, created_by, "
        "updated_at, updated_by) VALUES ('affiliation', 1, 42, 1, '2024-01-01', 't', "
        "'2024-01-01', 't')"))

    assert _messages(check) == [
        "references: relation.object_id = 42 refers to a record row that does not exist"]


def test_evidence_of_a_deleted_record_is_found(project: Path) -> None:
    check = _damaged(project, "DELETE FROM person_detail", "DELETE FROM record")

    assert "references: evidence.record_id = 1 refers to a record row that does not exist" in (
        _messages(check))


def test_a_record_without_its_details_is_found(project: Path) -> None:
    check = _damaged(project, "DELETE FROM person_detail")

    assert _messages(check) == ["references: P-0001 has no person details"]


def test_a_key_counter_behind_its_records_is_found(project: Path) -> None:
    check = _damaged(project, "UPDATE key_sequence SET last_number = 0 WHERE kind = 'person'")

    assert _messages(check) == [
        "keys: The person key counter is at 0 but person number 1 exists: a new record "
        "would take a key already used"]


def test_a_document_held_twice_is_found(project: Path) -> None:
    check = _damaged(
        project, "DROP INDEX ix_document_sha256",
        "INSERT INTO document (title, source_name, sha256, encoding, media_type, language, "
        "text, imported_at, imported_by) SELECT title, 'copy.txt', sha256, encoding, "
        "media_type, language, text, imported_at, imported_by FROM document")

    assert any(message.startswith("keys: The document text fingerprint ")
               and message.endswith(" is held 2 times") for message in _messages(check))


def test_a_key_that_does_not_match_its_record_is_found(project: Path) -> None:
    check = _damaged(project, "UPDATE record SET key = 'P-0007'")

    assert _messages(check) == [
        "keys: Record 1 has the key P-0007, not P-0001 as its kind and number say"]


def test_a_damaged_database_file_is_found(project: Path) -> None:
    connection = sqlite3.connect(project)
    connection.execute("PRAGMA journal_mode=DELETE")
    index_page = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_evidence_record_id'").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with project.open("r+b") as file:  # scribble over an index page, as a bad disk would
        file.seek((index_page - 1) * page_size + 8)
        file.write(b"\xff" * 64)

    database = ProjectDatabase.open(project, read_only=True)
    try:
        check = check_project(database)
    finally:
        database.close()

    assert check.problems and check.problems[0].check == "database"
    assert "damaged" in check.problems[0].message


def test_the_quick_check_leaves_out_texts_and_quotes(project: Path) -> None:
    _damaged(project, "UPDATE evidence SET exact = 'Zheng Wenkui'")
    database = ProjectDatabase.open(project, read_only=True)
    try:
        assert check_project(database, thorough=False).sound
    finally:
        database.close()


