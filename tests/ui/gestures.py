"""What a curator's hands do in the window, for the GUI tests: type Chinese, select and press."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from curator.domain.records import Record, RecordKind
from curator.ui.workbench import Workbench


def commit_text(widget: QWidget, text: str) -> None:
    """Commit `text` as a Chinese input method does (QTest can only type ASCII keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def create_from_quote(workbench: Workbench, kind: RecordKind, quote: str) -> Record:
    """Select the first occurrence of `quote` in the text and create a record of `kind`."""
    start = workbench.source_view.toPlainText().index(quote)
    workbench.source_view.select_span(start, start + len(quote))
    record = workbench.create_record_from_selection(kind)
    assert record is not None
    return record
