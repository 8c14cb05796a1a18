"""Tests of write_workbook, reading the workbook back with openpyxl and with the stdlib."""

from __future__ import annotations

import errno
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from curator.domain.records import DETAIL_FIELDS, RecordKind, ReviewStatus
from curator.errors import ExportFailed
from curator.exchange.snapshot import ProjectSnapshot
from curator.exchange.xlsx_writer import write_workbook

SHEETS = ["README", "Events", "People", "Organizations", "Evidence", "Documents"]
DATA_SHEETS = SHEETS[1:]
EVIDENCE_HEADER = [
    "Record key",
    "Record type",
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
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture
def path(snapshot: ProjectSnapshot, tmp_path: Path) -> Path:
    """The snapshot written to a workbook."""
    target = tmp_path / "export.xlsx"
    write_workbook(snapshot, target)
    return target


@pytest.fixture
def book(path: Path) -> Workbook:
    """The written workbook, loaded in normal mode so views, filters and validations show."""
    return load_workbook(path)


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
    details = [spec.label for spec in DETAIL_FIELDS[kind]]
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
    quotes = [row[6] for row in book["Evidence"].iter_rows(min_row=2)]
    assert [(cell.data_type, cell.value) for cell in quotes if cell.value.startswith("=")] == [
        ("s", "=Zheng Wenkai")
    ]


def test_characters_illegal_in_xml_are_stripped(book: Workbook) -> None:
    assert row_of(book["Events"], "E-0002")["Description"].value == "-5 people met"


def test_header_row_is_bold(book: Workbook) -> None:
    for name in DATA_SHEETS:
        assert all(cell.font.b for cell in book[name][1]), name


def test_header_row_is_frozen(book: Workbook) -> None:
    assert {name: book[name].freeze_panes for name in DATA_SHEETS} == dict.fromkeys(
        DATA_SHEETS, "A2"
    )


def test_autofilter_covers_the_used_range(book: Workbook) -> None:
    for name in DATA_SHEETS:
        sheet = book[name]
        assert sheet.auto_filter.ref == f"A1:{sheet.dimensions.split(':')[1]}", name


def test_autofilter_of_events_spans_header_and_both_records(book: Workbook) -> None:
    assert book["Events"].auto_filter.ref == "A1:Q3"


@pytest.mark.parametrize("kind", list(RecordKind))
def test_status_column_offers_the_review_statuses(book: Workbook, kind: RecordKind) -> None:
    (validation,) = book[kind.plural_label].data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(status.value for status in ReviewStatus) + '"'
    assert str(validation.sqref) == "D2:D1048576"


def test_only_record_sheets_have_drop_downs(book: Workbook) -> None:
    for name in ("README", "Evidence", "Documents"):
        assert book[name].data_validations.dataValidation == [], name


def test_column_widths_fit_content_and_are_capped(book: Workbook) -> None:
    widths = book["Organizations"].column_dimensions
    assert widths["A"].width < widths["B"].width == 60
    assert widths["C"].width >= 2 * len("国务院扶贫开发领导小组办公室")


def test_readme_names_the_project_and_export_time(book: Workbook) -> None:
    values = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True) if row}
    assert values["Project"] == "扶贫 project"
    assert values["Exported (UTC)"] == datetime(2024, 5, 6, 7, 8, 9)


def test_readme_counts_each_kind(book: Workbook) -> None:
    values = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True) if row}
    counts = {name: values[name] for name in ("Events", "People", "Organizations")}
    assert counts == {"Events": 2, "People": 2, "Organizations": 3}
    assert (values["Evidence quotes"], values["Documents"]) == (4, 2)


def test_readme_explains_every_status(book: Workbook) -> None:
    values = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True) if row}
    assert all(values.get(status.value) for status in ReviewStatus)


def test_readme_explains_every_column_of_every_sheet(book: Workbook) -> None:
    explained = {row[0] for row in book["README"].iter_rows(values_only=True) if row and row[1]}
    for name in DATA_SHEETS:
        assert set(header(book[name])) <= explained, name


def test_readme_carries_the_credit_line(book: Workbook) -> None:
    first_column = [row[0] for row in book["README"].iter_rows(values_only=True)]
    assert "Source texts as imported; see the Documents sheet" in first_column


def test_empty_project_gives_header_only_sheets(
    empty_snapshot: ProjectSnapshot, tmp_path: Path
) -> None:
    target = tmp_path / "empty.xlsx"
    write_workbook(empty_snapshot, target)
    book = load_workbook(target)
    assert [book[name].max_row for name in DATA_SHEETS] == [1] * len(DATA_SHEETS)
    assert book["Evidence"].auto_filter.ref == "A1:H1"


def test_second_reader_sees_the_sheets_in_workbook_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    names = [sheet.get("name") for sheet in workbook.iter(f"{MAIN}sheet")]
    assert names == SHEETS


def test_second_reader_finds_the_chinese_names_as_strings(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        text = "".join(archive.read(name).decode("utf-8") for name in parts)
        if "xl/sharedStrings.xml" in archive.namelist():
            text += archive.read("xl/sharedStrings.xml").decode("utf-8")
    assert "郑文凯" in text
    assert "国务院扶贫开发领导小组办公室" in text


def test_second_reader_sees_no_formula_anywhere(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        sheets = [ElementTree.fromstring(archive.read(name)) for name in parts]
    assert [cell for sheet in sheets for cell in sheet.iter(f"{MAIN}f")] == []


def test_second_reader_finds_every_inline_string_filled(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        sheets = [ElementTree.fromstring(archive.read(name)) for name in parts]
    cells = [cell for sheet in sheets for cell in sheet.iter(f"{MAIN}c")]
    inline = [cell for cell in cells if cell.get("t") == "inlineStr"]
    assert inline
    assert [cell.get("r") for cell in inline if cell.find(f"{MAIN}is/{MAIN}t") is None] == []


def test_empty_text_is_an_empty_cell(book: Workbook) -> None:
    assert row_of(book["People"], "P-0002")["Name (ZH)"].value is None


def _fail_mid_save(error: BaseException) -> Any:
    """A Workbook.save that writes half a file, then fails with `error`."""

    def save(self: Workbook, stream: Any) -> None:
        stream.write(b"PK\x03\x04 half a workbook")
        raise error

    return save


def test_failing_write_raises_export_failed(
    snapshot: ProjectSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Workbook, "save", _fail_mid_save(OSError(errno.ENOSPC, "disk full")))
    with pytest.raises(ExportFailed, match="the disk is full"):
        write_workbook(snapshot, tmp_path / "export.xlsx")


def test_failing_write_leaves_previous_export_byte_identical(
    snapshot: ProjectSnapshot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = path.read_bytes()
    monkeypatch.setattr(Workbook, "save", _fail_mid_save(OSError(errno.ENOSPC, "disk full")))
    with pytest.raises(ExportFailed):
        write_workbook(snapshot, path)
    assert path.read_bytes() == before


def test_failing_write_leaves_no_temporary_file(
    snapshot: ProjectSnapshot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Workbook, "save", _fail_mid_save(RuntimeError("bug in the writer")))
    with pytest.raises(RuntimeError):
        write_workbook(snapshot, path)
    assert list(path.parent.iterdir()) == [path]


def test_target_in_missing_folder_raises_export_failed(
    snapshot: ProjectSnapshot, tmp_path: Path
) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        write_workbook(snapshot, tmp_path / "missing" / "export.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_rewriting_replaces_the_previous_export(
    snapshot: ProjectSnapshot, empty_snapshot: ProjectSnapshot, path: Path
) -> None:
    write_workbook(empty_snapshot, path)
    assert load_workbook(path)["Events"].max_row == 1
    assert list(path.parent.iterdir()) == [path]
