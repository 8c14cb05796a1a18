"""Tests of write_workbook's sheets and values, read back with openpyxl."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from curator.domain.country_fields import COUNTRY_FIELDS
from curator.domain.records import DETAIL_FIELDS, RecordKind
from curator.exchange.snapshot import ProjectSnapshot

SHEETS = ["README", "Events", "People", "Organizations", "Participants", "Event organizations",
          "Event countries", "Affiliations", "Parent organizations", "Aliases", "Comments",
          "Evidence", "Documents"]
EVIDENCE_HEADER = [
    "Record key",
    "Record type",
    "Record name",
    "Document",
    "Section",
    "Start",
    "End",
    "Quote",
    "Field",
]
DOCUMENT_HEADER = [
    "Id",
    "Title",
    "Source file",
    "Encoding",
    "Language",
    "Characters",
    "Imported",
    "Imported by",
    "SHA-256",
]


def header(sheet: Worksheet) -> list[Any]:
    """The first row's values."""
    return [cell.value for cell in sheet[1]]


def row_of(sheet: Worksheet, key: object) -> dict[str, Any]:
    """The row whose first cell is `key`, as header -> cell."""
    names = header(sheet)
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == key:
            return dict(zip(names, row, strict=True))
    raise AssertionError(f"no row {key} on {sheet.title}")


def test_sheets_are_in_order(book: Workbook) -> None:
    assert book.sheetnames == SHEETS


@pytest.mark.parametrize("kind", list(RecordKind))
def test_record_sheet_header_lists_names_status_details_and_audit(
    book: Workbook, kind: RecordKind
) -> None:
    details = [label for spec in DETAIL_FIELDS[kind] for label in (
        (spec.label, f"{spec.label} (EN)", f"{spec.label} (ZH)")
        if spec.name in COUNTRY_FIELDS[kind] else (spec.label,))]
    audit = ["Version", "Created", "Created by", "Updated", "Updated by", "Evidence count"]
    expected = ["Key", "Name (EN)", "Name (ZH)", "Status", *details, *audit]
    assert header(book[kind.plural_label]) == expected


def test_evidence_sheet_header(book: Workbook) -> None:
    assert header(book["Evidence"]) == EVIDENCE_HEADER


def test_documents_sheet_header(book: Workbook) -> None:
    assert header(book["Documents"]) == DOCUMENT_HEADER


def test_each_record_has_one_row(book: Workbook, snapshot: ProjectSnapshot) -> None:
    for kind in RecordKind:
        keys = [row[0] for row in book[kind.plural_label].iter_rows(min_row=2, values_only=True)]
        assert keys == [record.key for record in snapshot.records[kind]]


def test_record_row_holds_names_status_and_details(book: Workbook) -> None:
    row = row_of(book["Events"], "E-0001")
    values = {name: cell.value for name, cell in row.items()}
    assert values["Name (EN)"] == "Poverty reduction forum"
    assert values["Status"] == "approved"
    assert values["Type"] == "conference/forum"
    assert values["City"] == "Beijing"
    assert values["Created by"] == "alice"
    assert values["Updated by"] == "李明"


def test_chinese_names_are_intact(book: Workbook) -> None:
    assert row_of(book["People"], "P-0001")["Name (ZH)"].value == "郑文凯"
    organization = row_of(book["Organizations"], "O-0001")
    assert organization["Name (ZH)"].value == "国务院扶贫开发领导小组办公室"


def test_none_detail_is_an_empty_cell(book: Workbook) -> None:
    assert row_of(book["Events"], "E-0001")["Description"].value is None


def test_empty_text_is_an_empty_cell(book: Workbook) -> None:
    assert row_of(book["People"], "P-0002")["Name (ZH)"].value is None


def test_integers_are_numbers(book: Workbook) -> None:
    row = row_of(book["Events"], "E-0001")
    assert row["Participants"].value == 120
    assert row["Participants"].data_type == "n"
    assert row["Version"].value == 2


def test_evidence_count_counts_the_record_evidence(book: Workbook) -> None:
    assert row_of(book["People"], "P-0001")["Evidence count"].value == 2
    assert row_of(book["People"], "P-0002")["Evidence count"].value == 0


def test_timestamps_are_excel_datetimes_in_utc(book: Workbook) -> None:
    created = row_of(book["Events"], "E-0001")["Created"]
    assert created.is_date
    assert created.value == datetime(2024, 1, 2, 3, 4, 5)


def test_naive_timestamps_are_written_as_they_are(book: Workbook) -> None:
    assert row_of(book["People"], "P-0001")["Updated"].value == datetime(2024, 2, 3, 4, 5, 6)


def test_document_import_time_is_a_datetime(book: Workbook) -> None:
    imported = row_of(book["Documents"], 1)["Imported"]
    assert imported.value == datetime(2023, 12, 1, 9, 30)


def test_whole_iso_date_detail_is_a_date(book: Workbook) -> None:
    start = row_of(book["Events"], "E-0001")["Start date"]
    assert start.is_date
    assert start.value == datetime(2019, 5, 6)


def test_partial_date_detail_stays_text(book: Workbook) -> None:
    end = row_of(book["Events"], "E-0001")["End date"]
    assert (end.data_type, end.value) == ("s", "2019-05")


@pytest.mark.parametrize(
    ("column", "text"),
    [
        ("Name (EN)", '=HYPERLINK("http://x")'),
        ("Name (ZH)", "+1"),
        ("City", "@home"),
        ("Country", "#N/A"),
    ],
)
def test_formula_looking_text_stays_text(book: Workbook, column: str, text: str) -> None:
    cell = row_of(book["Events"], "E-0002")[column]
    assert (cell.data_type, cell.value) == ("s", text)


def test_formula_looking_quote_stays_text(book: Workbook) -> None:
    quotes = [row[7] for row in book["Evidence"].iter_rows(min_row=2)]
    assert [(cell.data_type, cell.value) for cell in quotes if cell.value.startswith("=")] == [
        ("s", "=Zheng Wenkai")
    ]


def test_characters_illegal_in_xml_are_stripped(book: Workbook) -> None:
    assert row_of(book["Events"], "E-0002")["Description"].value == "-5 people met"


def test_evidence_rows_name_their_record(book: Workbook) -> None:
    rows = list(book["Evidence"].iter_rows(min_row=2, max_col=3, values_only=True))
    assert ("P-0001", "Person", "Zheng Wenkai") in rows
    assert ("O-0001", "Organization",
            "State Council Leading Group Office of Poverty Alleviation and Development") in rows
