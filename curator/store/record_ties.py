"""What hangs on a record: its evidence, relations at either end and comments."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from curator.domain.review import RecordTies
from curator.store.tables import CommentRow, EvidenceRow, RelationRow


def record_ties(session: Session, record_id: int) -> RecordTies:
    """Count a record's evidence, relations (either end) and comments."""
    def count(table: type, *conditions: Any) -> int:
        return session.exec(select(func.count()).select_from(table).where(*conditions)).one()

    return RecordTies(
        evidence=count(EvidenceRow, col(EvidenceRow.record_id) == record_id),
        relations=count(RelationRow, or_(col(RelationRow.subject_id) == record_id,
                                         col(RelationRow.object_id) == record_id)),
        comments=count(CommentRow, col(CommentRow.record_id) == record_id),
    )
