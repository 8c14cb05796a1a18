"""Queries on documents and their sections."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy
from sqlalchemy import func
from sqlmodel import Session, col, select

from curator.domain.documents import DocumentInfo, Section, SourceText
from curator.domain.translation import _
from curator.errors import InvalidValue, RecordNotFound
from curator.store.tables import DocumentRow, EvidenceRow, SectionRow


def find_document_by_sha256(session: Session, sha256: str) -> int | None:
    """Id of the document with this text fingerprint, if one was imported."""
    return session.exec(select(DocumentRow.id).where(DocumentRow.sha256 == sha256)).first()


def add_document(session: Session, source: SourceText, *, user: str) -> int:
    """Store an imported text and its sections; returns the new document's id."""
    row = DocumentRow(
        title=source.title,
        source_name=source.source_name,
        sha256=source.sha256,
        encoding=source.encoding,
        media_type=source.media_type,
        language=source.language,
        text=source.text,
        imported_at=datetime.now(UTC),
        imported_by=user,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for ordinal, section in enumerate(source.sections):
        session.add(
            SectionRow(
                document_id=row.id,
                ordinal=ordinal,
                title=section.title,
                level=section.level,
                start=section.start,
                end=section.end,
            )
        )
    return row.id


_INFO_COLUMNS = (
    DocumentRow.id, DocumentRow.title, DocumentRow.source_name, DocumentRow.sha256,
    DocumentRow.encoding, DocumentRow.media_type, DocumentRow.language,
    DocumentRow.imported_at, DocumentRow.imported_by,
)


def list_documents(session: Session) -> list[DocumentInfo]:
    """Every document, in import order, without loading its text."""
    # SQLAlchemy's select: SQLModel's overloads stop at four columns.
    rows = session.execute(
        sqlalchemy.select(*map(col, _INFO_COLUMNS), func.length(DocumentRow.text))
        .order_by(col(DocumentRow.id))
    ).all()
    return [DocumentInfo(*row) for row in rows]


def document_title(session: Session, document_id: int) -> str:
    """The title of a document."""
    title = session.exec(select(DocumentRow.title).where(DocumentRow.id == document_id)).first()
    if title is None:
        raise RecordNotFound(_("Document {document_id} no longer exists.").format(
                                 document_id=document_id))
    return title


def document_text(session: Session, document_id: int) -> str:
    """The normalized text of a document."""
    text = session.exec(select(DocumentRow.text).where(DocumentRow.id == document_id)).first()
    if text is None:
        raise RecordNotFound(_("Document {document_id} no longer exists.").format(
                                 document_id=document_id))
    return text


def document_sections(session: Session, document_id: int) -> list[Section]:
    """The sections of a document in reading order."""
    rows = session.exec(
        select(SectionRow)
        .where(SectionRow.document_id == document_id)
        .order_by(col(SectionRow.ordinal))
    ).all()
    return [Section(title=r.title, start=r.start, end=r.end, level=r.level) for r in rows]


def rename_document(session: Session, document_id: int, title: str) -> str:
    """Give a document a new title; returns the one it had."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise RecordNotFound(_("There is no document {document_id} in this project.").format(
                                 document_id=document_id))
    previous, row.title = row.title, title
    session.add(row)
    return previous


def count_documents(session: Session) -> int:
    """How many documents the project holds."""
    return session.exec(select(func.count()).select_from(DocumentRow)).one()


def delete_document(session: Session, document_id: int) -> DocumentInfo:
    """Remove a document nothing cites (with its sections); returns what it was."""
    info = next((d for d in list_documents(session) if d.id == document_id), None)
    if info is None:
        raise RecordNotFound(_("There is no document {document_id} in this project.").format(
                                 document_id=document_id))
    citations = session.exec(
        select(func.count()).select_from(EvidenceRow).where(EvidenceRow.document_id == document_id)
    ).one()
    if citations:
        raise InvalidValue(
            _("“{title}” is quoted by {citations} evidence span(s); remove that "
              "evidence (or the records) first.").format(title=info.title, citations=citations)
        )
    session.execute(sqlalchemy.delete(SectionRow).where(col(SectionRow.document_id) == document_id))
    session.execute(sqlalchemy.delete(DocumentRow).where(col(DocumentRow.id) == document_id))
    return info
