"""Find Mentions: the places a record's names stand and are not yet its evidence, shown as
a concordance (text before, the name, text after) to choose the ones to link."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator.domain.local_formats import format_count
from curator.domain.records import Record
from curator.errors import CuratorError
from curator.services.mentions import Mention, MentionSpan, find_mentions
from curator.ui.commands import LinkMentionsCommand
from curator.ui.messages import show_error
from curator.ui.record_editor import RecordEditor

_DOCUMENT, _BEFORE, _MENTION, _AFTER = range(4)


class MentionsDialog(QDialog):
    """Lists a record's mentions, every one chosen at first; `chosen` after it is accepted."""

    def __init__(self, record: Record, mentions: list[Mention],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find Mentions"))
        self.mentions = mentions
        self._checks: list[QTableWidgetItem] = []
        name = record.name_en or record.name_zh or record.key
        intro = QLabel(self.tr(
            "{count} places in the documents name {name} ({key}) and are not its evidence "
            "yet. Untick the ones that mean someone or something else.").format(
                count=format_count(len(mentions)), name=name, key=record.key))
        intro.setWordWrap(True)
        self.table = self._table(mentions)
        self.all_box = QCheckBox(self.tr("All"))
        self.all_box.setChecked(True)
        self.all_box.toggled.connect(self._on_all_box_toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link_button = buttons.addButton(self.tr("Link Chosen"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.all_box, buttons):
            layout.addWidget(widget)
        self.resize(900, 480)

    def _table(self, mentions: list[Mention]) -> QTableWidget:
        table = QTableWidget(len(mentions), 4, self)
        table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Before"),
                                         self.tr("Mention"), self.tr("After")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        bold = QFont(table.font())
        bold.setBold(True)
        for row, mention in enumerate(mentions):
            where = QTableWidgetItem(" · ".join(
                part for part in (mention.document_title, mention.section_title) if part))
            where.setFlags(where.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            where.setCheckState(Qt.CheckState.Checked)
            self._checks.append(where)
            before = QTableWidgetItem(mention.before)
            before.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = QTableWidgetItem(mention.exact)
            name.setFont(bold)
            for column, item in ((_DOCUMENT, where), (_BEFORE, before), (_MENTION, name),
                                 (_AFTER, QTableWidgetItem(mention.after))):
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(_BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_AFTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_MENTION, QHeaderView.ResizeMode.ResizeToContents)
        table.itemChanged.connect(self._on_table_item_changed)
        return table

    def set_chosen(self, row: int, chosen: bool) -> None:
        """Tick or untick one mention."""
        self._checks[row].setCheckState(Qt.CheckState.Checked if chosen
                                        else Qt.CheckState.Unchecked)

    def chosen(self) -> list[MentionSpan]:
        """The spans of the mentions ticked."""
        return [MentionSpan(mention.document_id, mention.start, mention.end)
                for row, mention in enumerate(self.mentions)
                if self._checks[row].checkState() == Qt.CheckState.Checked]

    def _on_all_box_toggled(self, checked: bool) -> None:
        for row in range(self.table.rowCount()):
            self.set_chosen(row, checked)

    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self.link_button.setEnabled(bool(self.chosen()))


def _ask(record: Record, mentions: list[Mention], parent: QWidget) -> list[MentionSpan]:
    dialog = MentionsDialog(record, mentions, parent)
    chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []
    dialog.deleteLater()
    return chosen


choose_mentions: Callable[[Record, list[Mention], QWidget], list[MentionSpan]] = _ask
"""Show the mentions and return those chosen (none if cancelled); tests replace it."""


def offer_mentions(editor: RecordEditor, record: Record, parent: QWidget, *,
                   announce: Callable[[str], None]) -> LinkMentionsCommand | None:
    """Find the record's mentions, let the user choose, and return the undoable step that
    links them (None if there were none or none was chosen); `announce` hears what happened."""
    try:
        mentions = find_mentions(editor.database, record.id)
    except CuratorError as error:
        show_error(parent, parent.tr("Mentions not found"), str(error))
        return None
    name = record.name_en or record.name_zh or record.key
    if not mentions:
        announce(parent.tr("No other mentions of {name} in the documents.").format(name=name))
        return None
    spans = choose_mentions(record, mentions, parent)
    if not spans:
        return None
    announce(parent.tr("Linked {count} mentions to {key}.").format(
        count=format_count(len(spans)), key=record.key))
    return LinkMentionsCommand(editor, record.id, record.key, spans)
