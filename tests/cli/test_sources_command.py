"""Importing folders, Word and PDF files from the command line, and renaming a document."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.cli import main
from tests.ingest.source_files import write_docx, write_pdf, write_scanned_pdf


def test_import_of_a_folder_imports_what_it_can_and_lists_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    write_docx(folder / "report.docx", [("Heading 1", "Visits"), ("Normal", "A visit.")])
    write_pdf(folder / "yearbook.pdf", [[(18, "Yearbook"), (11, "The yearbook of 2013.")]])
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04")

    status = main(["-p", str(tmp_path / "p.curator"), "import", str(folder)])

    out = capsys.readouterr().out
    assert status == 0
    assert "budget.xlsx: skipped, this type of file cannot be imported" in out
    assert "report.docx: imported as document 1 (“Visits”, 1 section)" in out
    assert "yearbook.pdf: imported as document 2 (“Yearbook”, 1 section)" in out


def test_import_of_a_folder_with_nothing_readable_fails_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")

    assert main(["-p", str(tmp_path / "p.curator"), "import", str(folder)]) == 1
    assert "Nothing to import" in capsys.readouterr().err
    assert not (tmp_path / "p.curator").exists()


def test_import_of_a_scanned_pdf_fails_saying_it_has_no_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = write_scanned_pdf(tmp_path / "scan.pdf")

    assert main(["-p", str(tmp_path / "p.curator"), "import", str(scan)]) == 1
    assert "scan.pdf: This PDF has no text layer" in capsys.readouterr().err


def test_rename_document_changes_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.curator")
    source = tmp_path / "news.txt"
    source.write_text("2020-10-26 Monday\n\nSome news of the day.", encoding="utf-8")
    main(["-p", project, "import", str(source)])

    assert main(["-p", project, "rename-document", "1", "Minister meets delegation"]) == 0
    assert main(["-p", project, "documents"]) == 0
    assert "1\tMinister meets delegation\tnews.txt" in capsys.readouterr().out
