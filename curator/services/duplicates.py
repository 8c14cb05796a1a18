"""Finding records that may be one: the name check at creation, the list of likely
duplicate pairs, and the pairs a curator dismissed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from curator.domain.records import RecordKind, RecordSummary
from curator.domain.translation import _
from curator.identity.acronyms import acronym_key
from curator.identity.candidates import Candidate, DuplicateReason
from curator.identity.duplicates import find_duplicates as find_pairs
from curator.identity.name_forms import (
    NameForm,
    bare_name,
    folded,
    name_forms,
    names_meet,
    record_forms,
    search_words,
)
from curator.services.annotating import _guess_names as guess_names
from curator.services.annotating import selected_span
from curator.services.identity import current_user
from curator.store import duplicates as duplicate_store
from curator.store.database import ProjectDatabase
from curator.store.documents import document_text
from curator.store.duplicates import NamedRecord

DETECTED_KINDS = (RecordKind.PERSON, RecordKind.ORGANIZATION)
"""The kinds duplicate detection looks at (events share names without being one)."""


@dataclass(frozen=True)
class LikelyDuplicate:
    """Two records that may be one, the older first, with why and how likely (0–100)."""

    first: RecordSummary
    second: RecordSummary
    reason: DuplicateReason
    score: int
    explanation: str


def _candidate(kind: RecordKind, record: NamedRecord) -> Candidate:
    return Candidate(record.id, kind, record.key, record.name_en, record.name_zh,
                     record.aliases, record.acronym, record.document_ids)


def find_duplicates(
    database: ProjectDatabase, *, kinds: Sequence[RecordKind] = DETECTED_KINDS,
    progress: Callable[[str], None] | None = None,
) -> list[LikelyDuplicate]:
    """Likely duplicate pairs of each kind, best first, leaving out dismissed pairs.

    `progress` is told what is being done ("people: acronyms"), for a busy indicator.
    """
    found = []
    with database.unit_of_work() as session:
        dismissed = duplicate_store.dismissed_pairs(session)
        records = {kind: duplicate_store.named_records(session, kind) for kind in kinds}
    for kind, named in records.items():
        def told(step: str, kind: RecordKind = kind) -> None:
            if progress is not None:
                progress(_("{kinds}: {step}").format(kinds=_(kind.plural_label), step=_(step)))

        candidates = [_candidate(kind, record) for record in named]
        found += [pair for pair in find_pairs(candidates, progress=told)
                  if pair.ids not in dismissed]
    with database.unit_of_work() as session:
        shown = duplicate_store.summaries(
            session, (i for pair in found for i in pair.ids))
    return [LikelyDuplicate(shown[p.first_id], shown[p.second_id], p.reason, p.score,
                            p.explanation)
            for p in sorted(found, key=lambda p: (-p.score, p.first_id, p.second_id))
            if p.first_id in shown and p.second_id in shown]


def dismiss_pair(database: ProjectDatabase, first_id: int, second_id: int) -> None:
    """Say two records are not duplicates: detection will not list them again."""
    with database.unit_of_work() as session:
        duplicate_store.dismiss_pair(session, first_id, second_id, user=current_user())


def undo_dismissal(database: ProjectDatabase, first_id: int, second_id: int) -> None:
    """Take back "not duplicates": the pair may be listed again."""
    with database.unit_of_work() as session:
        duplicate_store.undo_dismissal(session, first_id, second_id)


def _query_forms(kind: RecordKind, names: Sequence[str]) -> set[NameForm]:
    forms: set[NameForm] = set()
    for name in names:
        forms |= name_forms(name, kind=kind)
    return forms


def _matching(
    database: ProjectDatabase, kind: RecordKind, names: Sequence[str]
) -> list[RecordSummary]:
    names = [name for name in names if bare_name(name)]
    forms = _query_forms(kind, names)
    if not forms:
        return []
    words = set().union(*(search_words(name, kind=kind) for name in names))
    # How the search index keeps a Chinese name's pinyin: spaced and run together.
    indexed = {form.key for form in forms} | {folded(bare_name(name)) for name in names}
    acronyms = {key for name in names if (key := acronym_key(name)) is not None}
    with database.unit_of_work() as session:
        found = duplicate_store.records_mentioning(
            session, kind, words=words, forms=indexed)
        matched = [
            record.id for record in found
            if names_meet(forms, record_forms(kind, record.name_en, record.name_zh,
                                              record.aliases))
            or (record.acronym and acronym_key(record.acronym) in acronyms)
        ]
        shown = duplicate_store.summaries(session, matched)
    return [shown[record_id] for record_id in matched]


def matching_records(
    database: ProjectDatabase, kind: RecordKind, name: str
) -> list[RecordSummary]:
    """Records of `kind` with this name, in key order: the same after folding (case, accents,
    punctuation, titles, traditional characters), its pinyin or the Latin name a Chinese
    name reads as, as a name or an alias (or an organization's acronym)."""
    return _matching(database, kind, [name])


def records_matching_selection(
    database: ProjectDatabase, kind: RecordKind, document_id: int, start: int, end: int
) -> list[RecordSummary]:
    """Records of `kind` named as a record created from this selection would be."""
    with database.unit_of_work() as session:
        text = document_text(session, document_id)
    start, end = selected_span(text, start, end)
    return _matching(database, kind, guess_names(text[start:end]))
