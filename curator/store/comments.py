"""Comments on records: adding, listing, counting, removing and putting back."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from curator.domain.comments import Comment
from curator.domain.translation import _
from curator.errors import RecordNotFound
from curator.store.tables import CommentRow, RecordRow


def _to_domain(row: CommentRow) -> Comment:
    assert row.id is not None
    return Comment(row.id, row.record_id, row.text, row.created_at, row.created_by)


def add_comment(session: Session, record_id: int, text: str, *, user: str) -> Comment:
    """Add a comment to a record (the text already cleaned); returns it."""
    if session.get(RecordRow, record_id) is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    row = CommentRow(record_id=record_id, text=text, created_at=datetime.now(UTC),
                     created_by=user)
    session.add(row)
    session.flush()
    return _to_domain(row)


def comments_on(session: Session, record_id: int) -> list[Comment]:
    """A record's comments, oldest first."""
    rows = session.exec(
        select(CommentRow).where(CommentRow.record_id == record_id).order_by(col(CommentRow.id))
    ).all()
    return [_to_domain(row) for row in rows]


def count_comments(session: Session, record_id: int) -> int:
    """How many comments a record has."""
    return session.exec(
        select(func.count()).select_from(CommentRow).where(CommentRow.record_id == record_id)
    ).one()


def all_comments(session: Session) -> list[tuple[Comment, str]]:
    """Every comment on a record that exists, with the record's key, by key then time."""
    rows = session.exec(
        select(CommentRow, RecordRow.key)
        .join(RecordRow, col(RecordRow.id) == CommentRow.record_id)
        .order_by(col(RecordRow.kind), col(RecordRow.number), col(CommentRow.id))
    ).all()
    return [(_to_domain(row), key) for row, key in rows]


def remove_comment(session: Session, comment_id: int) -> Comment:
    """Delete one comment; returns it as it was."""
    row = session.get(CommentRow, comment_id)
    if row is None:
        raise RecordNotFound(_("Comment {comment_id} no longer exists.").format(
                                 comment_id=comment_id))
    comment = _to_domain(row)
    session.delete(row)
    return comment


def put_back_comment(session: Session, comment: Comment) -> None:
    """Insert a removed comment again under its old id, as it was."""
    session.add(CommentRow(id=comment.id, record_id=comment.record_id, text=comment.text,
                           created_at=comment.created_at, created_by=comment.created_by))
    session.flush()
