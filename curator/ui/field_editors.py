"""One editor widget per field kind, behind a common interface the record form uses."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from curator.domain.records import FieldSpec, FieldWidget

FieldValue = str | int | None


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

    def value(self) -> FieldValue:
        """The text, or an int for number fields (None when empty)."""
        text = self._edit.text().strip()
        if self._integer:
            return int(text) if text else None
        return self._edit.text()

    def set_value(self, value: FieldValue) -> None:
        """Show `value` (None as empty)."""
        text = "" if value is None else str(value)
        if self._edit.text() != text:
            self._edit.setText(text)


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
        text = "" if value is None else str(value)
        if self._edit.toPlainText() != text:
            self._showing = True
            self._edit.setPlainText(text)
            self._showing = False


class ChoiceFieldEditor(FieldEditor):
    """A choice from a vocabulary."""

    def __init__(self, name: str, choices: tuple[str, ...]) -> None:
        combo = QComboBox()
        combo.addItems(list(choices))
        super().__init__(name, combo)
        self._combo = combo
        combo.activated.connect(lambda _index: self.finished.emit(self.name))

    def value(self) -> FieldValue:
        """The chosen entry (None for the empty one)."""
        return self._combo.currentText() or None

    def set_value(self, value: FieldValue) -> None:
        """Select `value`, adding it if the vocabulary lacks it."""
        text = "" if value is None else str(value)
        if self._combo.findText(text) < 0:
            self._combo.addItem(text)
        self._combo.setCurrentText(text)


def make_field_editor(spec: FieldSpec) -> FieldEditor:
    """The editor for a field spec."""
    if spec.widget is FieldWidget.TEXT:
        return TextFieldEditor(spec.name)
    if spec.widget is FieldWidget.CHOICE:
        return ChoiceFieldEditor(spec.name, spec.choices)
    return LineFieldEditor(spec.name, integer=spec.widget is FieldWidget.INTEGER)
