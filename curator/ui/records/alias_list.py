"""A record's aliases: the other forms of its name the sources use."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from curator.domain.relations import Alias

MAX_VISIBLE_ROWS = 4


class AliasList(QWidget):
    """Type an alias and press Enter to add it; Delete removes the selected one."""

    add_requested = Signal(str)
    """An alias was typed: its text."""
    remove_requested = Signal(int)
    """Delete on an alias: its id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alias_edit = QLineEdit(
            placeholderText=self.tr("Add an alias (Enter) — or select it in the text and press A"))
        self.alias_edit.returnPressed.connect(self._on_alias_edit_return_pressed)
        self.list = QListWidget()
        self.list.setObjectName("aliasList")
        self._aliases: list[Alias] = []
        self.remove_action = QAction(self.tr("Remove Alias"), self.list)
        self.remove_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete),
                                         QKeySequence(Qt.Key.Key_Backspace)])
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.list.addAction(self.remove_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.alias_edit)
        layout.addWidget(self.list)

    def show_aliases(self, aliases: list[Alias], with_evidence: set[int]) -> None:
        """Show `aliases`; those whose ids are in `with_evidence` are marked as quoted."""
        row = self.list.currentRow()
        self._aliases = aliases
        self.list.clear()
        for alias in aliases:
            quoted = alias.id in with_evidence
            item = QListWidgetItem(f"{alias.text}  ✓" if quoted else alias.text)
            if quoted:
                item.setToolTip(self.tr("Taken from the text (its evidence)"))
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, len(aliases) - 1))
        self.list.setVisible(bool(aliases))
        rows = min(max(len(aliases), 1), MAX_VISIBLE_ROWS)
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 20)
                                 + 2 * self.list.frameWidth() + 2)

    @property
    def aliases(self) -> list[Alias]:
        """The aliases shown, in order."""
        return list(self._aliases)

    def remove_current(self) -> None:
        """Ask for the selected alias to be removed."""
        row = self.list.currentRow()
        if 0 <= row < len(self._aliases):
            self.remove_requested.emit(self._aliases[row].id)

    def _on_alias_edit_return_pressed(self) -> None:
        text = " ".join(self.alias_edit.text().split())
        if text:
            self.alias_edit.clear()
            self.add_requested.emit(text)
