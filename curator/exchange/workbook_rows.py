"""An edited workbook's rows as typed edits: records, relations and aliases, checked cell by cell.

Each sheet is matched with its `SheetSpec` by title and its columns by header (they may be
moved); a cell that cannot be what its column holds is refused with its sheet, row and
column. What needs the project to judge (does that key exist, is that a role, has the record
changed since) is left to the service comparing the edits with the project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from curator.domain.countries import resolve_country
from curator.domain.dates import parse_partial_date
from curator.domain.records import (
    DETAIL_FIELDS,
    NAME_FIELDS,
    FieldValue,
    FieldWidget,
    RecordKind,
    ReviewStatus,
    field_label,
    parse_key,
)
from curator.domain.relations import RelationKind
from curator.domain.text_safety import describe_character, first_control_character
from curator.domain.translation import N_, _
from curator.errors import WorkbookInvalid
from curator.exchange.new_keys import NewKeys, placeholder
from curator.exchange.sheets import RoundTrip, SheetSpec, sheet_specs
from curator.exchange.snapshot import ExportFilter
from curator.exchange.workbook_reader import (
    CellValue,
    Progress,
    ReadLimits,
    SheetRows,
    column_letters,
    read_sheets,
)


@dataclass(frozen=True)
class Place:
    """Where a value stands in the workbook, for messages."""

    sheet: str
    row: int
    column: str = ""

    def refuse(self, message: str) -> WorkbookInvalid:
        """An error naming this place."""
        return WorkbookInvalid(message, sheet=self.sheet, row=self.row, column=self.column)


@dataclass(frozen=True)
class RecordEdit:
    """One row of a record sheet: a record as the workbook has it (key None: a new one)."""

    kind: RecordKind
    place: Place
    key: str | None
    version: int | None
    status: ReviewStatus | None
    values: dict[str, FieldValue]
    """Names and details; a country as typed (the service resolves it), dates as ISO text."""
    columns: dict[str, str] = field(default_factory=dict)
    """Field name -> "F (Country)", for messages about a value."""
    placeholder: str | None = None
    """On a new row, the key the user gave it ("NEW-1") for other rows to name it by."""


@dataclass(frozen=True)
class RelationEdit:
    """One row of a relation sheet."""

    kind: RelationKind
    place: Place
    subject_key: str
    object_key: str
    """A record's key (or a new record's placeholder, NEW-1), or a country's ISO code."""
    role: str | None = None
    title: str | None = None
    start_date: str | None = None
    end_date: str | None = None

    @property
    def identity(self) -> tuple[str | None, ...]:
        """What makes two relations the same: kind, both sides and what it says."""
        return (self.kind.value, self.subject_key, self.object_key, self.role, self.title,
                self.start_date, self.end_date)


@dataclass(frozen=True)
class AliasEdit:
    """One row of the Aliases sheet."""

    place: Place
    record_key: str
    text: str


@dataclass(frozen=True)
class CommentEdit:
    """One row of the Comments sheet: a comment on a record, as the workbook has it."""

    place: Place
    record_key: str
    text: str


@dataclass
class WorkbookEdits:
    """Everything an edited workbook says, as typed edits."""

    source: Path
    exported_at: datetime | None
    choose: ExportFilter
    records: dict[RecordKind, list[RecordEdit]]
    relations: list[RelationEdit]
    aliases: list[AliasEdit]
    relation_sheets: set[RelationKind]
    has_alias_sheet: bool
    comments: list[CommentEdit] = field(default_factory=list)
    new_keys: NewKeys = field(default_factory=NewKeys)
    """The placeholders of the new rows ("NEW-1"), which other rows may name them by."""

    @property
    def row_count(self) -> int:
        """How many rows the workbook holds in all."""
        return (sum(map(len, self.records.values())) + len(self.relations) + len(self.aliases)
                + len(self.comments))


def read_edits(
    path: Path, *, limits: ReadLimits | None = None, progress: Progress | None = None
) -> WorkbookEdits:
    """Read an edited export; WorkbookInvalid (sheet, row, column) for anything that does not
    fit. The README, the record sheets, the relation sheets and Aliases must be there; a
    workbook without a Comments sheet adds no comments."""
    specs = [spec for spec in sheet_specs() if spec.round_trip is not None]
    read_back = {spec.title: {column.header for column in spec.columns if column.field}
                 for spec in specs}
    titles, sheets = read_sheets(path, ["README", *(spec.title for spec in specs)],
                                 limits=limits, progress=progress, columns=read_back)
    optional = {spec.title for spec in specs if spec.round_trip is RoundTrip.COMMENTS}
    for title in ["README", *(spec.title for spec in specs)]:
        if title not in sheets and title not in optional:
            raise WorkbookInvalid(_("{name} has no sheet {title}; it is not an edited "
                                    "Curator export (its sheets: {sheets}).").format(
                                      name=path.name, title=title, sheets=', '.join(titles)))
    exported_at, choose = _read_readme(sheets["README"])
    edits = WorkbookEdits(path, exported_at, choose, {kind: [] for kind in RecordKind}, [], [],
                          set(), False)
    new = edits.new_keys
    # The record sheets first: their new rows define the placeholders the others may use.
    for spec in sorted(specs, key=lambda spec: spec.round_trip is not RoundTrip.RECORDS):
        if spec.title not in sheets:
            continue
        rows = sheets[spec.title]
        columns = _locate_columns(spec, rows)
        if spec.round_trip is RoundTrip.RECORDS:
            assert spec.record_kind is not None
            edits.records[spec.record_kind] = _record_edits(spec, spec.record_kind, rows,
                                                            columns, new)
        elif spec.round_trip is RoundTrip.RELATIONS:
            assert spec.relation_kind is not None
            edits.relations += _relation_edits(spec, spec.relation_kind, rows, columns, new)
            edits.relation_sheets.add(spec.relation_kind)
        elif spec.round_trip is RoundTrip.COMMENTS:
            edits.comments = _comment_edits(spec, rows, columns, new)
        else:
            edits.aliases = _alias_edits(spec, rows, columns, new)
            edits.has_alias_sheet = True
    return edits


def _read_readme(rows: SheetRows) -> tuple[datetime | None, ExportFilter]:
    """When the workbook was exported, and which records it took."""
    values = {row[0]: row[1] if len(row) > 1 else None for _number, row in rows.rows if row}
    exported = values.get("Exported (UTC)")
    if isinstance(exported, date) and not isinstance(exported, datetime):
        exported = datetime(exported.year, exported.month, exported.day)
    described = values.get("Filter")
    choose = ExportFilter()
    if isinstance(described, str) and not described.startswith("none"):
        try:
            choose = ExportFilter.parse(described)
        except ValueError as error:
            raise WorkbookInvalid(_("the filter {described!r} is not one Curator "
                                    "writes.").format(described=described),
                                  sheet="README") from error
    return (exported if isinstance(exported, datetime) else None), choose


def _locate_columns(spec: SheetSpec, rows: SheetRows) -> dict[str, int]:
    """Field name -> column index, from the header row; every read-back column must be there."""
    if not rows.rows or rows.rows[0][0] != 1:
        raise WorkbookInvalid(_("the first row must be the header."), sheet=spec.title, row=1)
    header = rows.rows[0][1]
    found = {value.strip(): index for index, value in enumerate(header)
             if isinstance(value, str)}
    located: dict[str, int] = {}
    for column in spec.columns:
        if column.field is None:
            continue
        if column.header not in found:
            raise WorkbookInvalid(_("the column “{header}” is missing.").format(
                                      header=column.header),
                                  sheet=spec.title, row=1)
        located[column.field] = found[column.header]
    return located


class _Cells:
    """The cells of one row, read by field name, each refusal naming its place."""

    def __init__(self, spec: SheetSpec, number: int, row: list[CellValue],
                 columns: dict[str, int]) -> None:
        self.spec, self.number, self.row, self.columns = spec, number, row, columns

    def place(self, name: str = "") -> Place:
        if not name:
            return Place(self.spec.title, self.number)
        index = self.columns[name]
        header = self.spec.columns[[c.field for c in self.spec.columns].index(name)].header
        return Place(self.spec.title, self.number, f"{column_letters(index)} ({header})")

    def raw(self, name: str) -> CellValue:
        index = self.columns[name]
        return self.row[index] if index < len(self.row) else None

    def text(self, name: str, *, multi_line: bool = False) -> str | None:
        """A cell as text (a number typed in a text column becomes its digits)."""
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, bool):
            raise self.place(name).refuse(_("expected text, found {value}.").format(value=value))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        text = str(value).strip() if not multi_line else str(value).strip("\n ")
        if text.isprintable():  # the common case, checked in C
            return text or None
        if (found := first_control_character(text, allow_line_breaks=multi_line)) is not None:
            raise self.place(name).refuse(_("the text holds {character}.").format(
                character=describe_character(found)))
        return text or None

    def date(self, name: str) -> str | None:
        value = self.raw(name)
        if isinstance(value, datetime | date):
            return (value.date() if isinstance(value, datetime) else value).isoformat()
        text = self.text(name)
        if text is None:
            return None
        try:
            return parse_partial_date(text).iso()
        except ValueError as error:
            raise self.place(name).refuse(str(error)) from error  # it names the text once

    def whole_number(self, name: str) -> int | None:
        value = self.raw(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.place(name).refuse(_("expected a whole number, found {value}.").format(
                value=repr(value)))
        try:
            number = float(value)
        except ValueError as error:
            raise self.place(name).refuse(_("expected a whole number, found “{value}”.").format(
                value=value)) from error
        if not number.is_integer() or number < 0:
            raise self.place(name).refuse(_("expected a whole number of 0 or more, found "
                                            "{value}.").format(value=value))
        return int(number)

    def key(self, name: str, kind: RecordKind | None, new: NewKeys | None = None) -> str | None:
        """A record's key; with `new`, also a placeholder one of its new rows defines."""
        text = self.text(name)
        if text is None:
            return None
        if new is not None and (found := placeholder(text)) is not None:
            if (problem := new.check(found, kind)) is not None:
                raise self.place(name).refuse(problem)
            return found
        if (kind is not None and len(text) == 6 and text[0] == kind.key_prefix
                and text[1] == "-" and text[2:].isdigit()):
            return text  # as exported: E-0001
        try:
            found_kind, number = parse_key(text)
        except ValueError as error:
            raise self.place(name).refuse(_("“{text}” is not a record key (E-0001, P-0001, "
                                            "O-0001).").format(text=text)) from error
        if kind is not None and found_kind is not kind:
            raise self.place(name).refuse(_(_NOT_THE_KEY_OF[kind]).format(key=text))
        return f"{found_kind.key_prefix}-{number:04d}"


_NOT_THE_KEY_OF = {
    RecordKind.EVENT: N_("{key} is not the key of an event."),
    RecordKind.PERSON: N_("{key} is not the key of a person."),
    RecordKind.ORGANIZATION: N_("{key} is not the key of an organization."),
}


def _needs_key(kind: RecordKind) -> str:
    """Refusal of a relation row without the key of one of its sides."""
    return _("a relation needs the key of its {kind}.").format(kind=_(kind.label).lower())


_STATUSES = {status.value: status for status in ReviewStatus}


def _detail_readers(kind: RecordKind) -> dict[str, Callable[[_Cells], FieldValue]]:
    readers: dict[str, Callable[[_Cells], FieldValue]] = {}
    for spec in DETAIL_FIELDS[kind]:
        name = spec.name
        if spec.widget is FieldWidget.DATE:
            readers[name] = lambda cells, name=name: cells.date(name)  # type: ignore[misc]
        elif spec.widget is FieldWidget.INTEGER:
            readers[name] = lambda cells, name=name: cells.whole_number(name)  # type: ignore[misc]
        else:
            multi_line = spec.widget is FieldWidget.TEXT
            readers[name] = lambda cells, name=name, multi=multi_line: cells.text(  # type: ignore[misc]
                name, multi_line=multi)
    return readers


def _record_edits(
    spec: SheetSpec, kind: RecordKind, rows: SheetRows, columns: dict[str, int], new: NewKeys
) -> list[RecordEdit]:
    readers = _detail_readers(kind)
    edits: list[RecordEdit] = []
    places = {name: _Cells(spec, 0, [], columns).place(name).column for name in columns}
    seen: dict[str, int] = {}
    for number, row in rows.rows[1:]:
        cells = _Cells(spec, number, row, columns)
        new_key = placeholder(cells.text("key"))
        key = cells.key("key", kind) if new_key is None else None
        if key is not None:
            if key in seen:
                raise cells.place("key").refuse(_("{key} is on row {row} already.").format(
                    key=key, row=seen[key]))
            seen[key] = number
        version = cells.whole_number("version")
        if key is not None and not version:
            raise cells.place("version").refuse(_(
                "{key} has no version; keep the column as exported (it tells your edits from "
                "others').").format(key=key))
        status_text = (cells.text("status") or "").lower()
        status = _STATUSES.get(" ".join(status_text.split())) if status_text else None
        if status_text and status is None:
            raise cells.place("status").refuse(_(
                "“{status}” is not a status; one of: {statuses}.").format(
                    status=status_text, statuses=", ".join(_STATUSES)))
        if key is not None and status is None:
            raise cells.place("status").refuse(_("the status is empty."))
        values: dict[str, FieldValue] = {name: cells.text(name) or "" for name in NAME_FIELDS}
        values.update((name, read(cells)) for name, read in readers.items())
        if key is None and not (values["name_en"] or values["name_zh"]):
            if new_key is not None:
                raise cells.place("name_en").refuse(_(
                    "the new record {key} has no name (English or Chinese).").format(key=new_key))
            continue  # a row with neither key nor name: nothing to add
        if new_key is not None and (problem := new.define(new_key, kind, spec.title,
                                                          number)) is not None:
            raise cells.place("key").refuse(problem)
        edits.append(RecordEdit(kind, Place(spec.title, number), key, version, status, values,
                                places, new_key))
    return edits


def _relation_edits(
    spec: SheetSpec, kind: RelationKind, rows: SheetRows, columns: dict[str, int], new: NewKeys
) -> list[RelationEdit]:
    relation = kind.spec
    edits = []
    for number, row in rows.rows[1:]:
        cells = _Cells(spec, number, row, columns)
        subject = cells.key("subject_key", relation.subject_kind, new)
        if subject is None:
            raise cells.place("subject_key").refuse(_needs_key(relation.subject_kind))
        if relation.object_kind is None:
            typed = cells.text("object_key")
            code = resolve_country(typed) if typed else None
            if code is None:
                raise cells.place("object_key").refuse(_(
                    "“{value}” is not a country Curator knows (an ISO code such as BR, or "
                    "a name in English or Chinese).").format(value=typed or ""))
            other = code
        else:
            found = cells.key("object_key", relation.object_kind, new)
            if found is None:
                raise cells.place("object_key").refuse(_needs_key(relation.object_kind))
            other = found
        edits.append(RelationEdit(
            kind, cells.place(), subject, other,
            role=cells.text("role") if relation.has_role else None,
            title=_spaced(cells.text("title")) if relation.has_title else None,
            start_date=cells.date("start_date") if relation.has_dates else None,
            end_date=cells.date("end_date") if relation.has_dates else None))
    return edits


def _spaced(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def _alias_edits(spec: SheetSpec, rows: SheetRows, columns: dict[str, int],
                 new: NewKeys) -> list[AliasEdit]:
    edits = []
    for number, row in rows.rows[1:]:
        cells = _Cells(spec, number, row, columns)
        key = cells.key("record_key", None, new)
        text = _spaced(cells.text("text"))
        if key is None or text is None:
            raise cells.place("record_key" if key is None else "text").refuse(
                _("an alias needs its record's key and its text."))
        edits.append(AliasEdit(cells.place(), key, text))
    return edits


def _comment_edits(
    spec: SheetSpec, rows: SheetRows, columns: dict[str, int], new: NewKeys
) -> list[CommentEdit]:
    edits = []
    for number, row in rows.rows[1:]:
        cells = _Cells(spec, number, row, columns)
        key = cells.key("record_key", None, new)
        text = cells.text("text", multi_line=True)
        if key is None or text is None:
            raise cells.place("record_key" if key is None else "text").refuse(
                _("a comment needs its record's key and its text."))
        edits.append(CommentEdit(cells.place("text"), key, text))
    return edits


def field_name_label(kind: RecordKind, name: str) -> str:
    """What a curator calls a field in a preview."""
    return field_label(kind, name)
