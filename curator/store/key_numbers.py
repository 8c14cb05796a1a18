"""Key numbers (P-0001, E-0002…): claimed atomically, so two users creating records at the same
moment never get the same key, on either backend.

The sequence row is raised with one `UPDATE … SET last_number = last_number + n` before it is
read. On PostgreSQL the update locks the row until the transaction ends; on SQLite the first
write of a transaction takes the database's write lock (waiting out another writer), and the
read that follows sees the number this transaction set. Reading first and writing after — even
`SELECT … FOR UPDATE`, which SQLite ignores — let two processes read the same number.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from curator.domain.records import RecordKind
from curator.store.tables import KeySequenceRow


def claim_key_numbers(session: Session, kind: RecordKind, count: int = 1) -> int:
    """Claim `count` consecutive key numbers of `kind` (deleted records' numbers included, so
    none is reused); returns the first."""
    raised = session.execute(
        update(KeySequenceRow)
        .where(col(KeySequenceRow.kind) == kind.value)
        .values(last_number=col(KeySequenceRow.last_number) + count)
    )
    if raised.rowcount == 0:  # type: ignore[attr-defined]  # the kind's first record
        _insert_sequence(session, kind)
        session.execute(
            update(KeySequenceRow)
            .where(col(KeySequenceRow.kind) == kind.value)
            .values(last_number=col(KeySequenceRow.last_number) + count)
        )
    last = session.execute(
        select(col(KeySequenceRow.last_number)).where(col(KeySequenceRow.kind) == kind.value)
    ).scalar_one()
    return int(last) - count + 1


def _insert_sequence(session: Session, kind: RecordKind) -> None:
    """Add a kind's sequence at 0, unless a colleague's transaction just added it."""
    dialect = session.get_bind().dialect.name
    values = {"kind": kind.value, "last_number": 0}
    module = postgresql if dialect == "postgresql" else sqlite
    session.execute(module.insert(KeySequenceRow).values(**values).on_conflict_do_nothing())
