"""A timeline of events as bars from their start to their end date, on pyqtgraph."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from curator.domain.dates import parse_partial_date
from curator.domain.records import vocabulary_label
from curator.services.dashboard import EventSpan
from curator.ui.dashboard.bar_chart import (
    BAR_WIDTH,
    MAX_TICKS,
    Bar,
    save_plot,
    short_label,
    style_plot,
)

DAY_SECONDS = 86_400


def _seconds(day: date) -> float:
    return datetime.combine(day, time(), tzinfo=UTC).timestamp()


def span_seconds(span: EventSpan) -> tuple[float, float]:
    """An event's bar in seconds since the epoch: from the first day its start may mean
    to the end of the last day its end (or else its start) may mean."""
    start = parse_partial_date(span.start)
    end = parse_partial_date(span.end) if span.end else start
    return _seconds(start.first_day()), _seconds(end.last_day()) + DAY_SECONDS


class TimelineChart(pg.PlotWidget):
    """One row per event, the first at the top; a bar tells its event on hover."""

    event_clicked = Signal(int)
    """An event's bar was clicked: its record id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.spans: list[EventSpan] = []
        self.bars: list[Bar] = []
        style_plot(self)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

    def show_events(self, spans: list[EventSpan], colours: dict[str, QColor]) -> None:
        """Draw `spans` (in start order), each coloured by its event type."""
        self.clear()
        self.spans = spans
        self.bars = []
        for index, span in enumerate(spans):
            start, end = span_seconds(span)
            row = len(spans) - 1 - index
            self.bars.append(Bar(index, 0, 1, start, row - BAR_WIDTH / 2, end,
                                 row + BAR_WIDTH / 2))
        for event_type, colour in colours.items():
            bars = [bar for bar in self.bars if spans[bar.category].event_type == event_type]
            if bars:
                self.addItem(pg.BarGraphItem(
                    x0=[b.left for b in bars], x1=[b.right for b in bars],
                    y0=[b.bottom for b in bars], y1=[b.top for b in bars],
                    brush=colour, pen=pg.mkPen(colour.darker(130))))
        step = max(1, -(-len(spans) // MAX_TICKS))
        self.getAxis("left").setTicks([[
            (float(len(spans) - 1 - index), short_label(span.key))
            for index, span in enumerate(spans) if index % step == 0]])
        if spans:
            self.autoRange(padding=0.04)

    def describe(self, bar: Bar) -> str:
        """What a bar's tooltip says: the event's key, names, type and dates."""
        span = self.spans[bar.category]
        names = " ".join(name for name in (span.name_en, span.name_zh) if name)
        dates = f"{span.start} – {span.end}" if span.end else span.start
        kind = vocabulary_label("event_type", span.event_type) or self.tr("no type")
        return f"{span.key} {names}\n{kind}, {dates}"

    def bar_at(self, scene_point: QPointF) -> Bar | None:
        """The bar under a point of the scene, if any."""
        point = self.getPlotItem().vb.mapSceneToView(scene_point)
        return next((bar for bar in self.bars if bar.contains(point.x(), point.y())), None)

    def bar_position(self, index: int) -> QPoint:
        """Where the middle of an event's bar is, in the viewport's coordinates."""
        bar = self.bars[index]
        centre = QPointF((bar.left + bar.right) / 2, (bar.bottom + bar.top) / 2)
        return self.mapFromScene(self.getPlotItem().vb.mapViewToScene(centre))

    def save(self, path: Path) -> None:
        """Write the chart to a .png or .svg file."""
        save_plot(self, path)

    def _on_scene_mouse_moved(self, scene_point: QPointF) -> None:
        bar = self.bar_at(scene_point)
        self.setToolTip(self.describe(bar) if bar is not None else "")

    def _on_scene_mouse_clicked(self, event: object) -> None:
        bar = self.bar_at(event.scenePos())  # type: ignore[attr-defined]
        if bar is not None:
            self.event_clicked.emit(self.spans[bar.category].record_id)
