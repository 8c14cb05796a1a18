"""A titled part of the form that folds away, so a long form stays usable on a small screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget


class Section(QWidget):
    """A heading button ("▾ Participants (3)") that shows or hides the widget under it."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.content = content
        self.toggle = QPushButton()
        self.toggle.setObjectName("sectionToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setFlat(True)
        self.toggle.setStyleSheet("QPushButton#sectionToggle { font-weight: bold; "
                                  "text-align: left; padding: 2px; }")
        self.toggle.toggled.connect(self._on_toggle_toggled)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(content)
        layout.addWidget(rule)
        self.set_count(None)

    def set_count(self, count: int | None) -> None:
        """Show how many rows the section holds in its heading."""
        self._count = count
        self._update_text()

    def _update_text(self) -> None:
        arrow = "▾" if self.toggle.isChecked() else "▸"
        count = "" if self._count is None else f" ({self._count})"
        self.toggle.setText(f"{arrow} {self._title}{count}")

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.content.setVisible(shown)
        self._update_text()
