"""Reading Word and PDF sources: text in order, headings as sections, scans refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.errors import ImportRefused
from curator.ingest import read_source
from tests.ingest.source_files import write_docx, write_pdf, write_scanned_pdf

REPORT_PAGES = [
    [(24, "Annual Report 2012"), (11, "The office sent delegations abroad and"),
     (11, "received visitors at home."), (16, "Visits Abroad"),
     (11, "LGOP sent 33 delegations."), (11, "7")],
    [(16, "Trainings"), (11, "Seminars were held in Beijing.")],
]


def _titles(path: Path) -> list[tuple[int, str]]:
    return [(section.level, section.title) for section in read_source(path).sections]


def test_word_headings_become_sections_at_their_level(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "report.docx", [
        ("Title", "Yearbook 2012"), ("Heading 1", "International Cooperation"),
        ("Normal", "LGOP sent 33 delegations."), ("Heading 2", "Visits"),
        ("Normal", "A visit to Brazil."),
    ])

    assert _titles(path) == [(0, "Yearbook 2012"), (1, "International Cooperation"),
                             (2, "Visits")]


def test_word_section_offsets_point_at_their_heading(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "report.docx", [
        ("Heading 1", "Exchanges"), ("Normal", "First part."), ("Heading 1", "Research"),
        ("Normal", "Second part."),
    ])

    source = read_source(path)

    assert [source.text[s.start : s.end] for s in source.sections] == [
        "Exchanges\n\nFirst part.\n\n", "Research\n\nSecond part."]


def test_word_document_text_keeps_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "report.docx", [
        ("Normal", "Before the table."), ("table", "Name|Country\nZheng Wenkai|China"),
        ("Normal", "国务院扶贫办  after it."),
    ])

    source = read_source(path)

    assert source.text == (
        "Before the table.\n\nName\tCountry\nZheng Wenkai\tChina\n\n国务院扶贫办  after it.")
    assert (source.encoding, source.media_type) == (
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def test_word_document_title_is_its_title_paragraph(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "report.docx", [
        ("Normal", "2020-10-26 Monday"), ("Title", "Minister Meets Swiss Delegation"),
        ("Normal", "On July 24, the minister met a delegation."),
    ])

    assert read_source(path).title == "Minister Meets Swiss Delegation"


def test_word_document_without_heading_styles_finds_title_lines(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "chapter.docx", [
        ("Normal", "International Cooperation"), ("Normal", "【考察访问】2012年，派出33个团组。"),
        ("Normal", "Overview"), ("Normal", "Exchanges grew in 2012."),
    ])

    assert _titles(path) == [(0, "International Cooperation"), (2, "考察访问"),
                             (1, "Overview")]


def test_damaged_word_file_is_refused_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")

    with pytest.raises(ImportRefused, match=r"report\.docx: .*not a readable Word document"):
        read_source(path)


def test_pdf_text_layer_is_read_page_by_page_without_page_numbers(tmp_path: Path) -> None:
    source = read_source(write_pdf(tmp_path / "report.pdf", REPORT_PAGES))

    assert source.text == (
        "Annual Report 2012\n\nThe office sent delegations abroad and\nreceived visitors at "
        "home.\n\nVisits Abroad\n\nLGOP sent 33 delegations.\n\nTrainings\n\n"
        "Seminars were held in Beijing.")
    assert (source.encoding, source.media_type) == ("pdf", "application/pdf")


def test_pdf_lines_set_larger_are_headings_the_largest_first_line_the_title(
    tmp_path: Path,
) -> None:
    path = write_pdf(tmp_path / "report.pdf", REPORT_PAGES)

    assert _titles(path) == [(0, "Annual Report 2012"), (1, "Visits Abroad"), (1, "Trainings")]
    assert read_source(path).title == "Annual Report 2012"


def test_pdf_bookmarks_name_the_headings(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "report.pdf",
        [[(11, "Chapter One"), (11, "Body text of the chapter."), (11, "Section A"),
          (11, "More text.")]],
        bookmarks=[("Chapter One", 0), ("Section A", 0)],
    )

    assert _titles(path) == [(1, "Chapter One"), (1, "Section A")]


def test_scanned_pdf_without_text_layer_is_refused_saying_so(tmp_path: Path) -> None:
    path = write_scanned_pdf(tmp_path / "scan.pdf")

    with pytest.raises(ImportRefused, match=r"scan\.pdf: This PDF has no text layer.*OCR"):
        read_source(path)


def test_damaged_pdf_is_refused_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n garbage")

    with pytest.raises(ImportRefused, match=r"report\.pdf: The PDF cannot be read"):
        read_source(path)
