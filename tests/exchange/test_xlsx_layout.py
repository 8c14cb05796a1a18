"""Tests of write_workbook's sheet layout: bold frozen headers, filters, drop-downs, widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from curator.domain.records import RecordKind, ReviewStatus
from curator.exchange.snapshot import ProjectSnapshot
from curator.exchange.xlsx_writer import write_workbook

DATA_SHEETS = ["Events", "People", "Organizations", "Evidence", "Documents"]


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
    assert book["Events"].auto_filter.ref == "A1:S3"  # the country has names in 2 columns


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


def test_empty_project_gives_header_only_sheets(
    empty_snapshot: ProjectSnapshot, tmp_path: Path
) -> None:
    target = tmp_path / "empty.xlsx"
    write_workbook(empty_snapshot, target)
    book = load_workbook(target)
    assert [book[name].max_row for name in DATA_SHEETS] == [1] * len(DATA_SHEETS)
    assert book["Evidence"].auto_filter.ref == "A1:I1"
