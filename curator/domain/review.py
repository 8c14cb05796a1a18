"""Reviewing: what a review queue is narrowed to, what it holds, how far it has got, and who
may approve a record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from curator.domain.records import RecordKind, ReviewStatus

NOT_EDITS = ("status", "comment")
"""Revision actions that are decisions about a record, not edits of it."""


@dataclass(frozen=True)
class ReviewFilter:
    """Which records a review walks; empty or None means any."""

    statuses: frozenset[ReviewStatus] = frozenset()
    kind: RecordKind | None = None
    document_id: int | None = None
    """Records with evidence in this document, walked in its order."""
    section: tuple[int, int] | None = None
    """(start, end) offsets of a section of `document_id`: records with evidence there."""
    last_edited_by: str | None = None
    """Records whose last edit (not a status change) was made by this person."""
    without_evidence: bool = False
    """Only records with no evidence at all (the document and section are then ignored)."""


@dataclass(frozen=True)
class QueueItem:
    """One record of a review queue, placed by its first evidence (None: it has none)."""

    record_id: int
    kind: RecordKind
    key: str
    name_en: str
    name_zh: str
    status: ReviewStatus
    document_id: int | None
    start: int | None

    @property
    def has_evidence(self) -> bool:
        """Whether any evidence places the record in a text."""
        return self.start is not None

    @property
    def name(self) -> str:
        """The names as one line: English, then Chinese."""
        return " · ".join(part for part in (self.name_en, self.name_zh) if part)


@dataclass
class ReviewProgress:
    """How many records of a set stand at each review status."""

    counts: Counter[ReviewStatus] = field(default_factory=Counter)

    @classmethod
    def of(cls, statuses: Iterable[ReviewStatus]) -> ReviewProgress:
        """The progress of records with these statuses."""
        return cls(Counter(statuses))

    @property
    def total(self) -> int:
        """How many records there are."""
        return sum(self.counts.values())

    @property
    def approved(self) -> int:
        """How many are approved."""
        return self.counts[ReviewStatus.APPROVED]

    @property
    def decided(self) -> int:
        """How many are approved or rejected."""
        return self.approved + self.counts[ReviewStatus.REJECTED]

    def move(self, old: ReviewStatus, new: ReviewStatus) -> None:
        """One record went from `old` to `new`."""
        self.counts[old] -= 1
        self.counts[new] += 1

    def describe(self) -> str:
        """One line for a status bar: "312 of 540 approved, 12 rejected"."""
        line = f"{self.approved:,} of {self.total:,} approved"
        if rejected := self.counts[ReviewStatus.REJECTED]:
            line += f", {rejected:,} rejected"
        return line


@dataclass(frozen=True)
class RecordTies:
    """How much a record holds beside its fields (what deleting it takes along)."""

    evidence: int
    relations: int
    comments: int

    @property
    def any(self) -> bool:
        """Whether anything at all hangs on the record."""
        return bool(self.evidence or self.relations or self.comments)

    def describe(self) -> str:
        """"3 evidence spans, 2 relations and 1 comment" (what there is of it)."""
        parts = [f"{count} {noun if count == 1 else plural}"
                 for count, noun, plural in (
                     (self.evidence, "evidence span", "evidence spans"),
                     (self.relations, "relation", "relations"),
                     (self.comments, "comment", "comments")) if count]
        return " and ".join(filter(None, [", ".join(parts[:-1]), parts[-1]])) if parts else ""


def approval_refusal(*, last_editor: str | None, reviewer: str) -> str | None:
    """Why `reviewer` may not approve a record last edited by `last_editor` when the project
    asks for a second pair of eyes, or None if they may."""
    if last_editor is None or last_editor.casefold() != reviewer.casefold():
        return None
    return (f"This project asks for a second pair of eyes: you ({reviewer}) made the last edit "
            "of this record, so someone else must approve it.")
