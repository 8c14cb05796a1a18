"""A read-only picture of a whole project, gathered once and handed to the writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from curator.domain.documents import DocumentInfo
from curator.domain.records import Record, RecordKind


@dataclass(frozen=True)
class EvidenceLine:
    """One evidence span with the names a spreadsheet reader needs."""

    record_key: str
    record_kind: RecordKind
    document_id: int
    document_title: str
    section_title: str
    start: int
    end: int
    quote: str
    field: str | None = None


@dataclass(frozen=True)
class ProjectSnapshot:
    """Everything an export writes: documents, records of each kind and evidence."""

    project_name: str
    exported_at: datetime
    documents: list[DocumentInfo]
    records: dict[RecordKind, list[Record]]
    evidence: list[EvidenceLine] = field(default_factory=list)
