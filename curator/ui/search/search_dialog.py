"""Search everything (Ctrl+K): records by any name, alias, pinyin or acronym, and passages.

Arrows move through the results while the cursor stays in the box; Enter opens the chosen
result (a record in the form, a passage scrolled into the source) and closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator.domain.search_results import PassageHit, RecordHit, SearchResults
from curator.domain.translation import _
from curator.ui.palette import kind_colour

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 50

Searcher = Callable[[str, int], SearchResults]
"""Runs a query with a result limit (the window passes the project's search service)."""


class SearchDialog(QDialog):
    """A box and a ranked list of what matches; choosing a hit emits where to go."""

    record_chosen = Signal(int)
    """A record was chosen: its id."""
    passage_chosen = Signal(int, int, int)
    """A passage was chosen: document id, start and end string offsets."""

    def __init__(self, searcher: Searcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search"))
        self.setObjectName("searchDialog")
        self._searcher = searcher
        self.query_edit = QLineEdit(
            placeholderText=self.tr("Names in English or Chinese, pinyin, aliases, acronyms, "
                                    "words of the text…"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.installEventFilter(self)
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.query_edit, self.results, self.summary):
            layout.addWidget(widget)
        self.resize(720, 480)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_query)
        self.query_edit.textChanged.connect(self._timer.start)
        self.results.itemActivated.connect(self._on_results_item_activated)

    def open_with(self, text: str = "") -> None:
        """Show the dialog, the box holding `text` (selected) or what was searched last."""
        if text:
            self.query_edit.setText(text)
        self.query_edit.selectAll()
        self.query_edit.setFocus()
        self.show()
        self.activateWindow()

    def run_query(self) -> None:
        """Search for what the box holds now and list the hits, best first."""
        self._timer.stop()
        query = self.query_edit.text().strip()
        self.results.clear()
        if not query:
            self.summary.clear()
            return
        found = self._searcher(query, RESULT_LIMIT)
        for hit in found.hits:
            self.results.addItem(self._item(hit))
        if self.results.count():
            self.results.setCurrentRow(0)
        self.summary.setText(self.tr("{records} records, {passages} passages").format(
            records=self._count(len(found.records)), passages=self._count(len(found.passages))))

    @staticmethod
    def _count(number: int) -> str:
        return f"{number}+" if number >= RESULT_LIMIT else str(number)

    def _item(self, hit: RecordHit | PassageHit) -> QListWidgetItem:
        if isinstance(hit, RecordHit):
            names = " · ".join(name for name in (hit.name_en, hit.name_zh) if name)
            text = f"{hit.key}  {names}"
            if hit.field.value not in ("name_en", "name_zh") or hit.value not in names:
                text += "  — " + self.tr("{field}: {value}").format(
                    field=hit.field.value.replace("_", " "), value=hit.value)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.DecorationRole, kind_colour(hit.kind))
            item.setToolTip(self.tr("{kind}, {status}").format(kind=_(hit.kind.label),
                                                              status=_(hit.status.label)))
        else:
            item = QListWidgetItem(f"{hit.document_title}:  {hit.snippet.text}")
            item.setToolTip(self.tr("Passage at character {start}").format(start=hit.start))
        item.setData(Qt.ItemDataRole.UserRole, hit)
        return item

    def choose_current(self) -> None:
        """Open the selected hit and close the dialog."""
        item = self.results.currentItem()
        if item is not None:
            self._on_results_item_activated(item)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        if isinstance(hit, RecordHit):
            self.record_chosen.emit(hit.id)
        elif isinstance(hit, PassageHit):
            self.passage_chosen.emit(hit.document_id, hit.start, hit.end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Up/Down/Page keys move through the results; Enter opens the current one."""
        if watched is self.query_edit and isinstance(event, QKeyEvent) and (
                event.type() == QEvent.Type.KeyPress):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.results.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed and pressed Enter at once
                    self.run_query()
                self.choose_current()
                return True
        return super().eventFilter(watched, event)
