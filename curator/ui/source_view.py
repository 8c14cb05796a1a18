"""The read-only source text with evidence highlighted; clicking a highlight opens its record."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from curator.domain.evidence import Evidence
from curator.domain.text_search import find_occurrences
from curator.ui.highlighter import EvidenceHighlighter, HighlightSpan
from curator.ui.text_offsets import TextOffsets


class SourceView(QPlainTextEdit):
    """Shows one document; offsets in and out are Python string offsets of its stored text."""

    highlight_clicked = Signal(int)
    """A click landed on evidence: the record id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self._offsets = TextOffsets("")
        self.suggested_ids: set[int] = set()
        """Records whose highlights are drawn as suggestions (status suggested)."""
        self._text = ""
        self._find_hits: list[tuple[int, int]] = []
        self.document_id: int | None = None
        self._highlighter = EvidenceHighlighter(self.document())
        self._press_position: int | None = None

    def show_document(self, document_id: int, text: str, evidence: list[Evidence]) -> None:
        """Show a document's text with its evidence highlighted."""
        self.document_id = document_id
        self._offsets = TextOffsets(text)
        self._text = text
        self._find_hits = []
        self._highlighter.set_find_hits([])
        self._highlighter.set_spans(self._highlight_spans(evidence), redraw=False)
        self.setPlainText(text)  # highlights every block once, with the spans above

    def set_evidence(self, evidence: list[Evidence]) -> None:
        """Replace the highlights of the current document."""
        self._highlighter.set_spans(self._highlight_spans(evidence))

    def _highlight_spans(self, evidence: list[Evidence]) -> list[HighlightSpan]:
        to_qt = self._offsets.to_qt
        return [
            HighlightSpan(to_qt(e.start), to_qt(e.end), e.record_kind, e.record_id,
                          e.record_id in self.suggested_ids)
            for e in evidence
            if e.document_id == self.document_id
        ]

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as (start, end) string offsets, or None if nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._offsets.from_qt(cursor.selectionStart()),
            self._offsets.from_qt(cursor.selectionEnd()),
        )

    def select_span(self, start: int, end: int) -> None:
        """Select string offsets [start, end) and scroll them into the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def mark_phrase(self, phrase: str) -> int:
        """Mark every occurrence of `phrase` in the text; how many there are."""
        self._find_hits = find_occurrences(self._text, phrase)
        to_qt = self._offsets.to_qt
        self._highlighter.set_find_hits([(to_qt(s), to_qt(e)) for s, e in self._find_hits])
        return len(self._find_hits)

    @property
    def find_hit_count(self) -> int:
        """How many occurrences of the phrase last found are marked."""
        return len(self._find_hits)

    def step_to_hit(self, direction: int) -> int | None:
        """Select the next (+1) or previous (-1) marked occurrence from the cursor, wrapping
        around; its index among the hits, or None if there are none."""
        if not self._find_hits:
            return None
        cursor = self.textCursor()
        if direction > 0:
            after = self._offsets.from_qt(cursor.selectionEnd())
            starts = [start for start, _end in self._find_hits]
            index = bisect.bisect_left(starts, after) % len(self._find_hits)
        else:
            before = self._offsets.from_qt(cursor.selectionStart())
            ends = [end for _start, end in self._find_hits]
            index = (bisect.bisect_right(ends, before) - 1) % len(self._find_hits)
        self.select_span(*self._find_hits[index])
        return index

    def record_ids_at(self, offset: int) -> list[int]:
        """Records whose evidence covers the string offset, innermost first."""
        return [s.record_id for s in self._highlighter.spans_at(self._offsets.to_qt(offset))]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """Remember where a click started, to tell a click from a drag."""
        self._press_position = self.cursorForPosition(event.position().toPoint()).position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """A click (not a drag) on a highlight opens its record."""
        super().mouseReleaseEvent(event)
        position = self.cursorForPosition(event.position().toPoint()).position()
        if event.button() != Qt.MouseButton.LeftButton or position != self._press_position:
            return
        hits = self._highlighter.spans_at(position)
        if hits:
            self.highlight_clicked.emit(hits[0].record_id)
