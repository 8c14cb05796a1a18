"""Reading a project for display: documents, their text and sections, pages of records."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.documents import DocumentInfo, Section
from curator.domain.records import RecordKind, RecordSummary
from curator.store import documents as document_store
from curator.store import records as record_store
from curator.store.database import ProjectDatabase


@dataclass(frozen=True)
class OpenedDocument:
    """A document's text and sections, as the source view shows them."""

    id: int
    title: str
    text: str
    sections: list[Section]


def documents(database: ProjectDatabase) -> list[DocumentInfo]:
    """Every document of the project, in import order."""
    with database.unit_of_work() as session:
        return document_store.list_documents(session)


def open_document(database: ProjectDatabase, document_id: int) -> OpenedDocument:
    """A document's text and sections."""
    with database.unit_of_work() as session:
        return OpenedDocument(
            id=document_id,
            title=document_store.document_title(session, document_id),
            text=document_store.document_text(session, document_id),
            sections=document_store.document_sections(session, document_id),
        )


def record_page(
    database: ProjectDatabase, kind: RecordKind, *, text: str, offset: int, limit: int
) -> list[RecordSummary]:
    """One page of a kind's records matching `text`."""
    with database.unit_of_work() as session:
        return record_store.list_summaries(session, kind, text=text, offset=offset, limit=limit)


def record_count(database: ProjectDatabase, kind: RecordKind, *, text: str = "") -> int:
    """How many records of `kind` match `text`."""
    with database.unit_of_work() as session:
        return record_store.count_records(session, kind, text=text)
