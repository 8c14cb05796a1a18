"""Colours of the record kinds, shared by highlights, lists and forms."""

from __future__ import annotations

from PySide6.QtGui import QColor

from curator.domain.records import RecordKind

KIND_COLOURS: dict[RecordKind, str] = {
    RecordKind.EVENT: "#f6c177",
    RecordKind.PERSON: "#9cc9f5",
    RecordKind.ORGANIZATION: "#a9dc9c",
}

FIND_HIT_BACKGROUND = QColor("#ffe135")
"""Every occurrence of the phrase found in the text: a strong yellow, dark text on it."""
FIND_HIT_FOREGROUND = QColor("#000000")


def kind_colour(kind: RecordKind) -> QColor:
    """Background colour of highlights and badges for `kind`."""
    return QColor(KIND_COLOURS[kind])

FOCUS_BACKGROUND = QColor("#1e5bc6")
"""The evidence a review is looking at: white on a strong blue, found at a glance."""
FOCUS_FOREGROUND = QColor("#ffffff")

UNCOVERED_BACKGROUND = QColor("#f3e6f0")
"""A paragraph no evidence touches yet: a faint mauve, quieter than any highlight."""
