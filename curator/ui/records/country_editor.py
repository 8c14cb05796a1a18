"""A country field: shown as "Tanzania · 坦桑尼亚", typed in either language or as a code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QListWidgetItem

from curator.domain.countries import Country, match_countries, resolve_country
from curator.domain.country_fields import country_value
from curator.domain.records import FieldValue
from curator.domain.translation import _
from curator.ui.field_editors import FieldEditor

MAX_SUGGESTIONS = 8
SEPARATOR = " · "
UNRESOLVED_STYLE = "QLineEdit { background: #fde2b5; color: #5c3900; }"
"""A stored value that names no country: a warning colour until a curator picks one."""

_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


def country_display(code: str) -> str:
    """ "Tanzania · 坦桑尼亚" for TZ."""
    value = country_value(code)
    return SEPARATOR.join(name for name in (value.name_en, value.name_zh) if name)


class CountryFieldEditor(FieldEditor):
    """Completes countries from English, Chinese or the code; stores the ISO code.

    The suggestions float over the window under the field (a child widget, not a popup
    window): arrows move in them, Enter or a click takes one, Escape hides them.
    """

    def __init__(self, name: str) -> None:
        edit = QLineEdit()
        # _(), not edit.tr(): Qt's own classes are answered by qtbase, not our catalog
        edit.setPlaceholderText(_("English, 中文 or code (TZ)"))
        super().__init__(name, edit)
        self._edit = edit
        self.suggestions = QListWidget()
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        self.suggestions.setObjectName("countrySuggestions")
        self.suggestions.itemClicked.connect(self._on_suggestions_item_clicked)
        self.suggestions.hide()
        self._countries: list[Country] = []
        edit.installEventFilter(self)
        edit.textEdited.connect(self._on_edit_text_edited)
        edit.editingFinished.connect(self._on_edit_editing_finished)
        self._unresolved_text: str | None = None

    @property
    def flagged(self) -> bool:
        """Whether the field shows stored text that is not a country (to be fixed)."""
        return self._unresolved_text is not None

    def _on_edit_text_edited(self, text: str) -> None:
        self._countries = match_countries(text.strip())[:MAX_SUGGESTIONS] if text.strip() else []
        self.suggestions.clear()
        for country in self._countries:
            self.suggestions.addItem(
                f"{country.name_en}{SEPARATOR}{country.name_zh}   {country.code}")
        if self._countries:
            self.suggestions.setCurrentRow(0)
            self._show_suggestions()
        else:
            self.suggestions.hide()
        self.edited.emit(self.name)

    def _show_suggestions(self) -> None:
        window = self._edit.window()
        if self.suggestions.parentWidget() is not window:
            self.suggestions.setParent(window)
        rows = self.suggestions.count()
        height = rows * max(self.suggestions.sizeHintForRow(0), 18) + 2 * (
            self.suggestions.frameWidth() + 1)
        below = self._edit.mapTo(window, QPoint(0, self._edit.height()))
        if below.y() + height > window.height():
            below.setY(max(0, self._edit.mapTo(window, QPoint(0, 0)).y() - height))
        self.suggestions.setGeometry(below.x(), below.y(), max(self._edit.width(), 260), height)
        self.suggestions.show()
        self.suggestions.raise_()

    def _take(self, row: int) -> None:
        """Take the suggestion in `row` and finish the edit with it."""
        if 0 <= row < len(self._countries):
            self._edit.setText(country_display(self._countries[row].code))
        self.suggestions.hide()
        self._finish()

    def _on_suggestions_item_clicked(self, item: QListWidgetItem) -> None:
        self._take(self.suggestions.row(item))

    def _on_edit_editing_finished(self) -> None:
        if self.suggestions.isVisible():
            return  # Enter takes the highlighted suggestion (eventFilter)
        self._finish()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """While suggestions show: arrows move in them, Enter takes one, Escape hides them."""
        if event.type() == QEvent.Type.FocusOut:
            self.suggestions.hide()  # then editingFinished saves what was typed
        if not self.suggestions.isVisible() or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = Qt.Key(event.key())
        if event.type() == QEvent.Type.ShortcutOverride and key in (
                _ENTER_KEYS | {Qt.Key.Key_Escape}):
            event.accept()  # ours while the list shows (not the form's Escape)
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key in _NAVIGATION_KEYS:
            QApplication.sendEvent(self.suggestions,
                                   QKeyEvent(event.type(), key, event.modifiers()))
            return True
        if key in _ENTER_KEYS:
            self._take(self.suggestions.currentRow())
            return True
        if key == Qt.Key.Key_Escape:
            self.suggestions.hide()
            return True
        return False

    def _finish(self) -> None:
        self.finished.emit(self.name)
        code = self.value()
        if isinstance(code, str) and not country_value(code).unresolved:
            self.set_value(code)  # "tanzania" typed over TZ saves nothing: show it as TZ is

    def value(self) -> FieldValue:
        """The code of the country typed or chosen; text that names none is kept as typed
        (saving it is refused with a message that repeats it); None when empty."""
        text = self._edit.text().strip()
        if not text:
            return None
        if self._unresolved_text is not None and text == self._unresolved_text:
            return text  # the stored text, untouched
        parts = [part.strip() for part in text.split(SEPARATOR.strip()) if part.strip()]
        for candidate in (text, *parts):
            code = resolve_country(candidate)
            if code is not None:
                return code
        return text

    def set_value(self, value: FieldValue) -> None:
        """Show a code as its names; flag text that names no country."""
        stored = "" if value is None else str(value)
        unresolved = bool(stored) and country_value(stored).unresolved
        self._unresolved_text = stored if unresolved else None
        shown = stored if unresolved or not stored else country_display(stored)
        if self._edit.text() != shown:
            self._edit.setText(shown)
        self.suggestions.hide()
        self._edit.setStyleSheet(UNRESOLVED_STYLE if unresolved else "")
        self._edit.setToolTip(
            _("“{text}” is not a known country — pick one").format(text=stored)
            if unresolved else stored)
