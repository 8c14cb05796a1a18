"""Table model over a review queue: every record of the filter, in reading order, flagged
when it has no evidence or evidence that no longer quotes its text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from curator.domain.records import ReviewStatus
from curator.domain.review import QueueItem, ReviewProgress
from curator.domain.translation import _

ModelIndex = QModelIndex | QPersistentModelIndex
StaleCheck = Callable[[Iterable[int]], set[int]]
"""Given record ids, those whose evidence no longer quotes its document."""

FLAG_BATCH = 100
"""Rows whose evidence is checked together, as they are first shown."""
COLUMNS = (
    QT_TRANSLATE_NOOP("ReviewQueueModel", "Key"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "Name"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "Status"),
    QT_TRANSLATE_NOOP("ReviewQueueModel", "Check"),
)
FLAG_COLUMN = 3
NO_EVIDENCE = "no evidence"
STALE_QUOTE = "quote moved"
FLAG_TIPS = {
    NO_EVIDENCE: QT_TRANSLATE_NOOP("ReviewQueueModel",
                                   "Nothing in the sources supports this record yet."),
    STALE_QUOTE: QT_TRANSLATE_NOOP("ReviewQueueModel",
                                   "Its evidence no longer quotes the document at its place."),
}


class ReviewQueueModel(QAbstractTableModel):
    """The queue's rows (held whole: ids and names only), with their review progress."""

    def __init__(self, stale_check: StaleCheck) -> None:
        super().__init__()
        self._stale_check = stale_check
        self._items: list[QueueItem] = []
        self._rows: dict[int, int] = {}
        self._stale: set[int] = set()
        self._checked_batches: set[int] = set()
        self.progress = ReviewProgress()

    def set_items(self, items: list[QueueItem]) -> None:
        """Show a new queue."""
        self.beginResetModel()
        self._items = items
        self._rows = {item.record_id: row for row, item in enumerate(items)}
        self._stale.clear()
        self._checked_batches.clear()
        self.progress = ReviewProgress.of(item.status for item in items)
        self.endResetModel()

    def item(self, row: int) -> QueueItem:
        """The queue item in `row`."""
        return self._items[row]

    def row_of(self, record_id: int) -> int | None:
        """The row of a record, if it is in the queue."""
        return self._rows.get(record_id)

    def set_status(self, record_id: int, status: ReviewStatus) -> bool:
        """A record of the queue moved to `status`; whether the progress changed."""
        row = self._rows.get(record_id)
        if row is None or self._items[row].status is status:
            return False
        self.progress.move(self._items[row].status, status)
        self._items[row] = replace(self._items[row], status=status)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def flag(self, row: int) -> str:
        """Why the record in `row` needs a look beyond its fields: NO_EVIDENCE, STALE_QUOTE
        or '' for nothing."""
        item = self._items[row]
        if not item.has_evidence:
            return NO_EVIDENCE
        batch = row // FLAG_BATCH
        if batch not in self._checked_batches:
            self._checked_batches.add(batch)
            ids = [i.record_id for i in self._items[batch * FLAG_BATCH:(batch + 1) * FLAG_BATCH]]
            self._stale |= self._stale_check(ids)
        return STALE_QUOTE if item.record_id in self._stale else ""

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Records in the queue."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Key, names, status and a flag."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text, a tooltip for the flag, and the record id under UserRole."""
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item.record_id
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == FLAG_COLUMN:
                flag = self.flag(index.row())
                return "⚠ " + QCoreApplication.translate("ReviewQueueModel", flag) if flag else ""
            return (item.key, item.name, _(item.status.label))[index.column()]
        tip = role == Qt.ItemDataRole.ToolTipRole and index.column() == FLAG_COLUMN
        if tip and (flag := self.flag(index.row())):
            return QCoreApplication.translate("ReviewQueueModel", str(FLAG_TIPS[flag]))
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReviewQueueModel", str(COLUMNS[section]))
        return None
