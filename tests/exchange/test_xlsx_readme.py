"""Tests of the README sheet write_workbook puts first."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

from curator.domain.records import ReviewStatus

DATA_SHEETS = ["Events", "People", "Organizations", "Evidence", "Documents"]


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
        assert {cell.value for cell in book[name][1]} <= explained, name


def test_readme_carries_the_credit_line(book: Workbook) -> None:
    first_column = [row[0] for row in book["README"].iter_rows(values_only=True)]
    assert "Source texts as imported; see the Documents sheet" in first_column
