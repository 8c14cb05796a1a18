"""Undoable edits: each command saves through the RecordEditor, so undo writes a revision too."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from curator.domain.records import ReviewStatus
from curator.ui.record_editor import FieldValue, RecordEditor

_FIELD_EDIT_ID = 1001


class FieldEditCommand(QUndoCommand):
    """Set one field of one record; consecutive edits of the same field merge."""

    def __init__(
        self,
        editor: RecordEditor,
        record_id: int,
        record_key: str,
        name: str,
        old_value: FieldValue,
        new_value: FieldValue,
    ) -> None:
        super().__init__(f"Edit {name} of {record_key}")
        self._editor = editor
        self.record_id = record_id
        self.name = name
        self.old_value = old_value
        self.new_value = new_value

    def redo(self) -> None:
        """Save the new value; a refused edit leaves nothing on the stack."""
        if not self._editor.set_field(self.record_id, self.name, self.new_value):
            self.setObsolete(True)

    def undo(self) -> None:
        """Save the old value back."""
        if not self._editor.set_field(self.record_id, self.name, self.old_value):
            self.setObsolete(True)

    def id(self) -> int:
        """Field edits may merge with each other."""
        return _FIELD_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        """Fold a following edit of the same field into this one."""
        if not isinstance(other, FieldEditCommand):
            return False
        if (other.record_id, other.name) != (self.record_id, self.name):
            return False
        self.new_value = other.new_value
        return True


class StatusChangeCommand(QUndoCommand):
    """Move one record to another review status."""

    def __init__(
        self, editor: RecordEditor, record_id: int, record_key: str,
        old_status: ReviewStatus, new_status: ReviewStatus,
    ) -> None:
        super().__init__(f"Mark {record_key} {new_status.value}")
        self._editor = editor
        self.record_id = record_id
        self.old_status = old_status
        self.new_status = new_status

    def redo(self) -> None:
        """Save the new status."""
        if not self._editor.set_status(self.record_id, self.new_status):
            self.setObsolete(True)

    def undo(self) -> None:
        """Restore the old status."""
        if not self._editor.set_status(self.record_id, self.old_status):
            self.setObsolete(True)
