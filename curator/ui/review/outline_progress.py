"""Keeps the document outline's review progress (per document and per section) current."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from curator.services import reviewing
from curator.store.database import ProjectDatabase
from curator.ui.document_outline import DocumentOutline
from curator.ui.record_editor import RecordEditor

REFRESH_DELAY_MS = 300
"""Counts are read again this long after the last change, not once per keystroke."""


class OutlineProgress(QObject):
    """Reads progress when the outline lists sections and shortly after records change."""

    def __init__(self, database: ProjectDatabase, outline: DocumentOutline,
                 editor: RecordEditor) -> None:
        super().__init__(outline)
        self._database = database
        self._outline = outline
        self._shown: set[int] = set(outline.documents_with_sections)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        outline.sections_shown.connect(self._on_outline_sections_shown)
        editor.record_changed.connect(self._timer.start)
        editor.record_removed.connect(self._timer.start)
        editor.evidence_changed.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        """Read every document's progress and that of the sections listed."""
        self._timer.stop()
        self._outline.show_progress(reviewing.document_progress(self._database))
        for document_id in self._shown:
            self._show_sections(document_id)

    def _show_sections(self, document_id: int) -> None:
        self._outline.show_section_progress(
            document_id, reviewing.sections_progress(self._database, document_id))

    def _on_outline_sections_shown(self, document_id: int) -> None:
        self._shown.add(document_id)
        self._show_sections(document_id)
        self._timer.start()  # the documents were listed again: their counts too
