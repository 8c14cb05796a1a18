"""Writing a project snapshot as CSV files, one per sheet, in a folder or a .zip.

UTF-8 with a byte-order mark, so Excel shows Chinese as Chinese; dates as ISO text. The files
are those of the workbook (`exchange.sheets`), README first.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from curator.exchange.atomic import atomic_output
from curator.exchange.progress import Progress, ProgressCounter
from curator.exchange.sheets import Row, Value, readme_rows, sheet_specs
from curator.exchange.snapshot import ProjectSnapshot
from curator.exchange.xlsx_package import cell_text

BOM = "\ufeff"


def write_csv_files(
    snapshot: ProjectSnapshot, target: Path, *, progress: Progress | None = None
) -> list[str]:
    """Write one CSV file per sheet into the folder `target` (made if missing), or into the
    .zip `target`; returns the file names. Each file, or the .zip, replaces its namesake only
    once whole; if `progress` raises, the .zip is not written (files already done stay)."""
    specs = sheet_specs()
    counter = ProgressCounter(sum(spec.count(snapshot) for spec in specs), progress)
    tables: list[tuple[str, list[str] | None, Iterable[Row]]] = [
        ("README", None, readme_rows(snapshot, specs))]
    tables += [(spec.title, spec.header, counter.counted(spec.rows(snapshot))) for spec in specs]
    names = [f"{title}.csv" for title, _, _ in tables]
    if target.suffix.lower() == ".zip":
        with atomic_output(target) as temp, zipfile.ZipFile(
                temp, "w", zipfile.ZIP_DEFLATED) as archive:
            for (_title, header, rows), name in zip(tables, names, strict=True):
                with archive.open(name, "w", force_zip64=True) as part, io.TextIOWrapper(
                        part, encoding="utf-8", newline="") as stream:
                    _write_table(stream, header, rows)
            counter.finish()
        return names
    target.mkdir(parents=True, exist_ok=True)
    for (_title, header, rows), name in zip(tables, names, strict=True):
        with atomic_output(target / name) as temp, temp.open(
                "w", encoding="utf-8", newline="") as stream:
            _write_table(stream, header, rows)
    counter.finish()
    return names


def _write_table(stream: TextIO, header: list[str] | None, rows: Iterable[Row]) -> None:
    stream.write(BOM)
    writer = csv.writer(stream, lineterminator="\r\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows([_text(value) for value in row] for row in rows)


def _text(value: Value) -> str | int | float:
    """A value as a CSV field: dates and times in ISO form (UTC), text cleaned as in the
    workbook, nothing as an empty field."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return cell_text(value)
    return value
