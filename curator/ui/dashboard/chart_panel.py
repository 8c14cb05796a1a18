"""A chart with its title, a note on what it leaves out, and buttons to save it as PNG or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class SavableChart(Protocol):
    """A chart that writes itself to a .png or .svg file."""

    def save(self, path: Path) -> None:
        """Write the chart to `path`."""


class ChartPanel(QFrame):
    """Frames one chart of the dashboard."""

    def __init__(self, title: str, chart: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart = chart
        self.title = title
        heading = QLabel(f"<b>{title}</b>")
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(heading, 1)
        for suffix in ("png", "svg"):
            button = QToolButton()
            button.setText(self.tr("Save {format}…").format(format=suffix.upper()))
            button.setToolTip(self.tr("Save this chart as a {format} file").format(
                format=suffix.upper()))
            button.clicked.connect(lambda _=False, s=suffix: self.ask_and_save(s))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(buttons)
        layout.addWidget(chart, 1)
        layout.addWidget(self.note)

    def set_note(self, text: str) -> None:
        """Say under the chart what it leaves out (empty: nothing to say)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def ask_and_save(self, suffix: str) -> Path | None:
        """Ask where to save the chart as `suffix` ("png" or "svg") and save it there."""
        name = "".join(c if c.isalnum() else "-" for c in self.title.lower()).strip("-")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save Chart"), str(Path.home() / f"{name}.{suffix}"),
            self.tr("{format} files (*.{suffix})").format(format=suffix.upper(), suffix=suffix))
        if not path:
            return None
        target = Path(path).with_suffix(f".{suffix}")
        self.save(target)
        return target

    def save(self, path: Path) -> None:
        """Write the chart to `path` (.png or .svg)."""
        chart: SavableChart = self.chart  # type: ignore[assignment]
        chart.save(path)
