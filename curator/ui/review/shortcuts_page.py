"""Help → Keyboard Shortcuts: every key of the window's menus, and the few keys that act
inside one panel only, on one page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsPage", text)


def _panel_keys() -> list[tuple[str, str, str]]:
    """Keys that belong to a widget rather than a menu: (where, what, keys)."""
    return [
        (_tr("Record form"), _tr("Back to the text (to the queue in review mode)"), "Esc"),
        (_tr("Record form"), _tr("Remove the selected evidence"), "Del"),
        (_tr("Find bar"), _tr("Next / previous match"), "Enter / Shift+Enter, F3"),
        (_tr("Find bar"), _tr("Close the find bar"), "Esc"),
        (_tr("Review queue"), _tr("Move through the queue"), "Up / Down"),
        (_tr("Review queue"), _tr("Reason for a rejection: confirm / cancel"), "Enter / Esc"),
    ]


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """Every action with a key in the window's menus: (menu, action, keys)."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = _keys(action)
            if keys and not action.isSeparator():
                rows.append((_plain(menu.title()), _plain(action.text()), keys))
    return rows


def _keys(action: QAction) -> str:
    return " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                      for key in action.shortcuts())


class ShortcutsPage(QDialog):
    """A table of the window's keyboard shortcuts, by menu."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsPage")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = menu_shortcuts(window) + _panel_keys()
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as (where, what, keys)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(row, 0), text(row, 1), text(row, 2)) for row in range(self.table.rowCount())]
