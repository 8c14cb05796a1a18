"""What duplicate detection knows of a record, and the pairs it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from curator.domain.records import RecordKind
from curator.domain.translation import N_


@dataclass(frozen=True)
class Candidate:
    """A record as duplicate detection sees it: names, aliases, acronym, and the documents
    its evidence stands in."""

    id: int
    kind: RecordKind
    key: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    acronym: str = ""
    document_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def label(self) -> str:
        """Key and name, as a reason names the record ("P-0003 Fan Xiaojian")."""
        return f"{self.key} {self.name_en or self.name_zh}".strip()


class DuplicateReason(StrEnum):
    """Why two records look like one."""

    SAME_NAME = "same name"
    OTHER_SCRIPT = "same name in another script"
    ACRONYM = "acronym and expansion"
    SHORT_FORM = "short and full form"
    SIMILAR_SPELLING = "near-identical spelling"

    @property
    def label(self) -> str:
        """Human-readable name of the reason, in English; show it through `_()`."""
        return _REASON_LABELS[self]


_REASON_LABELS: dict[DuplicateReason, str] = {
    DuplicateReason.SAME_NAME: N_("Same name"),
    DuplicateReason.OTHER_SCRIPT: N_("Same name in another script"),
    DuplicateReason.ACRONYM: N_("Acronym and expansion"),
    DuplicateReason.SHORT_FORM: N_("Short and full form"),
    DuplicateReason.SIMILAR_SPELLING: N_("Near-identical spelling"),
}


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that may be one: ids (the older first), why, how likely (0–100), and
    the names that matched, in a sentence."""

    first_id: int
    second_id: int
    reason: DuplicateReason
    score: int
    explanation: str

    @property
    def ids(self) -> tuple[int, int]:
        """The two record ids, smaller first: how a dismissal is stored."""
        return (self.first_id, self.second_id)


def pair(first: Candidate, second: Candidate, reason: DuplicateReason, score: int,
         explanation: str) -> DuplicatePair:
    """A pair with the older record (smaller id) first."""
    low, high = sorted((first.id, second.id))
    return DuplicatePair(low, high, reason, score, explanation)
