"""The dashboard on a small known project: counts, clicks that filter the list, hover, live
updates, saved charts, and pyqtgraph left out of start-up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.ui.dashboard.dashboard_window import DashboardWindow
from curator.ui.main_window import MainWindow
from tests.dashboard_project import KnownProject, build_known_project


@pytest.fixture
def known(tmp_path: Path) -> KnownProject:
    """The known project, in the file the window opens."""
    database = ProjectDatabase.open(tmp_path / "test.curator")
    try:
        return build_known_project(database)
    finally:
        database.close()


def _open_dashboard(window: MainWindow, qtbot: QtBot) -> DashboardWindow:
    dashboard = window.view_menu.show_dashboard()
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)
    qtbot.waitExposed(dashboard)
    return dashboard


def _event_list_ids(window: MainWindow) -> set[int]:
    assert window.workbench is not None
    model = window.workbench.record_panel.models[RecordKind.EVENT]
    return {model.record_id(row) for row in range(model.rowCount())}


def test_each_chart_holds_the_known_counts(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    dashboard = _open_dashboard(open_window(tmp_path / "test.curator"), qtbot)
    months = dashboard.month_chart
    assert months.categories == ["2012-06", "2012-07", "2012-08"]
    assert months.value("2012-06", "visit abroad") == 1
    assert months.value("2012-06", "seminar/training") == 1
    assert months.value("2012-08", "reception") == 1
    assert months.total(1) == 0
    assert "2 events without a start month" in dashboard.panels["months"].note.text()
    assert dashboard.status_chart.value("Events", "Draft") == 3
    assert dashboard.status_chart.value("Events", "Approved") == 1
    assert dashboard.status_chart.value("People", "Draft") == 2
    assert dashboard.country_chart.categories == ["Brazil (BR)", "China (CN)"]
    assert dashboard.country_chart.series[0].values == [2, 2]
    assert dashboard.people_chart.categories[0].startswith("P-0001")
    assert dashboard.people_chart.series[0].values == [3, 1]
    assert dashboard.organization_chart.series[0].values == [2, 2]
    assert [span.key for span in dashboard.timeline.spans] == [
        "E-0002", "E-0001", "E-0003", "E-0004"]


def test_clicking_a_month_bar_filters_the_event_list_to_what_it_counts(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    dashboard = _open_dashboard(window, qtbot)
    chart = dashboard.month_chart
    visit = [s.name for s in chart.series].index("visit abroad")
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.bar_position(0, visit))
    assert _event_list_ids(window) == {known.ids["e1"]}
    assert window.workbench is not None
    panel = window.workbench.record_panel
    assert "visit abroad" in panel.scope_label.text() and "2012-06" in panel.scope_label.text()
    panel.clear_scope()
    assert len(_event_list_ids(window)) == 5


def test_clicking_ranking_and_status_bars_filters_the_lists(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    dashboard = _open_dashboard(window, qtbot)
    ids = known.ids
    for chart, category, expected in (
        (dashboard.people_chart, 0, {ids["e1"], ids["e2"], ids["e3"]}),
        (dashboard.organization_chart, 1, {ids["e2"], ids["e4"]}),
        (dashboard.country_chart, 0, {ids["e1"], ids["e2"]}),
    ):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.bar_position(category))
        assert _event_list_ids(window) == expected
    chart = dashboard.status_chart
    draft = [s.name for s in chart.series].index("Draft")
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.bar_position(1, draft))  # people, draft
    assert window.workbench is not None
    panel = window.workbench.record_panel
    assert panel.tabs.currentIndex() == list(RecordKind).index(RecordKind.PERSON)
    assert panel.models[RecordKind.PERSON].rowCount() == 2
    assert len(_event_list_ids(window)) == 5  # other lists show everything again


def test_hovering_a_bar_shows_its_exact_value(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    dashboard = _open_dashboard(open_window(tmp_path / "test.curator"), qtbot)
    chart = dashboard.people_chart
    position = QPointF(chart.bar_position(0))
    move = QMouseEvent(QEvent.Type.MouseMove, position, chart.viewport().mapToGlobal(position),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(chart.viewport(), move)
    assert "3 events" in chart.toolTip()
    assert "Zheng Wenkai" in chart.toolTip()


def test_clicking_an_event_on_the_timeline_opens_it(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    dashboard = _open_dashboard(window, qtbot)
    timeline = dashboard.timeline
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton,
                     pos=timeline.bar_position(1))
    assert window.workbench is not None and window.workbench.record_form.record is not None
    assert window.workbench.record_form.record.id == known.ids["e1"]


def test_charts_update_when_a_record_changes(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    dashboard = _open_dashboard(window, qtbot)
    assert window.workbench is not None
    editor = window.workbench.editor
    record = editor.load(known.ids["e3"])
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        editor.set_field(record.id, "event_type", "visit abroad")
    assert dashboard.month_chart.value("2012-08", "visit abroad") == 1
    assert dashboard.month_chart.value("2012-08", "reception") == 0


def test_following_the_list_filter_narrows_the_charts(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    window = open_window(tmp_path / "test.curator")
    dashboard = _open_dashboard(window, qtbot)
    assert window.workbench is not None
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        dashboard.follow_box.setChecked(True)
    with qtbot.waitSignal(dashboard.refreshed, timeout=5000):
        window.workbench.record_panel.filter_edit.setText("Seminar")
    assert dashboard.month_chart.categories == ["2012-06"]
    assert dashboard.people_chart.series[0].values == [1]


def test_each_chart_saves_as_png_and_svg(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, known: KnownProject,
    qtbot: QtBot,
) -> None:
    dashboard = _open_dashboard(open_window(tmp_path / "test.curator"), qtbot)
    for name, panel in dashboard.panels.items():
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        panel.save(png)
        panel.save(svg)
        assert png.read_bytes().startswith(b"\x89PNG")
        assert "<svg" in svg.read_text(encoding="utf-8")


def test_the_window_starts_without_importing_pyqtgraph() -> None:
    code = ("import sys\n"
            "import curator.ui.app, curator.ui.main_window, curator.ui.workbench\n"
            "assert 'pyqtgraph' not in sys.modules, 'pyqtgraph imported at start-up'\n"
            "import curator.ui.dashboard.dashboard_window\n"
            "assert 'pyqtgraph' in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
