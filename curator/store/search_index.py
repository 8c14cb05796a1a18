"""The search index: records' search keys and documents' passages, kept in step with the
tables in the same transaction as every change to them.

A session event rewrites the keys of each record whose row, detail row or aliases a flush
touched, and splits each newly added document into passages, so no write path can forget
the index. Bulk loaders that insert with Core statements call `rebuild_search_index`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from sqlalchemy import Select, delete, insert, select
from sqlalchemy.engine import Connection
from sqlmodel import Session

from curator.store.migrating import FULL_TEXT_TABLES
from curator.store.tables import (
    DETAIL_TABLES,
    AliasRow,
    DocumentRow,
    PassageRow,
    RecordRow,
    RelationRow,
    SearchKeyRow,
)

_BATCH = 500
_KEYS = SearchKeyRow.__table__  # type: ignore[attr-defined]
_PASSAGES = PassageRow.__table__  # type: ignore[attr-defined]
_RECORDS = RecordRow.__table__  # type: ignore[attr-defined]
_ALIASES = AliasRow.__table__  # type: ignore[attr-defined]
_DOCUMENTS = DocumentRow.__table__  # type: ignore[attr-defined]
_RELATIONS = RelationRow.__table__  # type: ignore[attr-defined]
_RECORD_PARTS: tuple[type, ...] = (AliasRow, *DETAIL_TABLES.values())
"""Rows that belong to one record, through their `record_id`."""


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    iterator = iter(sorted(ids))
    while batch := list(islice(iterator, _BATCH)):
        yield batch


def reindex_records(connection: Connection, record_ids: Iterable[int], *,
                    full_text: bool = True) -> None:
    """Rewrite the search keys of these records (a deleted record's just go); `full_text`
    False leaves SQLite's full-text tables to a rebuild."""
    for batch in _batches(record_ids):
        connection.execute(delete(_KEYS).where(_KEYS.c.record_id.in_(batch)))
        rows = _search_key_rows(connection, batch)
        if rows:
            connection.execute(insert(_KEYS), rows)
            if full_text and connection.dialect.name == "sqlite":
                _feed_full_text(connection, select(_KEYS.c.id, _KEYS.c.form, _KEYS.c.han)
                                .where(_KEYS.c.record_id.in_(batch)).order_by(_KEYS.c.id),
                                ("search_key_trigrams", "form"), ("search_key_han", "han"))


def _feed_full_text(connection: Connection, rows: Select[Any],
                    *indexes: tuple[str, str]) -> None:
    """Add the rows (id, then each indexed column's value, in `indexes`' order) to SQLite's
    FTS5 tables, one statement a table (migration 0008: a trigger a row was 4-5x slower)."""
    fetched = connection.execute(rows).all()
    for position, (name, column) in enumerate(indexes, start=1):
        connection.exec_driver_sql(f"INSERT INTO {name}(rowid, {column}) VALUES (?, ?)",
                                   [(row[0], row[position]) for row in fetched])


def _search_key_rows(connection: Connection, record_ids: list[int]) -> list[dict[str, Any]]:
    """The search_key rows of these records, read from their tables."""
    from curator.domain.records import RecordKind
    from curator.domain.search_keys import record_search_keys

    records = connection.execute(
        select(_RECORDS.c.id, _RECORDS.c.kind, _RECORDS.c.key, _RECORDS.c.name_en,
               _RECORDS.c.name_zh).where(_RECORDS.c.id.in_(record_ids))
    ).all()
    aliases: dict[int, list[str]] = {}
    for record_id, text in connection.execute(
        select(_ALIASES.c.record_id, _ALIASES.c.text).where(_ALIASES.c.record_id.in_(record_ids))
    ):
        aliases.setdefault(record_id, []).append(text)
    details = _details(connection, record_ids)
    countries = _countries(connection, record_ids)
    rows = []
    for record_id, kind, key, name_en, name_zh in records:
        for search_key in record_search_keys(
            RecordKind(kind), key=key, name_en=name_en, name_zh=name_zh,
            details=details.get(record_id, {}), aliases=aliases.get(record_id, ()),
            countries=sorted(countries.get(record_id, ())),
        ):
            rows.append({"record_id": record_id, "field": search_key.field.value,
                         "weight": search_key.field.weight, "value": search_key.value,
                         "form": search_key.form, "han": search_key.han})
    return rows


def _details(connection: Connection, record_ids: list[int]) -> dict[int, dict[str, object]]:
    """The detail fields a search looks in, by record id."""
    found: dict[int, dict[str, object]] = {}
    for kind, column_name in (("person", "position"), ("organization", "acronym")):
        table = DETAIL_TABLES[kind].__table__  # type: ignore[attr-defined]
        for record_id, value in connection.execute(
            select(table.c.record_id, table.c[column_name])
            .where(table.c.record_id.in_(record_ids))
        ):
            found[record_id] = {column_name: value}
    return found


def _countries(connection: Connection, record_ids: list[int]) -> dict[int, set[str]]:
    """The country codes each record is in (its country or nationality field) or involves
    (an event's countries), by record id; text that is not a code is left out."""
    from curator.domain.country_fields import COUNTRY_FIELDS, is_country_code

    found: dict[int, set[str]] = {}
    for kind, fields in COUNTRY_FIELDS.items():
        table = DETAIL_TABLES[kind.value].__table__  # type: ignore[attr-defined]
        for field in fields:
            for record_id, value in connection.execute(
                select(table.c.record_id, table.c[field])
                .where(table.c.record_id.in_(record_ids), table.c[field].is_not(None))
            ):
                if is_country_code(value):
                    found.setdefault(record_id, set()).add(value)
    for subject_id, code in connection.execute(
        select(_RELATIONS.c.subject_id, _RELATIONS.c.country_code)
        .where(_RELATIONS.c.subject_id.in_(record_ids), _RELATIONS.c.country_code.is_not(None))
    ):
        found.setdefault(subject_id, set()).add(code)
    return found


def index_documents(connection: Connection, document_ids: Iterable[int], *,
                    full_text: bool = True) -> None:
    """Split these documents into passages, replacing any they had; `full_text` False
    leaves SQLite's full-text tables to a rebuild."""
    from curator.domain.passages import split_passages
    from curator.domain.search_keys import spaced_han

    for document_id in sorted(document_ids):
        connection.execute(delete(_PASSAGES).where(_PASSAGES.c.document_id == document_id))
        text = connection.execute(
            select(_DOCUMENTS.c.text).where(_DOCUMENTS.c.id == document_id)
        ).scalar()
        rows = [
            {"document_id": document_id, "start": passage.start, "end": passage.end,
             "text": passage.folded, "han": spaced_han(passage.folded)}
            for passage in split_passages(text or "")
        ]
        if rows:
            connection.execute(insert(_PASSAGES), rows)
            if full_text and connection.dialect.name == "sqlite":
                _feed_full_text(
                    connection, select(_PASSAGES.c.id, _PASSAGES.c.text, _PASSAGES.c.han)
                    .where(_PASSAGES.c.document_id == document_id).order_by(_PASSAGES.c.id),
                    ("passage_trigrams", "text"), ("passage_han", "han"))


def rebuild_search_index(connection: Connection) -> None:
    """Rebuild the whole index from the tables (after a bulk load, or a schema upgrade)."""
    with _full_text_rebuilt_at_end(connection):
        connection.execute(delete(_KEYS))
        connection.execute(delete(_PASSAGES))
        record_ids = connection.execute(select(_RECORDS.c.id)).scalars().all()
        reindex_records(connection, record_ids, full_text=False)
        index_documents(connection, connection.execute(select(_DOCUMENTS.c.id)).scalars().all(),
                        full_text=False)


@contextmanager
def _full_text_rebuilt_at_end(connection: Connection) -> Iterator[None]:
    """On SQLite, leave the FTS5 tables alone while the block rewrites the index, then rebuild
    them in one pass: their delete triggers, fed rowids out of order, flush per row (20x
    slower), and the block writes no full-text rows itself."""
    if connection.dialect.name != "sqlite":
        yield
        return
    triggers = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name IN ('search_key', 'passage')").all()
    for name, _sql in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        connection.exec_driver_sql(sql)
    for name in FULL_TEXT_TABLES:
        connection.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def _touched(session: Session) -> tuple[set[int], set[int]]:
    """Ids of the records and the new documents a flush is writing."""
    records: set[int] = set()
    documents: set[int] = set()
    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, RecordRow) and instance.id is not None:
            records.add(instance.id)
        elif isinstance(instance, _RECORD_PARTS):
            records.add(instance.record_id)  # type: ignore[attr-defined]
        elif isinstance(instance, RelationRow) and instance.country_code is not None:
            records.add(instance.subject_id)  # an event's countries are found by name
        elif isinstance(instance, DocumentRow) and instance in session.new:
            assert instance.id is not None
            documents.add(instance.id)
    return records, documents


def _keep_in_step(session: Session, _context: object) -> None:
    """After each flush, rewrite the index for what it wrote, on the same connection."""
    records, documents = _touched(session)
    if records or documents:
        connection = session.connection()
        reindex_records(connection, records)
        index_documents(connection, documents)


def keep_index_in_step() -> None:
    """Make every session keep the search index in step with its flushes (idempotent)."""
    from sqlalchemy import event

    if not event.contains(Session, "after_flush", _keep_in_step):
        event.listen(Session, "after_flush", _keep_in_step)
