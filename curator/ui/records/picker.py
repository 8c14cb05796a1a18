"""A popup that finds a record (or country) as one types, and offers to create a new one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

PICKER_WIDTH = 420
_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


@dataclass(frozen=True)
class PickerEntry:
    """One line of a picker: a record or country to pick, or a record to create."""

    label: str
    detail: str = ""
    """How it matched or what it is ("alias: Minister Fan"), shown after the label."""
    record_id: int | None = None
    country: str | None = None
    create_name: str | None = None
    """The name of a record to create from the typed text."""
    from_selection: bool = False
    """Create the record from the selection in the source text."""


class PickerSource(Protocol):
    """Where a picker's entries come from."""

    placeholder: str

    def entries(self, text: str) -> list[PickerEntry]:
        """What to offer while `text` is typed: matches first, then anything to create."""
        ...


class RecordPicker(QFrame):
    """Type to search; arrows move, Enter (or a click) picks, Escape cancels.

    It floats over the window (a child of it, not a popup window of its own, so it needs
    no keyboard grab) and closes when the focus goes elsewhere.
    """

    picked = Signal(object)
    """An entry was chosen: the `PickerEntry`."""

    def __init__(self, source: PickerSource, anchor: QWidget) -> None:
        super().__init__(anchor.window())
        self.setObjectName("recordPicker")
        self.setFrameShape(QFrame.Shape.Panel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setLineWidth(2)
        self.setAutoFillBackground(True)
        self._anchor = anchor
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._source = source
        self._entries: list[PickerEntry] = []
        self.query_edit = QLineEdit(placeholderText=source.placeholder)
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.installEventFilter(self)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the query
        self.results.itemClicked.connect(self._on_results_item_clicked)
        hint = QLabel(self.tr("↑↓ choose · Enter pick · Esc cancel"))
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results)
        layout.addWidget(hint)
        self.query_edit.textChanged.connect(self._refresh)
        self.resize(PICKER_WIDTH, 300)
        self._refresh("")

    @property
    def entries(self) -> list[PickerEntry]:
        """What the picker offers now, in the order shown."""
        return list(self._entries)

    def popup(self) -> None:
        """Show the picker below its anchor (above it if there is no room; inside the
        window) with the cursor in it."""
        window = self.parentWidget()
        assert window is not None
        bounds: QRect = window.rect()
        below = self._anchor.mapTo(window, QPoint(0, self._anchor.height()))
        x = max(bounds.left(), min(below.x(), bounds.right() - self.width()))
        y = below.y()
        if y + self.height() > bounds.bottom():
            y = self._anchor.mapTo(window, QPoint(0, 0)).y() - self.height()
        y = max(bounds.top(), min(y, bounds.bottom() - self.height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.query_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _refresh(self, text: str) -> None:
        self._entries = self._source.entries(text)
        self.results.clear()
        for entry in self._entries:
            line = f"{entry.label}   {entry.detail}".rstrip() if entry.detail else entry.label
            item = QListWidgetItem(line)
            if entry.create_name is not None or entry.from_selection:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.results.addItem(item)
        self.results.setCurrentRow(0 if self._entries else -1)

    def pick_current(self) -> None:
        """Choose the highlighted entry (nothing happens when nothing is offered)."""
        row = self.results.currentRow()
        if 0 <= row < len(self._entries):
            entry = self._entries[row]
            self.close()
            self.picked.emit(entry)

    def _on_results_item_clicked(self, item: QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self.pick_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Arrows move in the results, Enter picks and Escape cancels, while typing."""
        if watched is self.query_edit and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self._close_unless_focused)
        if watched is not self.query_edit or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = Qt.Key(event.key())
        if event.type() == QEvent.Type.ShortcutOverride and key in (
                _ENTER_KEYS | {Qt.Key.Key_Escape}):
            event.accept()  # ours, not a window shortcut's (the form's Escape, say)
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key in _NAVIGATION_KEYS:
            QApplication.sendEvent(self.results, QKeyEvent(event.type(), key, event.modifiers()))
            return True
        if key in _ENTER_KEYS:
            self.pick_current()
            return True
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        return False

    def _close_unless_focused(self) -> None:
        """The focus went elsewhere (a click outside, Tab): the picker is done."""
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or not self.isAncestorOf(focus)):
            self.close()
