"""Writing a project to a JSON file other programs can read, a few thousand records at a time."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from curator.domain.country_fields import COUNTRY_FIELDS, CountryValue, country_value
from curator.domain.documents import DocumentInfo
from curator.domain.records import DETAIL_FIELDS, Record, RecordKind
from curator.exchange.atomic import atomic_output
from curator.exchange.progress import Progress, ProgressCounter
from curator.exchange.snapshot import ProjectSnapshot, RelationLine

Entry = dict[str, Any]
"""One JSON object of the file, ready for the encoder."""

CHUNK = 2_000
"""Entries encoded and written at a time: few enough that the file is never whole in memory,
many enough that each write is large."""


@dataclass(frozen=True)
class JsonContent:
    """What a JSON export holds, as entries that may be read while they are written: a large
    project is then never in memory whole, neither as objects nor as text."""

    project_name: str
    exported_at: datetime
    documents: list[DocumentInfo]
    records: Mapping[RecordKind, Iterable[Entry]]
    """Each kind's records as `record_entry` builds them, in the order they are written."""
    relations: Iterable[Entry]
    """Read only after every record is written (a generator may depend on them)."""
    record_count: int
    """How many records `records` yields in all: what progress counts."""


def write_json(
    snapshot: ProjectSnapshot, target: Path, *, progress: Progress | None = None
) -> None:
    """Write `snapshot` as UTF-8 JSON at `target`, replacing it only once the file is whole.

    `progress` hears (records written, records in all) as the file grows; if it raises,
    nothing is written.
    """
    write_json_content(snapshot_content(snapshot), target, progress=progress)


def write_json_content(
    content: JsonContent, target: Path, *, progress: Progress | None = None
) -> None:
    """Write `content` as UTF-8 JSON at `target`, replacing it only once the file is whole;
    `progress` as for `write_json`."""
    counter = ProgressCounter(max(content.record_count, 1), progress)
    if progress is not None:
        progress(0, counter.total)
    with atomic_output(target) as temp, temp.open("w", encoding="utf-8", newline="\n") as stream:
        _dump(content, stream, counter)
        counter.finish()  # inside: a cancel here still leaves the target untouched


def _dump(content: JsonContent, stream: TextIO, counter: ProgressCounter) -> None:
    """Write the content with one list item per line: json's C encoder writes each item (an
    indented dump falls back to pure Python, five times slower), and the file still reads and
    diffs line by line."""
    stream.write(f'{{\n  "project": {_encode(content.project_name)},\n  "exported_at": '
                 f'{_encode(iso_text(content.exported_at))},\n  "documents": ')
    _write_list(stream, map(_document, content.documents))
    for kind in RecordKind:
        stream.write(f',\n  "{_list_name(kind)}": ')
        _write_list(stream, content.records.get(kind, ()), counter)
    stream.write(',\n  "relations": ')
    _write_list(stream, content.relations)
    stream.write("\n}\n")


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _write_list(
    stream: TextIO, entries: Iterable[Entry], counter: ProgressCounter | None = None
) -> None:
    """A JSON list, one entry a line, encoded and written a chunk at a time ("[]" if empty)."""
    items = iter(entries)
    separator = "[\n    "
    while chunk := list(map(_encode, islice(items, CHUNK))):
        stream.write(separator)
        stream.write(",\n    ".join(chunk))
        separator = ",\n    "
        if counter is not None:
            counter.advance(len(chunk))
    stream.write("[]" if separator.startswith("[") else "\n  ]")


def snapshot_content(snapshot: ProjectSnapshot) -> JsonContent:
    """A snapshot's records and relations as JSON entries."""
    # Numbered here rather than by record id: a snapshot built by hand may repeat ids.
    ids = {record.key: number for number, record in enumerate(
        record for records in snapshot.records.values() for record in records)}
    evidence: dict[int, list[EvidenceSpan]] = {}
    for line in snapshot.evidence:
        evidence.setdefault(ids[line.record_key], []).append(line[2:])
    aliases: dict[int, list[str]] = {}
    for alias in snapshot.aliases:
        aliases.setdefault(ids[alias.record_key], []).append(alias.text)
    comments: dict[int, list[Entry]] = {}
    for comment in snapshot.comments:
        comments.setdefault(ids[comment.record_key], []).append(
            comment_entry(comment.created_by, iso_text(comment.created_at), comment.text))
    records = {
        kind: record_entries(kind, (_record_row(record, ids[record.key])
                                    for record in snapshot.records.get(kind, [])),
                             time_text=iso_text, aliases=aliases, evidence=evidence,
                             comments=comments)
        for kind in RecordKind
    }
    return JsonContent(
        project_name=snapshot.project_name,
        exported_at=snapshot.exported_at,
        documents=snapshot.documents,
        records=records,
        relations=map(relation_entry, snapshot.relations),
        record_count=sum(map(len, snapshot.records.values())),
    )


def _record_row(record: Record, number: int) -> tuple[Any, ...]:
    """A record laid out as `record_entries` reads rows, `number` standing for its id."""
    details = record.details
    return (number, record.key, record.name_en, record.name_zh, record.status.value,
            record.version, record.created_at, record.created_by, record.updated_at,
            record.updated_by, *(details.get(spec.name) for spec in DETAIL_FIELDS[record.kind]))


def _list_name(kind: RecordKind) -> str:
    """The top-level key holding records of `kind`: events, people, organizations."""
    return kind.plural_label.lower()


def _document(info: DocumentInfo) -> Entry:
    """One document, without its text."""
    return {
        "id": info.id,
        "title": info.title,
        "source_name": info.source_name,
        "sha256": info.sha256,
        "language": info.language,
        "encoding": info.encoding,
        "characters": info.length,
    }


_NO_ENTRIES: list[Any] = []


def record_entries(
    kind: RecordKind, rows: Iterable[Sequence[Any]], *, time_text: Callable[[Any], str],
    aliases: Mapping[int, Sequence[str]], evidence: Mapping[int, Sequence[EvidenceSpan]],
    comments: Mapping[int, Sequence[Entry]],
) -> Iterator[Entry]:
    """One entry per record row: key, names, aliases, status, version, its detail fields (a
    country's code followed by its English and Chinese names), audit trail, evidence and
    comments.

    A row is laid out as the store's bulk reading gives it: id, key, name_en, name_zh, status
    value, version, created_at, created_by, updated_at, updated_by, then the kind's detail
    fields in the order of DETAIL_FIELDS; `time_text` turns a row's times into ISO text. The
    other three map a record's id to its aliases, evidence spans and comments entries.
    """
    details = _DETAILS[kind]
    for row in rows:
        record_id = row[0]
        fields: Entry = {
            "key": row[1],
            "name_en": row[2],
            "name_zh": row[3],
            "aliases": aliases.get(record_id, _NO_ENTRIES),
            "status": row[4],
            "version": row[5],
        }
        for (name, country_names), value in zip(details, row[10:], strict=True):
            fields[name] = value
            if country_names is not None:
                country = _country(value) if value and isinstance(value, str) else None
                fields[country_names[0]] = country.name_en if country else None
                fields[country_names[1]] = country.name_zh if country else None
        fields["created_at"] = time_text(row[6])
        fields["updated_at"] = time_text(row[8])
        fields["created_by"] = row[7]
        fields["updated_by"] = row[9]
        spans = evidence.get(record_id)
        fields["evidence"] = [evidence_entry(*span) for span in spans] if spans else _NO_ENTRIES
        fields["comments"] = comments.get(record_id, _NO_ENTRIES)
        yield fields


_DETAILS = {
    kind: [(spec.name, (f"{spec.name}_name_en", f"{spec.name}_name_zh")
            if spec.name in COUNTRY_FIELDS[kind] else None) for spec in DETAIL_FIELDS[kind]]
    for kind in RecordKind
}
"""Each kind's detail fields, and the keys of a country field's names."""


@functools.lru_cache(maxsize=1024)
def _country(stored: str) -> CountryValue:
    """A country field's names (a few hundred codes in a project: looked up once each)."""
    return country_value(stored)


def comment_entry(created_by: str, created_at: str, text: str) -> Entry:
    """One comment: who wrote it, when (ISO text), and what."""
    return {"by": created_by, "at": created_at, "text": text}


def relation_entry(line: RelationLine) -> Entry:
    """One relation: its kind, both sides by key (a country by code) and name, what it says."""
    return {
        "kind": line.kind.value,
        "subject": line.subject_key,
        "object": line.object_key,
        "subject_name_en": line.subject_name_en,
        "subject_name_zh": line.subject_name_zh,
        "object_name_en": line.object_name_en,
        "object_name_zh": line.object_name_zh,
        "role": line.role,
        "title": line.title,
        "start_date": line.start_date,
        "end_date": line.end_date,
    }


EvidenceSpan = tuple[int, str, str, int, int, str, str | None]
"""An evidence span as `evidence_entry` takes it: an EvidenceLine's fields from document_id on.

Plain tuples, built into dicts only as their record is written: Python's cycle collector
stops watching a tuple of plain values, where it kept every dict (30,000 records' evidence
held as dicts cost one full collection of 60 ms in an export of 0.45 s)."""


def evidence_entry(
    document_id: int, document_title: str, section_title: str, start: int, end: int,
    quote: str, field: str | None,
) -> Entry:
    """One evidence span, naming its document by id and title."""
    return {
        "document": document_id,
        "document_title": document_title,
        "section": section_title,
        "start": start,
        "end": end,
        "quote": quote,
        "field": field,
    }


def iso_text(moment: datetime) -> str:
    """ISO 8601 in UTC with its offset; a naive time is taken to be UTC already."""
    if moment.tzinfo is UTC:  # as the store hands them back: the quick way
        return moment.isoformat()
    if moment.tzinfo is None:
        return moment.isoformat() + "+00:00"
    return moment.astimezone(UTC).isoformat()
