"""Table model over one kind's records: pages rows in from the store and filters in SQL."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from curator.domain.local_formats import format_count
from curator.domain.records import RecordKind, RecordSummary, ReviewStatus
from curator.domain.translation import _
from curator.services.browsing import filtered_count, filtered_page
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter

ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
SORT_COLUMNS = ("key", "name_en", "name_zh", "status")
"""What each column sorts by (`browsing.sortable_columns`)."""
COLUMNS = (
    QT_TRANSLATE_NOOP("RecordListModel", "Key"),
    QT_TRANSLATE_NOOP("RecordListModel", "Name (EN)"),
    QT_TRANSLATE_NOOP("RecordListModel", "Name (ZH)"),
    QT_TRANSLATE_NOOP("RecordListModel", "Status"),
)


class RecordListModel(QAbstractTableModel):
    """Rows of a kind's records matching a filter text, fetched a page at a time."""

    def __init__(self, database: ProjectDatabase, kind: RecordKind) -> None:
        super().__init__()
        self._database = database
        self.kind = kind
        self._filter = ""
        self._scope = RecordFilter()
        self._status: ReviewStatus | None = None
        self._order: tuple[str, bool] = ("key", False)
        self._rows: list[RecordSummary] = []
        self._exhausted = True
        self._unfiltered_total: int | None = None
        self.reload()

    def reload(self) -> None:
        """Re-query from the first page (after a filter change or an edit elsewhere).

        Only a page is read per keystroke: counting every match of a filter means scanning
        the whole table, so a filtered count is known only once every page is fetched.
        """
        self.beginResetModel()
        self._rows = self._page(0)
        self._exhausted = len(self._rows) < PAGE_SIZE
        self._unfiltered_total = (
            None if self._filter else filtered_count(self._database, self.kind,
                                                     replace(self.filters, text=""))
        )
        self.endResetModel()

    def _page(self, offset: int) -> list[RecordSummary]:
        order_by, descending = self._order
        return filtered_page(self._database, self.kind, self.filters, offset=offset,
                             limit=PAGE_SIZE, order_by=order_by, descending=descending)

    @property
    def filters(self) -> RecordFilter:
        """What the list lets through: the filter text and the scope together."""
        return replace(self._scope, text=self._filter,
                       status=self._status if self._status is not None else self._scope.status)

    def set_status(self, status: ReviewStatus | None) -> None:
        """Show only records with this review status (None: any)."""
        if status != self._status:
            self._status = status
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, in SQL (the view's header calls this when clicked)."""
        order_key = (SORT_COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if order_key != self._order:
            self._order = order_key
            self.reload()

    def set_scope(self, scope: RecordFilter) -> None:
        """Show only records `scope` lets through (its text aside), as well as the text."""
        if scope != self._scope:
            self._scope = replace(scope, text="")
            self.reload()

    def set_filter(self, text: str) -> None:
        """Show only records whose key or names contain `text`."""
        if text != self._filter:
            self._filter = text
            self.reload()

    @property
    def count_label(self) -> str:
        """How many records match: exact when known, else "N+" for the rows fetched so far."""
        if self._exhausted:
            return format_count(len(self._rows))
        if self._unfiltered_total is not None:
            return format_count(self._unfiltered_total)
        return f"{format_count(len(self._rows))}+"

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Key, names and status."""
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        """Whether more matching records wait in the store."""
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        """Append the next page."""
        if parent.isValid():
            return
        page = self._page(len(self._rows))
        self._exhausted = len(page) < PAGE_SIZE
        if not page:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, and the record id under UserRole."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.key, row.name_en, row.name_zh, _(row.status.label))[index.column()]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RecordListModel", str(COLUMNS[section]))
        return None

    def row_of(self, record_id: int) -> int | None:
        """The row showing `record_id`, if fetched."""
        for row, summary in enumerate(self._rows):
            if summary.id == record_id:
                return row
        return None

    def record_id(self, row: int) -> int:
        """The record id shown in `row`."""
        return self._rows[row].id
