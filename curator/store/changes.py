"""What changed in a project since a window last looked: read from the history every record
change already writes, the comments and the documents' titles, so noticing a colleague's work
costs a few index lookups and needs no table of its own."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session, col

from curator.domain.records import RecordKind
from curator.store.tables import CommentRow, DocumentRow, RecordRow, RevisionRow


@dataclass(frozen=True)
class ChangeMark:
    """Where a project's history stood when it was last looked at."""

    revision: int
    comment: int
    documents: str
    """A digest of every document's id and title: imports, removals and renames change it."""


@dataclass(frozen=True)
class RecordChange:
    """A record that changed: its newest version and who made it (kind None: it is gone)."""

    record_id: int
    kind: RecordKind | None
    version: int
    changed_by: str


def current_mark(session: Session) -> ChangeMark:
    """The project's mark now."""
    revision = session.execute(select(func.max(col(RevisionRow.id)))).scalar() or 0
    comment = session.execute(select(func.max(col(CommentRow.id)))).scalar() or 0
    return ChangeMark(int(revision), int(comment), _documents_digest(session))


def _documents_digest(session: Session) -> str:
    digest = hashlib.blake2b(digest_size=16)
    rows = session.execute(select(col(DocumentRow.id), col(DocumentRow.title))
                           .order_by(col(DocumentRow.id)))
    for document_id, title in rows:
        digest.update(f"{document_id}\x1f{title}\x1e".encode())
    return digest.hexdigest()


def revisions_after(session: Session, lowest: int) -> list[tuple[int, RecordChange]]:
    """Each revision with an id above `lowest`, oldest first, as (revision id, change)."""
    rows = session.execute(
        select(col(RevisionRow.id), col(RevisionRow.record_id), col(RecordRow.kind),
               col(RevisionRow.version), col(RevisionRow.changed_by))
        .join_from(RevisionRow, RecordRow, col(RecordRow.id) == col(RevisionRow.record_id),
                   isouter=True)
        .where(col(RevisionRow.id) > lowest)
        .order_by(col(RevisionRow.id))
    )
    return [(revision_id, RecordChange(record_id, RecordKind(kind) if kind else None,
                                       version, changed_by))
            for revision_id, record_id, kind, version, changed_by in rows]


def commented_after(session: Session, lowest: int) -> set[int]:
    """The records that got a comment with an id above `lowest`."""
    return set(session.execute(
        select(col(CommentRow.record_id)).where(col(CommentRow.id) > lowest)).scalars())
