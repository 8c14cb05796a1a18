"""Writing a project snapshot to a JSON file other programs can read."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from curator.domain.country_fields import COUNTRY_FIELDS, country_value
from curator.domain.documents import DocumentInfo
from curator.domain.records import DETAIL_FIELDS, Record, RecordKind
from curator.exchange.atomic import atomic_output
from curator.exchange.progress import Progress, ProgressCounter
from curator.exchange.snapshot import CommentLine, EvidenceLine, ProjectSnapshot, RelationLine


def write_json(
    snapshot: ProjectSnapshot, target: Path, *, progress: Progress | None = None
) -> None:
    """Write `snapshot` as UTF-8 JSON at `target`, replacing it only once the file is whole.

    `progress` hears at the start and the end (JSON is written in one go); if it raises,
    nothing is written.
    """
    counter = ProgressCounter(1, progress)
    if progress is not None:
        progress(0, 1)
    payload = snapshot_payload(snapshot)
    with atomic_output(target) as temp, temp.open("w", encoding="utf-8", newline="\n") as stream:
        _dump(payload, stream)
        counter.finish()  # inside: a cancel here still leaves the target untouched


def _dump(payload: dict[str, Any], stream: TextIO) -> None:
    """Write the payload with one list item per line: json's C encoder writes each item (an
    indented dump falls back to pure Python, five times slower), and the file still reads and
    diffs line by line."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    stream.write("{")
    for index, (name, value) in enumerate(payload.items()):
        stream.write(f"{',' if index else ''}\n  {encode(name)}: ")
        if isinstance(value, list) and value:
            stream.write("[\n    ")
            stream.write(",\n    ".join(map(encode, value)))
            stream.write("\n  ]")
        else:
            stream.write(encode(value))
    stream.write("\n}\n")


def snapshot_payload(snapshot: ProjectSnapshot) -> dict[str, Any]:
    """The snapshot as plain JSON-ready objects: project, time, documents, each kind, then the
    relations between records."""
    evidence: dict[str, list[EvidenceLine]] = defaultdict(list)
    for line in snapshot.evidence:
        evidence[line.record_key].append(line)
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias in snapshot.aliases:
        aliases[alias.record_key].append(alias.text)
    comments: dict[str, list[CommentLine]] = defaultdict(list)
    for comment in snapshot.comments:
        comments[comment.record_key].append(comment)
    payload: dict[str, Any] = {
        "project": snapshot.project_name,
        "exported_at": _iso(snapshot.exported_at),
        "documents": [_document(info) for info in snapshot.documents],
    }
    for kind in RecordKind:
        records = snapshot.records.get(kind, [])
        payload[_list_name(kind)] = [
            _record(record, evidence[record.key], aliases[record.key], comments[record.key])
            for record in records
        ]
    payload["relations"] = [_relation(line) for line in snapshot.relations]
    return payload


def _list_name(kind: RecordKind) -> str:
    """The top-level key holding records of `kind`: events, people, organizations."""
    return kind.plural_label.lower()


def _document(info: DocumentInfo) -> dict[str, Any]:
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


def _record(
    record: Record, evidence: list[EvidenceLine], aliases: list[str],
    comments: list[CommentLine],
) -> dict[str, Any]:
    """One record: key, names, aliases, status, version, its detail fields (a country's code
    followed by its English and Chinese names), audit trail, evidence and comments."""
    fields: dict[str, Any] = {
        "key": record.key,
        "name_en": record.name_en,
        "name_zh": record.name_zh,
        "aliases": aliases,
        "status": record.status.value,
        "version": record.version,
    }
    details = record.details
    for name, country_names in _DETAILS[record.kind]:
        value = fields[name] = details.get(name)
        if country_names is not None:
            country = country_value(value) if value and isinstance(value, str) else None
            fields[country_names[0]] = country.name_en if country else None
            fields[country_names[1]] = country.name_zh if country else None
    fields["created_at"] = _iso(record.created_at)
    fields["updated_at"] = _iso(record.updated_at)
    fields["created_by"] = record.created_by
    fields["updated_by"] = record.updated_by
    fields["evidence"] = [_evidence(line) for line in evidence]
    fields["comments"] = [{"by": line.created_by, "at": _iso(line.created_at), "text": line.text}
                          for line in comments]
    return fields


_DETAILS = {
    kind: [(spec.name, (f"{spec.name}_name_en", f"{spec.name}_name_zh")
            if spec.name in COUNTRY_FIELDS[kind] else None) for spec in DETAIL_FIELDS[kind]]
    for kind in RecordKind
}
"""Each kind's detail fields, and the keys of a country field's names."""


def _relation(line: RelationLine) -> dict[str, Any]:
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


def _evidence(line: EvidenceLine) -> dict[str, Any]:
    """One evidence span, naming its document by id and title."""
    return {
        "document": line.document_id,
        "document_title": line.document_title,
        "section": line.section_title,
        "start": line.start,
        "end": line.end,
        "quote": line.quote,
        "field": line.field,
    }


def _iso(moment: datetime) -> str:
    """ISO 8601 in UTC with its offset; a naive time is taken to be UTC already."""
    if moment.tzinfo is UTC:  # as the store hands them back: the quick way
        return moment.isoformat()
    if moment.tzinfo is None:
        return moment.isoformat() + "+00:00"
    return moment.astimezone(UTC).isoformat()
