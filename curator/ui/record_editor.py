"""The window's one gateway for changing records: tracks versions and reports what changed."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, Signal

from curator.domain.records import Record, ReviewStatus
from curator.errors import CuratorError
from curator.services import editing
from curator.store.database import ProjectDatabase

FieldValue = str | int | None


class RecordEditor(QObject):
    """Applies edits through the editing service with the last version this window saw."""

    record_changed = Signal(object)
    """A record was saved (or re-read after a conflict): the new `Record`."""

    edit_failed = Signal(str)
    """An edit was refused: a message for the user."""

    def __init__(self, database: ProjectDatabase) -> None:
        super().__init__()
        self.database = database
        self._versions: dict[int, int] = {}

    def load(self, record_id: int) -> Record:
        """Read a record and remember its version as the base of later edits."""
        record = editing.load_record(self.database, record_id)
        self._versions[record.id] = record.version
        return record

    def remember(self, record: Record) -> None:
        """Take `record` as the version this window has seen."""
        self._versions[record.id] = record.version

    def set_field(self, record_id: int, name: str, value: FieldValue) -> bool:
        """Save one field; False (and `edit_failed`) if it was refused."""
        return self._apply(
            lambda version: editing.edit_field(
                self.database, record_id, name, value, expected_version=version
            ),
            record_id,
            refused_text=f"What you typed for {name}, so it is not lost: {value!r}",
        )

    def set_status(self, record_id: int, status: ReviewStatus) -> bool:
        """Save a review status; False (and `edit_failed`) if it was refused."""
        return self._apply(
            lambda version: editing.change_status(
                self.database, record_id, status, expected_version=version
            ),
            record_id,
        )

    def _apply(
        self, change: Callable[[int], Record], record_id: int, *, refused_text: str = ""
    ) -> bool:
        if record_id not in self._versions:
            self.load(record_id)
        try:
            record = change(self._versions[record_id])
        except (CuratorError, ValueError) as error:
            self.edit_failed.emit(f"{error}\n\n{refused_text}".strip())
            with suppress(CuratorError):  # a deleted record: the message above says enough
                self.record_changed.emit(self.load(record_id))
            return False
        self.remember(record)
        self.record_changed.emit(record)
        return True
