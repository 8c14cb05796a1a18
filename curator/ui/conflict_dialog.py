"""A field two people changed at once: both values side by side, and the user picks one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from curator.domain.records import FieldValue


class Side(Enum):
    """Whose value a field keeps."""

    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class FieldConflict:
    """A field this window was saving that someone else changed first."""

    record_id: int
    record_key: str
    field: str
    label: str
    mine: FieldValue
    theirs: FieldValue
    changed_by: str
    changed_at: datetime


def shown(value: FieldValue) -> str:
    """A field value as text in the dialog (an empty field says so)."""
    return "" if value is None else str(value)


class ConflictDialog(QDialog):
    """Yours on the left, theirs on the right; Keep Mine saves yours over theirs."""

    def __init__(self, conflict: FieldConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by Someone Else"))
        self.choice = Side.THEIRS
        when = conflict.changed_at.astimezone().strftime("%H:%M")
        explanation = QLabel(self.tr(
            "{who} changed {field} of {key} at {when}, while you were changing it too. "
            "Which value should it keep?").format(
                who=conflict.changed_by, field=conflict.label, key=conflict.record_key,
                when=when))
        explanation.setWordWrap(True)
        self.mine_text = self._value_box(conflict.mine)
        self.theirs_text = self._value_box(conflict.theirs)
        grid = QGridLayout()
        theirs = self.tr("{who}'s").format(who=conflict.changed_by)
        for column, heading in enumerate((self.tr("Yours"), theirs)):
            label = QLabel(heading)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column)
        grid.setRowStretch(1, 1)
        grid.addWidget(self.mine_text, 1, 0)
        grid.addWidget(self.theirs_text, 1, 1)
        buttons = QDialogButtonBox()
        self.keep_mine_button = QPushButton(self.tr("Keep Mine"))
        self.take_theirs_button = QPushButton(self.tr("Take Theirs"))
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine_button.clicked.connect(lambda: self._choose(Side.MINE))
        self.take_theirs_button.clicked.connect(lambda: self._choose(Side.THEIRS))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _value_box(value: FieldValue) -> QPlainTextEdit:
        box = QPlainTextEdit(shown(value))
        box.setReadOnly(True)
        box.setMinimumHeight(60)
        return box

    def _choose(self, side: Side) -> None:
        self.choice = side
        self.accept()


def choose_side(parent: QWidget, conflict: FieldConflict) -> Side:
    """Ask which value a field keeps; closing the dialog keeps theirs (nothing overwritten)."""
    dialog = ConflictDialog(conflict, parent)
    dialog.exec()
    return dialog.choice
