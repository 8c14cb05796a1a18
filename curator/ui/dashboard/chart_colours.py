"""Colours of the dashboard's series: event types and review statuses, told apart at a glance."""

from __future__ import annotations

from PySide6.QtGui import QColor

from curator.domain.records import EVENT_TYPES, ReviewStatus

# Tableau 10: distinct on light and dark backgrounds, and for most colour-blind readers.
_QUALITATIVE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                "#ff9da7", "#9c755f", "#bab0ac")
NO_TYPE_COLOUR = QColor("#8c8c8c")

STATUS_COLOURS: dict[ReviewStatus, QColor] = {
    ReviewStatus.SUGGESTED: QColor("#bab0ac"),
    ReviewStatus.DRAFT: QColor("#edc948"),
    ReviewStatus.NEEDS_REVIEW: QColor("#f28e2b"),
    ReviewStatus.APPROVED: QColor("#59a14f"),
    ReviewStatus.REJECTED: QColor("#e15759"),
}


def event_type_colour(event_type: str) -> QColor:
    """The colour of an event type ("" for none); types outside the vocabulary share one."""
    if not event_type:
        return NO_TYPE_COLOUR
    if event_type in EVENT_TYPES:
        return QColor(_QUALITATIVE[EVENT_TYPES.index(event_type) % len(_QUALITATIVE)])
    return QColor(_QUALITATIVE[-1])


def event_type_order(event_type: str) -> tuple[int, str]:
    """Sort key: the vocabulary's order, other types after it, no type last."""
    if not event_type:
        return (len(EVENT_TYPES) + 1, "")
    if event_type in EVENT_TYPES:
        return (EVENT_TYPES.index(event_type), event_type)
    return (len(EVENT_TYPES), event_type)
