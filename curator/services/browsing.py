"""Reading a project for display: documents, their text and sections, pages of records."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.documents import DocumentInfo, Section
from curator.domain.records import RecordKind, RecordSummary, ReviewStatus
from curator.store import documents as document_store
from curator.store import record_filters
from curator.store import records as record_store
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter


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
    database: ProjectDatabase,
    kind: RecordKind,
    *,
    text: str = "",
    offset: int = 0,
    limit: int = 200,
    status: ReviewStatus | None = None,
    document_id: int | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    event_type: str | None = None,
    started_in: str | None = None,
    involves_country: str | None = None,
    related_to: int | None = None,
    order_by: str = "key",
    descending: bool = False,
) -> list[RecordSummary]:
    """One page of a kind's records matching `text` and the filters (None: any), sorted by
    `order_by` (`sortable_columns(kind)`: key, names, status, dates of change, the kind's
    fields), empty values last.

    `document_id` keeps records with evidence in that document, `country` an ISO code in the
    kind's country field; `date_from`/`date_to` (partial dates, events only) keep events
    whose span meets that range; `event_type` ("" for none), `started_in` (a year or month)
    and `involves_country` (held there or related to it) narrow events the dashboard's way,
    `related_to` keeps records with a relation to that record.
    """
    filters = RecordFilter(text, status, document_id, country, date_from, date_to,
                           event_type, started_in, involves_country, related_to)
    return filtered_page(database, kind, filters, offset=offset, limit=limit,
                         order_by=order_by, descending=descending)


def record_count(
    database: ProjectDatabase,
    kind: RecordKind,
    *,
    text: str = "",
    status: ReviewStatus | None = None,
    document_id: int | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    event_type: str | None = None,
    started_in: str | None = None,
    involves_country: str | None = None,
    related_to: int | None = None,
) -> int:
    """How many records of `kind` match `text` and the filters (as `record_page`)."""
    filters = RecordFilter(text, status, document_id, country, date_from, date_to,
                           event_type, started_in, involves_country, related_to)
    return filtered_count(database, kind, filters)


def sortable_columns(kind: RecordKind) -> tuple[str, ...]:
    """The columns `record_page` sorts a list of `kind` by."""
    return record_filters.sortable_columns(kind)


def filtered_page(
    database: ProjectDatabase, kind: RecordKind, filters: RecordFilter, *, offset: int = 0,
    limit: int = 200, order_by: str = "key", descending: bool = False,
) -> list[RecordSummary]:
    """One page of a kind's records that `filters` lets through, sorted by `order_by`."""
    with database.unit_of_work() as session:
        return record_store.list_summaries(session, kind, offset=offset, limit=limit,
                                           filters=filters, order_by=order_by,
                                           descending=descending)


def filtered_count(database: ProjectDatabase, kind: RecordKind, filters: RecordFilter) -> int:
    """How many records of `kind` `filters` lets through."""
    with database.unit_of_work() as session:
        return record_store.count_records(session, kind, filters=filters)
