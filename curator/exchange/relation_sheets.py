"""What the workbook shows of relations, aliases and country fields: sheets, columns, cells."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from datetime import date

from curator.domain.country_fields import COUNTRY_FIELDS, country_value
from curator.domain.records import FieldSpec, Record, RecordKind
from curator.domain.relations import RELATION_SPECS, RelationKind, RelationSpec
from curator.exchange.snapshot import AliasLine, ProjectSnapshot, RelationLine

Column = tuple[str, str, str]  # header, attribute of the line, meaning
Cell = str | None


def relation_columns(spec: RelationSpec) -> tuple[Column, ...]:
    """The columns of a relation kind's sheet: both keys first, then names and what it says."""
    subject, other = spec.subject_kind.label, _object_label(spec)
    by_country = spec.object_kind is None
    columns: list[Column] = [
        (f"{subject} key", "subject_key", f"Key of the {subject.lower()} it is written on."),
        (f"{other} code" if by_country else f"{other} key", "object_key",
         "ISO 3166 code of the country." if by_country else f"Key of the {other.lower()}."),
        (f"{subject} (EN)", "subject_name_en", f"English name of the {subject.lower()}."),
        (f"{subject} (ZH)", "subject_name_zh", f"Chinese name of the {subject.lower()}."),
        (f"{other} (EN)", "object_name_en", f"English name of the {other.lower()}."),
        (f"{other} (ZH)", "object_name_zh", f"Chinese name of the {other.lower()}."),
    ]
    if spec.has_role:
        columns.append(("Role", "role", "Its role; the roles are a vocabulary the project "
                                        "can extend."))
    if spec.has_title:
        columns.append(("Title", "title", "The title the person held (at that event)."))
    if spec.has_dates:
        columns += [("From", "start_date", "A date; a year or a month stays text."),
                    ("To", "end_date", "A date; a year or a month stays text.")]
    return tuple(columns)


def _object_label(spec: RelationSpec) -> str:
    if spec.kind is RelationKind.PARENT:
        return "Parent"
    return "Country" if spec.object_kind is None else spec.object_kind.label


def relation_tables(
    snapshot: ProjectSnapshot,
) -> Iterator[tuple[str, tuple[Column, ...], list[RelationLine]]]:
    """Title, columns and lines of each relation kind's sheet, in `RelationKind` order."""
    for kind, spec in RELATION_SPECS.items():
        lines = [line for line in snapshot.relations if line.kind is kind]
        yield spec.label, relation_columns(spec), lines


ALIAS_COLUMNS: tuple[Column, ...] = (
    ("Record key", "record_key", "Key of the record the alias names."),
    ("Record type", "record_kind.label", "Event, Person or Organization."),
    ("Alias", "text", "Another form the record appears under in the sources."),
)


def alias_lines(snapshot: ProjectSnapshot) -> Sequence[AliasLine]:
    """The aliases as the Aliases sheet lists them."""
    return snapshot.aliases


def country_name_columns(spec: FieldSpec, kind: RecordKind) -> tuple[Column, ...]:
    """The English and Chinese name columns following a country field's code column."""
    if spec.name not in COUNTRY_FIELDS[kind]:
        return ()
    return (
        (f"{spec.label} (EN)", spec.name, "English name of the country (empty while the "
                                          "column left of it holds text still to fix)."),
        (f"{spec.label} (ZH)", spec.name, "Chinese name of the country."),
    )


def country_names(record: Record, spec: FieldSpec) -> Iterable[Cell]:
    """The English and Chinese names of a record's country field, if it is one."""
    if spec.name not in COUNTRY_FIELDS[record.kind]:
        return ()
    value = record.details.get(spec.name)
    if not isinstance(value, str):
        return (None, None)
    country = country_value(value)
    return (country.name_en, country.name_zh)


def relation_rows(
    columns: Sequence[Column], lines: Iterable[RelationLine]
) -> Iterator[tuple[Cell | date, ...]]:
    """The cells of each line in the order of `columns`; whole dates become real dates."""
    for line in lines:
        yield tuple(_cell(getattr(line, path)) for _, path, _ in columns)


def _cell(value: Cell) -> Cell | date:
    if value is not None and len(value) == 10 and value[4] == "-" and value[:4].isdigit():
        with suppress(ValueError):
            return date.fromisoformat(value)
    return value
