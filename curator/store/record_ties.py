"""What hangs on a record: its evidence, relations at either end and comments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from curator.store.tables import CommentRow, EvidenceRow, RelationRow


@dataclass(frozen=True)
class RecordTies:
    """How much a record holds beside its fields (what deleting it takes along)."""

    evidence: int
    relations: int
    comments: int

    @property
    def any(self) -> bool:
        """Whether anything at all hangs on the record."""
        return bool(self.evidence or self.relations or self.comments)


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
