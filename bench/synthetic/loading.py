"""Writing the planned project into a database with bulk Core inserts, a batch at a time."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from datetime import timedelta
from itertools import islice
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import Connection

from curator.domain.documents import text_sha256
from curator.domain.evidence import quote_span
from curator.domain.records import RecordKind, format_key
from curator.ingest.sections import detect_sections
from curator.store.tables import (
    DETAIL_TABLES,
    AliasRow,
    DocumentRow,
    KeySequenceRow,
    RecordRow,
    RelationRow,
    RevisionRow,
    SectionRow,
)
from synthetic.documents import Chapter, Span
from synthetic.history import USERS, Change, created_at, creator, plan_history
from synthetic.records import Record, Relation

BATCH = 5_000
Row = dict[str, Any]


def table(row_class: type) -> Table:
    """The Core table of a SQLModel row class."""
    return row_class.__table__  # type: ignore[attr-defined]


def insert_rows(connection: Connection, row_class: type, rows: Iterable[Row]) -> int:
    """Insert rows in batches (one executemany each); returns how many."""
    statement = insert(table(row_class))
    count = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        connection.execute(statement, batch)
        count += len(batch)
    return count


def insert_records(connection: Connection, rng: random.Random, records: Sequence[Record],
                   history_share: float) -> int:
    """Insert records with their detail rows and, for `history_share` of them, revisions;
    returns how many revision rows were written."""
    with_history = set(rng.sample(range(len(records)), round(len(records) * history_share)))
    rows, details, revisions = [], [], []
    for index, record in enumerate(records):
        key = format_key(RecordKind(record.kind), record.number)
        made_by = creator(rng, record.status)
        changes = plan_history(rng, record, key, made_by) if index in with_history else []
        last = changes[-1] if changes else None
        rows.append({
            "id": record.id, "kind": record.kind, "number": record.number, "key": key,
            "name_en": record.name_en, "name_zh": record.name_zh, "status": record.status,
            "version": last.version if last else 1, "created_at": created_at(record.id),
            "created_by": made_by, "updated_at": last.changed_at if last else created_at(record.id),
            "updated_by": last.changed_by if last else made_by,
        })
        details.append({"record_id": record.id, **record.detail})
        revisions += [_revision_row(record.id, change) for change in changes]
    insert_rows(connection, RecordRow, rows)
    insert_rows(connection, DETAIL_TABLES[records[0].kind], details)
    return insert_rows(connection, RevisionRow, revisions)


def _revision_row(record_id: int, change: Change) -> Row:
    return {"record_id": record_id, "version": change.version, "action": change.action,
            "field": change.field, "old_value": change.old_value,
            "new_value": change.new_value, "changed_at": change.changed_at,
            "changed_by": change.changed_by}


def relation_rows(rng: random.Random, relations: list[Relation]) -> Iterator[Row]:
    """Relation rows, each made a little after the records it joins."""
    for relation in relations:
        made = created_at(max(relation.subject_id, relation.object_id or 0)) + timedelta(hours=1)
        user = rng.choice(USERS)
        yield {"id": relation.id, "kind": relation.kind.value, "subject_id": relation.subject_id,
               "object_id": relation.object_id, "country_code": relation.country_code,
               "role": relation.role, "title": relation.title,
               "start_date": relation.start_date, "end_date": relation.end_date, "version": 1,
               "created_at": made, "created_by": user, "updated_at": made, "updated_by": user}


def alias_rows(rng: random.Random, records: Iterable[Record]) -> Iterator[Row]:
    """Alias rows of the records that have one (their ids already given)."""
    for record in records:
        if record.alias is not None:
            yield {"id": record.alias_id, "record_id": record.id, "text": record.alias,
                   "created_at": created_at(record.id) + timedelta(minutes=30),
                   "created_by": rng.choice(USERS)}


def insert_document(connection: Connection, document_id: int, chapter: Chapter,
                    part: int) -> int:
    """Insert a chapter as a document, with the sections Curator's importer would find;
    returns how many sections."""
    insert_rows(connection, DocumentRow, [{
        "id": document_id, "title": chapter.title, "source_name": chapter.source_name,
        "sha256": text_sha256(chapter.text), "encoding": "utf-8", "media_type": "text/plain",
        "language": "en", "text": chapter.text,
        "imported_at": created_at(0) + timedelta(hours=part), "imported_by": USERS[0],
    }])
    return insert_rows(connection, SectionRow, (
        {"document_id": document_id, "ordinal": ordinal, "title": section.title,
         "level": section.level, "start": section.start, "end": section.end}
        for ordinal, section in enumerate(detect_sections(chapter.text))))


def evidence_rows(chosen: Iterable[tuple[int, Span]],
                  texts: dict[int, str]) -> Iterator[Row]:
    """Evidence rows for chosen spans (document id, span), quoted from the documents."""
    for document_id, (start, end, record_id, field, relation_id, alias_id) in chosen:
        quote = quote_span(texts[document_id], start, end)
        yield {"record_id": record_id, "document_id": document_id, "field": field,
               "start": start, "end": end, "exact": quote.exact, "prefix": quote.prefix,
               "suffix": quote.suffix, "created_at": created_at(record_id) + timedelta(hours=2),
               "created_by": USERS[record_id % len(USERS)], "relation_id": relation_id,
               "alias_id": alias_id}


def set_key_sequences(connection: Connection, last_numbers: dict[str, int]) -> None:
    """Key numbers go on after the last record of each kind (the schema seeds its rows)."""
    sequences = table(KeySequenceRow)
    for kind, number in last_numbers.items():
        updated = connection.execute(update(sequences).where(sequences.c.kind == kind)
                                     .values(last_number=number))
        if not updated.rowcount:
            insert_rows(connection, KeySequenceRow, [{"kind": kind, "last_number": number}])


_EXPLICIT_IDS = (DocumentRow, RecordRow, RelationRow, AliasRow)


def advance_id_sequences(connection: Connection) -> None:
    """On PostgreSQL, move id sequences past the ids inserted explicitly (SQLite follows
    the largest id by itself)."""
    if connection.dialect.name != "postgresql":
        return
    for row_class in _EXPLICIT_IDS:
        name = table(row_class).name
        largest = connection.execute(select(func.max(table(row_class).c.id))).scalar()
        if largest:
            connection.execute(text("SELECT setval(pg_get_serial_sequence(:name, 'id'), :id)"),
                               {"name": f'"{name}"', "id": largest})
