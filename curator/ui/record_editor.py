"""The window's one gateway for changing records: tracks versions and reports what changed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from curator.domain.evidence import Evidence
from curator.domain.records import (
    FieldValue,
    Record,
    RecordKind,
    ReviewStatus,
    field_label,
    same_value,
)
from curator.domain.relations import RelationKind, Role
from curator.errors import CuratorError, EditConflict
from curator.services import (
    aliasing,
    annotating,
    duplicates,
    editing,
    mentions,
    merging,
    relating,
)
from curator.services.aliasing import RemovedAlias
from curator.services.editing import DeletedRecord
from curator.services.mentions import MentionSpan
from curator.services.merging import MergedRecord
from curator.services.relating import RelationValue, RemovedRelation
from curator.store.database import ProjectDatabase
from curator.ui.conflict_dialog import FieldConflict

Result = TypeVar("Result")

UNKNOWN = object()
"""No base value given: a clash with someone else's change is always a conflict."""


class RecordEditor(QObject):
    """Applies changes through the services and says what changed; refusals become messages."""

    record_changed = Signal(object)
    """A record was saved, created, restored (or re-read after a conflict): the `Record`."""

    record_removed = Signal(int)
    """A record was deleted: its id."""

    evidence_changed = Signal()
    """Evidence spans were added or removed: highlights need redrawing."""

    edit_failed = Signal(str)
    """A change was refused: a message for the user."""

    conflict_found = Signal(object)
    """Someone else changed a field this window was saving: the `FieldConflict`. Nothing was
    saved; the record now shows their value, and the window asks which one to keep."""

    def __init__(self, database: ProjectDatabase) -> None:
        super().__init__()
        self.database = database
        self._versions: dict[int, int] = {}

    def load(self, record_id: int) -> Record:
        """Read a record and remember its version as the base of later edits."""
        record = editing.load_record(self.database, record_id)
        self._versions[record.id] = record.version
        return record

    def _version_of(self, record_id: int) -> int:
        """The version of a record this window last saw (read now if it saw none)."""
        if record_id not in self._versions:
            self.load(record_id)
        return self._versions[record_id]

    def saw(self, record_id: int, version: int) -> bool:
        """Whether this window has seen (or made) this version of a record."""
        return self._versions.get(record_id) == version

    def remember(self, record: Record) -> None:
        """Take `record` as the version this window has seen."""
        self._versions[record.id] = record.version

    def _attempt(self, change: Callable[[], Result], refused_text: str = "") -> Result | None:
        """Run a change; on a refusal tell the user and return None."""
        try:
            return change()
        except CuratorError as error:
            self.edit_failed.emit(f"{error}\n\n{refused_text}".strip())
            return None

    def _saved(self, record: Record | None, record_id: int) -> bool:
        if record is None:  # refused: show the record as it is now
            with suppress(CuratorError):  # a deleted record: the message says enough
                self.record_changed.emit(self.load(record_id))
            return False
        self.remember(record)
        self.record_changed.emit(record)
        return True

    def set_field(self, record_id: int, name: str, value: FieldValue,
                  base: FieldValue | object = UNKNOWN) -> bool:
        """Save one field; False (and `edit_failed` or `conflict_found`) if it was refused.

        `base` is the value the edit started from. When someone else changed the record first,
        an edit of a field they left at `base` is applied on top of their change; an edit of a
        field they changed too is a conflict for the user to settle.
        """
        kept = f"What you typed, so it is not lost: {value!r}"
        try:
            record: Record | None = editing.edit_field(
                self.database, record_id, name, value,
                expected_version=self._version_of(record_id))
        except EditConflict:
            record = self._after_conflict(record_id, name, value, base, kept)
        except CuratorError as error:
            self.edit_failed.emit(f"{error}\n\n{kept}")
            record = None
        return self._saved(record, record_id)

    def _after_conflict(self, record_id: int, name: str, value: FieldValue,
                        base: FieldValue | object, kept: str) -> Record | None:
        """Apply an edit over a colleague's change to other fields, or report the clash."""
        try:
            current = self.load(record_id)
        except CuratorError as error:  # deleted meanwhile
            self.edit_failed.emit(f"{error}\n\n{kept}")
            return None
        theirs = current.value(name)
        if same_value(theirs, value):
            return current  # both typed the same
        if base is not UNKNOWN and same_value(theirs, base):  # type: ignore[arg-type]
            return self._attempt(lambda: editing.edit_field(
                self.database, record_id, name, value, expected_version=current.version),
                refused_text=kept)
        self.conflict_found.emit(FieldConflict(
            record_id, current.key, name, field_label(current.kind, name), value, theirs,
            current.updated_by, current.updated_at))
        return None

    def set_status(self, record_id: int, status: ReviewStatus) -> bool:
        """Save a review status; False (and `edit_failed`) if it was refused."""
        record = self._attempt(
            lambda: editing.change_status(
                self.database, record_id, status, expected_version=self._version_of(record_id)
            )
        )
        return self._saved(record, record_id)

    def create_from_selection(
        self, kind: RecordKind, document_id: int, start: int, end: int
    ) -> Record | None:
        """Create a record from a selection, with it as evidence."""
        record = self._attempt(
            lambda: annotating.create_record_from_selection(
                self.database, kind, document_id, start, end
            )
        )
        if record is not None:
            self._announce(record)
        return record

    def delete(self, record_id: int) -> DeletedRecord | None:
        """Delete a record; returns what `restore` needs."""
        version = self._versions.get(record_id)
        deleted = self._attempt(
            lambda: editing.delete_record(self.database, record_id, expected_version=version)
        )
        if deleted is not None:
            self._versions.pop(record_id, None)
            self.record_removed.emit(record_id)
            self.evidence_changed.emit()
        return deleted

    def restore(self, deleted: DeletedRecord) -> Record | None:
        """Bring a deleted record back."""
        record = self._attempt(lambda: editing.restore_record(self.database, deleted))
        if record is not None:
            self._announce(record)
        return record

    def create_named(self, kind: RecordKind, name: str) -> Record | None:
        """Create a draft record named `name` (English or Chinese by its script)."""
        record = self._attempt(lambda: relating.create_named_record(self.database, kind, name))
        if record is not None:
            self._announce(record)
        return record

    def link_evidence(
        self, record_id: int, document_id: int, start: int, end: int, *,
        relation_id: int | None = None,
    ) -> int | None:
        """Add a span as evidence of a record (or of one of its relations); the evidence id."""
        version = self._versions.get(record_id)
        evidence_id = self._attempt(
            lambda: annotating.link_selection_as_evidence(
                self.database, record_id, document_id, start, end, expected_version=version,
                relation_id=relation_id,
            )
        )
        if evidence_id is not None:
            self._announce(self.load(record_id))
        return evidence_id

    def unlink_evidence(self, evidence_id: int) -> Evidence | None:
        """Remove one evidence span; returns it as it was."""
        removed = self._attempt(lambda: self._remove_evidence(evidence_id))
        if removed is not None:
            self._announce(self.load(removed.record_id))
        return removed

    def link_mentions(self, record_id: int, spans: Sequence[MentionSpan]) -> list[int] | None:
        """Link found mentions as evidence of a record in one change; the evidence ids."""
        version = self._versions.get(record_id)
        ids = self._attempt(lambda: mentions.link_mentions(
            self.database, record_id, spans, expected_version=version))
        if ids is not None:
            self._announce(self.load(record_id))
        return ids

    def unlink_mentions(self, record_id: int, evidence_ids: Sequence[int]) -> bool:
        """Remove evidence spans linked together, in one change."""
        version = self._versions.get(record_id)
        done = self._attempt(lambda: mentions.unlink_mentions(
            self.database, record_id, evidence_ids, expected_version=version))
        if done is None:
            return False
        self._announce(self.load(record_id))
        return True

    def _remove_evidence(self, evidence_id: int) -> Evidence:
        record_id = annotating.evidence_record_id(self.database, evidence_id)
        return annotating.remove_evidence(
            self.database, evidence_id, expected_version=self._versions.get(record_id)
        )

    def _announce(self, record: Record) -> None:
        self.remember(record)
        self.evidence_changed.emit()
        self.record_changed.emit(record)

    def _changed_subject(self, subject_id: int, *, evidence: bool = False) -> None:
        """A relation or alias written on `subject_id` changed: re-read it and say so."""
        record = self.load(subject_id)
        if evidence:
            self.evidence_changed.emit()
        self.record_changed.emit(record)

    def add_role(self, kind: RelationKind, name: str) -> Role | None:
        """Add a role to the vocabulary of a relation kind (not an undoable record change)."""
        return self._attempt(lambda: relating.add_role(self.database, kind, name))

    def add_relation(
        self, kind: RelationKind, subject_id: int, *, object_id: int | None = None,
        country: str | None = None, role: str | None = None,
    ) -> int | None:
        """Relate a record to another (or to a country); the new relation's id."""
        relation_id = self._attempt(lambda: relating.add_relation(
            self.database, kind, subject_id, object_id=object_id, country=country, role=role,
            expected_version=self._version_of(subject_id),
        ))
        if relation_id is not None:
            self._changed_subject(subject_id)
        return relation_id

    def edit_relation(self, relation_id: int, name: str, value: RelationValue) -> bool:
        """Change one field of a relation; False (and `edit_failed`) if it was refused."""
        subject_id = self._attempt(lambda: relating.relation_subject_id(self.database,
                                                                        relation_id))
        if subject_id is None:
            return False
        saved = self._attempt(
            lambda: relating.edit_relation(
                self.database, relation_id, name, value,
                expected_version=self._version_of(subject_id),
            ),
            refused_text=f"What you typed, so it is not lost: {value!r}",
        )
        with suppress(CuratorError):  # refused: show it as it is (unless its record is gone)
            self._changed_subject(subject_id)
        return saved is not None

    def remove_relation(self, relation_id: int) -> RemovedRelation | None:
        """Remove a relation with its evidence; returns what `restore_relation` needs."""
        def remove() -> RemovedRelation:
            subject_id = relating.relation_subject_id(self.database, relation_id)
            return relating.remove_relation(self.database, relation_id,
                                            expected_version=self._version_of(subject_id))

        removed = self._attempt(remove)
        if removed is not None:
            self._changed_subject(removed.relation.subject_id, evidence=bool(removed.evidence))
        return removed

    def restore_relation(self, removed: RemovedRelation) -> bool:
        """Put a removed relation back under its id, with its evidence."""
        subject_id = removed.relation.subject_id
        restored = self._attempt(lambda: relating.restore_relation(
            self.database, removed, expected_version=self._version_of(subject_id)))
        if restored is not None:
            self._changed_subject(subject_id, evidence=bool(removed.evidence))
        return restored is not None

    def add_alias(
        self, record_id: int, text: str, *, selection: tuple[int, int, int] | None = None
    ) -> int | None:
        """Give a record an alias, typed or taken from a (document, start, end) selection."""
        version = self._version_of(record_id)
        if selection is None:
            alias_id = self._attempt(lambda: aliasing.add_alias(
                self.database, record_id, text, expected_version=version))
        else:
            alias_id = self._attempt(lambda: aliasing.add_alias_from_selection(
                self.database, record_id, *selection, expected_version=version))
        if alias_id is not None:
            self._changed_subject(record_id, evidence=selection is not None)
        return alias_id

    def remove_alias(self, alias_id: int) -> RemovedAlias | None:
        """Remove an alias with its evidence; returns what `restore_alias` needs."""
        def remove() -> RemovedAlias:
            record_id = aliasing.alias_record_id(self.database, alias_id)
            return aliasing.remove_alias(self.database, alias_id,
                                         expected_version=self._version_of(record_id))

        removed = self._attempt(remove)
        if removed is not None:
            self._changed_subject(removed.alias.record_id, evidence=bool(removed.evidence))
        return removed

    def restore_alias(self, removed: RemovedAlias) -> bool:
        """Put a removed alias back under its id, with its evidence."""
        record_id = removed.alias.record_id
        restored = self._attempt(lambda: aliasing.restore_alias(
            self.database, removed, expected_version=self._version_of(record_id)))
        if restored is not None:
            self._changed_subject(record_id, evidence=bool(removed.evidence))
        return restored is not None

    def merge(self, keep_id: int, other_id: int) -> MergedRecord | None:
        """Merge `other_id` into `keep_id` (versions as this window saw them); returns what
        `unmerge` needs."""
        merged = self._attempt(lambda: merging.merge_records(
            self.database, keep_id, other_id, keep_version=self._version_of(keep_id),
            other_version=self._version_of(other_id)))
        if merged is not None:
            self._versions.pop(other_id, None)
            self.record_removed.emit(other_id)
            self._announce(merged.kept)
        return merged

    def unmerge(self, merged: MergedRecord) -> Record | None:
        """Take a merge back; returns the record that came back under its key."""
        restored = self._attempt(lambda: merging.unmerge_records(self.database, merged))
        if restored is not None:
            self._announce(self.load(merged.kept.id))
            self._announce(restored)
        return restored

    def dismiss_duplicates(self, first_id: int, second_id: int) -> bool:
        """Say two records are not duplicates; False (and `edit_failed`) if refused."""
        def dismiss() -> bool:
            duplicates.dismiss_pair(self.database, first_id, second_id)
            return True

        return self._attempt(dismiss) is not None

    def undo_dismissal(self, first_id: int, second_id: int) -> bool:
        """Let two records be listed as likely duplicates again."""
        def take_back() -> bool:
            duplicates.undo_dismissal(self.database, first_id, second_id)
            return True

        return self._attempt(take_back) is not None
