"""Record → Find Duplicates…: likely pairs with reason and score, merged or dismissed."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.domain.records import RecordKind
from curator.domain.translation import _
from curator.errors import CuratorError
from curator.services import duplicates
from curator.services.duplicates import DETECTED_KINDS, LikelyDuplicate
from curator.store.database import ProjectDatabase
from curator.ui.commands import DismissDuplicateCommand, MergeRecordsCommand
from curator.ui.duplicates.pair_model import DuplicatePairsModel, record_label
from curator.ui.messages import choose, show_error
from curator.ui.record_editor import RecordEditor

MIN_RECORD_WIDTH = 160
"""A record's column is never narrower than this for the sake of the explanation."""


class DuplicatesDialog(QDialog):
    """Lists likely duplicate pairs; Merge keeps one record (the older unless chosen
    otherwise), Not Duplicates hides a pair for good. Both are steps Ctrl+Z takes back."""

    record_chosen = Signal(int)
    """A record should be shown in the form: its id."""

    def __init__(
        self, database: ProjectDatabase, editor: RecordEditor, undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find Duplicates"))
        self._database = database
        self._editor = editor
        self._undo_stack = undo_stack
        self.model = DuplicatePairsModel()
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("People and organizations"), None)
        for kind in DETECTED_KINDS:
            self.kind_box.addItem(_(kind.plural_label), kind)
        self.status_label = QLabel()
        self.table = QTableView()
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.dismiss_button = QPushButton(self.tr("Not Duplicates"))
        self.find_button = QPushButton(self.tr("Find Again"))
        self._build_layout()
        self._connect()
        self.resize(900, 480)

    def _build_layout(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # a long name is elided; its tooltip shows it whole
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.find_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.kind_box.currentIndexChanged.connect(lambda _index: self.find_pairs())
        self.find_button.clicked.connect(self.find_pairs)
        self.merge_button.clicked.connect(self.merge_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.model.modelReset.connect(self._show_count)
        self.model.modelReset.connect(self.fit_columns)
        self.model.rowsRemoved.connect(self._show_count)

    def fit_columns(self) -> None:
        """Score and reason as wide as they need; each record at most a quarter of the
        table, so the second record and the explanation (stretched) stay in view."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        widest = max(self.table.viewport().width() // 4, MIN_RECORD_WIDTH)
        for column in (2, 3):
            header.resizeSection(column, min(header.sectionSize(column), widest))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Columns fitted to the new width."""
        super().resizeEvent(event)
        self.fit_columns()

    @property
    def kinds(self) -> tuple[RecordKind, ...]:
        """The kinds looked at: the one chosen, or both."""
        chosen = self.kind_box.currentData()
        return DETECTED_KINDS if chosen is None else (chosen,)

    def find_pairs(self) -> None:
        """Look for likely duplicates again (a few seconds on a large project)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pairs = duplicates.find_duplicates(self._database, kinds=self.kinds,
                                               progress=self._show_progress)
        except CuratorError as error:
            show_error(self, self.tr("Duplicates not found"), str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.model.set_pairs(pairs)
        if pairs:
            self.table.selectRow(0)

    def _show_progress(self, step: str) -> None:
        self.status_label.setText(self.tr("Looking for duplicates: {step}…").format(step=step))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.status_label.setText(self.tr("{count} likely pair(s)").format(count=count)
                                  if count else self.tr("No likely duplicates."))
        self.merge_button.setEnabled(bool(count))
        self.dismiss_button.setEnabled(bool(count))

    def selected_pair(self) -> LikelyDuplicate | None:
        """The pair in the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.pair_at(rows[0].row()) if rows else None

    def merge_selected(self) -> bool:
        """Merge the selected pair after asking which record to keep (the older first)."""
        pair = self.selected_pair()
        if pair is None:
            return False
        older, newer = pair.first, pair.second
        question = self.tr(
            "Merge {first} and {second}? The record kept takes the other's evidence, "
            "relations and aliases, its names as aliases and the fields it lacks; the other "
            "is deleted. Ctrl+Z takes the merge back."
        ).format(first=record_label(older), second=record_label(newer))
        answer = choose(self, self.tr("Merge Records"), question, [
            self.tr("Keep {record} (older)").format(record=record_label(older)),
            self.tr("Keep {record}").format(record=record_label(newer)),
        ])
        if answer is None:
            return False
        keep, other = (older, newer) if answer == 0 else (newer, older)
        command = MergeRecordsCommand(self._editor, keep.id, other.id, keep.key, other.key)
        self._undo_stack.push(command)
        if command.merged is None:
            return False
        self.model.forget_records(other.id)
        self.record_chosen.emit(keep.id)
        return True

    def dismiss_selected(self) -> bool:
        """Say the selected pair are not duplicates: never listed again (unless undone)."""
        pair = self.selected_pair()
        if pair is None:
            return False
        command = DismissDuplicateCommand(self._editor, pair.first.id, pair.second.id,
                                          pair.first.key, pair.second.key)
        self._undo_stack.push(command)
        if command.isObsolete():
            return False
        self.model.forget_pair(pair)
        return True

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        pair = self.model.pair_at(index.row())
        self.record_chosen.emit(pair.second.id if index.column() == 3 else pair.first.id)
