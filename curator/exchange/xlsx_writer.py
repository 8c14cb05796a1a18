"""Writing a project snapshot to an Excel workbook a curator can open, filter and edit."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from itertools import chain, islice
from operator import attrgetter
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from curator.domain.records import DETAIL_FIELDS, FieldSpec, FieldWidget, RecordKind, ReviewStatus
from curator.exchange.atomic import atomic_output
from curator.exchange.progress import Progress, ProgressCounter
from curator.exchange.relation_sheets import (
    ALIAS_COLUMNS,
    country_name_columns,
    country_names,
    relation_rows,
    relation_tables,
)
from curator.exchange.snapshot import ProjectSnapshot

Value = str | int | date | datetime | None
Column = tuple[str, str, str]  # header, attribute path read from the item, meaning

RECORD_HEAD: tuple[Column, ...] = (
    ("Key", "key", "Stable key (E-, P- or O- and a number); keep it to re-import edits."),
    ("Name (EN)", "name_en", "English name."),
    ("Name (ZH)", "name_zh", "Chinese name."),
    ("Status", "status.value", "Where the record stands in review; see the statuses above."),
)
RECORD_TAIL: tuple[Column, ...] = (
    ("Version", "version", "Rises by one with every saved edit of the record."),
    ("Created", "created_at", "When the record was made (UTC)."),
    ("Created by", "created_by", "Who made it."),
    ("Updated", "updated_at", "When it last changed (UTC)."),
    ("Updated by", "updated_by", "Who changed it last."),
)
EVIDENCE_COUNT: Column = ("Evidence count", "", "How many rows of the Evidence sheet support it.")
EVIDENCE_COLUMNS: tuple[Column, ...] = (
    ("Record key", "record_key", "Key of the record the quote supports."),
    ("Record type", "record_kind.label", "Event, Person or Organization."),
    ("Document", "document_title", "Title of the document quoted."),
    ("Section", "section_title", "Heading of the section the quote is in (empty if none)."),
    ("Start", "start", "Offset of the quote's first character in the document's text."),
    ("End", "end", "Offset just past the quote's last character."),
    ("Quote", "quote", "The quoted text."),
    ("Field", "field", "The field the quote supports; empty for the record as a whole."),
)
DOCUMENT_COLUMNS: tuple[Column, ...] = (
    ("Id", "id", "Number of the document in the project."),
    ("Title", "title", "Title of the document."),
    ("Source file", "source_name", "Name of the file it was imported from."),
    ("Encoding", "encoding", "Character encoding the file was read in."),
    ("Language", "language", "Main language of the text."),
    ("Characters", "length", "Length of the text in characters."),
    ("Imported", "imported_at", "When it was imported (UTC)."),
    ("Imported by", "imported_by", "Who imported it."),
    ("SHA-256", "sha256", "Fingerprint of the text as imported."),
)
STATUS_MEANINGS = {
    ReviewStatus.SUGGESTED: "Proposed by the machine; no curator has looked at it yet.",
    ReviewStatus.DRAFT: "Entered or edited by a curator; not yet ready for review.",
    ReviewStatus.NEEDS_REVIEW: "Waiting for a curator to check it.",
    ReviewStatus.APPROVED: "Checked and accepted.",
    ReviewStatus.REJECTED: "Checked and turned down.",
}
MAX_WIDTH = 60
WIDTH_SAMPLE = 1_000  # rows measured for column widths, so a large export still streams


def write_workbook(
    snapshot: ProjectSnapshot, target: Path, *, progress: Progress | None = None
) -> None:
    """Write `snapshot` to an .xlsx at `target`, replacing it only once the workbook is whole.

    `progress` is told the rows written so far; if it raises, nothing is written.
    """
    total = sum(map(len, snapshot.records.values())) + len(snapshot.evidence) + len(
        snapshot.documents) + len(snapshot.relations) + len(snapshot.aliases)
    counter = ProgressCounter(total, progress)
    with atomic_output(target) as temp, _sheet_parts_in(temp.parent):
        workbook = Workbook(write_only=True)
        _write_readme(workbook, snapshot)
        for kind in RecordKind:
            columns, rows = _record_columns(kind), _record_rows(snapshot, kind)
            _write_table(workbook, kind.plural_label, columns, counter.counted(rows))
        for title, columns, lines in relation_tables(snapshot):
            _write_table(workbook, title, columns, counter.counted(relation_rows(columns, lines)))
        for title, columns, items in (
            ("Aliases", ALIAS_COLUMNS, snapshot.aliases),
            ("Evidence", EVIDENCE_COLUMNS, snapshot.evidence),
            ("Documents", DOCUMENT_COLUMNS, snapshot.documents),
        ):
            read = attrgetter(*(path for _, path, _ in columns))
            _write_table(workbook, title, columns, counter.counted(map(read, items)))
        # openpyxl leaves its zip open when saving fails; our own handle is closed either way.
        with temp.open("wb") as stream:
            workbook.save(stream)
        counter.finish()


@contextmanager
def _sheet_parts_in(folder: Path) -> Iterator[None]:
    """Have openpyxl stream its sheets into `folder` instead of the system's temp folder.

    A killed export then leaves its sheet parts in its own scratch folder beside the target,
    which the next export sweeps, rather than megabytes nobody removes in /tmp.
    """
    from openpyxl.worksheet import _writer

    def create_part(suffix: str = "") -> str:
        descriptor, name = tempfile.mkstemp(suffix=suffix, prefix="sheet-", dir=folder)
        os.close(descriptor)
        _writer.ALL_TEMP_FILES.append(name)  # openpyxl removes each part once it is zipped
        return name

    original = _writer.create_temporary_file
    _writer.create_temporary_file = create_part
    try:
        yield
    finally:
        _writer.create_temporary_file = original


def _record_columns(kind: RecordKind) -> tuple[Column, ...]:
    """The columns of the sheet of `kind`: name and status, details (a country's code then its
    names), audit trail, evidence."""
    details = tuple(
        column
        for spec in DETAIL_FIELDS[kind]
        for column in ((spec.label, spec.name, _field_meaning(spec)),
                       *country_name_columns(spec, kind))
    )
    return (*RECORD_HEAD, *details, *RECORD_TAIL, EVIDENCE_COUNT)


def _record_rows(snapshot: ProjectSnapshot, kind: RecordKind) -> Iterable[tuple[Value, ...]]:
    """One row per record of `kind`, in the order of `_record_columns`."""
    counts = Counter(line.record_key for line in snapshot.evidence if line.record_kind is kind)
    head, tail = (attrgetter(*(path for _, path, _ in part)) for part in (RECORD_HEAD, RECORD_TAIL))
    specs = DETAIL_FIELDS[kind]
    for record in snapshot.records.get(kind, []):
        details = (
            value
            for spec in specs
            for value in (_detail_value(spec, record.details.get(spec.name)),
                          *country_names(record, spec))
        )
        yield (*head(record), *details, *tail(record), counts[record.key])


def _detail_value(spec: FieldSpec, value: str | int | None) -> Value:
    """A detail as a cell value: whole ISO dates become real dates, partial ones stay text."""
    if isinstance(value, str) and spec.widget is FieldWidget.DATE and len(value) == 10:
        with suppress(ValueError):
            return date.fromisoformat(value)
    return value


def _field_meaning(spec: FieldSpec) -> str:
    """What a detail column holds, said from its field spec."""
    if spec.choices:
        return "One of: " + ", ".join(choice for choice in spec.choices if choice) + "."
    if spec.widget is FieldWidget.DATE:
        return "A date; a partial date (a year, or a year and month) is kept as text."
    return "A whole number." if spec.widget is FieldWidget.INTEGER else "Text."


def _write_readme(workbook: Workbook, snapshot: ProjectSnapshot) -> None:
    """The first sheet: what the workbook is, where it came from and how to read it."""
    sheet = workbook.create_sheet("README")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    about = "Records curated from source documents, with the quotes that support them."
    rows: list[Sequence[Any]] = [(_cell(sheet, "Curator export", bold=True), about), ()]
    rows += [("Project", snapshot.project_name), ("Exported (UTC)", snapshot.exported_at)]
    rows += [(kind.plural_label, len(snapshot.records.get(kind, []))) for kind in RecordKind]
    rows += [(title, len(lines)) for title, _, lines in relation_tables(snapshot)]
    rows += [("Aliases", len(snapshot.aliases))]
    rows += [("Evidence quotes", len(snapshot.evidence)), ("Documents", len(snapshot.documents))]
    rows += [(), (_cell(sheet, "Review statuses", bold=True),)]
    rows += [(status.value, STATUS_MEANINGS.get(status, "")) for status in ReviewStatus]
    tables = [(kind.plural_label, _record_columns(kind)) for kind in RecordKind]
    tables += [(title, columns) for title, columns, _ in relation_tables(snapshot)]
    tables += [("Aliases", ALIAS_COLUMNS), ("Evidence", EVIDENCE_COLUMNS),
               ("Documents", DOCUMENT_COLUMNS)]
    for name, columns in tables:
        rows += [(), (_cell(sheet, f"Columns of the {name} sheet", bold=True),)]
        rows += [(header, meaning) for header, _, meaning in columns]
    rows += [(), ("Source texts as imported; see the Documents sheet",)]
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    sheet.close()


def _write_table(
    workbook: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Value]]
) -> None:
    """A data sheet with bold frozen header, widths, autofilter, status drop-down; then closed."""
    sheet = workbook.create_sheet(title)
    header = [name for name, _, _ in columns]
    row_iterator = iter(rows)
    sample = list(islice(row_iterator, WIDTH_SAMPLE))
    # Widths and frozen panes are written before the first row, so they must be set now.
    for index, width in enumerate(_widths(header, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, name, bold=True) for name in header])
    written = 0
    for row in chain(sample, row_iterator):
        sheet.append([_cell(sheet, value) for value in row])
        written += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{written + 1}"
    if "Status" in header:  # a drop-down over the whole column, rows a curator adds included
        column = get_column_letter(header.index("Status") + 1)
        choices = ",".join(ReviewStatus)
        dropdown = DataValidation("list", f'"{choices}"', allow_blank=True, showErrorMessage=True)
        dropdown.add(f"{column}2:{column}1048576")
        sheet.data_validations.append(dropdown)
    sheet.close()  # at once, so a failed save leaves no half-written sheet stream open


def _widths(header: Sequence[str], rows: Sequence[Sequence[Value]]) -> list[float]:
    """Column widths fitting the header (and its filter button) and the sampled rows."""
    columns = zip([f"{name}  " for name in header], *rows, strict=True)
    widths = (max(_display_width(value) for value in column) + 2 for column in columns)
    return [float(min(width, MAX_WIDTH)) for width in widths]


def _display_width(value: Value) -> int:
    """Roughly how many character widths a value takes; CJK characters count twice."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(value or ""))


def _cell(sheet: Any, value: Value, *, bold: bool = False) -> Any:
    """A value to append: text stays text, never a formula or error code; datetimes naive UTC."""
    if isinstance(value, str) and value:
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # whatever the text starts with: "=", "+", "-", "@", "#N/A", ...
        if bold:
            cell.font = Font(bold=True)
        return cell
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return None if value == "" else value  # no cell: some readers trip on an empty string
