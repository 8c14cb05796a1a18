"""Evidence spans: where in a document's text a record (or one of its fields) is supported."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.records import RecordKind

QUOTE_CONTEXT = 32
"""Characters kept on each side of a quote so a span can be re-anchored if offsets drift."""


@dataclass(frozen=True)
class TextQuote:
    """A span of text by offsets plus its quote and context (W3C text-quote selector)."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def quote_span(text: str, start: int, end: int, *, context: int = QUOTE_CONTEXT) -> TextQuote:
    """Cut the quote for ``text[start:end]`` with `context` characters either side."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is not inside a text of {len(text)} characters")
    return TextQuote(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Evidence:
    """One evidence span as stored, tied to its record and document."""

    id: int
    record_id: int
    record_kind: RecordKind
    record_key: str
    document_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    field: str | None = None
    relation_id: int | None = None
    """The relation of the record this span supports ("headed a delegation"), if any."""
    alias_id: int | None = None
    """The alias of the record this span shows ("Minister Fan"), if any."""
