"""Table model over the likely duplicate pairs a search found."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from curator.domain.records import RecordSummary
from curator.domain.translation import _
from curator.services.duplicates import LikelyDuplicate

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Score"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Reason"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "First"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Second"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Why"),
)


def record_label(summary: RecordSummary) -> str:
    """Key and names of a record, as a pair shows it ("P-0003 Fan Xiaojian 范小建")."""
    return " ".join(part for part in (summary.key, summary.name_en, summary.name_zh) if part)


class DuplicatePairsModel(QAbstractTableModel):
    """One row per likely duplicate pair, best first; rows go as pairs are settled."""

    def __init__(self) -> None:
        super().__init__()
        self._pairs: list[LikelyDuplicate] = []

    def set_pairs(self, pairs: list[LikelyDuplicate]) -> None:
        """Show these pairs instead."""
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair_at(self, row: int) -> LikelyDuplicate:
        """The pair shown in `row`."""
        return self._pairs[row]

    def forget_records(self, *record_ids: int) -> None:
        """Drop every pair naming one of these records (merged away, or settled)."""
        gone = set(record_ids)
        for row in reversed(range(len(self._pairs))):
            pair = self._pairs[row]
            if {pair.first.id, pair.second.id} & gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._pairs[row]
                self.endRemoveRows()

    def forget_pair(self, pair: LikelyDuplicate) -> None:
        """Drop one pair (dismissed)."""
        if pair in self._pairs:
            row = self._pairs.index(pair)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._pairs[row]
            self.endRemoveRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """How many pairs are shown."""
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Score, reason, the two records, and why."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text (the score right-aligned)."""
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        pair = self._pairs[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (str(pair.score), _(pair.reason.label), record_label(pair.first),
                record_label(pair.second), pair.explanation)[index.column()]

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("DuplicatePairsModel", str(COLUMNS[section]))
        return None
