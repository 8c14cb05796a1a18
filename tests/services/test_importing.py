"""Importing documents into a project: stored once, refused files leave nothing behind."""

from pathlib import Path

import pytest

from curator.errors import ImportRefused
from curator.services.browsing import documents, open_document
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase


def test_import_stores_text_and_sections(database: ProjectDatabase, sample_source: Path) -> None:
    outcome = import_document(database, sample_source)
    opened = open_document(database, outcome.document_id)
    assert "Zheng Wenkai" in opened.text
    titles = [section.title for section in opened.sections]
    assert {"Visits", "Trainings", "考察访问"} <= set(titles)


def test_importing_the_same_text_twice_keeps_one_document(
    database: ProjectDatabase, sample_source: Path, tmp_path: Path
) -> None:
    first = import_document(database, sample_source)
    copy = tmp_path / "copy-in-utf16.txt"
    copy.write_text(sample_source.read_text(encoding="utf-8"), encoding="utf-16")
    second = import_document(database, copy)
    assert second.already_present and second.document_id == first.document_id
    assert len(documents(database)) == 1


def test_refused_binary_file_stores_nothing(database: ProjectDatabase, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ImportRefused):
        import_document(database, binary)
    assert documents(database) == []


def test_demo_project_is_built_from_the_shipped_corpus(tmp_path: Path) -> None:
    from curator.services.demo import open_demo_project

    database = open_demo_project(tmp_path / "demo.curator")
    [info] = documents(database)
    assert info.source_name == "lgop-international-cooperation-2012.txt"
    database.close()
    reopened = open_demo_project(tmp_path / "demo.curator")
    assert len(documents(reopened)) == 1
    reopened.close()


def test_a_wrongly_imported_document_can_be_removed(
    database: ProjectDatabase, sample_source: Path
) -> None:
    from curator.services.importing import remove_document

    outcome = import_document(database, sample_source)
    assert remove_document(database, outcome.document_id).title == outcome.title
    assert documents(database) == []
    assert not import_document(database, sample_source).already_present  # truly gone


def test_a_document_quoted_by_evidence_is_not_removed(
    database: ProjectDatabase, sample_document: int
) -> None:
    from curator.domain.records import RecordKind
    from curator.errors import InvalidValue
    from curator.services.annotating import create_record_from_selection
    from curator.services.importing import remove_document

    create_record_from_selection(database, RecordKind.EVENT, sample_document, 0, 6)
    with pytest.raises(InvalidValue, match="quoted by 1 evidence"):
        remove_document(database, sample_document)
    assert len(documents(database)) == 1
