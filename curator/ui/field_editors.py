"""One editor widget per field kind, behind a common interface the record form uses."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from curator.domain.records import (
    FieldSpec,
    FieldValue,
    FieldWidget,
    same_value,
    vocabulary_label,
)


class FieldEditor(QObject):
    """Wraps a widget: read and show a value, and tell when the user typed or finished."""

    edited = Signal(str)
    """The user changed the value (while typing): the field name."""

    finished = Signal(str)
    """The user left the field or pressed Enter: the field name."""

    def __init__(self, name: str, widget: QWidget) -> None:
        super().__init__(widget)
        self.name = name
        self.widget = widget

    def value(self) -> FieldValue:
        """The value the widget holds now."""
        raise NotImplementedError

    def set_value(self, value: FieldValue) -> None:
        """Show a value without reporting it as an edit."""
        raise NotImplementedError


class LineFieldEditor(FieldEditor):
    """A one-line text field (or a whole number)."""

    def __init__(self, name: str, *, integer: bool = False) -> None:
        edit = QLineEdit()
        if integer:
            edit.setValidator(QIntValidator(0, 10_000_000, edit))
        super().__init__(name, edit)
        self._edit = edit
        self._integer = integer
        edit.textEdited.connect(lambda _text: self.edited.emit(self.name))
        edit.editingFinished.connect(lambda: self.finished.emit(self.name))

    @property
    def line_edit(self) -> QLineEdit:
        """The widget, as the line edit it is."""
        return self._edit

    def value(self) -> FieldValue:
        """The text, or an int for number fields (None when empty)."""
        text = self._edit.text().strip()
        if self._integer:
            return int(text) if text else None
        return self._edit.text()

    def set_value(self, value: FieldValue) -> None:
        """Show `value` (None as empty)."""
        if not same_value(self._edit.text(), value):
            self._edit.setText("" if value is None else str(value))


class TextFieldEditor(FieldEditor):
    """A few lines of free text."""

    def __init__(self, name: str) -> None:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(90)
        super().__init__(name, edit)
        self._edit = edit
        edit.textChanged.connect(self._on_edit_text_changed)
        self._showing = False

    def _on_edit_text_changed(self) -> None:
        if not self._showing:
            self.edited.emit(self.name)

    def value(self) -> FieldValue:
        """The text."""
        return self._edit.toPlainText()

    def set_value(self, value: FieldValue) -> None:
        """Show `value` (None as empty)."""
        if not same_value(self._edit.toPlainText(), value):
            self._showing = True
            self._edit.setPlainText("" if value is None else str(value))
            self._showing = False


class ChoiceFieldEditor(FieldEditor):
    """A choice from a vocabulary."""

    def __init__(self, name: str, choices: tuple[str, ...]) -> None:
        combo = QComboBox()
        for choice in choices:  # shown in the language in use, kept as stored
            combo.addItem(vocabulary_label(name, choice), choice)
        super().__init__(name, combo)
        self._combo = combo
        self._vocabulary_size = len(choices)
        combo.activated.connect(lambda _index: self.finished.emit(self.name))

    def value(self) -> FieldValue:
        """The chosen entry as stored (None for the empty one)."""
        return self._combo.currentData() or None

    def set_value(self, value: FieldValue) -> None:
        """Select `value`; one outside the vocabulary is shown for this record only."""
        text = "" if value is None else str(value)
        while self._combo.count() > self._vocabulary_size:  # the last record's odd value
            self._combo.removeItem(self._combo.count() - 1)
        if self._combo.findData(text) < 0:
            self._combo.addItem(text, text)
        self._combo.setCurrentIndex(self._combo.findData(text))


def make_field_editor(spec: FieldSpec) -> FieldEditor:
    """The editor for a field spec."""
    if spec.widget is FieldWidget.TEXT:
        return TextFieldEditor(spec.name)
    if spec.widget is FieldWidget.CHOICE:
        return ChoiceFieldEditor(spec.name, spec.choices)
    return LineFieldEditor(spec.name, integer=spec.widget is FieldWidget.INTEGER)
