"""The workbench: documents, source text, record lists and form of one open project."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QProgressDialog,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from curator.domain.local_formats import format_count
from curator.domain.records import Record, RecordKind, RecordSummary, ReviewStatus
from curator.domain.translation import _
from curator.errors import CuratorError, OperationCancelled
from curator.services import annotating, browsing, duplicates
from curator.store.database import ProjectDatabase
from curator.ui.commands import (
    AddAliasCommand,
    CreateRecordCommand,
    DeleteRecordCommand,
    LinkEvidenceCommand,
)
from curator.ui.document_outline import DocumentOutline
from curator.ui.find_bar import FindBar
from curator.ui.messages import choose, confirm, show_error
from curator.ui.opening_checks import OpeningChecks
from curator.ui.record_editor import RecordEditor
from curator.ui.record_form import RecordForm
from curator.ui.record_panel import RecordPanel
from curator.ui.records.relations_panel import SourceSelection
from curator.ui.source_view import SourceView
from curator.ui.team_watch import ProjectWatch

if TYPE_CHECKING:
    from curator.exchange.snapshot import ExportFilter
    from curator.services.checking import ProjectCheck
    from curator.services.suggesting import SuggestionReport
    from curator.services.watching import ProjectChanges
    from curator.ui.duplicates.dialog import DuplicatesDialog
    from curator.ui.search.search_dialog import SearchDialog
    from curator.ui.suggestion_run import SuggestionRun

PROGRESS_DELAY_MS = 500
"""A long operation shows its progress dialog only if it is still running after this."""

MAX_OFFERED_MATCHES = 3
"""Records of the same name offered to link a selection to, at most."""

CREATE_SHORTCUTS = {RecordKind.EVENT: "E", RecordKind.PERSON: "P", RecordKind.ORGANIZATION: "O"}


WARM_UP_DELAY_MS = 2000


def _warm_up_name_tables() -> None:
    """Load the pinyin and simplified/traditional tables (about a second) on a background
    thread, so the first Chinese name typed in a search or picker answers at once."""
    import threading

    from curator.domain.pinyin import pinyin_search_forms

    threading.Thread(target=pinyin_search_forms, args=("范小建",), kwargs={"person": True},
                     name="warm-up name tables", daemon=True).start()


class Workbench(QSplitter):
    """Source and forms side by side; every edit is saved as it is made."""

    status_changed = Signal(str)
    """Something worth a line in the status bar happened: the message."""
    suggestions_ended = Signal(bool)
    """Suggestions started by `suggest_in_document` are over: whether they were stored."""

    def __init__(
        self, database: ProjectDatabase, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("workbench")
        self.database = database
        self.undo_stack = undo_stack
        self.editor = RecordEditor(database)
        self.outline = DocumentOutline()
        self.source_view = SourceView()
        self.find_bar = FindBar()
        self.record_panel = RecordPanel(database)
        self.record_form = RecordForm(self.editor, undo_stack)
        self.create_actions: dict[RecordKind, QAction] = {}
        self.link_action = QAction(self)
        self.alias_action = QAction(self)
        self.relation_link_action = QAction(self)
        self._search_dialog: SearchDialog | None = None
        self._duplicates_dialog: DuplicatesDialog | None = None
        self._build_layout()
        self._build_actions()
        self._connect()
        self.show_documents()
        self.suggestion_run: SuggestionRun | None = None
        self.watch = ProjectWatch(database, self)
        self.watch.changed.connect(self._on_project_changed)
        # Once the window has settled, so the loading never slows the project's opening.
        QTimer.singleShot(WARM_UP_DELAY_MS, self, _warm_up_name_tables)
        self.opening_checks = OpeningChecks(database, self)
        self.opening_checks.finished.connect(self._on_opening_checks_finished)
        self.opening_checks.start()
        if (copy := database.upgrade_backup) is not None:  # said once the frame listens
            QTimer.singleShot(0, self, lambda: self.status_changed.emit(self.tr(
                "The project was upgraded for this version of Curator; a copy as it was is "
                "at {copy}.").format(copy=copy)))

    def _on_opening_checks_finished(self, result: ProjectCheck, backup_problem: str) -> None:
        """Tell the user what the checks on opening found wrong, if anything."""
        if not result.sound:
            listed = "\n".join(f"• {problem.message}" for problem in result.problems[:10])
            show_error(self, self.tr("Problems in the project"), self.tr(
                "Curator found problems in this project:\n\n{problems}\n\nRun “curator -p "
                "PROJECT check” for a full check, or restore a backup (File → Restore "
                "Backup…).").format(problems=listed))
        elif backup_problem:
            show_error(self, self.tr("No backup made"), backup_problem)

    def _build_layout(self) -> None:
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.record_panel)
        right.addWidget(self.record_form)  # it scrolls its details itself, not its history
        right.setSizes([240, 560])
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.source_view)
        centre_layout.addWidget(self.find_bar)
        for widget in (self.outline, centre, right):
            self.addWidget(widget)
        self.setSizes([220, 640, 520])

    def _build_actions(self) -> None:
        for kind, key in CREATE_SHORTCUTS.items():
            action = QAction(self.tr("New {kind} from Selection").format(kind=_(kind.label)), self)
            action.setIconText(self.tr("{kind} ({key})").format(kind=_(kind.label), key=key))
            action.setToolTip(self.tr("Create a record of this kind from the selected text"))
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, k=kind: self.create_record_from_selection(k))
            self.create_actions[kind] = action
        self.link_action.setText(self.tr("Link Selection as Evidence"))
        self.link_action.setIconText(self.tr("Link (L)"))
        self.link_action.setToolTip(
            self.tr("Add the selected text as evidence of the record in the form (L)")
        )
        self.link_action.setShortcut(QKeySequence("L"))
        self.link_action.triggered.connect(self.link_selection_as_evidence)
        self.alias_action.setText(self.tr("Add Selection as Alias"))
        self.alias_action.setIconText(self.tr("Alias (A)"))
        self.alias_action.setToolTip(
            self.tr("Add the selected text as an alias of the record in the form (A)"))
        self.alias_action.setShortcut(QKeySequence("A"))
        self.alias_action.triggered.connect(self.add_selection_as_alias)
        self.relation_link_action.setText(self.tr("Link Selection to Relation"))
        self.relation_link_action.setIconText(self.tr("Link Relation (Shift+L)"))
        self.relation_link_action.setToolTip(self.tr(
            "Add the selected text as evidence of the relation selected in the form (Shift+L)"))
        self.relation_link_action.setShortcut(QKeySequence("Shift+L"))
        self.relation_link_action.triggered.connect(self.link_selection_to_relation)
        self.delete_action = QAction(self.tr("Delete Record"), self)
        self.delete_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.delete_action.triggered.connect(self.delete_current_record)
        self.find_action = QAction(self.tr("Find in Text…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.open_find_bar)
        self.duplicates_action = QAction(self.tr("Find Duplicates…"), self)
        self.duplicates_action.setToolTip(
            self.tr("List people and organizations that may be one, to merge or dismiss"))
        self.duplicates_action.triggered.connect(self.find_duplicates)
        self.search_action = QAction(self.tr("Search Everything…"), self)
        self.search_action.setIconText(self.tr("Search"))
        self.search_action.setToolTip(
            self.tr("Find records by any name, alias or pinyin, and passages of the text (Ctrl+K)"))
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(self.open_search)
        self.suggest_action = QAction(self.tr("Suggest Records in This Document"), self)
        self.suggest_action.setIconText(self.tr("Suggest"))
        self.suggest_action.setToolTip(self.tr(
            "Pre-annotate the open document: events, people and organizations to accept, fix "
            "or reject (Ctrl+Alt+S)"))
        self.suggest_action.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.suggest_action.triggered.connect(self.suggest_in_document)
        self.mentions_action = QAction(self.tr("Find Mentions…"), self)
        self.mentions_action.setToolTip(self.tr(
            "List every other place the record's names stand in the documents, and link the "
            "chosen ones as its evidence (Ctrl+Shift+M)"))
        self.mentions_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.mentions_action.triggered.connect(self.find_mentions)
        self.filter_action = QAction(self.tr("Filter Records…"), self)
        self.filter_action.setShortcut(QKeySequence("Ctrl+L"))
        self.filter_action.triggered.connect(self.record_panel.focus_filter)
        for action in self.annotation_actions:
            # Single-key shortcuts act only while the source text has focus, never in a form.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.source_view.addAction(action)
        # Escape in the form goes back to the text, to select the next span by keyboard.
        back_to_text = QAction(self.tr("Back to the Text"), self.record_form)
        back_to_text.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        back_to_text.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_to_text.triggered.connect(self._on_back_to_text_triggered)
        self.record_form.addAction(back_to_text)

    @property
    def annotation_actions(self) -> list[QAction]:
        """The actions that turn a selection into records or evidence."""
        return [*self.create_actions.values(), self.link_action, self.alias_action,
                self.relation_link_action]

    @property
    def record_actions(self) -> list[QAction]:
        """Actions on records as a whole, for the Record menu."""
        return [self.search_action, self.find_action, self.filter_action,
                self.mentions_action, self.duplicates_action, self.delete_action]

    def _connect(self) -> None:
        self.outline.location_chosen.connect(self._on_outline_location_chosen)
        self.source_view.scrolled.connect(self._on_source_view_scrolled)
        self.outline.removal_requested.connect(self.remove_document)
        self.outline.rename_requested.connect(self.rename_document)
        self.source_view.highlight_clicked.connect(self.open_record)
        self.find_bar.phrase_changed.connect(self._on_find_bar_phrase_changed)
        self.find_bar.step_requested.connect(self._on_find_bar_step_requested)
        self.find_bar.closed.connect(self._on_find_bar_closed)
        self.record_panel.filter_applied.connect(self.status_changed)
        self.record_panel.record_selected.connect(self.record_form.show_record)
        self.record_form.evidence_activated.connect(self._on_form_evidence_activated)
        self.record_form.relations.record_activated.connect(self.open_record)
        self.record_form.relations.selection = self.source_selection
        self.editor.record_changed.connect(self._on_editor_record_changed)
        self.editor.record_removed.connect(self._on_editor_record_removed)
        self.editor.evidence_changed.connect(self._refresh_highlights)
        self.editor.edit_failed.connect(
            lambda message: show_error(self, self.tr("Change not saved"), message)
        )

    def show_documents(self) -> None:
        """List the project's documents and open the first."""
        infos = browsing.documents(self.database)
        self.outline.show_documents(infos)
        if infos:
            self.open_document(infos[0].id)
        else:  # an empty project: say what to do first
            self.source_view.setPlaceholderText(self.tr(
                "This project has no documents yet.\n\nImport documents: File → Import "
                "(Ctrl+I), or drop files on this window. Then select words in the text and "
                "press E, P or O to record an event, a person or an organization."))

    def open_document(self, document_id: int) -> None:
        """Show a document with its evidence and its sections in the outline."""
        opened = browsing.open_document(self.database, document_id)
        evidence = annotating.document_evidence(self.database, document_id)
        self.source_view.suggested_ids = self._suggested_ids(document_id)
        self.source_view.show_document(opened.id, opened.text, evidence)
        self.outline.show_sections(opened.id, opened.sections)

    def _ensure_document(self, document_id: int) -> None:
        if self.source_view.document_id != document_id:
            self.open_document(document_id)

    def _refresh_highlights(self) -> None:
        if self.source_view.document_id is not None:
            self.source_view.suggested_ids = self._suggested_ids(self.source_view.document_id)
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
        blank = not self.source_view.textCursor().selectedText().strip()
        if span is None or blank or self.source_view.document_id is None:
            self.status_changed.emit(self.tr("Select text in the document first."))
            return None
        answer = self._ask_about_same_name(kind, self.source_view.document_id, span)
        if answer is False:
            return None
        if isinstance(answer, RecordSummary):
            return self._link_instead(answer, self.source_view.document_id, span)
        command = CreateRecordCommand(self.editor, kind, self.source_view.document_id, *span)
        self.undo_stack.push(command)
        record = command.record
        if record is not None:
            self.open_record(record.id)
            self.record_form.focus_name()
            self.status_changed.emit(self.tr("Created {key}.").format(key=record.key))
        return record

    def _ask_about_same_name(
        self, kind: RecordKind, document_id: int, span: tuple[int, int]
    ) -> RecordSummary | bool:
        """When records of `kind` have the selection's name already, ask whether to link the
        selection to one of them (returned), create a new record (True) or cancel (False)."""
        try:
            matches = duplicates.records_matching_selection(
                self.database, kind, document_id, *span)
        except CuratorError as error:
            show_error(self, self.tr("Record not created"), str(error))
            return False
        if not matches:
            return True
        offered = matches[:MAX_OFFERED_MATCHES]
        names = ", ".join(f"{m.key} {m.name_en or m.name_zh}".strip() for m in offered)
        answer = choose(self, self.tr("Same Name Exists"), self.tr(
            "{names} has this name already. Link the selection as evidence of it instead of "
            "creating another {kind}?").format(names=names, kind=_(kind.label).lower()), [
            *(self.tr("Link to {record}").format(record=f"{m.key} {m.name_en or m.name_zh}")
              for m in offered),
            self.tr("Create a New Record")])
        if answer is None:
            return False
        return True if answer == len(offered) else offered[answer]

    def _link_instead(
        self, match: RecordSummary, document_id: int, span: tuple[int, int]
    ) -> Record | None:
        """Link the selection as evidence of an existing record and open it."""
        self.undo_stack.push(LinkEvidenceCommand(self.editor, match.id, match.key,
                                                 document_id, *span))
        self.open_record(match.id)
        self.status_changed.emit(self.tr("Linked to {key}.").format(key=match.key))
        return self.record_form.record

    def find_duplicates(self) -> DuplicatesDialog:
        """Show the likely duplicate pairs, found afresh (Record → Find Duplicates…)."""
        from curator.ui.duplicates.dialog import DuplicatesDialog

        self.record_form.save_pending()
        if self._duplicates_dialog is None:
            self._duplicates_dialog = DuplicatesDialog(self.database, self.editor,
                                                       self.undo_stack, self)
            self._duplicates_dialog.record_chosen.connect(self.open_record)
        self._duplicates_dialog.show()
        self._duplicates_dialog.find_pairs()
        return self._duplicates_dialog

    def delete_current_record(self) -> None:
        """Delete the record in the form (Ctrl+Z brings it back, with what was typed)."""
        self.record_form.save_pending()
        record = self.record_form.record
        if record is None:
            self.status_changed.emit(self.tr("Open a record first."))
            return
        from curator.services.reviewing import ties

        held = ties(self.database, record.id)
        if held.any and not confirm(self, self.tr("Delete Record"), self.tr(
            "Delete {key}? It has {ties}, which go with it. Undo (Ctrl+Z) brings it all back."
        ).format(key=record.key, ties=held.describe())):
            return
        self.undo_stack.push(DeleteRecordCommand(self.editor, record.id, record.key))
        self.status_changed.emit(
            self.tr("Deleted {key}; Ctrl+Z brings it back.").format(key=record.key)
        )

    def link_selection_as_evidence(self) -> None:
        """Add the selected text as evidence of the record in the form."""
        span = self.source_view.selected_span()
        record = self.record_form.record
        if span is None or record is None or self.source_view.document_id is None:
            self.status_changed.emit(
                self.tr("Open a record and select text in the document first.")
            )
            return
        self.undo_stack.push(LinkEvidenceCommand(
            self.editor, record.id, record.key, self.source_view.document_id, *span
        ))

    def source_selection(self) -> SourceSelection | None:
        """The words selected in the source text now, if any."""
        span = self.source_view.selected_span()
        text = self.source_view.textCursor().selectedText()
        if span is None or not text.strip() or self.source_view.document_id is None:
            return None
        return SourceSelection(self.source_view.document_id, *span, text=text)

    def add_selection_as_alias(self) -> None:
        """Add the selected words as an alias of the record in the form, quoted as evidence."""
        selection, record = self.source_selection(), self.record_form.record
        if selection is None or record is None:
            self.status_changed.emit(
                self.tr("Open a record and select its other name in the text first."))
            return
        self.undo_stack.push(AddAliasCommand(
            self.editor, record.id, record.key, " ".join(selection.text.split()),
            selection=(selection.document_id, selection.start, selection.end)))

    def link_selection_to_relation(self) -> None:
        """Add the selected words as evidence of the relation selected in the form."""
        selection, record = self.source_selection(), self.record_form.record
        relation = self.record_form.relations.current_relation()
        if selection is None or record is None or relation is None:
            self.status_changed.emit(self.tr(
                "Select a row in one of the form's relation tables and the words that say it "
                "in the text first."))
            return
        self.undo_stack.push(LinkEvidenceCommand(
            self.editor, relation.subject_id, record.key, selection.document_id,
            selection.start, selection.end, relation_id=relation.relation.id))

    def import_paths(self, paths: list[Path]) -> int:
        """Import source files, and the readable files of folders, and open the last one;
        returns how many were new. A folder's other files are named in the status bar."""
        from curator.services.importing import files_to_import, import_document

        paths, skipped = files_to_import(paths)
        imported = present = 0
        last_document: int | None = None
        dialog = self._progress_dialog(self.tr("Import"), "", len(paths))
        for done, path in enumerate(paths):
            dialog.setLabelText(self.tr("Importing {name}…").format(name=path.name))
            dialog.setValue(done)
            if dialog.wasCanceled():  # between files: each import is whole or nothing
                break
            try:
                outcome = import_document(self.database, path)
            except CuratorError as error:
                show_error(self, self.tr("Import refused"), str(error))
                continue
            present += outcome.already_present
            imported += not outcome.already_present
            last_document = outcome.document_id
        dialog.close()
        if last_document is not None:
            self.show_documents()
            self.open_document(last_document)
        if paths:
            message = self.tr("Imported {count} document(s).").format(
                count=format_count(imported))
            if present:
                message += " " + self.tr(
                    "{count} already in the project, not imported again."
                ).format(count=present)
            if skipped:
                message += " " + self.tr(
                    "Skipped {count} file(s) Curator cannot read: {names}."
                ).format(count=len(skipped), names=", ".join(item.path.name for item in skipped))
            self.status_changed.emit(message)
        return imported

    def rename_document(self, document_id: int, title: str | None = None) -> bool:
        """Give a document a new title (asked for when not given); whether it was changed."""
        from curator.services.importing import rename_document

        if title is None:
            current = {info.id: info.title for info in browsing.documents(self.database)}
            title, accepted = QInputDialog.getText(
                self, self.tr("Rename Document"), self.tr("Title:"),
                text=current.get(document_id, ""))
            if not accepted:
                return False
        try:
            given = rename_document(self.database, document_id, title)
        except CuratorError as error:
            show_error(self, self.tr("Title not changed"), str(error))
            return False
        self.outline.set_document_title(document_id, given)
        self.status_changed.emit(self.tr("Renamed the document “{title}”.").format(title=given))
        return True

    def _progress_dialog(self, title: str, label: str, maximum: int) -> QProgressDialog:
        """A modal, cancellable progress dialog that appears only if the work takes a while."""
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, maximum, self)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        return dialog

    def remove_document(self, document_id: int) -> bool:
        """Take a document out of the project after asking (no evidence may quote it)."""
        from curator.services.importing import remove_document

        titles = {info.id: info.title for info in browsing.documents(self.database)}
        question = self.tr(
            "Remove “{title}” from the project? This cannot be undone (import the file again "
            "to bring it back), and it clears the undo history."
        ).format(title=titles.get(document_id, document_id))
        if not confirm(self, self.tr("Remove Document"), question):
            return False
        try:
            removed = remove_document(self.database, document_id)
        except CuratorError as error:
            show_error(self, self.tr("Document not removed"), str(error))
            return False
        # Undo steps may hold deleted records quoting it; they could never come back now.
        self.undo_stack.clear()
        if self.source_view.document_id == document_id:
            self.source_view.document_id = None
            self.source_view.clear()
        self.show_documents()
        self.status_changed.emit(self.tr("Removed “{title}”.").format(title=removed.title))
        return True

    def export_to(self, target: Path, *, choose: ExportFilter | None = None) -> bool:
        """Export the project (the records `choose` takes) to `target` with a cancellable
        progress dialog."""
        from curator.services.exporting import export_project

        self.record_form.save_pending()
        dialog = self._progress_dialog(self.tr("Export"), self.tr("Reading the project…"), 0)
        dialog.setAutoReset(False)  # stays up while the finished workbook is zipped
        dialog.setAutoClose(False)
        dialog.show()  # at once: reading the project reports no progress of its own
        QApplication.processEvents()
        def progress(done: int, total: int) -> None:
            dialog.setLabelText(self.tr("Writing {name}…").format(name=target.name))
            dialog.setMaximum(total)
            dialog.setValue(done)  # a modal dialog processes events here: Cancel gets through
            if dialog.wasCanceled():
                raise OperationCancelled(self.tr("Export cancelled; nothing was written."))

        try:
            export_project(self.database, target, progress=progress, choose=choose)
        except OperationCancelled as cancelled:
            self.status_changed.emit(str(cancelled))
            return False
        except CuratorError as error:
            show_error(self, self.tr("Export failed"), str(error))
            return False
        finally:
            dialog.close()
        self.status_changed.emit(self.tr("Exported to {path}").format(path=target))
        return True

    def _suggested_ids(self, document_id: int) -> set[int]:
        from curator.services import suggesting

        return suggesting.suggested_record_ids(self.database, document_id)

    def suggest_in_document(self) -> bool:
        """Start suggesting records in the open document on a background thread, with
        progress and Cancel; `suggestions_ended` tells when it is over."""
        from curator.ui.suggestion_run import SuggestionRun

        document_id = self.source_view.document_id
        if document_id is None:
            self.status_changed.emit(self.tr("Open a document to suggest records in it."))
            return False
        if self.suggestion_run is not None:
            return False
        self.record_form.save_pending()
        self.suggestion_run = SuggestionRun(self.database, document_id, self)
        self.suggestion_run.finished.connect(self._on_suggestions_finished)
        self.suggestion_run.stopped.connect(self._on_suggestions_stopped)
        self.suggest_action.setEnabled(False)
        self.suggestion_run.start()
        return True

    def stop_background_work(self) -> None:
        """Stop looking for others' changes, wait for the checks on opening, cancel
        suggestions under way and wait for them (the project is closing)."""
        self.watch.stop()
        self.opening_checks.wait()
        if self.suggestion_run is not None:
            self.suggestion_run.stop_and_wait()
            self._end_suggestions()

    def _on_suggestions_finished(self, report: SuggestionReport) -> None:
        self._end_suggestions()
        for kind in RecordKind:
            self.record_panel.refresh(kind)
        self._refresh_highlights()
        created = report.created
        self.status_changed.emit(self.tr(
            "Suggested {events} events, {people} people and {organizations} organizations"
        ).format(events=format_count(created[RecordKind.EVENT]),
                 people=format_count(created[RecordKind.PERSON]),
                 organizations=format_count(created[RecordKind.ORGANIZATION])))
        self.suggestions_ended.emit(True)

    def _on_suggestions_stopped(self, message: str) -> None:
        self._end_suggestions()
        self.status_changed.emit(message)
        self.suggestions_ended.emit(False)

    def _end_suggestions(self) -> None:
        self.suggestion_run = None
        self.suggest_action.setEnabled(True)

    def find_mentions(self) -> bool:
        """Offer every other place the current record's names stand, and link the chosen
        ones as its evidence in one undoable step; whether any were linked."""
        from curator.ui.records.mentions_dialog import offer_mentions

        record = self.record_form.record
        if record is None:
            self.status_changed.emit(self.tr("Open a record to find its mentions."))
            return False
        self.record_form.save_pending()
        command = offer_mentions(self.editor, record, self, announce=self.status_changed.emit)
        if command is None:
            return False
        self.undo_stack.push(command)
        return True

    def save_pending(self) -> None:
        """Save whatever is still being typed."""
        self.record_form.save_pending()

    def open_search(self) -> None:
        """Show the search dialog, starting from the selected words if they fit on a line."""
        if self._search_dialog is None:
            from curator.services.searching import search
            from curator.ui.search.search_dialog import SearchDialog

            self._search_dialog = SearchDialog(
                lambda query, limit: search(self.database, query, limit=limit), self)
            self._search_dialog.record_chosen.connect(self.open_record)
            self._search_dialog.passage_chosen.connect(self._on_search_passage_chosen)
        selected = self.source_view.textCursor().selectedText()
        phrase = selected.strip() if "\u2029" not in selected else ""
        self._search_dialog.open_with(phrase)

    def _on_search_passage_chosen(self, document_id: int, start: int, end: int) -> None:
        self._ensure_document(document_id)
        self.source_view.select_span(start, end)
        self.source_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_find_bar(self) -> None:
        """Show the find bar, starting from the selected words if they fit on a line."""
        selected = self.source_view.textCursor().selectedText()
        phrase = selected if selected.strip() and "\u2029" not in selected else ""
        self.find_bar.open_bar(phrase.strip())

    def _on_find_bar_phrase_changed(self, phrase: str) -> None:
        total = self.source_view.mark_phrase(phrase)
        current = self.source_view.step_to_hit(1) if total else None
        self.find_bar.show_position(current, total)

    def _on_find_bar_step_requested(self, direction: int) -> None:
        current = self.source_view.step_to_hit(direction)
        self.find_bar.show_position(current, self.source_view.find_hit_count)

    def _on_find_bar_closed(self) -> None:
        self.source_view.mark_phrase("")
        self.source_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_back_to_text_triggered(self) -> None:
        self.record_form.save_pending()
        self.source_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_outline_location_chosen(self, document_id: int, offset: int) -> None:
        self._ensure_document(document_id)
        self.source_view.show_at_top(offset)

    def _on_source_view_scrolled(self, offset: int) -> None:
        if self.source_view.document_id is not None:
            self.outline.follow(self.source_view.document_id, offset)

    def _on_form_evidence_activated(self, document_id: int, start: int, end: int) -> None:
        self._ensure_document(document_id)
        self.source_view.select_span(start, end)

    def _on_editor_record_changed(self, record: Record) -> None:
        self.record_panel.refresh(record.kind)
        if record.id in self.source_view.suggested_ids and \
                record.status is not ReviewStatus.SUGGESTED:
            self._refresh_highlights()  # accepted or rejected: no longer drawn as suggested
        if self.record_form.record is None or self.record_form.record.id != record.id:
            self.record_form.show_record(record.id)  # created, restored or changed by undo
        # The form may be switching records right now (saving the last one's typing made
        # this change): select in the list whatever the form shows once it has settled.
        QTimer.singleShot(0, self._select_form_record_in_list)

    def _select_form_record_in_list(self) -> None:
        record = self.record_form.record
        if record is not None:
            self.record_panel.show_record(record.kind, record.id)

    def _on_project_changed(self, changes: ProjectChanges) -> None:
        """Others changed the project: refresh what shows it, keeping what is being typed."""
        theirs = replace(changes, records=[  # this window's own saves are no news to it
            change for change in changes.records
            if not self.editor.saw(change.record_id, change.version)])
        if changes.documents_changed:
            self._refresh_documents()
        if not theirs.records and not changes.commented:
            return
        for kind in (list(RecordKind) if theirs.removed else theirs.kinds):
            self.record_panel.refresh(kind)
        if theirs.records:
            self._refresh_highlights()
        shown = self.record_form.record
        if shown is not None:
            if shown.id in theirs.removed:
                self._lose_removed_record(shown)
            elif any(change.record_id == shown.id for change in theirs.records):
                with suppress(CuratorError):
                    self.record_form.refresh_from_project()
            elif shown.id in changes.commented:
                self.record_form.comments.show_record(shown.id, shown.key)
        QTimer.singleShot(0, self._select_form_record_in_list)
        if theirs.records:
            self.status_changed.emit(self.tr("{people} changed {count} record(s).").format(
                people=", ".join(theirs.people()), count=len(theirs.records)))

    def _lose_removed_record(self, record: Record) -> None:
        """The record in the form was deleted by someone else: say so, with what was typed."""
        typed = self.record_form.typed_values()
        self.record_form.forget_record(record.id)
        message = self.tr("{key} was deleted by someone else.").format(key=record.key)
        if typed:
            message += "\n\n" + self.tr("What you typed, so it is not lost: {typed}").format(
                typed="; ".join(f"{label}: {value}" for label, value in typed))
        show_error(self, self.tr("Record deleted"), message)

    def _refresh_documents(self) -> None:
        """Re-list the documents after others imported, renamed or removed some."""
        infos = browsing.documents(self.database)
        current = self.source_view.document_id
        if current is None or current not in {info.id for info in infos}:
            self.source_view.document_id = None
            self.source_view.clear()
            self.show_documents()
            return
        self.outline.show_documents(infos)
        self.outline.show_sections(current, browsing.open_document(self.database,
                                                                   current).sections)

    def _on_editor_record_removed(self, record_id: int) -> None:
        self.record_form.forget_record(record_id)
        self.record_panel.refresh()
