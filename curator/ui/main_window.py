"""The main window: documents, source text and record lists with the current record's form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QToolBar,
)

from curator.domain.records import Record, RecordKind
from curator.errors import CuratorError
from curator.services import annotating, browsing
from curator.store.database import ProjectDatabase
from curator.ui.document_outline import DocumentOutline
from curator.ui.messages import show_error
from curator.ui.record_editor import RecordEditor
from curator.ui.record_form import RecordForm
from curator.ui.record_panel import RecordPanel
from curator.ui.settings import WindowSettings
from curator.ui.source_view import SourceView

CREATE_SHORTCUTS = {RecordKind.EVENT: "E", RecordKind.PERSON: "P", RecordKind.ORGANIZATION: "O"}


class MainWindow(QMainWindow):
    """Source and forms side by side; every edit is saved as it is made."""

    def __init__(
        self, database: ProjectDatabase, *, settings: WindowSettings | None = None
    ) -> None:
        super().__init__()
        self.database = database
        self._settings = settings or WindowSettings()
        self.setWindowTitle(f"Curator — {Path(database.location).name}")
        self.undo_stack = QUndoStack(self)
        self.editor = RecordEditor(database)
        self.outline = DocumentOutline()
        self.source_view = SourceView()
        self.record_panel = RecordPanel(database)
        self.record_form = RecordForm(self.editor, self.undo_stack)
        self.create_actions: dict[RecordKind, QAction] = {}
        self._build_layout()
        self._build_actions()
        self._connect()
        self._restore_settings()
        self._show_documents()

    def _build_layout(self) -> None:
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.record_form)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.record_panel)
        right.addWidget(form_scroll)
        right.setSizes([300, 500])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.outline, self.source_view, right):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([220, 640, 520])
        self.setCentralWidget(self.splitter)
        self.resize(1400, 860)

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[..., object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        toolbar = QToolBar(self.tr("Annotate"))
        toolbar.setObjectName("annotateToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Import…"), "Ctrl+I", self.import_files))
        self.export_action = self._action(self.tr("&Export…"), "Ctrl+Shift+E", self.export)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        record_menu = self.menuBar().addMenu(self.tr("&Record"))
        for kind, key in CREATE_SHORTCUTS.items():
            action = self._action(self.tr(f"New {kind.label} from Selection"), key,
                                  lambda _=False, k=kind: self.create_record_from_selection(k))
            self.create_actions[kind] = action
        self.link_action = self._action(self.tr("Link Selection as Evidence"), "L",
                                         self.link_selection_as_evidence)
        for action in (*self.create_actions.values(), self.link_action):
            # Single-key shortcuts act only while the source text has focus, never in a form.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.source_view.addAction(action)
            record_menu.addAction(action)
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addActions([undo, redo, self.export_action])

    def _connect(self) -> None:
        self.outline.location_chosen.connect(self._on_outline_location_chosen)
        self.source_view.highlight_clicked.connect(self.open_record)
        self.record_panel.record_selected.connect(self.record_form.show_record)
        self.record_form.evidence_activated.connect(self._on_form_evidence_activated)
        self.editor.record_changed.connect(self._on_editor_record_changed)
        self.editor.edit_failed.connect(
            lambda message: show_error(self, self.tr("Edit not saved"), message)
        )

    def _show_documents(self) -> None:
        infos = browsing.documents(self.database)
        self.outline.show_documents(infos)
        if infos:
            self.open_document(infos[0].id)
        self.statusBar().showMessage(self.tr(f"Project: {self.database.location}"))

    def open_document(self, document_id: int) -> None:
        """Show a document with its evidence and its sections in the outline."""
        opened = browsing.open_document(self.database, document_id)
        evidence = annotating.document_evidence(self.database, document_id)
        self.source_view.show_document(opened.id, opened.text, evidence)
        self.outline.show_sections(opened.id, opened.sections)

    def _ensure_document(self, document_id: int) -> None:
        if self.source_view.document_id != document_id:
            self.open_document(document_id)

    def _refresh_highlights(self) -> None:
        if self.source_view.document_id is not None:
            self.source_view.set_evidence(
                annotating.document_evidence(self.database, self.source_view.document_id)
            )

    def open_record(self, record_id: int) -> None:
        """Select a record in its list and show it in the form."""
        try:
            record = self.editor.load(record_id)
        except CuratorError as error:
            show_error(self, self.tr("Record not found"), str(error))
            return
        self.record_panel.show_record(record.kind, record.id)
        self.record_form.show_record(record.id)

    def create_record_from_selection(self, kind: RecordKind) -> Record | None:
        """Create a record of `kind` named after the selected text, with it as evidence."""
        span = self.source_view.selected_span()
        if span is None or self.source_view.document_id is None:
            self.statusBar().showMessage(self.tr("Select text in the document first."), 5000)
            return None
        try:
            record = annotating.create_record_from_selection(
                self.database, kind, self.source_view.document_id, *span
            )
        except (CuratorError, ValueError) as error:
            show_error(self, self.tr("Record not created"), str(error))
            return None
        self._refresh_highlights()
        self.record_panel.refresh()
        self.open_record(record.id)
        self.record_form.focus_name()
        self.statusBar().showMessage(self.tr(f"Created {record.key}."), 5000)
        return record

    def link_selection_as_evidence(self) -> None:
        """Add the selected text as evidence of the record in the form."""
        span = self.source_view.selected_span()
        record = self.record_form.record
        if span is None or record is None or self.source_view.document_id is None:
            self.statusBar().showMessage(
                self.tr("Open a record and select text in the document first."), 5000
            )
            return
        try:
            annotating.link_selection_as_evidence(
                self.database, record.id, self.source_view.document_id, *span
            )
        except (CuratorError, ValueError) as error:
            show_error(self, self.tr("Evidence not linked"), str(error))
            return
        self._refresh_highlights()
        self.record_form.show_record(record.id)

    def import_files(self) -> None:
        """Ask for source files and import them."""
        from curator.services.importing import import_document

        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), "",
            self.tr("Source documents (*.txt *.text *.md *.html *.htm)"),
        )
        for path in paths:
            try:
                import_document(self.database, Path(path))
            except CuratorError as error:
                show_error(self, self.tr("Import refused"), f"{Path(path).name}: {error}")
        if paths:
            self._show_documents()

    def export(self) -> None:
        """Ask for a file name and export the project to it."""
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / "curator-export.xlsx"),
            self.tr("Excel workbook (*.xlsx);;JSON (*.json)"),
        )
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> bool:
        """Export the project to `target`, reporting the outcome."""
        from curator.services.exporting import export_project

        self.record_form.save_pending()
        try:
            export_project(self.database, target)
        except CuratorError as error:
            show_error(self, self.tr("Export failed"), str(error))
            return False
        self.statusBar().showMessage(self.tr(f"Exported to {target}"), 8000)
        return True

    def _on_outline_location_chosen(self, document_id: int, offset: int) -> None:
        self._ensure_document(document_id)
        self.source_view.select_span(offset, offset)

    def _on_form_evidence_activated(self, document_id: int, start: int, end: int) -> None:
        self._ensure_document(document_id)
        self.source_view.select_span(start, end)

    def _on_editor_record_changed(self, record: Record) -> None:
        self.record_panel.refresh()
        self.record_panel.show_record(record.kind, record.id)

    def _restore_settings(self) -> None:
        if (geometry := self._settings.geometry) is not None:
            self.restoreGeometry(geometry)
        if (state := self._settings.splitter_state) is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Save what is still being typed, remember the layout, then close."""
        self.record_form.save_pending()
        self._settings.geometry = self.saveGeometry()
        self._settings.splitter_state = self.splitter.saveState()
        super().closeEvent(event)
