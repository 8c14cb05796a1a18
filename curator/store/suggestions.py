"""Writing a document's suggestions in bulk: records, details, aliases, relations and
evidence as a few inserts, each record's history noting its creation and confidence.

The per-change operations of `records`, `aliases` and `relations` claim a version and flush
for every row; a suggestion run creates hundreds of rows at once on records nobody else has
seen yet, so it writes them together (one statement per table, then their search keys) in
the caller's unit of work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlmodel import Session

from curator.domain.evidence import quote_span
from curator.domain.records import FieldValue, RecordKind, ReviewStatus, format_key
from curator.domain.relations import Relation
from curator.store.key_numbers import claim_key_numbers
from curator.store.roles import role_names
from curator.store.search_index import reindex_records
from curator.store.tables import (
    DETAIL_TABLES,
    AliasRow,
    EvidenceRow,
    RecordRow,
    RelationRow,
    RevisionRow,
)


@dataclass(frozen=True)
class NewRecord:
    """A record to create with status suggested, its fields already checked."""

    kind: RecordKind
    name_en: str
    name_zh: str = ""
    details: dict[str, FieldValue] = field(default_factory=dict)
    confidence: float = 0.0


@dataclass(frozen=True)
class NewEvidence:
    """A span to link, to a record and optionally to its relation or alias."""

    record_id: int
    start: int
    end: int
    relation_id: int | None = None
    alias_id: int | None = None


@dataclass(frozen=True)
class NamedRecord:
    """What matching a suggestion to the project needs of a person or organization."""

    id: int
    kind: RecordKind
    status: ReviewStatus
    names: tuple[str, ...]
    """English and Chinese name, and an organization's acronym."""
    aliases: tuple[str, ...]


def named_records(session: Session) -> list[NamedRecord]:
    """Every person and organization by the names it goes by: read as plain rows (loading
    whole records was most of the time a suggestion run spent before storing anything)."""
    records = RecordRow.__table__  # type: ignore[attr-defined]
    organizations = DETAIL_TABLES["organization"].__table__  # type: ignore[attr-defined]
    aliases = AliasRow.__table__  # type: ignore[attr-defined]
    kinds = (RecordKind.PERSON.value, RecordKind.ORGANIZATION.value)
    connection = session.connection()
    alias_texts: dict[int, list[str]] = {}
    for record_id, text in connection.execute(
            select(aliases.c.record_id, aliases.c.text).order_by(aliases.c.id)):
        alias_texts.setdefault(record_id, []).append(text)
    rows = connection.execute(
        select(records.c.id, records.c.kind, records.c.status, records.c.name_en,
               records.c.name_zh, organizations.c.acronym)
        .outerjoin(organizations, organizations.c.record_id == records.c.id)
        .where(records.c.kind.in_(kinds)).order_by(records.c.kind, records.c.number))
    return [NamedRecord(record_id, RecordKind(kind), ReviewStatus(status),
                        (name_en, name_zh, acronym or ""), tuple(alias_texts.get(record_id, ())))
            for record_id, kind, status, name_en, name_zh, acronym in rows]


def _insert(session: Session, table: type, rows: list[dict[str, object]],
            key: tuple[str, ...]) -> list[int]:
    """Insert rows in one go; returns their ids in the rows' order.

    The database may return inserted rows in any order, and asking for the rows' order makes
    SQLite insert them one statement each: the ids are matched back by `key`, columns that
    tell this batch's rows apart (rows alike in them are alike, so which takes which id does
    not matter)."""
    if not rows:
        return []
    columns = table.__table__.c  # type: ignore[attr-defined]
    statement = insert(table.__table__).returning(  # type: ignore[attr-defined]
        columns.id, *(columns[name] for name in key))
    ids: dict[tuple[object, ...], list[int]] = {}
    for returned in session.connection().execute(statement, rows):
        ids.setdefault(tuple(returned[1:]), []).append(returned[0])
    return [ids[tuple(row[name] for name in key)].pop() for row in rows]


def _insert_many(session: Session, table: type, rows: Sequence[Mapping[str, object]]) -> None:
    """Insert rows that all name the same columns with one statement (the ORM's bulk insert
    cuts a batch wherever a row leaves another column empty)."""
    if rows:
        session.connection().execute(insert(table.__table__), rows)  # type: ignore[attr-defined]


def insert_records(session: Session, records: Sequence[NewRecord], *, user: str) -> list[int]:
    """Create suggested records with their fields; returns their ids in order."""
    if not records:
        return []
    now = datetime.now(UTC)
    numbers: dict[RecordKind, int] = {}
    for kind in RecordKind:
        count = sum(1 for record in records if record.kind is kind)
        if count:
            numbers[kind] = claim_key_numbers(session, kind, count)
    session.flush()
    rows: list[dict[str, object]] = []
    for record in records:
        number = numbers[record.kind]
        numbers[record.kind] += 1
        rows.append({"kind": record.kind.value, "number": number,
                     "key": format_key(record.kind, number), "name_en": record.name_en,
                     "name_zh": record.name_zh, "status": ReviewStatus.SUGGESTED.value,
                     "version": 1, "created_at": now, "created_by": user, "updated_at": now,
                     "updated_by": user})
    ids = _insert(session, RecordRow, rows, ("key",))
    for kind in RecordKind:
        details = [{"record_id": record_id, **record.details}
                   for record, record_id in zip(records, ids, strict=True)
                   if record.kind is kind]
        columns = {name for detail in details for name in detail}
        _insert_many(session, DETAIL_TABLES[kind.value],
                     [{name: detail.get(name) for name in columns} for detail in details])
    revisions: list[dict[str, object]] = []
    for record, row, record_id in zip(records, rows, ids, strict=True):
        revisions.append({"record_id": record_id, "version": 1, "action": "create",
                          "field": None, "new_value": row["key"], "changed_at": now,
                          "changed_by": user})
        revisions.append({"record_id": record_id, "version": 1, "action": "suggest",
                          "field": "confidence", "new_value": f"{record.confidence:.2f}",
                          "changed_at": now, "changed_by": user})
    _insert_many(session, RevisionRow, revisions)
    reindex_records(session.connection(), ids)
    return ids


def insert_aliases(session: Session, aliases: Sequence[tuple[int, str]], *, user: str
                   ) -> list[int]:
    """Add aliases (record id, text) to records created by this run; returns their ids."""
    now = datetime.now(UTC)
    ids = _insert(session, AliasRow, [{"record_id": record_id, "text": text, "created_at": now,
                                       "created_by": user} for record_id, text in aliases],
                  ("record_id", "text"))
    reindex_records(session.connection(), {record_id for record_id, _text in aliases})
    return ids


def insert_relations(session: Session, relations: Sequence[Relation], *, user: str
                     ) -> list[int]:
    """Add relations written on records created by this run; a role the project's
    vocabulary lacks is left out. Returns their ids."""
    now = datetime.now(UTC)
    roles = {kind: role_names(session, kind) for kind in {r.kind for r in relations}}
    return _insert(session, RelationRow, [
        {"kind": r.kind.value, "subject_id": r.subject_id, "object_id": r.object_id,
         "country_code": r.country_code, "role": r.role if r.role in roles[r.kind] else None,
         "title": r.title, "start_date": None, "end_date": None, "version": 1,
         "created_at": now, "created_by": user, "updated_at": now, "updated_by": user}
        for r in relations], ("kind", "subject_id", "object_id", "country_code"))


def insert_evidence(session: Session, document_id: int, text: str,
                    spans: Sequence[NewEvidence], *, user: str) -> None:
    """Link spans of a document to records, relations and aliases."""
    now = datetime.now(UTC)
    rows = []
    for span in spans:
        quote = quote_span(text, span.start, span.end)
        rows.append({"record_id": span.record_id, "document_id": document_id, "field": None,
                     "start": quote.start, "end": quote.end, "exact": quote.exact,
                     "prefix": quote.prefix, "suffix": quote.suffix, "created_at": now,
                     "created_by": user, "relation_id": span.relation_id,
                     "alias_id": span.alias_id})
    _insert_many(session, EvidenceRow, rows)
