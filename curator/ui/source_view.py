"""The read-only source text with evidence highlighted; clicking a highlight opens its record."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from curator.domain.coverage import next_paragraph, uncovered_paragraphs
from curator.domain.evidence import Evidence
from curator.domain.text_search import find_occurrences
from curator.ui.highlighter import EvidenceHighlighter, HighlightSpan
from curator.ui.text_offsets import TextOffsets

ZOOM_FACTOR = 1.1
"""Each zoom step makes the text about 10% larger."""
ZOOM_RANGE = (-5, 12)
"""Steps out and in the text may be zoomed: from about 60% to about 310%."""


class SourceView(QPlainTextEdit):
    """Shows one document; offsets in and out are Python string offsets of its stored text."""

    highlight_clicked = Signal(int)
    """A click landed on evidence: the record id."""

    scrolled = Signal(int)
    """The text scrolled: the string offset of the first line in view."""

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
        self._normal_point_size = font.pointSizeF()
        self.zoom_steps = 0
        """How far the text is zoomed in (negative: out), in steps of ZOOM_FACTOR."""
        self._offsets = TextOffsets("")
        self.suggested_ids: set[int] = set()
        """Records whose highlights are drawn as suggestions (status suggested)."""
        self._text = ""
        self._find_hits: list[tuple[int, int]] = []
        self._evidence_spans: list[tuple[int, int]] = []
        self.document_id: int | None = None
        self._highlighter = EvidenceHighlighter(self.document())
        self._press_position: int | None = None
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_bar_value_changed)

    def set_zoom(self, steps: int) -> int:
        """Zoom the text `steps` steps in (out if negative) from its normal size, within
        ZOOM_RANGE; the steps taken."""
        self.zoom_steps = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], steps))
        font = QFont(self.font())
        font.setPointSizeF(self._normal_point_size * ZOOM_FACTOR ** self.zoom_steps)
        self.setFont(font)
        return self.zoom_steps

    def show_document(self, document_id: int, text: str, evidence: list[Evidence]) -> None:
        """Show a document's text with its evidence highlighted."""
        self.document_id = document_id
        self._offsets = TextOffsets(text)
        self._text = text
        self._find_hits = []
        self._highlighter.set_find_hits([])
        self._highlighter.set_focus(None)
        self._highlighter.set_spans(self._highlight_spans(evidence), redraw=False)
        self.setPlainText(text)  # highlights every block once, with the spans above

    def set_evidence(self, evidence: list[Evidence]) -> None:
        """Replace the highlights of the current document."""
        self._highlighter.set_spans(self._highlight_spans(evidence))

    def _highlight_spans(self, evidence: list[Evidence]) -> list[HighlightSpan]:
        self._evidence_spans = [(e.start, e.end) for e in evidence
                                if e.document_id == self.document_id]
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

    def show_at_top(self, offset: int) -> None:
        """Put the cursor at a string offset and scroll its line to the top of the view (as
        far as the text goes: the last lines cannot rise above the bottom)."""
        position = self._offsets.to_qt(offset)
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        block = cursor.block()
        line = block.layout().lineForTextPosition(position - block.position())
        within = line.lineNumber() if line.isValid() else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + within)

    def top_offset(self) -> int:
        """The string offset where the first line in view begins."""
        block = self.firstVisibleBlock()
        top = block.position()
        first_line = self.verticalScrollBar().value() - block.firstLineNumber()
        if block.layout() is not None and 0 < first_line < block.layout().lineCount():
            top += block.layout().lineAt(first_line).textStart()
        return self._offsets.from_qt(top)

    def _on_scroll_bar_value_changed(self, _value: int) -> None:
        if self.document_id is not None:
            self.scrolled.emit(self.top_offset())

    def show_focus(self, start: int, end: int) -> None:
        """Mark string offsets [start, end) as the span under review and centre them, the
        cursor at its start (nothing selected: the mark is what the eye looks for)."""
        to_qt = self._offsets.to_qt
        self._highlighter.set_focus((to_qt(start), to_qt(end)))
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def clear_focus(self) -> None:
        """Take the review mark away."""
        self._highlighter.set_focus(None)

    @property
    def focus_span(self) -> tuple[int, int] | None:
        """The string offsets marked as under review, if any."""
        focus = self._highlighter.focus
        if focus is None:
            return None
        return self._offsets.from_qt(focus[0]), self._offsets.from_qt(focus[1])

    def set_mark_uncovered(self, mark: bool) -> None:
        """Tint (or stop tinting) the paragraphs no evidence touches."""
        self._highlighter.set_mark_uncovered(mark)

    def is_marked_uncovered(self, offset: int) -> bool:
        """Whether the paragraph at the string offset is drawn as not covered by evidence."""
        block = self.document().findBlock(self._offsets.to_qt(offset))
        background = self._highlighter.uncovered_format.background()
        return any(f.format.background() == background for f in block.layout().formats())

    def step_to_uncovered(self, *, backwards: bool = False) -> tuple[int, int] | None:
        """Select the next (or previous) paragraph no evidence touches, wrapping around;
        its offsets, or None if evidence touches every paragraph."""
        uncovered = uncovered_paragraphs(self._text, self._evidence_spans)
        cursor = self.textCursor()
        here = self._offsets.from_qt(cursor.selectionStart())
        found = next_paragraph(uncovered, here, backwards=backwards)
        if found is not None:
            self.select_span(*found)
        return found

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
