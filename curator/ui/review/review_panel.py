"""The review panel: which records to walk (filters), the queue itself, and the line that
takes a reason for rejecting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.domain.documents import DocumentInfo, Section
from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.review import ReviewFilter
from curator.domain.translation import _
from curator.ui.review.queue_model import ReviewQueueModel

TO_REVIEW = frozenset({ReviewStatus.SUGGESTED, ReviewStatus.DRAFT, ReviewStatus.NEEDS_REVIEW})
"""The statuses a review starts from: whatever nobody has decided yet."""


class ReviewPanel(QWidget):
    """Filters over a queue table; the queue's keys act while focus is anywhere in it."""

    filter_changed = Signal()
    """A filter was changed: the queue must be read again."""
    document_chosen = Signal(int)
    """A document was chosen in the filter (its sections are wanted): its id."""
    row_chosen = Signal(int)
    """The current row of the queue changed: the row."""
    reject_confirmed = Signal(str)
    """The reason for rejecting was entered (possibly blank)."""

    def __init__(self, model: ReviewQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.model = model
        self.status_choice = QComboBox()
        self.status_choice.addItem(self.tr("To review (suggested, draft, needs review)"),
                                   TO_REVIEW)
        self.status_choice.addItem(self.tr("Any status"), frozenset())
        for status in ReviewStatus:
            self.status_choice.addItem(_(status.label), frozenset({status}))
        self.kind_choice = QComboBox()
        self.kind_choice.addItem(self.tr("Every kind"), None)
        for kind in RecordKind:
            self.kind_choice.addItem(_(kind.plural_label), kind)
        self.document_choice = QComboBox()
        self.section_choice = QComboBox()
        self.editor_choice = QComboBox()
        self.without_evidence = QCheckBox(self.tr("Only records without evidence"))
        self.set_documents([])
        self.set_editors([])
        self.view = self._make_view()
        self.reject_reason = QLineEdit()
        self.reject_reason.hide()
        self.reject_reason.returnPressed.connect(self._on_reject_reason_return_pressed)
        self.reject_reason.installEventFilter(self)
        self.hint = QLabel(self.tr(
            "A approve · R reject · N needs review · D accept suggestion · J/K next/previous · "
            "V next evidence · U uncovered text · Enter edit · Esc back here"))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("reviewHint")
        self._lay_out()
        for combo in (self.status_choice, self.kind_choice, self.section_choice,
                      self.editor_choice):
            combo.activated.connect(lambda _index: self.filter_changed.emit())
        self.document_choice.activated.connect(self._on_document_choice_activated)
        self.without_evidence.toggled.connect(lambda _on: self.filter_changed.emit())

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("reviewQueue")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        # Fixed widths: sizing a column to its contents reads a thousand rows of a long queue
        # (and the check column asks the database) every time the queue changes.
        for column, (mode, width) in enumerate(((QHeaderView.ResizeMode.Interactive, 70),
                                                (QHeaderView.ResizeMode.Stretch, 0),
                                                (QHeaderView.ResizeMode.Interactive, 100),
                                                (QHeaderView.ResizeMode.Interactive, 110))):
            header.setSectionResizeMode(column, mode)
            if width:
                header.resizeSection(column, width)
        view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.row_chosen.emit(current.row()))
        return view

    def _lay_out(self) -> None:
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.status_choice, 0, 0)
        filters.addWidget(self.kind_choice, 0, 1)
        filters.addWidget(self.document_choice, 1, 0)
        filters.addWidget(self.section_choice, 1, 1)
        filters.addWidget(self.editor_choice, 2, 0)
        filters.addWidget(self.without_evidence, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reject_reason)
        layout.addWidget(self.hint)

    def set_documents(self, documents: list[DocumentInfo]) -> None:
        """Offer the project's documents (and no section until one is chosen)."""
        self.document_choice.clear()
        self.document_choice.addItem(self.tr("Every document"), None)
        for info in documents:
            self.document_choice.addItem(info.title, info.id)
        self.set_sections([])

    def set_sections(self, sections: list[Section]) -> None:
        """Offer the sections of the chosen document."""
        self.section_choice.clear()
        self.section_choice.addItem(self.tr("Whole document"), None)
        for section in sections:
            if section.level > 0:
                indent = "  " * (section.level - 1)
                self.section_choice.addItem(indent + section.title, (section.start, section.end))
        self.section_choice.setEnabled(bool(sections))

    def set_editors(self, names: list[str]) -> None:
        """Offer the people who last edited some record."""
        current = self.editor_choice.currentData()
        self.editor_choice.clear()
        self.editor_choice.addItem(self.tr("Last edited by anyone"), None)
        for name in names:
            self.editor_choice.addItem(self.tr("Last edited by {name}").format(name=name), name)
        if current is not None and (index := self.editor_choice.findData(current)) >= 0:
            self.editor_choice.setCurrentIndex(index)

    def filters(self) -> ReviewFilter:
        """The queue's filter as chosen."""
        kind = self.kind_choice.currentData()  # Qt hands a StrEnum back as its str
        return ReviewFilter(
            statuses=self.status_choice.currentData(),
            kind=RecordKind(kind) if kind else None,
            document_id=self.document_choice.currentData(),
            section=self.section_choice.currentData(),
            last_edited_by=self.editor_choice.currentData(),
            without_evidence=self.without_evidence.isChecked(),
        )

    def choose_statuses(self, statuses: frozenset[ReviewStatus]) -> None:
        """Select the status choice for `statuses` (without re-reading the queue)."""
        index = self.status_choice.findData(statuses)
        if index >= 0:
            self.status_choice.setCurrentIndex(index)

    def current_row(self) -> int:
        """The row of the queue selected (-1 if none)."""
        return self.view.currentIndex().row()

    def select_row(self, row: int) -> None:
        """Make `row` current (which emits `row_chosen`) and scroll to it."""
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def focus_queue(self) -> None:
        """Give the keyboard to the queue."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def ask_reject_reason(self, key: str) -> None:
        """Show the line for the reason of a rejection and give it the keyboard."""
        self.reject_reason.clear()
        self.reject_reason.setPlaceholderText(self.tr(
            "Why reject {key}? (optional) Enter rejects, Escape cancels").format(key=key))
        self.reject_reason.show()
        self.reject_reason.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_reject_reason_return_pressed(self) -> None:
        reason = self.reject_reason.text()
        self.reject_reason.hide()
        self.focus_queue()
        self.reject_confirmed.emit(reason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter and Escape in the reason line are its own (not the queue's keys); Escape
        cancels the rejection."""
        if watched is not self.reject_reason or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        own_keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in own_keys:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.reject_reason.hide()
            self.focus_queue()
            return True
        return super().eventFilter(watched, event)

    def _on_document_choice_activated(self, _index: int) -> None:
        document_id = self.document_choice.currentData()
        self.set_sections([])
        if document_id is not None:
            self.document_chosen.emit(document_id)
        self.filter_changed.emit()
