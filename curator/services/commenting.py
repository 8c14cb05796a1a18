"""Comments on records: a short thread of who said what, when."""

from __future__ import annotations

from curator.domain.comments import Comment, clean_comment
from curator.errors import InvalidValue
from curator.services.identity import current_user
from curator.store import comments as comment_store
from curator.store.database import ProjectDatabase


def comments(database: ProjectDatabase, record_id: int) -> list[Comment]:
    """A record's comments, oldest first."""
    with database.unit_of_work() as session:
        return comment_store.comments_on(session, record_id)


def add_comment(database: ProjectDatabase, record_id: int, text: str) -> Comment:
    """Comment on a record as the current user; InvalidValue for a blank or overlong text."""
    try:
        cleaned = clean_comment(text)
    except ValueError as error:
        raise InvalidValue(str(error)) from error
    with database.unit_of_work() as session:
        return comment_store.add_comment(session, record_id, cleaned, user=current_user())


def remove_comment(database: ProjectDatabase, comment_id: int) -> Comment:
    """Take a comment away (undoing it); returns what `restore_comment` needs."""
    with database.unit_of_work() as session:
        return comment_store.remove_comment(session, comment_id)


def restore_comment(database: ProjectDatabase, comment: Comment) -> None:
    """Put a removed comment back as it was."""
    with database.unit_of_work() as session:
        comment_store.put_back_comment(session, comment)
