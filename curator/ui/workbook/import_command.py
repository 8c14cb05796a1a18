"""Importing a workbook's corrections as one undoable step of the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from curator.errors import CuratorError, RecordNotFound
from curator.services.correction_steps import (
    AppliedCorrections,
    redo_corrections,
    undo_corrections,
)
from curator.services.editing import load_record
from curator.store.database import ProjectDatabase
from curator.ui.record_editor import RecordEditor

SHOWN_ONE_BY_ONE = 200
"""Up to this many records an import touched are redrawn one by one; more: all lists at once."""


class ImportCorrectionsCommand(QUndoCommand):
    """An applied import (already written when pushed); undo and redo run it whole."""

    def __init__(self, editor: RecordEditor, applied: AppliedCorrections,
                 refresh_all: Callable[[], None] | None = None) -> None:
        super().__init__(f"Import corrections from {applied.source.name}")
        self._editor = editor
        self.applied = applied
        self._refresh_all = refresh_all
        self._first = True

    def redo(self) -> None:
        """The first time: the import is written already; later: apply it again."""
        if self._first:
            self._first = False
        elif not self._run(redo_corrections):
            return
        self._announce()

    def undo(self) -> None:
        """Put back every record as it was before the import."""
        if self._run(undo_corrections):
            self._announce()

    def _run(self, action: Callable[[ProjectDatabase, AppliedCorrections], None]) -> bool:
        try:
            action(self._editor.database, self.applied)
        except CuratorError as error:
            self._editor.edit_failed.emit(str(error))
            self.setObsolete(True)
            return False
        return True

    def _announce(self) -> None:
        """Tell the panels what changed, as the editor does for a single edit."""
        ids = self.applied.record_ids
        if len(ids) > SHOWN_ONE_BY_ONE and self._refresh_all is not None:
            self._refresh_all()
            self._editor.evidence_changed.emit()
            return
        for record_id in sorted(ids):
            try:
                record = load_record(self._editor.database, record_id)
            except RecordNotFound:
                self._editor.record_removed.emit(record_id)
                continue
            self._editor.remember(record)
            self._editor.record_changed.emit(record)
        self._editor.evidence_changed.emit()
