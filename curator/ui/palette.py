"""Colours of the record kinds, shared by highlights, lists and forms."""

from __future__ import annotations

from PySide6.QtGui import QColor

from curator.domain.records import RecordKind

KIND_COLOURS: dict[RecordKind, str] = {
    RecordKind.EVENT: "#f6c177",
    RecordKind.PERSON: "#9cc9f5",
    RecordKind.ORGANIZATION: "#a9dc9c",
}


def kind_colour(kind: RecordKind) -> QColor:
    """Background colour of highlights and badges for `kind`."""
    return QColor(KIND_COLOURS[kind])
