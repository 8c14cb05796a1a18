"""What a search finds: records by one of their fields, and passages of documents."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from curator.domain.passages import Snippet
from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.search_keys import SearchField


class MatchRank(IntEnum):
    """How well a record matched, best first (results are sorted by it)."""

    EXACT_NAME = 0
    NAME_PREFIX = 1
    OTHER_FIELD = 2
    """An alias, the key, a position or an acronym that is, or starts with, the query."""
    SUBSTRING = 3
    """The query inside any of the record's search keys."""


@dataclass(frozen=True)
class RecordHit:
    """A record a search found, with the field that matched."""

    id: int
    kind: RecordKind
    key: str
    name_en: str
    name_zh: str
    status: ReviewStatus
    field: SearchField
    value: str
    """The text of the field that matched, as written (an alias, 范小建 for a pinyin match)."""
    rank: MatchRank


@dataclass(frozen=True)
class PassageHit:
    """A place in a document's text where a search found the query."""

    document_id: int
    document_title: str
    start: int
    """String offset of the hit in the document's stored text (code points)."""
    end: int
    snippet: Snippet


@dataclass(frozen=True)
class SearchResults:
    """Records first, best matches first; then passages, in document order."""

    query: str
    records: tuple[RecordHit, ...]
    passages: tuple[PassageHit, ...]

    @property
    def hits(self) -> tuple[RecordHit | PassageHit, ...]:
        """Every hit in the order to show them: records, then passages."""
        return (*self.records, *self.passages)

    def as_json(self) -> dict[str, object]:
        """The results as plain JSON-ready values."""
        return {
            "query": self.query,
            "records": [
                {"id": hit.id, "kind": hit.kind.value, "key": hit.key, "name_en": hit.name_en,
                 "name_zh": hit.name_zh, "status": hit.status.value, "field": hit.field.value,
                 "value": hit.value, "match": hit.rank.name.lower()}
                for hit in self.records
            ],
            "passages": [
                {"document_id": hit.document_id, "document_title": hit.document_title,
                 "start": hit.start, "end": hit.end, "snippet": hit.snippet.text,
                 "hit": hit.snippet.hit}
                for hit in self.passages
            ],
        }
