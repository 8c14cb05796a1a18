"""A small key to the source view's highlight colours, for the status bar."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from curator.ui.palette import highlight_colours


class ColourKey(QWidget):
    """One chip per kind of mark, drawn in its own colours, with a tooltip saying what it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colourKey")
        self.chips: dict[str, QLabel] = {}
        entries = {
            "event": (self.tr("Event"), self.tr("Evidence of an event")),
            "person": (self.tr("Person"), self.tr("Evidence of a person")),
            "organization": (self.tr("Organization"), self.tr("Evidence of an organization")),
            "suggested person": (self.tr("Suggested"), self.tr(
                "A suggestion nobody has accepted yet: a paler tint, underlined with dashes")),
            "found": (self.tr("Found"), self.tr("Words found with Find in Text (Ctrl+F)")),
            "focus": (self.tr("Reviewing"), self.tr("The evidence a review is looking at")),
            "uncovered": (self.tr("Not covered"), self.tr(
                "A paragraph no evidence touches yet (review mode)")),
        }
        colours = highlight_colours(QGuiApplication.palette())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for name, (label, tip) in entries.items():
            background, text = colours[name]
            chip = QLabel(label)
            chip.setToolTip(tip)
            underline = "text-decoration: underline;" if name.startswith("suggested") else ""
            chip.setStyleSheet(f"background: {background.name()}; color: {text.name()}; "
                               f"padding: 0 4px; border-radius: 3px; {underline}")
            layout.addWidget(chip)
            self.chips[name] = chip
