"""The left panel: documents and, under each, its section outline."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from curator.domain.coverage import SectionProgress
from curator.domain.documents import DocumentInfo, Section
from curator.domain.local_formats import format_count
from curator.domain.records import ReviewStatus

_DOCUMENT_ROLE = Qt.ItemDataRole.UserRole
_OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentOutline(QTreeWidget):
    """Lists documents; choosing one opens it, choosing a section scrolls to it."""

    location_chosen = Signal(int, int)
    """A document or section was chosen: document id, offset in its text."""

    removal_requested = Signal(int)
    """The user asked to remove a document: its id."""

    rename_requested = Signal(int)
    """The user asked to give a document another title: its id."""

    sections_shown = Signal(int)
    """A document's sections were listed under it: the document id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentOutline")
        self.setHeaderLabels([self.tr("Documents"), self.tr("Approved")])
        self.headerItem().setToolTip(1, self.tr("Records approved of those with evidence there"))
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._section_items: dict[int, list[tuple[Section, QTreeWidgetItem]]] = {}
        self.itemActivated.connect(self._on_item_chosen)
        self.itemClicked.connect(self._on_item_chosen)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)

    def show_documents(self, documents: list[DocumentInfo]) -> None:
        """List the project's documents (sections are added by `show_sections`)."""
        self.clear()
        self._section_items.clear()
        for info in documents:
            item = QTreeWidgetItem([info.title])
            # The full title: a narrow outline cuts long ones short.
            item.setToolTip(0, self.tr("{title}\n{source} · {length} characters").format(
                title=info.title, source=info.source_name, length=format_count(info.length)))
            item.setData(0, _DOCUMENT_ROLE, info.id)
            item.setData(0, _OFFSET_ROLE, 0)
            self.addTopLevelItem(item)

    def show_sections(self, document_id: int, sections: list[Section]) -> None:
        """Nest a document's sections under it, by level (its level-0 title is the document)."""
        document_item = self._document_item(document_id)
        if document_item is None or document_item.childCount():
            return
        parents: list[tuple[int, QTreeWidgetItem]] = [(0, document_item)]
        for section in sections:
            if section.level == 0:
                continue
            while parents[-1][0] >= section.level:
                parents.pop()
            item = QTreeWidgetItem([section.title])
            item.setToolTip(0, section.title)
            item.setData(0, _DOCUMENT_ROLE, document_id)
            item.setData(0, _OFFSET_ROLE, section.start)
            parents[-1][1].addChild(item)
            parents.append((section.level, item))
            self._section_items.setdefault(document_id, []).append((section, item))
        self.expandItem(document_item)
        for index in range(document_item.childCount()):
            if (child := document_item.child(index)) is not None:
                self.expandItem(child)
        self.sections_shown.emit(document_id)

    def follow(self, document_id: int, offset: int) -> None:
        """Select the section of a document the offset lies in (the document itself before
        its first section), as the text scrolls; nothing is opened or scrolled to."""
        sections = self._section_items.get(document_id, [])
        starts = [section.start for section, _item in sections]
        index = bisect.bisect_right(starts, offset) - 1
        item = sections[index][1] if index >= 0 else self._document_item(document_id)
        if item is not None and item is not self.currentItem():
            self.setCurrentItem(item)
            self.scrollToItem(item)

    @property
    def documents_with_sections(self) -> list[int]:
        """The documents whose sections are listed."""
        return list(self._section_items)

    def show_progress(self, counts: dict[int, dict[ReviewStatus, int]]) -> None:
        """Show per document how many of the records with evidence in it are approved."""
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is None:
                continue
            by_status = counts.get(item.data(0, _DOCUMENT_ROLE), {})
            total, approved = sum(by_status.values()), by_status.get(ReviewStatus.APPROVED, 0)
            item.setText(1, f"{approved}/{total}" if total else "")
            item.setToolTip(1, ", ".join(f"{n} {status.value}" for status, n in by_status.items()
                                         if n) or self.tr("No records yet"))

    def show_section_progress(self, document_id: int, progress: list[SectionProgress]) -> None:
        """Show per section of a document how many records it holds and how many are
        approved (sections without records say so: text nobody has curated)."""
        by_section = {(p.section.start, p.section.title): p for p in progress}
        for section, item in self._section_items.get(document_id, []):
            found = by_section.get((section.start, section.title))
            if found is None:
                continue
            item.setText(1, f"{found.approved}/{found.records}" if found.records else "–")
            item.setToolTip(1, self.tr("{records} record(s), {approved} approved").format(
                records=found.records, approved=found.approved) if found.records
                else self.tr("No records: nobody has curated this section yet"))

    def progress_text(self, document_id: int, title: str | None = None) -> str:
        """What the progress column says for a document, or for one of its sections."""
        if title is None:
            item = self._document_item(document_id)
            return item.text(1) if item is not None else ""
        return next((item.text(1) for section, item in self._section_items.get(document_id, [])
                     if section.title == title), "")

    def set_document_title(self, document_id: int, title: str) -> None:
        """Show a document under a new title."""
        if (item := self._document_item(document_id)) is not None:
            item.setText(0, title)

    def _document_item(self, document_id: int) -> QTreeWidgetItem | None:
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is not None and item.data(0, _DOCUMENT_ROLE) == document_id:
                return item
        return None

    def _on_context_menu_requested(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is None:  # blank space: nothing to act on
            return
        menu = QMenu(self)
        rename = menu.addAction(self.tr("Rename…"))
        remove = menu.addAction(self.tr("Remove Document…"))
        chosen = menu.exec(self.viewport().mapToGlobal(position))
        if chosen is rename:
            self.rename_requested.emit(item.data(0, _DOCUMENT_ROLE))
        elif chosen is remove:
            self.removal_requested.emit(item.data(0, _DOCUMENT_ROLE))

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.location_chosen.emit(item.data(0, _DOCUMENT_ROLE), item.data(0, _OFFSET_ROLE))
