"""Review mode: walk a queue of records beside their source, deciding each by keyboard.

Installed on a window's workbench (`ReviewMode(window, workbench)`); the toggle puts the
review panel where the record lists were, keeps the form below it, and scrolls the source
to each record's evidence, marked. Decisions are undoable status changes (with a comment
for a rejection), so they land in the history with their author.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QWidget

from curator.domain.evidence import Evidence
from curator.domain.records import Record, ReviewStatus
from curator.services import annotating, browsing, reviewing
from curator.ui.commands import StatusChangeCommand
from curator.ui.messages import show_error
from curator.ui.review.comments_view import AddCommentCommand, CommentBoard
from curator.ui.review.outline_progress import OutlineProgress
from curator.ui.review.queue_model import ReviewQueueModel
from curator.ui.review.review_panel import ReviewPanel

if TYPE_CHECKING:
    from curator.ui.workbench import Workbench

DECISION_KEYS = {
    ReviewStatus.APPROVED: "A",
    ReviewStatus.REJECTED: "R",
    ReviewStatus.NEEDS_REVIEW: "N",
    ReviewStatus.DRAFT: "D",
}


class ReviewMode(QObject):
    """The review queue of one workbench, its keys, menu and progress in the status bar."""

    def __init__(self, window: QMainWindow, workbench: Workbench) -> None:
        super().__init__(workbench)
        self._window = window
        self._workbench = workbench
        self._database = workbench.database
        self._evidence: list[Evidence] = []
        self._evidence_index = 0
        self._refused = False
        self.model = ReviewQueueModel(
            lambda ids: reviewing.records_with_stale_evidence(self._database, ids))
        self.panel = ReviewPanel(self.model)
        self.panel.hide()
        lists = workbench.record_panel
        splitter = lists.parentWidget()
        assert isinstance(splitter, QSplitter)  # the right-hand column: lists over the form
        splitter.insertWidget(splitter.indexOf(lists) + 1, self.panel)
        self.board = CommentBoard.of(self._database)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("reviewProgress")
        window.statusBar().addPermanentWidget(self.progress_label)
        self.progress_label.hide()
        self.outline_progress = OutlineProgress(self._database, workbench.outline,
                                                workbench.editor)
        self._build_actions()
        self.menu = self._build_menu()
        self._connect()

    # Actions and menu

    def _key_action(self, text: str, keys: list[str], slot: Callable[[], object],
                    *widgets: QWidget) -> QAction:
        """An action whose single keys act while focus is in one of `widgets`."""
        action = QAction(text, self.panel)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        action.setEnabled(False)
        for widget in widgets or (self.panel,):
            widget.addAction(action)
        return action

    def _build_actions(self) -> None:
        source = self._workbench.source_view
        self.toggle_action = QAction(self.tr("Review Mode"), self._window)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.toggle_action.setIconText(self.tr("Review"))
        self.toggle_action.setToolTip(self.tr(
            "Walk the records to review beside their source, by keyboard (Ctrl+Shift+R)"))
        self.toggle_action.toggled.connect(self._on_toggle_action_toggled)
        self.decision_actions = {
            status: self._key_action(text, [key], partial(self.decide, status))
            for status, text, key in (
                (ReviewStatus.APPROVED, self.tr("Approve"), "A"),
                (ReviewStatus.REJECTED, self.tr("Reject…"), "R"),
                (ReviewStatus.NEEDS_REVIEW, self.tr("Needs Review"), "N"),
                (ReviewStatus.DRAFT, self.tr("Accept Suggestion as Draft"), "D"),
            )
        }
        self.next_action = self._key_action(self.tr("Next Record"), ["J"], self.next_record)
        self.previous_action = self._key_action(self.tr("Previous Record"), ["K"],
                                                self.previous_record)
        self.evidence_action = self._key_action(self.tr("Next Evidence"), ["V"],
                                                self.next_evidence)
        self.edit_action = self._key_action(self.tr("Edit Fields"), ["Return", "F2"],
                                            self.edit_fields)
        self.uncovered_action = self._key_action(
            self.tr("Next Uncovered Paragraph"), ["U"], self.next_uncovered, self.panel, source)
        self.previous_uncovered_action = self._key_action(
            self.tr("Previous Uncovered Paragraph"), ["Shift+U"],
            lambda: self.next_uncovered(backwards=True), self.panel, source)
        self.back_action = self._key_action(self.tr("Back to the Queue"), ["Escape"],
                                            self.panel.focus_queue, source)
        self.mark_uncovered_action = QAction(self.tr("Mark Uncovered Paragraphs"), self._window)
        self.mark_uncovered_action.setCheckable(True)
        self.mark_uncovered_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.mark_uncovered_action.toggled.connect(source.set_mark_uncovered)

    @property
    def key_actions(self) -> list[QAction]:
        """The actions that act only in review mode."""
        return [*self.decision_actions.values(), self.next_action, self.previous_action,
                self.evidence_action, self.edit_action, self.uncovered_action,
                self.previous_uncovered_action, self.back_action]

    def _build_menu(self) -> QMenu:
        menu = QMenu(self.tr("Re&view"), self._window)
        menu.addAction(self.toggle_action)
        menu.addSeparator()
        menu.addActions(list(self.decision_actions.values()))
        menu.addSeparator()
        menu.addActions([self.next_action, self.previous_action, self.evidence_action,
                         self.edit_action, self.back_action])
        menu.addSeparator()
        menu.addActions([self.uncovered_action, self.previous_uncovered_action,
                         self.mark_uncovered_action])
        return menu

    def _connect(self) -> None:
        editor = self._workbench.editor
        editor.record_changed.connect(self._on_editor_record_changed)
        editor.edit_failed.connect(self._on_editor_edit_failed)
        self.board.comment_failed.connect(
            lambda message: show_error(self._workbench, self.tr("Comment not saved"), message))
        self.panel.filter_changed.connect(self.rebuild)
        self.panel.document_chosen.connect(self._on_panel_document_chosen)
        self.panel.row_chosen.connect(self._on_panel_row_chosen)
        self.panel.reject_confirmed.connect(
            lambda reason: self.decide(ReviewStatus.REJECTED, comment=reason, asked=True))
        # Escape in the form goes back to the text (the workbench's action); in review mode
        # the keyboard belongs to the queue instead.
        escape = QKeySequence(Qt.Key.Key_Escape)
        for action in self._workbench.record_form.actions():
            if action.shortcut() == escape:
                action.triggered.connect(self._on_form_escape_triggered)

    def detach(self) -> None:
        """Take the review menu and progress out of the window (its project is closing)."""
        self._window.menuBar().removeAction(self.menu.menuAction())
        self._window.statusBar().removeWidget(self.progress_label)
        for window_owned in (self.menu, self.progress_label, self.toggle_action,
                             self.mark_uncovered_action):
            window_owned.deleteLater()

    # Entering and leaving

    @property
    def active(self) -> bool:
        """Whether review mode is on."""
        return self.toggle_action.isChecked()

    def set_active(self, active: bool) -> None:
        """Enter or leave review mode."""
        self.toggle_action.setChecked(active)  # the toggle does the rest, once

    def _on_toggle_action_toggled(self, active: bool) -> None:
        workbench = self._workbench
        workbench.record_panel.setVisible(not active)
        self.panel.setVisible(active)
        self.progress_label.setVisible(active)
        for action in self.key_actions:
            action.setEnabled(active)
        source = workbench.source_view
        source.set_mark_uncovered(active or self.mark_uncovered_action.isChecked())
        if not active:
            source.clear_focus()
            return
        self.panel.set_documents(browsing.documents(self._database))
        self.panel.set_editors(reviewing.last_editors(self._database))
        record = workbench.record_form.record
        self.rebuild(keep=record.id if record is not None else None)
        self.panel.focus_queue()

    def rebuild(self, keep: int | None = None) -> None:
        """Read the queue again for the panel's filter; stay on `keep` (or the current
        record) if it is still in the queue, else start at the top."""
        if keep is None and self.panel.current_row() >= 0:
            keep = self.model.item(self.panel.current_row()).record_id
        self.model.set_items(reviewing.queue(self._database, self.panel.filters()))
        self._show_progress()
        row = self.model.row_of(keep) if keep is not None else None
        if self.model.rowCount():
            self.panel.select_row(row if row is not None else 0)
        else:
            self._workbench.status_changed.emit(self.tr("Nothing to review for this filter."))

    # Walking the queue

    def next_record(self) -> None:
        """Show the next record of the queue."""
        self._step(1)

    def previous_record(self) -> None:
        """Show the previous record of the queue."""
        self._step(-1)

    def _step(self, direction: int) -> None:
        row = self.panel.current_row() + direction
        if 0 <= row < self.model.rowCount():
            self.panel.select_row(row)
        elif self.model.rowCount():
            self._workbench.status_changed.emit(
                self.tr("End of the queue.") if direction > 0
                else self.tr("Start of the queue."))

    def show_row(self, row: int) -> None:
        """Show a queue row's record: its form, and the source at its first evidence."""
        if not 0 <= row < self.model.rowCount():
            return
        item = self.model.item(row)
        workbench = self._workbench
        workbench.record_form.show_record(item.record_id)
        evidence = annotating.record_evidence(self._database, item.record_id)
        # The evidence that placed the record in the queue first (in the filter's document).
        first = next((i for i, span in enumerate(evidence)
                      if (span.document_id, span.start) == (item.document_id, item.start)), 0)
        self._evidence, self._evidence_index = evidence, first
        if evidence:
            self._show_evidence()
        else:
            workbench.source_view.clear_focus()
            workbench.status_changed.emit(
                self.tr("{key} has no evidence yet.").format(key=item.key))

    def next_evidence(self) -> None:
        """Show the current record's next evidence span, round and round."""
        if not self._evidence:
            self._workbench.status_changed.emit(self.tr("This record has no evidence."))
            return
        self._evidence_index = (self._evidence_index + 1) % len(self._evidence)
        self._show_evidence()
        self._workbench.status_changed.emit(self.tr("Evidence {n} of {count}").format(
            n=self._evidence_index + 1, count=len(self._evidence)))

    def _show_evidence(self) -> None:
        span = self._evidence[self._evidence_index]
        source = self._workbench.source_view
        if source.document_id != span.document_id:
            self._workbench.open_document(span.document_id)
        source.show_focus(span.start, span.end)

    def next_uncovered(self, *, backwards: bool = False) -> None:
        """Select the next (previous) paragraph of the text no evidence touches."""
        if self._workbench.source_view.step_to_uncovered(backwards=backwards) is None:
            self._workbench.status_changed.emit(
                self.tr("Evidence touches every paragraph of this document."))

    def edit_fields(self) -> None:
        """Put the keyboard in the form, to correct the record (Escape comes back)."""
        if self._workbench.record_form.record is not None:
            self._workbench.record_form.focus_name()

    # Deciding

    def decide(self, status: ReviewStatus, *, comment: str = "", asked: bool = False) -> bool:
        """Give the current record a review status (a rejection first asks for a reason),
        then move on; False if there was nothing to decide or the change was refused."""
        form = self._workbench.record_form
        form.save_pending()
        record = form.record
        if record is None or self.panel.current_row() < 0:
            return False
        if status is ReviewStatus.REJECTED and not asked:
            self.panel.ask_reject_reason(record.key)
            return False
        if not self._push_decision(record, status, comment):
            return False
        self.next_record()
        return True

    def _push_decision(self, record: Record, status: ReviewStatus, comment: str) -> bool:
        stack = self._workbench.undo_stack
        self._refused = False
        change = StatusChangeCommand(self._workbench.editor, record.id, record.key,
                                     record.status, status)
        if not comment.strip():
            if status is not record.status:
                stack.push(change)
            return not self._refused
        stack.beginMacro(f"Mark {record.key} {status.value} with a comment")
        if status is not record.status:
            stack.push(change)
        if not self._refused:
            stack.push(AddCommentCommand(self.board, record.id, record.key, comment))
        stack.endMacro()
        return not self._refused

    # Slots

    def _show_progress(self) -> None:
        self.progress_label.setText(self.model.progress.describe())

    def _on_panel_row_chosen(self, row: int) -> None:
        self.show_row(row)

    def _on_panel_document_chosen(self, document_id: int) -> None:
        self.panel.set_sections(browsing.open_document(self._database, document_id).sections)

    def _on_editor_record_changed(self, record: Record) -> None:
        if self.model.set_status(record.id, record.status):
            self._show_progress()

    def _on_editor_edit_failed(self, _message: str) -> None:
        self._refused = True

    def _on_form_escape_triggered(self) -> None:
        if self.active:
            self.panel.focus_queue()
