"""The history of every record: one revision row per change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from curator.store.tables import RevisionRow


@dataclass(frozen=True)
class Revision:
    """One change to a record as the history shows it."""

    version: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    changed_by: str


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def add_revision(
    session: Session,
    record_id: int,
    *,
    version: int,
    action: str,
    user: str,
    field: str | None = None,
    old_value: object = None,
    new_value: object = None,
) -> None:
    """Record that `user` changed a record (action: create, edit, status, evidence)."""
    session.add(
        RevisionRow(
            record_id=record_id,
            version=version,
            action=action,
            field=field,
            old_value=_text(old_value),
            new_value=_text(new_value),
            changed_at=datetime.now(UTC),
            changed_by=user,
        )
    )


def record_history(session: Session, record_id: int) -> list[Revision]:
    """Every revision of a record, oldest first."""
    rows = session.exec(
        select(RevisionRow)
        .where(RevisionRow.record_id == record_id)
        .order_by(col(RevisionRow.id))
    ).all()
    return [
        Revision(r.version, r.action, r.field, r.old_value, r.new_value, r.changed_at, r.changed_by)
        for r in rows
    ]
