"""Colours of the record kinds, shared by highlights, lists and forms."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from curator.domain.records import RecordKind

KIND_COLOURS: dict[RecordKind, str] = {
    RecordKind.EVENT: "#f6c177",
    RecordKind.PERSON: "#9cc9f5",
    RecordKind.ORGANIZATION: "#a9dc9c",
}

HIGHLIGHT_TEXT = QColor("#1a1a1a")
"""Text on every pale highlight, set with the background: a dark theme's light text on
these tints measured 1.6:1, far below the 4.5:1 readable minimum."""
SUGGESTED_LIGHTER = 112
"""How much paler a suggestion's tint is than its kind's (QColor.lighter factor)."""
DARK_UNCOVERED_BACKGROUND = QColor("#4a3346")
"""On a dark theme a paragraph no evidence touches is a deep mauve under light text."""
DARK_UNCOVERED_FOREGROUND = QColor("#f4edf3")
MINIMUM_CONTRAST = 4.5
"""WCAG AA for body text: the least contrast between a highlight and its text."""


def suggested_colour(kind: RecordKind) -> QColor:
    """Background of a suggestion's highlight: a paler tint of its kind."""
    return kind_colour(kind).lighter(SUGGESTED_LIGHTER)


def is_dark(palette: QPalette) -> bool:
    """Whether a palette draws light text on a dark base (a dark theme)."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def uncovered_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Background and text of a paragraph no evidence touches, for the palette's theme."""
    if is_dark(palette):
        return DARK_UNCOVERED_BACKGROUND, DARK_UNCOVERED_FOREGROUND
    return UNCOVERED_BACKGROUND, HIGHLIGHT_TEXT


def highlight_colours(palette: QPalette) -> dict[str, tuple[QColor, QColor]]:
    """Every mark the source view draws, by name: (background, text colour) under the
    palette's theme. The colour key shows these; a test checks each pair's contrast."""
    colours = {kind.value: (kind_colour(kind), HIGHLIGHT_TEXT) for kind in RecordKind}
    colours |= {f"suggested {kind.value}": (suggested_colour(kind), HIGHLIGHT_TEXT)
                for kind in RecordKind}
    colours["found"] = (FIND_HIT_BACKGROUND, FIND_HIT_FOREGROUND)
    colours["focus"] = (FOCUS_BACKGROUND, FOCUS_FOREGROUND)
    colours["uncovered"] = uncovered_colours(palette)
    return colours


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black, 1 white)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


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
