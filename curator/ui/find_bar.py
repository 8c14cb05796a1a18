"""The find bar under the source text: a phrase, "3 of 17", next and previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

FIND_DELAY_MS = 150


class FindBar(QWidget):
    """Asks for a phrase; the owner finds it and tells the bar where it stands."""

    phrase_changed = Signal(str)
    """The phrase to find changed (after typing paused): the phrase."""
    step_requested = Signal(int)
    """Go to the next (+1) or previous (-1) hit."""
    closed = Signal()
    """The bar was closed (Escape or its button): hits should be unmarked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.phrase_edit = QLineEdit(placeholderText=self.tr("Find in the text…"))
        self.phrase_edit.setClearButtonEnabled(True)
        self.phrase_edit.installEventFilter(self)
        self.position_label = QLabel()
        self.position_label.setMinimumWidth(90)
        previous_button = self._button("▲", self.tr("Previous (Shift+Enter, Shift+F3)"))
        next_button = self._button("▼", self.tr("Next (Enter, F3)"))
        close_button = self._button("✕", self.tr("Close (Escape)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for widget in (self.phrase_edit, self.position_label, previous_button, next_button,
                       close_button):
            layout.addWidget(widget)
        previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        next_button.clicked.connect(lambda: self.step_requested.emit(1))
        close_button.clicked.connect(self.close_bar)
        self._timer = QTimer(self, singleShot=True, interval=FIND_DELAY_MS)
        self._timer.timeout.connect(lambda: self.phrase_changed.emit(self.phrase_edit.text()))
        self.phrase_edit.textChanged.connect(self._timer.start)
        for keys, step in (("F3", 1), ("Shift+F3", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step_requested.emit(s))
        self.hide()

    @staticmethod
    def _button(text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        return button

    def open_bar(self, phrase: str = "") -> None:
        """Show the bar with the cursor in it (and `phrase` typed, if given)."""
        self.show()
        if phrase:
            self.phrase_edit.setText(phrase)
        self.phrase_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.phrase_edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and say so."""
        self.hide()
        self.closed.emit()

    def show_position(self, current: int | None, total: int) -> None:
        """Say which hit is shown: "3 of 17", or that there is none."""
        if not self.phrase_edit.text().strip():
            self.position_label.clear()
        elif total == 0:
            self.position_label.setText(self.tr("No matches"))
        elif current is None:
            self.position_label.setText(self.tr("{total} matches").format(total=total))
        else:
            self.position_label.setText(
                self.tr("{current} of {total}").format(current=current + 1, total=total))

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 (Qt override)
        """Enter finds the next hit, Shift+Enter the previous, Escape closes."""
        if watched is self.phrase_edit and isinstance(event, QKeyEvent) and (
                event.type() == QKeyEvent.Type.KeyPress):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed and pressed Enter at once: find first
                    self._timer.stop()
                    self.phrase_changed.emit(self.phrase_edit.text())
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step_requested.emit(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
