"""What reading a workbook's sheets gives back, and within which limits: cell values, rows,
the limits themselves, and the error that refuses a workbook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from curator.errors import WorkbookInvalid

CellValue = str | int | float | bool | date | datetime | None
Progress = Callable[[int, int], None]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class ReadLimits:
    """How much of an untrusted workbook is read before it is refused."""

    max_parts: int = 5_000
    max_unpacked: int = 2 << 30
    """Bytes of all the parts once unpacked."""
    max_part: int = 1 << 30
    max_ratio: int = 400
    """How many times smaller than its content a part may be compressed (XML: 5–50×)."""
    ratio_floor: int = 1 << 20
    """Parts smaller than this unpacked are not held to `max_ratio`."""
    max_rows: int = 1_048_576
    max_columns: int = 16_384
    max_cell: int = 32_767


@dataclass
class SheetRows:
    """The rows of one sheet: (row number, cells from column A), empty rows left out."""

    title: str
    rows: list[tuple[int, list[CellValue]]] = field(default_factory=list)


def refuse(message: str, **where: Any) -> WorkbookInvalid:
    """The error refusing a workbook, naming sheet, row and column where given."""
    return WorkbookInvalid(message, **where)
