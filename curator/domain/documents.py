"""Documents and their sections, as the importer produces them and the store keeps them."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Section:
    """A heading of a document and the span of text it covers (level 1 = top)."""

    title: str
    start: int
    end: int
    level: int = 1


@dataclass(frozen=True)
class SourceText:
    """A source file read, decoded and normalized, ready to be stored as a document."""

    title: str
    text: str
    source_name: str
    encoding: str
    media_type: str
    sections: tuple[Section, ...] = field(default=())
    language: str = "en"

    @property
    def sha256(self) -> str:
        """Fingerprint of the normalized text, the document's identity."""
        return text_sha256(self.text)


def text_sha256(text: str) -> str:
    """Hex sha256 of a text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document without its text: what lists and exports show."""

    id: int
    title: str
    source_name: str
    sha256: str
    encoding: str
    media_type: str
    language: str
    imported_at: datetime
    imported_by: str
    length: int


def section_title_at(sections: list[Section], offset: int) -> str:
    """Title of the innermost section containing `offset` ('' if none); sections by start."""
    starts = [section.start for section in sections]
    index = bisect.bisect_right(starts, offset) - 1
    while index >= 0:
        section = sections[index]
        if section.start <= offset < section.end:
            return section.title
        index -= 1
    return ""
