"""The workbook's sheets as one table: title, columns and rows of each, and what comes back.

The workbook and CSV writers write every `SheetSpec` of `sheet_specs` in order; the workbook
reader checks an edited workbook against the same specs. A new sheet (comments, say) is one
more spec here, with a `RoundTrip` if its rows are read back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter

from curator.domain.country_fields import COUNTRY_FIELDS, country_value
from curator.domain.records import (
    DETAIL_FIELDS,
    FieldSpec,
    FieldWidget,
    Record,
    RecordKind,
    ReviewStatus,
)
from curator.domain.relations import RELATION_SPECS, RelationKind, RelationSpec
from curator.exchange.snapshot import ProjectSnapshot

Value = str | int | float | date | datetime | None
Row = Sequence[Value]


@dataclass(frozen=True)
class Column:
    """One column: its header, what it holds, and the field it is read back into (if any)."""

    header: str
    meaning: str
    field: str | None = None
    """Name of the field an import reads from it; None for a column shown only."""


class RoundTrip(StrEnum):
    """What an import makes of a sheet's rows."""

    RECORDS = "records"
    RELATIONS = "relations"
    ALIASES = "aliases"
    COMMENTS = "comments"


@dataclass(frozen=True)
class SheetSpec:
    """One sheet of the export."""

    title: str
    columns: tuple[Column, ...]
    rows: Callable[[ProjectSnapshot], Iterable[Row]]
    count: Callable[[ProjectSnapshot], int]
    round_trip: RoundTrip | None = None
    record_kind: RecordKind | None = None
    relation_kind: RelationKind | None = None
    status_column: bool = False
    """Whether the sheet has a Status column offered as a drop-down."""

    @property
    def header(self) -> list[str]:
        """The header row."""
        return [column.header for column in self.columns]


RECORD_HEAD = (
    Column("Key", "Stable key (E-, P- or O- and a number); keep it to re-import edits. "
                  "Leave it empty on a row you add, or type a key of your own beginning with "
                  "NEW (NEW-1) to use on the relation sheets, Aliases and Comments.", "key"),
    Column("Name (EN)", "English name.", "name_en"),
    Column("Name (ZH)", "Chinese name.", "name_zh"),
    Column("Status", "Where the record stands in review; see the statuses above.", "status"),
)
RECORD_TAIL = (
    Column("Version", "Rises by one with every saved edit of the record; keep it to re-import "
                      "edits (it tells them from changes made in the project since).", "version"),
    Column("Created", "When the record was made (UTC)."),
    Column("Created by", "Who made it."),
    Column("Updated", "When it last changed (UTC)."),
    Column("Updated by", "Who changed it last."),
    Column("Evidence count", "How many rows of the Evidence sheet support it."),
)
EVIDENCE_COLUMNS = (
    Column("Record key", "Key of the record the quote supports."),
    Column("Record type", "Event, Person or Organization."),
    Column("Record name", "Name of the record (English, else Chinese)."),
    Column("Document", "Title of the document quoted."),
    Column("Section", "Heading of the section the quote is in (empty if none)."),
    Column("Start", "Offset of the quote's first character in the document's text."),
    Column("End", "Offset just past the quote's last character."),
    Column("Quote", "The quoted text."),
    Column("Field", "The field the quote supports; empty for the record as a whole."),
)
DOCUMENT_COLUMNS = (
    Column("Id", "Number of the document in the project."),
    Column("Title", "Title of the document."),
    Column("Source file", "Name of the file it was imported from."),
    Column("Encoding", "Character encoding the file was read in."),
    Column("Language", "Main language of the text."),
    Column("Characters", "Length of the text in characters."),
    Column("Imported", "When it was imported (UTC)."),
    Column("Imported by", "Who imported it."),
    Column("SHA-256", "Fingerprint of the text as imported."),
)
ALIAS_COLUMNS = (
    Column("Record key", "Key of the record the alias names.", "record_key"),
    Column("Record type", "Event, Person or Organization."),
    Column("Alias", "Another form the record appears under in the sources.", "text"),
)
COMMENT_COLUMNS = (
    Column("Record key", "Key of the record commented on.", "record_key"),
    Column("Record type", "Event, Person or Organization."),
    Column("When", "When the comment was made (UTC)."),
    Column("Who", "Who made it."),
    Column("Comment", "What they said. A row you add (key and comment) adds a comment; an "
                      "import never changes or deletes one.", "text"),
)
STATUS_MEANINGS = {
    ReviewStatus.SUGGESTED: "Proposed by the machine; no curator has looked at it yet.",
    ReviewStatus.DRAFT: "Entered or edited by a curator; not yet ready for review.",
    ReviewStatus.NEEDS_REVIEW: "Waiting for a curator to check it.",
    ReviewStatus.APPROVED: "Checked and accepted.",
    ReviewStatus.REJECTED: "Checked and turned down.",
}


def field_meaning(spec: FieldSpec) -> str:
    """What a detail column holds, said from its field spec."""
    if spec.choices:
        return "One of: " + ", ".join(choice for choice in spec.choices if choice) + "."
    if spec.widget is FieldWidget.DATE:
        return "A date; a partial date (a year, or a year and month) is kept as text."
    return "A whole number." if spec.widget is FieldWidget.INTEGER else "Text."


def record_columns(kind: RecordKind) -> tuple[Column, ...]:
    """Columns of a kind's sheet: key, names, status, details (a country's code then its
    names), audit trail, evidence count."""
    details: list[Column] = []
    for spec in DETAIL_FIELDS[kind]:
        if spec.name in COUNTRY_FIELDS[kind]:
            details += [
                Column(spec.label, "ISO 3166 code of the country (or its name in English or "
                                   "Chinese when you edit it).", spec.name),
                Column(f"{spec.label} (EN)", "English name of the country (empty while the "
                                             "column left of it holds text still to fix)."),
                Column(f"{spec.label} (ZH)", "Chinese name of the country."),
            ]
        else:
            details.append(Column(spec.label, field_meaning(spec), spec.name))
    return (*RECORD_HEAD, *details, *RECORD_TAIL)


def whole_date(value: str | int | None) -> Value:
    """A whole ISO date as a real date; a partial one (a year, a month) stays text."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[:4].isdigit():
        with suppress(ValueError):
            return date.fromisoformat(value)
    return value


def _record_cells(kind: RecordKind) -> Callable[[Record, int], Row]:
    """A function making the cells of one record of `kind` (with its evidence count)."""
    cells: list[Callable[[Record], Value]] = []
    for spec in DETAIL_FIELDS[kind]:
        name = spec.name
        if name in COUNTRY_FIELDS[kind]:
            cells += [_detail(name), _country_name(name, "en"), _country_name(name, "zh")]
        elif spec.widget is FieldWidget.DATE:
            cells.append(_date_detail(name))
        else:
            cells.append(_detail(name))

    def row(record: Record, evidence_count: int) -> Row:
        return (record.key, record.name_en, record.name_zh, record.status.value,
                *(cell(record) for cell in cells), record.version, record.created_at,
                record.created_by, record.updated_at, record.updated_by, evidence_count)

    return row


def _date_detail(name: str) -> Callable[[Record], Value]:
    return lambda record: whole_date(record.details.get(name))


def _detail(name: str) -> Callable[[Record], Value]:
    return lambda record: record.details.get(name)


def _country_name(name: str, language: str) -> Callable[[Record], Value]:
    def read(record: Record) -> Value:
        value = record.details.get(name)
        if not isinstance(value, str):
            return None
        country = country_value(value)
        return country.name_en if language == "en" else country.name_zh

    return read


def _record_sheet(kind: RecordKind) -> SheetSpec:
    make = _record_cells(kind)

    def rows(snapshot: ProjectSnapshot) -> Iterable[Row]:
        counts = Counter(line.record_key for line in snapshot.evidence
                         if line.record_kind is kind)
        return (make(record, counts[record.key]) for record in snapshot.records.get(kind, []))

    return SheetSpec(kind.plural_label, record_columns(kind), rows,
                     lambda snapshot: len(snapshot.records.get(kind, [])),
                     RoundTrip.RECORDS, record_kind=kind, status_column=True)


def relation_columns(spec: RelationSpec) -> tuple[Column, ...]:
    """The columns of a relation kind's sheet: both keys first, then names and what it says."""
    subject, other = spec.subject_kind.label, _object_label(spec)
    by_country = spec.object_kind is None
    columns = [
        Column(f"{subject} key", f"Key of the {subject.lower()} it is written on.",
               "subject_key"),
        Column(f"{other} code", "ISO 3166 code of the country.", "object_key") if by_country
        else Column(f"{other} key", f"Key of the {other.lower()}.", "object_key"),
        Column(f"{subject} (EN)", f"English name of the {subject.lower()}."),
        Column(f"{subject} (ZH)", f"Chinese name of the {subject.lower()}."),
        Column(f"{other} (EN)", f"English name of the {other.lower()}."),
        Column(f"{other} (ZH)", f"Chinese name of the {other.lower()}."),
    ]
    if spec.has_role:
        columns.append(Column("Role", "Its role; the roles are a vocabulary the project can "
                                      "extend.", "role"))
    if spec.has_title:
        columns.append(Column("Title", "The title the person held (at that event).", "title"))
    if spec.has_dates:
        columns += [Column("From", "A date; a year or a month stays text.", "start_date"),
                    Column("To", "A date; a year or a month stays text.", "end_date")]
    return tuple(columns)


def _object_label(spec: RelationSpec) -> str:
    if spec.kind is RelationKind.PARENT:
        return "Parent"
    return "Country" if spec.object_kind is None else spec.object_kind.label


_RELATION_ATTRIBUTES = {"subject_key", "object_key", "role", "title", "start_date", "end_date"}
_NAME_ATTRIBUTES = ("subject_name_en", "subject_name_zh", "object_name_en", "object_name_zh")


def _relation_sheet(spec: RelationSpec) -> SheetSpec:
    columns = relation_columns(spec)
    names = iter(_NAME_ATTRIBUTES)
    attributes = [column.field if column.field in _RELATION_ATTRIBUTES else next(names)
                  for column in columns]
    read = attrgetter(*attributes)
    kind = spec.kind

    def rows(snapshot: ProjectSnapshot) -> Iterable[Row]:
        return (tuple(whole_date(value) for value in read(line))
                for line in snapshot.relations if line.kind is kind)

    return SheetSpec(spec.label, columns, rows,
                     lambda snapshot: sum(line.kind is kind for line in snapshot.relations),
                     RoundTrip.RELATIONS, relation_kind=kind)


def _alias_rows(snapshot: ProjectSnapshot) -> Iterable[Row]:
    return ((alias.record_key, alias.record_kind.label, alias.text)
            for alias in snapshot.aliases)


def _comment_rows(snapshot: ProjectSnapshot) -> Iterable[Row]:
    return ((line.record_key, line.record_kind.label, line.created_at, line.created_by,
             line.text) for line in snapshot.comments)


def _evidence_rows(snapshot: ProjectSnapshot) -> Iterable[Row]:
    names = {record.key: record.name_en or record.name_zh
             for records in snapshot.records.values() for record in records}
    return ((line.record_key, line.record_kind.label, names.get(line.record_key),
             line.document_title, line.section_title, line.start, line.end, line.quote,
             line.field) for line in snapshot.evidence)


def _document_rows(snapshot: ProjectSnapshot) -> Iterable[Row]:
    return ((info.id, info.title, info.source_name, info.encoding, info.language, info.length,
             info.imported_at, info.imported_by, info.sha256) for info in snapshot.documents)


def sheet_specs() -> tuple[SheetSpec, ...]:
    """Every sheet after the README, in order: records, relations, aliases, comments,
    evidence, documents."""
    return (
        *(_record_sheet(kind) for kind in RecordKind),
        *(_relation_sheet(spec) for spec in RELATION_SPECS.values()),
        SheetSpec("Aliases", ALIAS_COLUMNS, _alias_rows,
                  lambda snapshot: len(snapshot.aliases), RoundTrip.ALIASES),
        SheetSpec("Comments", COMMENT_COLUMNS, _comment_rows,
                  lambda snapshot: len(snapshot.comments), RoundTrip.COMMENTS),
        SheetSpec("Evidence", EVIDENCE_COLUMNS, _evidence_rows,
                  lambda snapshot: len(snapshot.evidence)),
        SheetSpec("Documents", DOCUMENT_COLUMNS, _document_rows,
                  lambda snapshot: len(snapshot.documents)),
    )


def readme_rows(snapshot: ProjectSnapshot, specs: Sequence[SheetSpec]) -> list[Row]:
    """The README sheet's rows: what the file is, where from, counts, filters, statuses and the
    meaning of every column. The first column names, the second says."""
    rows: list[Row] = [
        ("Curator export", "Records curated from source documents, with the quotes that "
                           "support them."),
        (),
        ("Project", snapshot.project_name),
        ("Exported (UTC)", snapshot.exported_at),
        ("Filter", snapshot.filter_text or "none: every record"),
    ]
    counts = {"Evidence": "Evidence quotes"}
    rows += [(counts.get(spec.title, spec.title), spec.count(snapshot)) for spec in specs]
    rows += [(), ("Review statuses",)]
    rows += [(status.value, STATUS_MEANINGS.get(status, "")) for status in ReviewStatus]
    rows += [(), ("Editing and importing back",),
             ("Edit", "Change names, statuses and details in place; add a row without a key "
                      "for a new record; delete a row to delete its record (asked first). "
                      "Relations and aliases: add or delete rows. Comments: add rows. "
                      "To relate a record you add, give its row a key beginning with NEW "
                      "(NEW-1, NEW-2…, each new row its own) and use that key on the relation "
                      "sheets, Aliases and Comments; on import it gets its real key. "
                      "Then File → Import "
                      "Corrections, or: curator -p PROJECT import-workbook FILE."),
             ("Shown only", "Country names, audit columns, evidence counts, who commented "
                            "when, and the Evidence and Documents sheets are not read "
                            "back.")]
    for spec in specs:
        rows += [(), (f"Columns of the {spec.title} sheet",)]
        rows += [(column.header, column.meaning) for column in spec.columns]
    rows += [(), ("Source texts as imported; see the Documents sheet",)]
    return rows


README_HEADINGS = frozenset({"Curator export", "Review statuses", "Editing and importing back"})
"""README cells written in bold (besides the "Columns of the … sheet" headings)."""
