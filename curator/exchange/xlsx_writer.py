"""Writing a project snapshot to an Excel workbook a curator can open, filter, edit and import.

The sheets are those of `exchange.sheets`; their XML is written directly (`xlsx_package`),
row by row to scratch files, then zipped: a large project streams at the speed of the disk.
Every text is written as text, whatever it starts with, so nothing a curator typed is ever
taken for a formula.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path

from curator.domain.records import ReviewStatus
from curator.exchange.atomic import atomic_output
from curator.exchange.progress import Progress, ProgressCounter
from curator.exchange.sheet_notation import column_letters
from curator.exchange.sheets import README_HEADINGS, Row, SheetSpec, Value, readme_rows, sheet_specs
from curator.exchange.snapshot import ProjectSnapshot
from curator.exchange.xlsx_package import (
    SheetPart,
    header_xml,
    row_xml,
    write_package,
)

MAX_WIDTH = 60
WIDTH_SAMPLE = 1_000  # rows measured for column widths, so a large export still streams
BUFFER = 1 << 20


def write_workbook(
    snapshot: ProjectSnapshot, target: Path, *, progress: Progress | None = None
) -> None:
    """Write `snapshot` to an .xlsx at `target`, replacing it only once the workbook is whole.

    `progress` is told the rows written so far; if it raises, nothing is written.
    """
    specs = sheet_specs()
    counter = ProgressCounter(sum(spec.count(snapshot) for spec in specs), progress)
    with atomic_output(target) as temp:
        parts = [_write_readme(temp.parent, snapshot, specs)]
        for spec in specs:
            parts.append(_write_table(temp.parent, spec, counter.counted(spec.rows(snapshot))))
        with temp.open("wb") as stream:
            write_package(stream, parts, created=snapshot.exported_at)
        counter.finish()


def _rows_file(folder: Path) -> Path:
    """A new file for a sheet's rows in the export's scratch folder (swept if we are killed)."""
    descriptor, name = tempfile.mkstemp(prefix="sheet-", suffix=".xml", dir=folder)
    os.close(descriptor)
    return Path(name)


def _write_readme(
    folder: Path, snapshot: ProjectSnapshot, specs: Sequence[SheetSpec]
) -> SheetPart:
    """The first sheet: what the workbook is, where it came from and how to read it."""
    part = SheetPart("README", _rows_file(folder), widths=[28.0, 100.0], columns=2)
    rows = readme_rows(snapshot, specs)
    with part.rows_file.open("w", encoding="utf-8", buffering=BUFFER) as stream:
        for number, row in enumerate(rows, start=1):
            heading = len(row) == 1 or (bool(row) and row[0] in README_HEADINGS)
            stream.write(row_xml(number, ("A", "B"), row, bold_first=heading))
    part.rows = len(rows)
    return part


def _write_table(folder: Path, spec: SheetSpec, rows: Iterable[Row]) -> SheetPart:
    """A data sheet with bold frozen header, widths, autofilter and status drop-down."""
    header = spec.header
    part = SheetPart(spec.title, _rows_file(folder), frozen_header=True,
                     filter_columns=len(header), columns=len(header))
    row_iterator = iter(rows)
    sample = list(islice(row_iterator, WIDTH_SAMPLE))
    part.widths = _widths(header, sample)
    letters = [column_letters(index) for index in range(len(header))]
    number = 1
    with part.rows_file.open("w", encoding="utf-8", buffering=BUFFER) as stream:
        stream.write(header_xml(header))
        for number, row in enumerate(chain(sample, row_iterator), start=2):  # noqa: B007
            stream.write(row_xml(number, letters, row))
    part.rows = number
    if spec.status_column:  # a drop-down over the whole column, rows a curator adds included
        part.drop_down = (header.index("Status"), list(ReviewStatus))
    return part


def _widths(header: Sequence[str], rows: Sequence[Row]) -> list[float]:
    """Column widths fitting the header (and its filter button) and the sampled rows."""
    columns = zip([f"{name}  " for name in header], *rows, strict=True)
    widths = (max(_display_width(value) for value in column) + 2 for column in columns)
    return [float(min(width, MAX_WIDTH)) for width in widths]


def _display_width(value: Value) -> int:
    """Roughly how many character widths a value takes; CJK characters count twice."""
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    text = "" if value is None else str(value)
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
