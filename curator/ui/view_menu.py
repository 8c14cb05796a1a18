"""The View menu: zoom of the source text (remembered), the dashboard and the colour key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from curator.ui.colour_key import ColourKey
from curator.ui.settings import WindowSettings

if TYPE_CHECKING:
    from curator.ui.dashboard.dashboard_window import DashboardWindow
    from curator.ui.workbench import Workbench


class ViewMenu(QMenu):
    """Acts on the workbench attached to the window, if any."""

    def __init__(self, window: QMainWindow, settings: WindowSettings) -> None:
        super().__init__(window.tr("&View"), window)
        self._window = window
        self._settings = settings
        self.workbench: Workbench | None = None
        self.dashboard: DashboardWindow | None = None
        self.zoom_in_action = self._add(self.tr("Zoom &In"), ["Ctrl+=", "Ctrl++"],
                                        lambda: self.zoom(+1))
        self.zoom_out_action = self._add(self.tr("Zoom &Out"), ["Ctrl+-"],
                                         lambda: self.zoom(-1))
        self.reset_zoom_action = self._add(self.tr("&Normal Size"), ["Ctrl+0"],
                                           lambda: self.zoom(None))
        self.addSeparator()
        self.dashboard_action = self._add(self.tr("&Dashboard"), ["Ctrl+Shift+D"],
                                          self.show_dashboard)
        self.dashboard_action.setToolTip(self.tr(
            "Charts of what the project holds and how far review has come"))
        self.colour_key = ColourKey()
        window.statusBar().addPermanentWidget(self.colour_key)
        self.colour_key_action = self._add(self.tr("&Colour Key"), [], self._show_colour_key)
        self.colour_key_action.setCheckable(True)
        self.colour_key_action.setChecked(settings.colour_key_shown)
        self.colour_key.setVisible(settings.colour_key_shown)
        self._enable(False)

    def _add(self, text: str, shortcuts: list[str], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _enable(self, enabled: bool) -> None:
        for action in (self.zoom_in_action, self.zoom_out_action, self.reset_zoom_action,
                       self.dashboard_action):
            action.setEnabled(enabled)

    def attach(self, workbench: Workbench) -> None:
        """Act on `workbench`; its text takes the zoom the user chose last."""
        self.workbench = workbench
        workbench.source_view.set_zoom(self._settings.source_zoom)
        self._enable(True)

    def detach(self) -> None:
        """Forget the workbench being closed, and close its dashboard."""
        if self.dashboard is not None:
            self.dashboard.close()
            self.dashboard.deleteLater()
            self.dashboard = None
        self.workbench = None
        self._enable(False)

    def zoom(self, direction: int | None) -> int:
        """Zoom the source text one step in (+1) or out (-1), or back to normal (None);
        remembered for the next start. The steps from normal now."""
        if self.workbench is None:
            return 0
        view = self.workbench.source_view
        steps = view.set_zoom(0 if direction is None else view.zoom_steps + direction)
        self._settings.source_zoom = steps
        return steps

    def show_dashboard(self) -> DashboardWindow | None:
        """Show the dashboard of the open project (pyqtgraph is imported the first time)."""
        if self.workbench is None:
            return None
        if self.dashboard is None:
            from curator.ui.dashboard.dashboard_window import DashboardWindow

            workbench = self.workbench
            self.dashboard = DashboardWindow(workbench.database, workbench.record_panel,
                                             workbench.open_record, self._window)
        self.dashboard.show()
        self.dashboard.activateWindow()
        return self.dashboard

    def _show_colour_key(self, shown: bool) -> None:
        self.colour_key.setVisible(shown)
        self._settings.colour_key_shown = shown
