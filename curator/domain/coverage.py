"""Coverage of a source: which paragraphs no evidence touches, and how many records each
section holds."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from curator.domain.documents import Section
from curator.domain.records import ReviewStatus

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of every non-blank line of a text, in order."""
    return [match.span() for match in _PARAGRAPH.finditer(text)]


def uncovered_paragraphs(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs of `text` that no (start, end) span overlaps."""
    covered = sorted(spans)
    starts = [start for start, _end in covered]
    longest = max((end - start for start, end in covered), default=0)
    uncovered = []
    for start, end in paragraphs(text):
        first = bisect.bisect_left(starts, start - longest)
        last = bisect.bisect_left(starts, end)
        if not any(s_end > start for _s, s_end in covered[first:last]):
            uncovered.append((start, end))
    return uncovered


def next_paragraph(
    found: Sequence[tuple[int, int]], offset: int, *, backwards: bool = False
) -> tuple[int, int] | None:
    """The first paragraph of `found` starting after `offset` (before it, `backwards`),
    wrapping around the text; None if there are none."""
    if not found:
        return None
    starts = [start for start, _end in found]
    if backwards:
        return found[(bisect.bisect_left(starts, offset) - 1) % len(found)]
    return found[bisect.bisect_right(starts, offset) % len(found)]


@dataclass(frozen=True)
class EvidencePlace:
    """Where a record's evidence starts in a document, and the record's status."""

    start: int
    record_id: int
    status: ReviewStatus


@dataclass(frozen=True)
class SectionProgress:
    """How many records a section holds (evidence starting in it) and how many are approved."""

    section: Section
    records: int
    approved: int


def section_progress(
    sections: Sequence[Section], places: Iterable[EvidencePlace]
) -> list[SectionProgress]:
    """For each section, the distinct records with evidence starting inside it."""
    ordered = sorted(places, key=lambda place: place.start)
    starts = [place.start for place in ordered]
    progress = []
    for section in sections:
        inside = ordered[bisect.bisect_left(starts, section.start):
                         bisect.bisect_left(starts, section.end)]
        statuses = {place.record_id: place.status for place in inside}
        approved = sum(status is ReviewStatus.APPROVED for status in statuses.values())
        progress.append(SectionProgress(section, len(statuses), approved))
    return progress
