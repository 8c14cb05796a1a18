"""A stacked bar chart on pyqtgraph whose bars tell their exact value on hover and report
clicks, so a dashboard can filter the record list to what a bar counts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from curator.domain.local_formats import format_count

BAR_WIDTH = 0.7
MAX_LABEL_LENGTH = 28
"""Longer category names are cut on the axis; the tooltip has them whole."""
MAX_TICKS = 14
"""Categories labelled on an axis at most; between them every n-th is."""


@dataclass(frozen=True)
class Series:
    """One layer of a stack: its name, colour and a value per category."""

    name: str
    colour: QColor
    values: list[int]


@dataclass(frozen=True)
class Bar:
    """One drawn rectangle, in the plot's coordinates."""

    category: int
    series: int
    value: int
    left: float
    bottom: float
    right: float
    top: float

    def contains(self, x: float, y: float) -> bool:
        """Whether the plot point (x, y) lies on the bar."""
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def count_step(largest: int, ticks: int = 5) -> int:
    """The spacing of a count axis up to `largest`: a whole 1, 2 or 5 × 10ⁿ giving about
    `ticks` ticks (never a fraction: 3 records are not 2.6)."""
    rough = max(largest / ticks, 1.0)
    magnitude = 10 ** (len(str(int(rough))) - 1)
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= rough)


def short_label(text: str) -> str:
    """`text` cut to fit an axis, with an ellipsis when cut."""
    return text if len(text) <= MAX_LABEL_LENGTH else text[:MAX_LABEL_LENGTH - 1] + "…"


def style_plot(plot: pg.PlotWidget) -> None:
    """Colours from the widget's palette (light or dark theme), no panning or zooming."""
    palette = plot.palette()
    plot.setBackground(palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.Text)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    plot.setMouseEnabled(x=False, y=False)


class BarChart(pg.PlotWidget):
    """Categories along one axis, a stack of series per category; vertical bars, or
    horizontal ones read top to bottom (rankings)."""

    bar_clicked = Signal(int, int)
    """A bar was clicked: its category index and series index."""

    def __init__(self, *, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.bars: list[Bar] = []
        self._unit = ""
        style_plot(self)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

    def show_bars(self, categories: list[str], series: list[Series], *, unit: str) -> None:
        """Draw `series` stacked over `categories`; `unit` names what the values count."""
        self.clear()
        self.categories, self.series, self._unit = categories, series, unit
        self.bars = []
        base = [0] * len(categories)
        for series_index, layer in enumerate(series):
            bars = [self._bar(category, series_index, value, base[category])
                    for category, value in enumerate(layer.values) if value]
            for bar in bars:
                base[bar.category] += bar.value
            self.bars += bars
            if bars:
                self.addItem(pg.BarGraphItem(
                    x0=[b.left for b in bars], x1=[b.right for b in bars],
                    y0=[b.bottom for b in bars], y1=[b.top for b in bars],
                    brush=layer.colour, pen=pg.mkPen(layer.colour.darker(130))))
        self._label_categories()
        self.autoRange(padding=0.04)
        step = count_step(max(base, default=0))
        self.getAxis("bottom" if self.horizontal else "left").setTickSpacing(step, step)

    def _bar(self, category: int, series: int, value: int, below: int) -> Bar:
        if self.horizontal:  # the first category on top
            row = len(self.categories) - 1 - category
            return Bar(category, series, value, below, row - BAR_WIDTH / 2, below + value,
                       row + BAR_WIDTH / 2)
        return Bar(category, series, value, category - BAR_WIDTH / 2, below,
                   category + BAR_WIDTH / 2, below + value)

    def _label_categories(self) -> None:
        step = max(1, -(-len(self.categories) // MAX_TICKS))
        ticks = []
        for index, name in enumerate(self.categories):
            if index % step == 0:
                position = len(self.categories) - 1 - index if self.horizontal else index
                ticks.append((float(position), short_label(name)))
        self.getAxis("left" if self.horizontal else "bottom").setTicks([ticks])

    def total(self, category: int) -> int:
        """The height of a category's whole stack."""
        return sum(layer.values[category] for layer in self.series)

    def value(self, category: str, series: str) -> int:
        """The value drawn for a category and series, by their names (0 if none)."""
        names = [layer.name for layer in self.series]
        if category not in self.categories or series not in names:
            return 0
        return self.series[names.index(series)].values[self.categories.index(category)]

    def describe(self, bar: Bar) -> str:
        """What a bar's tooltip says: its category, series and exact value."""
        layer = self.series[bar.series]
        text = f"{self.categories[bar.category]}\n"
        if len(self.series) > 1:
            text += f"{layer.name}: {format_count(bar.value)} {self._unit} " + self.tr(
                "(of {total})").format(total=format_count(self.total(bar.category)))
        else:
            text += f"{format_count(bar.value)} {self._unit}"
        return text

    def bar_at(self, scene_point: QPointF) -> Bar | None:
        """The bar under a point of the scene, if any."""
        point = self.getPlotItem().vb.mapSceneToView(scene_point)
        return next((bar for bar in self.bars if bar.contains(point.x(), point.y())), None)

    def bar_position(self, category: int, series: int = 0) -> QPoint:
        """Where the middle of a bar is, in the viewport's coordinates (for clicks)."""
        bar = next(b for b in self.bars if (b.category, b.series) == (category, series))
        centre = QPointF((bar.left + bar.right) / 2, (bar.bottom + bar.top) / 2)
        scene_point = self.getPlotItem().vb.mapViewToScene(centre)
        return self.mapFromScene(scene_point)

    def save(self, path: Path) -> None:
        """Write the chart to a .png or .svg file."""
        save_plot(self, path)

    def _on_scene_mouse_moved(self, scene_point: QPointF) -> None:
        bar = self.bar_at(scene_point)
        self.setToolTip(self.describe(bar) if bar is not None else "")

    def _on_scene_mouse_clicked(self, event: object) -> None:
        bar = self.bar_at(event.scenePos())  # type: ignore[attr-defined]
        if bar is not None:
            self.bar_clicked.emit(bar.category, bar.series)


def save_plot(plot: pg.PlotWidget, path: Path) -> None:
    """Write a plot as shown to `path`: SVG (vector) for a .svg suffix, else a PNG image.

    Qt draws both (pyqtgraph's own SVG exporter cannot read the paths Qt 6.11 writes)."""
    if path.suffix.lower() != ".svg":
        plot.grab().save(str(path), "PNG")
        return
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(plot.size())
    generator.setViewBox(plot.rect())
    generator.setTitle(plot.windowTitle() or "Curator chart")
    painter = QPainter(generator)
    try:
        plot.render(painter)
    finally:
        painter.end()
