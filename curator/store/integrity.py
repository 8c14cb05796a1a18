"""Queries that look for damage in a project: broken pages, altered texts, stale quotes,
references to missing rows, duplicate keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy
from sqlalchemy import func
from sqlmodel import Session, SQLModel, col

from curator.domain.documents import text_sha256
from curator.domain.records import RecordKind, format_key
from curator.store import tables  # noqa: F401  (the metadata must know every table)
from curator.store.tables import (
    DETAIL_TABLES,
    DocumentRow,
    EvidenceRow,
    KeySequenceRow,
    RecordRow,
)

_MAX_LISTED = 20  # problems of one kind listed one by one; more are counted
_INTEGRITY_ROWS = 50


@dataclass(frozen=True)
class Problem:
    """Something wrong in a project: what kind of check found it, and what it is."""

    check: str
    message: str


def storage_problems(session: Session) -> list[Problem]:
    """What SQLite's own integrity check finds (broken pages, indexes out of step).

    PostgreSQL keeps its pages itself; nothing is checked there.
    """
    if session.get_bind().dialect.name != "sqlite":
        return []
    rows = session.execute(
        sqlalchemy.text(f"PRAGMA integrity_check({_INTEGRITY_ROWS})")).scalars().all()
    return [Problem("database", f"The database file is damaged: {row}")
            for row in rows if row != "ok"]


def missing_references(session: Session) -> list[Problem]:
    """Rows pointing at a row that is not there, for every foreign key of the schema, and
    records without the detail row of their kind."""
    problems: list[Problem] = []
    for table in SQLModel.metadata.sorted_tables:
        for foreign_key in table.foreign_keys:
            child, parent = foreign_key.parent, foreign_key.column
            orphans = sqlalchemy.select(child).select_from(
                table.outerjoin(parent.table, child == parent)
            ).where(child.is_not(None), parent.is_(None))
            problems.extend(_listed(
                session, orphans, "references",
                lambda value, t=table.name, c=child.name, p=parent.table.name:
                    f"{t}.{c} = {value} refers to a {p} row that does not exist"))
    for kind, detail in DETAIL_TABLES.items():
        detail_table = detail.__table__  # type: ignore[attr-defined]
        missing = sqlalchemy.select(col(RecordRow.key)).select_from(
            RecordRow.__table__.outerjoin(  # type: ignore[attr-defined]
                detail_table, detail_table.c.record_id == RecordRow.id)
        ).where(col(RecordRow.kind) == kind, detail_table.c.record_id.is_(None))
        problems.extend(_listed(session, missing, "references",
                                lambda key, k=kind: f"{key} has no {k} details"))
    return problems


def duplicate_keys(session: Session) -> list[Problem]:
    """Keys held twice (records, record numbers, document fingerprints) and key counters
    behind the numbers issued (a new record would take an old key)."""
    problems: list[Problem] = []
    for column, what in ((col(RecordRow.key), "record key"),
                         (col(DocumentRow.sha256), "document text fingerprint")):
        duplicates = (sqlalchemy.select(column, func.count()).group_by(column)
                      .having(func.count() > 1))
        problems.extend(_listed(session, duplicates, "keys",
                                lambda value, n, w=what: f"The {w} {value} is held {n} times"))
    numbers = (sqlalchemy.select(col(RecordRow.kind), col(RecordRow.number), func.count())
               .group_by(col(RecordRow.kind), col(RecordRow.number)).having(func.count() > 1))
    problems.extend(_listed(session, numbers, "keys",
                            lambda kind, number, n: f"{n} {kind} records have number {number}"))
    issued = dict(session.execute(
        sqlalchemy.select(col(KeySequenceRow.kind), col(KeySequenceRow.last_number))).all())
    highest = session.execute(
        sqlalchemy.select(col(RecordRow.kind), func.max(col(RecordRow.number)))
        .group_by(col(RecordRow.kind))).all()
    for kind, number in highest:
        if number is not None and issued.get(kind, 0) < number:
            problems.append(Problem("keys", (
                f"The {kind} key counter is at {issued.get(kind, 0)} but {kind} number {number} "
                "exists: a new record would take a key already used")))
    return problems


def mismatched_keys(session: Session) -> list[Problem]:
    """Records whose key is not the one their kind and number make."""
    return list(_mismatched_keys(session))


def _mismatched_keys(session: Session) -> Iterator[Problem]:
    rows = session.execute(sqlalchemy.select(
        col(RecordRow.id), col(RecordRow.kind), col(RecordRow.number), col(RecordRow.key)))
    for record_id, kind, number, key in rows:
        try:
            expected = format_key(RecordKind(kind), number)
        except ValueError:
            yield Problem("keys", f"Record {record_id} ({key}) has an unknown kind or number "
                                  f"({kind}, {number})")
            continue
        if key != expected:
            yield Problem("keys", f"Record {record_id} has the key {key}, not {expected} as "
                                  f"its kind and number say")


def stale_quotes(session: Session) -> list[Problem]:
    """Evidence whose quote is not (any more) the text of its document at its offsets."""
    quoted = func.substr(DocumentRow.text, col(EvidenceRow.start) + 1,
                         col(EvidenceRow.end) - col(EvidenceRow.start))
    stale = (
        sqlalchemy.select(col(EvidenceRow.id), col(RecordRow.key), col(DocumentRow.id))
        .join(DocumentRow, col(DocumentRow.id) == EvidenceRow.document_id)
        .join(RecordRow, col(RecordRow.id) == EvidenceRow.record_id)
        .where(sqlalchemy.or_(
            quoted != col(EvidenceRow.exact),
            col(EvidenceRow.end) > func.length(DocumentRow.text),
            col(EvidenceRow.start) < 0,
        ))
        .order_by(col(EvidenceRow.id))
    )
    return _listed(session, stale, "evidence", lambda evidence_id, key, document_id: (
        f"Evidence {evidence_id} of {key} no longer quotes document {document_id}: the text "
        "at its offsets is different"))


def altered_texts(session: Session) -> list[Problem]:
    """Documents whose text no longer has the fingerprint it was imported with."""
    rows = session.execute(
        sqlalchemy.select(col(DocumentRow.id), col(DocumentRow.title), col(DocumentRow.sha256),
                          col(DocumentRow.text)).order_by(col(DocumentRow.id))
        .execution_options(yield_per=20))
    return [
        Problem("documents", f"The text of document {document_id} (“{title}”) has changed "
                             "since it was imported: its checksum no longer matches")
        for document_id, title, sha256, text in rows if text_sha256(text) != sha256
    ]


def _listed(session: Session, query: sqlalchemy.Select[*tuple[Any, ...]], check: str,
            describe: Callable[..., str]) -> list[Problem]:
    """Problems for the rows a query finds, the first few described, the rest counted."""
    rows = session.execute(query.limit(_MAX_LISTED + 1)).all()
    problems = [Problem(check, describe(*row)) for row in rows[:_MAX_LISTED]]
    if len(rows) > _MAX_LISTED:
        total = session.execute(
            sqlalchemy.select(func.count()).select_from(query.subquery())).scalar_one()
        problems.append(Problem(check, f"… and {total - _MAX_LISTED} more like these"))
    return problems
