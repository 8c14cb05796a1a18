"""What duplicate detection reads (every record's names, aliases, acronym and documents in a
few queries) and the pairs curators dismissed as not duplicates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from curator.domain.records import RecordKind, RecordSummary, ReviewStatus
from curator.store.tables import (
    AliasRow,
    DuplicateDismissalRow,
    EvidenceRow,
    OrganizationDetailRow,
    RecordRow,
    SearchKeyRow,
)


@dataclass(frozen=True)
class NamedRecord:
    """A record's names and what else tells it apart from another of the same name."""

    id: int
    key: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...]
    acronym: str
    document_ids: frozenset[int]


def named_records(session: Session, kind: RecordKind) -> list[NamedRecord]:
    """Every record of `kind` with its aliases, acronym and evidence documents, in key order."""
    records = session.exec(
        select(RecordRow.id, RecordRow.key, RecordRow.name_en, RecordRow.name_zh)
        .where(RecordRow.kind == kind.value).order_by(col(RecordRow.number))
    ).all()
    of_kind = select(RecordRow.id).where(RecordRow.kind == kind.value)
    aliases: dict[int, list[str]] = defaultdict(list)
    for record_id, text in session.exec(
        select(AliasRow.record_id, AliasRow.text)
        .where(col(AliasRow.record_id).in_(of_kind)).order_by(col(AliasRow.id))
    ):
        aliases[record_id].append(text)
    documents: dict[int, set[int]] = defaultdict(set)
    for record_id, document_id in session.exec(
        select(EvidenceRow.record_id, EvidenceRow.document_id).distinct()
        .where(col(EvidenceRow.record_id).in_(of_kind))
    ):
        documents[record_id].add(document_id)
    acronyms: dict[int, str] = {}
    if kind is RecordKind.ORGANIZATION:
        acronyms = {
            record_id: acronym for record_id, acronym in session.exec(
                select(OrganizationDetailRow.record_id, OrganizationDetailRow.acronym)
                .where(col(OrganizationDetailRow.acronym).is_not(None)))
            if record_id is not None and acronym
        }
    return [
        NamedRecord(record_id or 0, key, name_en, name_zh, tuple(aliases.get(record_id or 0, ())),
                    acronyms.get(record_id or 0, ""),
                    frozenset(documents.get(record_id or 0, ())))
        for record_id, key, name_en, name_zh in records
    ]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def records_mentioning(
    session: Session, kind: RecordKind, *, words: Iterable[str] = (), forms: Iterable[str] = ()
) -> list[NamedRecord]:
    """Records of `kind` whose name, alias or acronym contains one of `words` (case ignored
    for ASCII letters), or with a name or alias found in the search index as one of `forms`
    (a Chinese name by its pinyin): the few a name check then compares in full."""
    words = sorted({word for word in words if word})
    forms = sorted({form for form in forms if form})
    sqlite = session.get_bind().dialect.name == "sqlite"

    def contains(column: Any, word: str) -> ColumnElement[bool]:
        # SQLite's LIKE ignores ASCII case already; its ILIKE (lower() of both) is slower.
        pattern = _like(word)
        return (column.like(pattern, escape="\\") if sqlite
                else column.ilike(pattern, escape="\\"))

    conditions = [contains(column, word) for word in words
                  for column in (col(RecordRow.name_en), col(RecordRow.name_zh))]
    if words:
        conditions.append(col(RecordRow.id).in_(select(AliasRow.record_id).where(
            or_(*(contains(col(AliasRow.text), word) for word in words)))))
        if kind is RecordKind.ORGANIZATION:
            conditions.append(col(RecordRow.id).in_(
                select(OrganizationDetailRow.record_id).where(or_(*(
                    contains(col(OrganizationDetailRow.acronym), word) for word in words)))))
    if forms:
        conditions.append(col(RecordRow.id).in_(select(SearchKeyRow.record_id).where(
            col(SearchKeyRow.weight).in_((0, 1)), col(SearchKeyRow.form).in_(forms))))
    if not conditions:
        return []
    ids = set(session.exec(
        select(RecordRow.id).where(RecordRow.kind == kind.value, or_(*conditions))
    ).all())
    return named_records_by_id(session, ids)


def named_records_by_id(session: Session, record_ids: Iterable[int | None]) -> list[NamedRecord]:
    """These records with their aliases and acronym (no documents), in key order."""
    ids = sorted({record_id for record_id in record_ids if record_id is not None})
    if not ids:
        return []
    rows = session.exec(
        select(RecordRow.id, RecordRow.key, RecordRow.name_en, RecordRow.name_zh)
        .where(col(RecordRow.id).in_(ids)).order_by(col(RecordRow.kind), col(RecordRow.number))
    ).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for record_id, text in session.exec(
        select(AliasRow.record_id, AliasRow.text).where(col(AliasRow.record_id).in_(ids))
        .order_by(col(AliasRow.id))
    ):
        aliases[record_id].append(text)
    acronyms = dict(session.exec(
        select(OrganizationDetailRow.record_id, OrganizationDetailRow.acronym)
        .where(col(OrganizationDetailRow.record_id).in_(ids))
    ).all())
    return [
        NamedRecord(record_id or 0, key, name_en, name_zh, tuple(aliases.get(record_id or 0, ())),
                    acronyms.get(record_id) or "", frozenset())
        for record_id, key, name_en, name_zh in rows
    ]


def summaries(session: Session, record_ids: Iterable[int]) -> dict[int, RecordSummary]:
    """The list view of these records, by id."""
    ids = sorted(set(record_ids))
    rows = session.exec(select(RecordRow).where(col(RecordRow.id).in_(ids))).all() if ids else []
    return {
        row.id or 0: RecordSummary(row.id or 0, RecordKind(row.kind), row.key, row.name_en,
                                   row.name_zh, ReviewStatus(row.status))
        for row in rows
    }


def dismiss_pair(session: Session, first_id: int, second_id: int, *, user: str) -> None:
    """Remember that two records are not duplicates (saying it twice is saying it once)."""
    low, high = sorted((first_id, second_id))
    if session.get(DuplicateDismissalRow, (low, high)) is None:
        session.add(DuplicateDismissalRow(first_id=low, second_id=high,
                                          dismissed_at=datetime.now(UTC), dismissed_by=user))
        session.flush()


def undo_dismissal(session: Session, first_id: int, second_id: int) -> None:
    """Forget a dismissal (its undo)."""
    row = session.get(DuplicateDismissalRow, tuple(sorted((first_id, second_id))))
    if row is not None:
        session.delete(row)
        session.flush()


def dismissed_pairs(session: Session) -> set[tuple[int, int]]:
    """Every dismissed pair of record ids, smaller first."""
    return {(first, second) for first, second in session.exec(
        select(DuplicateDismissalRow.first_id, DuplicateDismissalRow.second_id))}
