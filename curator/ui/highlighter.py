"""Evidence highlighting: colours only the spans of the block Qt is drawing."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from curator.domain.records import RecordKind
from curator.ui.palette import (
    FIND_HIT_BACKGROUND,
    FIND_HIT_FOREGROUND,
    FOCUS_BACKGROUND,
    FOCUS_FOREGROUND,
    HIGHLIGHT_TEXT,
    kind_colour,
    suggested_colour,
    uncovered_colours,
)

FULL_REDRAW_THRESHOLD = 200
"""Beyond this many changed spans one pass over the document beats block-by-block redraws."""


@dataclass(frozen=True)
class HighlightSpan:
    """An evidence span in Qt positions, with the record it belongs to."""

    start: int
    end: int
    kind: RecordKind
    record_id: int
    suggested: bool = False
    """A machine's suggestion nobody has accepted yet: drawn lighter, dash-underlined."""


class EvidenceHighlighter(QSyntaxHighlighter):
    """Looks up the spans overlapping each block by bisection, so cost follows what is shown."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[HighlightSpan] = []
        self._starts: list[int] = []
        self._longest = 0
        self._formats = {kind: self._format_for(kind) for kind in RecordKind}
        self._suggested_formats = {kind: self._suggested_format_for(kind) for kind in RecordKind}
        self._hits: list[tuple[int, int]] = []
        self._hit_starts: list[int] = []
        self._longest_hit = 0
        self._hit_format = QTextCharFormat()
        self._hit_format.setBackground(FIND_HIT_BACKGROUND)
        self._hit_format.setForeground(FIND_HIT_FOREGROUND)
        self._focus: tuple[int, int] | None = None
        self._focus_format = QTextCharFormat()
        self._focus_format.setBackground(FOCUS_BACKGROUND)
        self._focus_format.setForeground(FOCUS_FOREGROUND)
        self._mark_uncovered = False
        self.uncovered_format = QTextCharFormat()
        uncovered_background, uncovered_text = uncovered_colours(QGuiApplication.palette())
        self.uncovered_format.setBackground(uncovered_background)
        self.uncovered_format.setForeground(uncovered_text)

    @staticmethod
    def _format_for(kind: RecordKind) -> QTextCharFormat:
        text_format = QTextCharFormat()
        text_format.setBackground(kind_colour(kind))
        text_format.setForeground(HIGHLIGHT_TEXT)  # never a dark theme's light text
        return text_format

    @staticmethod
    def _suggested_format_for(kind: RecordKind) -> QTextCharFormat:
        """A suggestion: a paler tint of its kind and a dashed underline, so a curator tells
        what the machine proposed from what people recorded."""
        text_format = QTextCharFormat()
        text_format.setBackground(suggested_colour(kind))
        text_format.setForeground(HIGHLIGHT_TEXT)
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        text_format.setUnderlineColor(kind_colour(kind).darker(170))
        return text_format

    def set_spans(self, spans: list[HighlightSpan], *, redraw: bool = True) -> None:
        """Replace every highlight, redrawing only the blocks whose highlights changed.

        With `redraw` off the spans only take effect as blocks are next highlighted, e.g.
        when new text is set (which highlights every block once anyway).
        """
        changed = set(self._spans).symmetric_difference(spans) if redraw else set()
        self._spans = sorted(spans, key=lambda span: (span.start, span.end))
        self._starts = [span.start for span in self._spans]
        self._longest = max((span.end - span.start for span in self._spans), default=0)
        if len(changed) > FULL_REDRAW_THRESHOLD:
            self.rehighlight()
            return
        for span in changed:
            self._rehighlight_range(span.start, span.end)

    def set_find_hits(self, hits: list[tuple[int, int]]) -> None:
        """Mark the (start, end) Qt ranges a find in the text matched, over any evidence."""
        changed = set(self._hits).symmetric_difference(hits)
        self._hits = sorted(hits)
        self._hit_starts = [start for start, _end in self._hits]
        self._longest_hit = max((end - start for start, end in self._hits), default=0)
        if len(changed) > FULL_REDRAW_THRESHOLD:
            self.rehighlight()
            return
        for start, end in changed:
            self._rehighlight_range(start, end)

    def set_focus(self, focus: tuple[int, int] | None) -> None:
        """Mark the (start, end) Qt range a review is looking at (None: no mark)."""
        previous, self._focus = self._focus, focus
        if previous != focus:
            for span in (previous, focus):
                if span is not None:
                    self._rehighlight_range(*span)

    @property
    def focus(self) -> tuple[int, int] | None:
        """The range marked as the one under review, if any."""
        return self._focus

    def set_mark_uncovered(self, mark: bool) -> None:
        """Tint (or stop tinting) every paragraph no evidence touches."""
        if mark != self._mark_uncovered:
            self._mark_uncovered = mark
            self.rehighlight()

    def _rehighlight_range(self, start: int, end: int) -> None:
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def spans_between(self, start: int, end: int) -> list[HighlightSpan]:
        """Spans overlapping the Qt positions [start, end)."""
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        return [s for s in self._spans[first:last] if s.end > start and s.start < end]

    def spans_at(self, position: int) -> list[HighlightSpan]:
        """Spans containing the Qt position, innermost (shortest) first."""
        hits = self.spans_between(position, position + 1)
        return sorted(hits, key=lambda span: span.end - span.start)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Colour the parts of this block covered by evidence."""
        block = self.currentBlock()
        block_start = block.position()
        # Qt positions count UTF-16 units; len(text) counts code points, fewer for astral ones.
        block_end = block_start + block.length() - 1
        spans = self.spans_between(block_start, block_end)
        if self._mark_uncovered and not spans and text.strip():
            self.setFormat(0, block_end - block_start, self.uncovered_format)
        for span in spans:
            start = max(span.start, block_start) - block_start
            end = min(span.end, block_end) - block_start
            formats = self._suggested_formats if span.suggested else self._formats
            self.setFormat(start, end - start, formats[span.kind])
        first = bisect.bisect_left(self._hit_starts, block_start - self._longest_hit)
        for hit_start, hit_end in self._hits[first:]:
            if hit_start >= block_end:
                break
            if hit_end > block_start:
                start = max(hit_start, block_start) - block_start
                self.setFormat(start, min(hit_end, block_end) - block_start - start,
                               self._hit_format)
        focus = self._focus
        if focus is not None and focus[1] > block_start and focus[0] < block_end:
            start = max(focus[0], block_start) - block_start
            self.setFormat(start, min(focus[1], block_end) - block_start - start,
                           self._focus_format)
