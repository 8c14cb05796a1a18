"""A read-only picture of a whole project, gathered once and handed to the writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from curator.domain.documents import DocumentInfo
from curator.domain.records import Record, RecordKind
from curator.domain.relations import RelationKind


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
class RelationLine:
    """One relation with the keys and names of both sides (a country's code and names)."""

    kind: RelationKind
    subject_key: str
    object_key: str
    subject_name_en: str
    subject_name_zh: str
    object_name_en: str
    object_name_zh: str
    role: str | None = None
    title: str | None = None
    start_date: str | None = None
    end_date: str | None = None


@dataclass(frozen=True)
class AliasLine:
    """One alias with the key and kind of its record."""

    record_key: str
    record_kind: RecordKind
    text: str


@dataclass(frozen=True)
class ProjectSnapshot:
    """Everything an export writes: documents, records of each kind, evidence, relations and
    aliases."""

    project_name: str
    exported_at: datetime
    documents: list[DocumentInfo]
    records: dict[RecordKind, list[Record]]
    evidence: list[EvidenceLine] = field(default_factory=list)
    relations: list[RelationLine] = field(default_factory=list)
    aliases: list[AliasLine] = field(default_factory=list)
