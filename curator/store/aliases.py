"""Aliases: the other forms a record appears under, each added or removed as a revision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from curator.domain.evidence import Evidence
from curator.domain.records import RecordKind
from curator.domain.relations import Alias, RecordSide
from curator.domain.translation import _
from curator.errors import EditConflict, InvalidValue, RecordNotFound
from curator.store.evidence import evidence_of, put_back_evidence
from curator.store.records import touch_record
from curator.store.revisions import add_revision
from curator.store.tables import AliasRow, RecordRow

MAX_ALIAS = 300


@dataclass(frozen=True)
class RemovedAlias:
    """A removed alias with its evidence and audit trail: what a restore puts back."""

    alias: Alias
    evidence: list[Evidence]
    created_at: datetime
    created_by: str


def _to_domain(row: AliasRow) -> Alias:
    assert row.id is not None
    return Alias(row.id, row.record_id, row.text)


def _alias_row(session: Session, alias_id: int) -> AliasRow:
    row = session.get(AliasRow, alias_id)
    if row is None:
        raise RecordNotFound(_("Alias {alias_id} no longer exists.").format(alias_id=alias_id))
    return row


def add_alias(
    session: Session, record_id: int, text: str, *, user: str, expected_version: int | None
) -> Alias:
    """Give a record another name it appears under (a new version of it)."""
    text = " ".join(text.split())
    if not text:
        raise InvalidValue(_("An alias cannot be blank."))
    if len(text) > MAX_ALIAS:
        raise InvalidValue(_("An alias is at most {MAX_ALIAS} characters long.").format(
                               MAX_ALIAS=MAX_ALIAS))
    record = session.get(RecordRow, record_id)
    if record is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    if text in (record.name_en, record.name_zh):
        raise InvalidValue(_("{text!r} is the name of {key} already.").format(
                               text=text, key=record.key))
    known = session.exec(select(AliasRow.text).where(
        AliasRow.record_id == record_id, func.lower(AliasRow.text) == text.lower())).first()
    if known is not None:
        raise InvalidValue(_("{key} has the alias {known!r} already.").format(
                               key=record.key, known=known))
    version = touch_record(session, record_id, expected_version=expected_version, user=user)
    row = AliasRow(record_id=record_id, text=text, created_at=datetime.now(UTC), created_by=user)
    session.add(row)
    session.flush()
    add_revision(session, record_id, version=version, action="alias", user=user, field="alias",
                 new_value=text)
    return _to_domain(row)


def remove_alias(
    session: Session, alias_id: int, *, user: str, expected_version: int | None
) -> RemovedAlias:
    """Delete an alias and its evidence (a new version of its record); returns both."""
    row = _alias_row(session, alias_id)
    removed = _removed(session, row)
    version = touch_record(session, row.record_id, expected_version=expected_version, user=user)
    add_revision(session, row.record_id, version=version, action="alias", user=user,
                 field="alias", old_value=row.text)
    session.delete(row)  # its evidence goes with it (ON DELETE CASCADE)
    session.flush()
    return removed


def _removed(session: Session, row: AliasRow) -> RemovedAlias:
    assert row.id is not None
    return RemovedAlias(_to_domain(row), evidence_of(session, alias_ids=[row.id]),
                        row.created_at, row.created_by)


def restore_alias(
    session: Session, removed: RemovedAlias, *, user: str, expected_version: int | None
) -> Alias:
    """Put a removed alias back under its id, with its evidence (a new version)."""
    alias = removed.alias
    if session.get(AliasRow, alias.id) is not None:
        raise EditConflict(_("The alias {text!r} is back already.").format(text=alias.text))
    version = touch_record(session, alias.record_id, expected_version=expected_version,
                           user=user)
    put_back_aliases(session, [removed], user=user)
    add_revision(session, alias.record_id, version=version, action="alias", user=user,
                 field="alias", new_value=alias.text)
    return alias


def put_back_aliases(session: Session, removed: list[RemovedAlias], *, user: str) -> None:
    """Insert aliases again under their ids with their evidence (no revision, no checks)."""
    for item in removed:
        session.add(AliasRow(id=item.alias.id, record_id=item.alias.record_id,
                             text=item.alias.text, created_at=item.created_at,
                             created_by=item.created_by))
    session.flush()
    put_back_evidence(session, (span for item in removed for span in item.evidence), user=user)
    session.flush()


def aliases_of(session: Session, record_id: int) -> list[Alias]:
    """A record's aliases in the order they were added."""
    rows = session.exec(
        select(AliasRow).where(AliasRow.record_id == record_id).order_by(col(AliasRow.id))
    ).all()
    return [_to_domain(row) for row in rows]


def removed_aliases_of(session: Session, record_id: int) -> list[RemovedAlias]:
    """A record's aliases with their evidence, as a deletion keeps them for undo."""
    rows = session.exec(select(AliasRow).where(AliasRow.record_id == record_id)).all()
    return [_removed(session, row) for row in rows]


def alias_record_id(session: Session, alias_id: int) -> int:
    """The id of the record an alias belongs to."""
    return _alias_row(session, alias_id).record_id


def all_aliases(session: Session) -> list[tuple[Alias, RecordSide]]:
    """Every alias with its record, by record kind, key, then the order they were added."""
    rows = session.exec(
        select(AliasRow, RecordRow).join(RecordRow, col(RecordRow.id) == AliasRow.record_id)
        .order_by(col(RecordRow.kind), col(RecordRow.number), col(AliasRow.id))
    ).all()
    return [
        (_to_domain(alias), RecordSide(record.id or 0, RecordKind(record.kind), record.key,
                                       record.name_en, record.name_zh))
        for alias, record in rows
    ]
