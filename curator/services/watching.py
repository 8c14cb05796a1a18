"""Noticing what others change in a shared project, for a window to refresh itself.

A window polls: `ChangeWatcher.poll()` reads the newest history ids (a few index lookups) and,
only when they moved, which records, comments and documents changed. Ids are handed out when a
transaction writes, not when it commits, so on PostgreSQL a colleague's revision 100 may appear
after revision 101 was seen; the watcher looks back over the last `LOOKBACK` ids and remembers
which of them it has reported, so a late commit is still noticed, and none is reported twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from curator.domain.records import RecordKind
from curator.store import changes
from curator.store.changes import ChangeMark, RecordChange
from curator.store.database import ProjectDatabase

LOOKBACK = 500
"""History ids below the newest seen that may still commit late (concurrent transactions)."""


@dataclass(frozen=True)
class ProjectChanges:
    """What changed since the last poll."""

    records: list[RecordChange] = field(default_factory=list)
    """Each changed record once, at its newest version."""
    commented: set[int] = field(default_factory=set)
    documents_changed: bool = False

    @property
    def kinds(self) -> set[RecordKind]:
        """The kinds of the records that changed (a deleted record's kind is not known)."""
        return {change.kind for change in self.records if change.kind is not None}

    @property
    def removed(self) -> set[int]:
        """Records that are gone."""
        return {change.record_id for change in self.records if change.kind is None}

    def people(self) -> list[str]:
        """Who made the changes, each once, in the order first seen."""
        return list(dict.fromkeys(change.changed_by for change in self.records))


class ChangeWatcher:
    """Remembers what it has seen of the project; each poll says what changed since."""

    def __init__(self, database: ProjectDatabase) -> None:
        self.database = database
        with database.unit_of_work() as session:
            mark = changes.current_mark(session)
            seen = changes.revisions_after(session, mark.revision - LOOKBACK)
        self._newest = mark.revision
        self._comment = mark.comment
        self._documents = mark.documents
        self._reported = {revision_id for revision_id, _change in seen}
        """Revision ids within the lookback window already seen."""

    def poll(self) -> ProjectChanges | None:
        """What changed since the last poll, or None if nothing did."""
        with self.database.unit_of_work() as session:
            mark = changes.current_mark(session)
            revisions = [(revision_id, change) for revision_id, change
                         in changes.revisions_after(session, self._newest - LOOKBACK)
                         if revision_id not in self._reported]
            commented = (changes.commented_after(session, self._comment)
                         if mark.comment > self._comment else set())
        documents_changed = mark.documents != self._documents
        self._remember(mark, [revision_id for revision_id, _change in revisions])
        newest: dict[int, RecordChange] = {}
        for _revision_id, change in revisions:
            newest[change.record_id] = change
        if not newest and not commented and not documents_changed:
            return None
        return ProjectChanges(list(newest.values()), commented, documents_changed)

    def _remember(self, mark: ChangeMark, revision_ids: list[int]) -> None:
        self._newest = max(self._newest, mark.revision, *revision_ids)
        self._reported.update(revision_ids)
        self._reported = {rid for rid in self._reported if rid > self._newest - LOOKBACK}
        self._comment = max(self._comment, mark.comment)
        self._documents = mark.documents
