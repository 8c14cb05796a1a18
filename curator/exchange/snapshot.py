"""A read-only picture of a whole project, gathered once and handed to the writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from curator.domain.documents import DocumentInfo
from curator.domain.records import Record, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind


class EvidenceLine(NamedTuple):
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


class RelationLine(NamedTuple):
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


class AliasLine(NamedTuple):
    """One alias with the key and kind of its record."""

    record_key: str
    record_kind: RecordKind
    text: str


@dataclass(frozen=True)
class CommentLine:
    """One comment with the key and kind of its record."""

    record_key: str
    record_kind: RecordKind
    created_at: datetime
    created_by: str
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
    comments: list[CommentLine] = field(default_factory=list)
    filter_text: str = ""
    """Which records were chosen, in words ("status approved; kind event"); empty: all."""


@dataclass(frozen=True)
class ExportFilter:
    """Which records an export takes: of these statuses and kinds (none named: all)."""

    statuses: frozenset[ReviewStatus] = frozenset()
    kinds: frozenset[RecordKind] = frozenset()

    def takes(self, kind: RecordKind, status: ReviewStatus | None = None) -> bool:
        """Whether a record of `kind` (and `status`, if given) is exported."""
        if self.kinds and kind not in self.kinds:
            return False
        return status is None or not self.statuses or status in self.statuses

    def describe(self) -> str:
        """The filter in words, as the README sheet gives it ("" for none)."""
        parts = []
        if self.statuses:
            parts.append("status " + ", ".join(s.value for s in ReviewStatus
                                               if s in self.statuses))
        if self.kinds:
            parts.append("kind " + ", ".join(k.value for k in RecordKind if k in self.kinds))
        return "; ".join(parts)

    @classmethod
    def parse(cls, text: str) -> ExportFilter:
        """The filter `describe` wrote; ValueError for text it cannot have written."""
        statuses: set[ReviewStatus] = set()
        kinds: set[RecordKind] = set()
        for part in filter(None, (piece.strip() for piece in text.split(";"))):
            name, _, values = part.partition(" ")
            words = [word.strip() for word in values.split(",")]
            if name == "status":
                statuses.update(ReviewStatus(word) for word in words)
            elif name == "kind":
                kinds.update(RecordKind(word) for word in words)
            else:
                raise ValueError(f"not a filter: {part!r}")
        return cls(frozenset(statuses), frozenset(kinds))
