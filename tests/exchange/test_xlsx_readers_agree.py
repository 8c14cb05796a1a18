"""Every sheet read back by two independent readers (python-calamine, openpyxl) and by
Curator's own reader gives the same cells."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from curator.exchange.workbook_reader import read_sheets


def _normal(value: Any) -> Any:
    """A cell as all readers can agree on it: no cell is "", whole floats are ints, a date
    at midnight is its date."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date()
    return value


def _table(rows: list[list[Any]]) -> list[list[Any]]:
    cleaned = [[_normal(value) for value in row] for row in rows]
    cleaned = [row for row in cleaned if any(value is not None for value in row)]
    width = max((len(row) for row in cleaned), default=0)
    return [row + [None] * (width - len(row)) for row in cleaned]


def _trimmed(rows: list[list[Any]]) -> list[list[Any]]:
    while rows and rows[0] and all(row[-1] is None for row in rows):
        rows = [row[:-1] for row in rows]
    return rows


def test_calamine_openpyxl_and_curator_read_every_sheet_alike(xlsx_path: Path) -> None:
    calamine = CalamineWorkbook.from_path(str(xlsx_path))
    book = load_workbook(xlsx_path)
    titles, ours = read_sheets(xlsx_path, book.sheetnames)
    assert calamine.sheet_names == book.sheetnames == titles
    for title in titles:
        by_calamine = _trimmed(_table(calamine.get_sheet_by_name(title).to_python()))
        by_openpyxl = _trimmed(_table([list(row) for row in book[title].iter_rows(
            values_only=True)]))
        by_curator = _trimmed(_table([row for _, row in ours[title].rows]))
        assert by_calamine == by_openpyxl, title
        assert by_curator == by_openpyxl, title


def test_dates_come_back_as_dates(xlsx_path: Path) -> None:
    _, ours = read_sheets(xlsx_path, ["Events"])
    header, first = ours["Events"].rows[0][1], ours["Events"].rows[1][1]
    row = dict(zip(header, first, strict=False))
    assert row["Start date"] == date(2019, 5, 6)
    assert row["End date"] == "2019-05"
    assert row["Created"] == datetime(2024, 1, 2, 3, 4, 5)
