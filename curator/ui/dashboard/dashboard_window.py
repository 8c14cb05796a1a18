"""The dashboard: what a project holds and how far review has come, at a glance.

Charts are live (they follow record changes, and the record lists' filter if asked);
clicking a bar narrows the record list to what it counts.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from curator.domain.local_formats import country_name, format_count, format_share
from curator.domain.records import RecordKind, ReviewStatus, vocabulary_label
from curator.domain.translation import _
from curator.services.dashboard import DashboardData, RankedRecord, dashboard_data
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter
from curator.ui.dashboard.bar_chart import BarChart, Series
from curator.ui.dashboard.chart_colours import (
    STATUS_COLOURS,
    event_type_colour,
    event_type_order,
)
from curator.ui.dashboard.chart_panel import ChartPanel
from curator.ui.dashboard.timeline_chart import TimelineChart
from curator.ui.record_panel import RecordPanel

REFRESH_DELAY_MS = 300
"""Changes coming in a burst (typing, an import) refresh the charts once, after this."""
RANKING_COLOUR = "#4e79a7"


def month_range(first: str, last: str) -> list[str]:
    """Every month "YYYY-MM" from `first` to `last`, both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _swatch(colour: QColor, label: str) -> str:
    """A coloured square and its label, for a chart's key."""
    return f"<span style='color:{colour.name()}'>■</span>&nbsp;{html.escape(label)}"


class DashboardWindow(QWidget):
    """Six charts of the open project, in a window of their own beside the workbench."""

    refreshed = Signal()
    """The charts were redrawn from the database."""

    def __init__(
        self,
        database: ProjectDatabase,
        record_panel: RecordPanel,
        open_record: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Dashboard"))
        self._database = database
        self._record_panel = record_panel
        self._open_record = open_record
        self.data: DashboardData | None = None
        self.refresh_seconds = 0.0
        self._stale = True
        self._month_types: list[str] = []
        self.follow_box = QCheckBox(self.tr("Only what the record lists show"))
        self.follow_box.setToolTip(self.tr(
            "Count only the records the filter and the chosen bar let through"))
        self.summary = QLabel()
        self.month_chart = BarChart()
        self.timeline = TimelineChart()
        self.status_chart = BarChart(horizontal=True)
        self.country_chart = BarChart(horizontal=True)
        self.organization_chart = BarChart(horizontal=True)
        self.people_chart = BarChart(horizontal=True)
        self.panels = {
            "months": ChartPanel(self.tr("Events by month and type"), self.month_chart),
            "timeline": ChartPanel(self.tr("Timeline of the latest events"), self.timeline),
            "statuses": ChartPanel(self.tr("Review progress"), self.status_chart),
            "countries": ChartPanel(self.tr("Countries most involved"), self.country_chart),
            "organizations": ChartPanel(self.tr("Organizations most involved"),
                                        self.organization_chart),
            "people": ChartPanel(self.tr("People with the most events"), self.people_chart),
        }
        self._build_layout()
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._connect()
        self.resize(1180, 700)

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.follow_box)
        grid = QGridLayout()
        for index, panel in enumerate(self.panels.values()):
            grid.addWidget(panel, index // 3, index % 3)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(grid, 1)

    def _connect(self) -> None:
        self._record_panel.lists_refreshed.connect(self.schedule_refresh)
        self._record_panel.filters_changed.connect(self._on_record_panel_filters_changed)
        self.follow_box.toggled.connect(self.schedule_refresh)
        self.month_chart.bar_clicked.connect(self._on_month_chart_bar_clicked)
        self.status_chart.bar_clicked.connect(self._on_status_chart_bar_clicked)
        self.country_chart.bar_clicked.connect(self._on_country_chart_bar_clicked)
        self.organization_chart.bar_clicked.connect(
            lambda category, _series: self._show_events_of(self._organizations, category))
        self.people_chart.bar_clicked.connect(
            lambda category, _series: self._show_events_of(self._people, category))
        self.timeline.event_clicked.connect(self._open_record)

    @property
    def _organizations(self) -> list[RankedRecord]:
        return self.data.organizations if self.data is not None else []

    @property
    def _people(self) -> list[RankedRecord]:
        return self.data.people if self.data is not None else []

    def schedule_refresh(self) -> None:
        """Redraw soon if shown (once for a burst of changes), else when next shown."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Catch up with changes made while the dashboard was hidden."""
        super().showEvent(event)
        if self._stale:
            self._timer.start(0)

    def refresh(self) -> None:
        """Read the counts afresh and redraw every chart."""
        started = time.perf_counter()
        filters = self._record_panel.filters() if self.follow_box.isChecked() else None
        self.data = dashboard_data(self._database, filters)
        self.refresh_seconds = time.perf_counter() - started
        self._stale = False
        self._show_summary(self.data)
        self._show_months(self.data)
        self._show_timeline(self.data)
        self._show_statuses(self.data)
        self._show_countries(self.data)
        self._show_ranking(self.organization_chart, self.panels["organizations"],
                           self.data.organizations)
        self._show_ranking(self.people_chart, self.panels["people"], self.data.people)
        self.refreshed.emit()

    def _show_summary(self, data: DashboardData) -> None:
        total = sum(sum(by_status.values()) for by_status in data.statuses.values())
        approved = sum(by_status[ReviewStatus.APPROVED] for by_status in data.statuses.values())
        scope = (self.tr("What the record lists show") if self.follow_box.isChecked()
                 else self.tr("The whole project"))
        share = format_share(approved / total) if total else "–"
        self.summary.setText(self.tr(
            "{scope}: {total} records, {approved} approved ({share})").format(
            scope=scope, total=format_count(total), approved=format_count(approved),
            share=share))

    def _show_months(self, data: DashboardData) -> None:
        rows = data.events_by_month
        months = month_range(rows[0].month, rows[-1].month) if rows else []
        types = sorted({row.event_type for row in rows}, key=event_type_order)
        values = {event_type: [0] * len(months) for event_type in types}
        column = {month: index for index, month in enumerate(months)}
        for row in rows:
            values[row.event_type][column[row.month]] = row.events
        self.month_chart.show_bars(months, [
            Series(self._type_label(event_type), event_type_colour(event_type),
                   values[event_type]) for event_type in types], unit=self.tr("events"))
        self._month_types = types
        key = "  ".join(_swatch(event_type_colour(t), self._type_label(t)) for t in types)
        left_out = self.tr("{count} events without a start month are not shown.").format(
            count=format_count(data.events_without_month)) if data.events_without_month else ""
        self.panels["months"].set_note("<br>".join(part for part in (key, left_out) if part))

    def _type_label(self, event_type: str) -> str:
        """An event type in the language in use ("no type" for none)."""
        return vocabulary_label("event_type", event_type) or self.tr("no type")

    def _show_timeline(self, data: DashboardData) -> None:
        types = {span.event_type for span in data.timeline}
        self.timeline.show_events(data.timeline, {t: event_type_colour(t) for t in types})
        shown = len(data.timeline)
        self.panels["timeline"].set_note(self.tr(
            "The latest {shown} of {total} dated events; filter the list to see others. "
            "Click a bar to open the event.").format(shown=format_count(shown),
                                                     total=format_count(data.dated_events))
            if shown < data.dated_events else self.tr("Click a bar to open the event."))

    def _show_statuses(self, data: DashboardData) -> None:
        kinds = list(RecordKind)
        self.status_chart.show_bars([_(kind.plural_label) for kind in kinds], [
            Series(_(status.label), STATUS_COLOURS[status],
                   [data.statuses[kind][status] for kind in kinds])
            for status in ReviewStatus], unit=self.tr("records"))
        self.panels["statuses"].set_note(
            "  ".join(_swatch(STATUS_COLOURS[status], _(status.label)) for status in ReviewStatus))

    def _show_countries(self, data: DashboardData) -> None:
        names = [f"{country_name(code)} ({code})" for code, _events in data.countries]
        self.country_chart.show_bars(names, [Series(
            self.tr("Events"), QColor(RANKING_COLOUR),
            [events for _code, events in data.countries])], unit=self.tr("events"))
        self.panels["countries"].set_note(
            "" if data.countries else self.tr("No event has a country yet."))

    def _show_ranking(self, chart: BarChart, panel: ChartPanel,
                      ranking: list[RankedRecord]) -> None:
        names = [" ".join(part for part in (r.key, r.name_en or r.name_zh) if part)
                 for r in ranking]
        chart.show_bars(names, [Series(self.tr("Events"), QColor(RANKING_COLOUR),
                                       [r.events for r in ranking])], unit=self.tr("events"))
        panel.set_note("" if ranking else self.tr("No event is related to one yet."))

    def _on_record_panel_filters_changed(self) -> None:
        if self.follow_box.isChecked():
            self.schedule_refresh()

    def _on_month_chart_bar_clicked(self, category: int, series: int) -> None:
        month = self.month_chart.categories[category]
        event_type = self._month_types[series]
        self._record_panel.apply_scope(
            RecordKind.EVENT, RecordFilter(started_in=month, event_type=event_type),
            self.tr("Events of type “{type}” that started in {month}").format(
                type=self._type_label(event_type), month=month))

    def _on_status_chart_bar_clicked(self, category: int, series: int) -> None:
        kind, status = list(RecordKind)[category], list(ReviewStatus)[series]
        self._record_panel.apply_scope(kind, RecordFilter(status=status), self.tr(
            "{kinds} with the status {status}").format(kinds=_(kind.plural_label),
                                                       status=_(status.label)))

    def _on_country_chart_bar_clicked(self, category: int, _series: int) -> None:
        assert self.data is not None
        code = self.data.countries[category][0]
        self._record_panel.apply_scope(
            RecordKind.EVENT, RecordFilter(involves_country=code),
            self.tr("Events held in or relating to {country}").format(
                country=country_name(code)))

    def _show_events_of(self, ranking: list[RankedRecord], category: int) -> None:
        record = ranking[category]
        self._record_panel.apply_scope(
            RecordKind.EVENT, RecordFilter(related_to=record.record_id),
            self.tr("Events related to {key} {name}").format(
                key=record.key, name=record.name_en or record.name_zh))
