"""The window's one gateway for changing records: tracks versions and reports what changed."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from curator.domain.evidence import Evidence
from curator.domain.records import FieldValue, Record, RecordKind, ReviewStatus
from curator.errors import CuratorError
from curator.services import annotating, editing
from curator.services.editing import DeletedRecord
from curator.store.database import ProjectDatabase

Result = TypeVar("Result")


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

    def set_field(self, record_id: int, name: str, value: FieldValue) -> bool:
        """Save one field; False (and `edit_failed`) if it was refused."""
        record = self._attempt(
            lambda: editing.edit_field(
                self.database, record_id, name, value,
                expected_version=self._version_of(record_id),
            ),
            refused_text=f"What you typed, so it is not lost: {value!r}",
        )
        return self._saved(record, record_id)

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

    def link_evidence(self, record_id: int, document_id: int, start: int, end: int) -> int | None:
        """Add a span as evidence of a record; returns the evidence id."""
        version = self._versions.get(record_id)
        evidence_id = self._attempt(
            lambda: annotating.link_selection_as_evidence(
                self.database, record_id, document_id, start, end, expected_version=version
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

    def _remove_evidence(self, evidence_id: int) -> Evidence:
        record_id = annotating.evidence_record_id(self.database, evidence_id)
        return annotating.remove_evidence(
            self.database, evidence_id, expected_version=self._versions.get(record_id)
        )

    def _announce(self, record: Record) -> None:
        self.remember(record)
        self.evidence_changed.emit()
        self.record_changed.emit(record)
