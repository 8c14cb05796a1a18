"""Folders of sources and document titles: what is imported, what is skipped, renaming."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.errors import InvalidValue, RecordNotFound
from curator.services.browsing import documents
from curator.services.importing import files_to_import, import_document, rename_document
from curator.store.database import ProjectDatabase
from tests.ingest.source_files import write_docx, write_pdf


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    (folder / "2013").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "notes.txt").write_text("Notes\n\nLGOP sent 33 delegations.", encoding="utf-8")
    write_docx(folder / "report.docx", [("Heading 1", "Visits"), ("Normal", "A visit.")])
    write_pdf(folder / "2013" / "yearbook.pdf", [[(11, "The yearbook of 2013.")]])
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "~$report.docx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / ".git" / "HEAD").write_text("ref: main", encoding="utf-8")
    return folder


def test_folder_yields_the_readable_files_in_it_and_its_subfolders(tmp_path: Path) -> None:
    folder = _folder(tmp_path)

    files, _skipped = files_to_import([folder])

    assert [path.relative_to(folder).as_posix() for path in files] == [
        "2013/yearbook.pdf", "notes.txt", "report.docx"]


def test_folder_reports_the_files_it_skips_and_why(tmp_path: Path) -> None:
    folder = _folder(tmp_path)

    _files, skipped = files_to_import([folder])

    assert [(item.path.name, item.reason) for item in skipped] == [
        ("budget.xlsx", "this type of file cannot be imported"),
        ("~$report.docx", "a lock file Word keeps while it is open"),
    ]


def test_named_files_are_passed_on_whatever_their_type(tmp_path: Path) -> None:
    named = [tmp_path / "a.xlsx", tmp_path / "b.txt"]

    assert files_to_import(named) == (named, [])


def test_every_file_of_a_folder_is_imported(database: ProjectDatabase, tmp_path: Path) -> None:
    files, _skipped = files_to_import([_folder(tmp_path)])

    for path in files:
        import_document(database, path)

    assert sorted(info.source_name for info in documents(database)) == [
        "notes.txt", "report.docx", "yearbook.pdf"]


def test_a_document_can_be_renamed(database: ProjectDatabase, tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("2020-10-26\n\nSome news of the day.", encoding="utf-8")
    outcome = import_document(database, path)

    given = rename_document(database, outcome.document_id, "  Minister\tmeets   delegation ")

    assert given == "Minister meets delegation"
    assert documents(database)[0].title == "Minister meets delegation"


@pytest.mark.parametrize("title", ["", "   ", "Bad \x1b[31m title", "x" * 301])
def test_a_blank_overlong_or_control_title_is_refused(
    database: ProjectDatabase, tmp_path: Path, title: str
) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Headline\n\nBody of the news.", encoding="utf-8")
    outcome = import_document(database, path)

    with pytest.raises(InvalidValue):
        rename_document(database, outcome.document_id, title)
    assert documents(database)[0].title == "Headline"


def test_renaming_a_missing_document_is_refused(database: ProjectDatabase) -> None:
    with pytest.raises(RecordNotFound):
        rename_document(database, 99, "Title")
