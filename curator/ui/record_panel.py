"""Record lists: one tab per kind, a filter box, and a table per kind."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.translation import _
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter
from curator.ui.record_list_model import RecordListModel

FILTER_DELAY_MS = 120
MAX_ROWS_TO_REVEAL = 5_000
"""Pages fetched at most to select a record opened elsewhere (from a highlight, say)."""


class RecordPanel(QWidget):
    """Tabs of record lists sharing one filter; selecting a row opens the record."""

    record_selected = Signal(int)
    """A row was chosen: the record id."""
    filter_applied = Signal(str)
    """A filter found nothing in the open tab but matches elsewhere: a line saying so."""
    filters_changed = Signal()
    """The filter text or a list's scope changed (once the lists are re-read)."""
    lists_refreshed = Signal()
    """The lists were re-read because records changed."""

    def __init__(self, database: ProjectDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(placeholderText=self.tr("Filter by key or name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("Show only records with this review status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in ReviewStatus:
            self.status_filter.addItem(_(status.label), status.value)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.tabs = QTabWidget()
        self.models: dict[RecordKind, RecordListModel] = {}
        self.views: dict[RecordKind, QTableView] = {}
        for kind in RecordKind:
            model = RecordListModel(database, kind)
            view = self._make_view(model)
            self.models[kind] = model
            self.views[kind] = view
            self.tabs.addTab(view, _(kind.plural_label))
        self._update_tab_titles()
        self.scope_bar = self._make_scope_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.status_filter)
        layout.addLayout(filter_row)
        layout.addWidget(self.scope_bar)
        layout.addWidget(self.tabs)
        # Filter once typing pauses, not on every keystroke of a fast typist.
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

    def _make_scope_bar(self) -> QWidget:
        """A line naming what a chart narrowed a list to, with a button to show all again."""
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(4, 2, 4, 2)
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        clear = QToolButton()
        clear.setText(self.tr("Show All"))
        clear.setToolTip(self.tr("Show every record of the list again"))
        clear.clicked.connect(self.clear_scope)
        row.addWidget(self.scope_label, 1)
        row.addWidget(clear)
        bar.hide()
        return bar

    def apply_scope(self, kind: RecordKind, scope: RecordFilter, description: str) -> None:
        """Narrow the list of `kind` to what `scope` lets through (a chart's bar, say),
        open its tab and say so above the lists; other lists show all their records."""
        for model_kind, model in self.models.items():
            model.set_scope(scope if model_kind is kind else RecordFilter())
        self.scope_label.setText(description)
        self.scope_bar.show()
        self.tabs.setCurrentIndex(list(RecordKind).index(kind))
        self._update_tab_titles()
        self.filters_changed.emit()

    def clear_scope(self) -> None:
        """Show every record of every list again (the filter text still applies)."""
        for model in self.models.values():
            model.set_scope(RecordFilter())
        self.scope_bar.hide()
        self._update_tab_titles()
        self.filters_changed.emit()

    def filters(self) -> dict[RecordKind, RecordFilter]:
        """What each list lets through now."""
        return {kind: model.filters for kind, model in self.models.items()}

    def _make_view(self, model: RecordListModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        view.setSortingEnabled(True)  # a click on a header sorts in SQL (the model's sort)
        view.selectionModel().currentRowChanged.connect(
            lambda current, _previous, m=model: self._on_view_current_changed(m, current.row())
        )
        return view

    def _on_view_current_changed(self, model: RecordListModel, row: int) -> None:
        if row >= 0:
            self.record_selected.emit(model.record_id(row))

    def _on_status_filter_changed(self, _index: int) -> None:
        value = self.status_filter.currentData()
        status = ReviewStatus(value) if value else None
        for model in self.models.values():
            model.set_status(status)
        self._update_tab_titles()
        self.filters_changed.emit()

    def _apply_filter(self) -> None:
        for model in self.models.values():
            model.set_filter(self.filter_edit.text())
        self._update_tab_titles()
        self._show_a_tab_with_matches()
        self.filters_changed.emit()

    def _show_a_tab_with_matches(self) -> None:
        """If the open tab matches nothing, open the first kind that matches something."""
        kinds = list(RecordKind)
        current = kinds[self.tabs.currentIndex()]
        if self.models[current].rowCount() > 0:
            return
        found = [kind for kind in kinds if self.models[kind].rowCount() > 0]
        if not found:
            return
        self.tabs.setCurrentIndex(kinds.index(found[0]))
        self.filter_applied.emit(self.tr("No {kinds} match; showing {found}.").format(
            kinds=_(current.plural_label).lower(), found=_(found[0].plural_label).lower()))

    def _update_tab_titles(self) -> None:
        for index, kind in enumerate(RecordKind):
            self.tabs.setTabText(index, f"{_(kind.plural_label)} ({self.models[kind].count_label})")

    def focus_filter(self) -> None:
        """Put the cursor in the filter box, its text selected for typing over."""
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def refresh(self, kind: RecordKind | None = None) -> None:
        """Re-read the list of `kind`, or every list."""
        for model_kind, model in self.models.items():
            if kind is None or model_kind is kind:
                model.reload()
        self._update_tab_titles()
        self.lists_refreshed.emit()

    def show_record(self, kind: RecordKind, record_id: int) -> None:
        """Switch to the kind's tab and select the record's row without re-emitting."""
        self.tabs.setCurrentIndex(list(RecordKind).index(kind))
        model, view = self.models[kind], self.views[kind]
        row = model.row_of(record_id)
        while row is None and model.canFetchMore() and model.rowCount() < MAX_ROWS_TO_REVEAL:
            model.fetchMore()
            row = model.row_of(record_id)
        if row is None:  # far down a long list: the form shows it, the list stays put
            view.clearSelection()
            return
        self.blockSignals(True)
        view.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(model.index(row, 0))
        self.blockSignals(False)
