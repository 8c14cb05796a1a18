"""The current record's form: names side by side, status, details, aliases and relations,
evidence and history."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from curator.domain.country_fields import is_country_field
from curator.domain.evidence import Evidence
from curator.domain.local_formats import format_moment
from curator.domain.records import (
    DETAIL_FIELDS,
    Record,
    RecordKind,
    ReviewStatus,
    field_label,
    same_value,
    vocabulary_label,
)
from curator.domain.relations import RelationKind
from curator.domain.translation import N_, _
from curator.services.annotating import EvidenceInContext, record_evidence_in_context
from curator.services.editing import Revision, history
from curator.ui.commands import FieldEditCommand, StatusChangeCommand, UnlinkEvidenceCommand
from curator.ui.conflict_dialog import FieldConflict, Side, choose_side
from curator.ui.field_editors import FieldEditor, LineFieldEditor, make_field_editor
from curator.ui.record_editor import RecordEditor
from curator.ui.records.country_editor import CountryFieldEditor
from curator.ui.records.relations_panel import RelationsPanel
from curator.ui.review.comments_view import CommentsView

SAVE_DELAY_MS = 400
"""Typing is saved this long after the last keystroke (and at once on leaving the field)."""
MIN_LIST_HEIGHT = 50
"""Evidence and history keep at least two rows in view however the splitter is dragged."""


_HISTORY_LABELS = {"confidence": N_("Suggestion confidence")}
"""History's names of the fields a curator does not edit (the suggestion's confidence, which
accepting a suggested record writes)."""


def _describe(revision: Revision, kind: RecordKind) -> str:
    """One line of history in a curator's words, in the language in use."""
    if revision.action == "import":  # "imported from report.xlsx by alice", as stored
        return revision.new_value or _("imported")
    if revision.field is None:
        actions = {"create": _("created"), "delete": _("deleted"), "restore": _("restored")}
        return actions.get(revision.action, revision.action)
    label = _(_HISTORY_LABELS.get(revision.field) or field_label(kind, revision.field))
    if revision.action in ("relation", "alias"):
        label = (_("Aliases") if revision.action == "alias"
                 else _(RelationKind(revision.field).spec.label))
        if revision.old_value is None:
            return f"{label}: + {revision.new_value}"
        if revision.new_value is None:
            return f"{label}: − {revision.old_value}"
    if revision.field == "evidence":
        if revision.new_value is not None:
            return _("added evidence “{quote}”").format(quote=revision.new_value)
        return _("removed evidence “{quote}”").format(quote=revision.old_value)
    old, new = (_shown_value(revision.field, value) for value in (revision.old_value,
                                                                  revision.new_value))
    return f"{label}: {old} → {new}"


def _shown_value(field: str, value: str | None) -> str:
    """A value as history shows it: statuses and vocabulary values in the language in use."""
    if not value:
        return "∅"
    if field == "status" and value in set(ReviewStatus):
        return _(ReviewStatus(value).label)
    return vocabulary_label(field, value)


class RecordForm(QWidget):
    """Edits one record; every change is pushed on the undo stack and saved at once."""

    evidence_activated = Signal(int, int, int)
    """An evidence row was clicked: document id, start, end."""

    def __init__(
        self, editor: RecordEditor, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._undo_stack = undo_stack
        self.record: Record | None = None
        self._evidence: list[Evidence] = []
        self._dirty: set[str] = set()
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_pending)

        self.heading = QLabel(self.tr("No record selected"))
        self.heading.setObjectName("recordHeading")
        self.heading.setWordWrap(True)  # a long name is read here in full
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.name_en = LineFieldEditor("name_en")
        self.name_zh = LineFieldEditor("name_zh")
        self.status_combo = QComboBox()
        for status in ReviewStatus:
            self.status_combo.addItem(_(status.label), status)
        self.status_combo.activated.connect(self._on_status_combo_activated)
        self.status_combo.setCurrentIndex(-1)  # no record, no status

        self._editors: dict[RecordKind, dict[str, FieldEditor]] = {}
        # One page of fields per kind; only the current record's page is visible.
        self.detail_pages = {kind: self._build_detail_page(kind) for kind in RecordKind}

        self.relations = RelationsPanel(editor, undo_stack)

        self.evidence_table = QTableWidget(0, 2)
        self.evidence_table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Quote")])
        self.evidence_table.horizontalHeader().setStretchLastSection(True)
        self.evidence_table.verticalHeader().hide()
        self.evidence_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.evidence_table.setMinimumHeight(MIN_LIST_HEIGHT)
        self.evidence_table.cellClicked.connect(self._on_evidence_table_cell_clicked)
        self.unlink_action = QAction(self.tr("Remove Evidence"), self.evidence_table)
        self.unlink_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        self.unlink_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.unlink_action.triggered.connect(self.unlink_selected_evidence)
        self.evidence_table.addAction(self.unlink_action)
        self.evidence_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.evidence_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.comments = CommentsView(editor.database, undo_stack)
        self.history_list = QListWidget()
        self.history_list.setMinimumHeight(MIN_LIST_HEIGHT)
        self.history_list.setWordWrap(True)
        self._revisions: list[Revision] = []
        self.revert_action = QAction(self.tr("Revert This Change"), self.history_list)
        self.revert_action.triggered.connect(self.revert_selected_change)
        self.history_list.addAction(self.revert_action)
        self.history_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        for editor_ in (self.name_en, self.name_zh):
            self._watch(editor_)
            # A name longer than its field is read whole in a tooltip.
            editor_.line_edit.textChanged.connect(editor_.line_edit.setToolTip)
        self.sections = QSplitter(Qt.Orientation.Vertical)
        """Details and relations (scrolled), evidence, history and comments, each resizable."""
        self._lay_out()
        self.setEnabled(False)
        editor.record_changed.connect(self._on_editor_record_changed)
        self.choose_side = choose_side
        """Asks the user which value a field two people changed keeps (replaceable in tests)."""
        self._conflicts: list[FieldConflict] = []
        self._settling = False
        editor.conflict_found.connect(self._on_conflict_found)

    def _build_detail_page(self, kind: RecordKind) -> QWidget:
        page = QWidget()
        layout = QFormLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self._editors[kind] = {}
        for spec in DETAIL_FIELDS[kind]:
            field_editor = (CountryFieldEditor(spec.name) if is_country_field(kind, spec.name)
                            else make_field_editor(spec))
            self._editors[kind][spec.name] = field_editor
            self._watch(field_editor)
            layout.addRow(self.tr(spec.label), field_editor.widget)
        return page

    def _lay_out(self) -> None:
        """Heading and names on top, always in view; below, a splitter whose first pane
        scrolls (status, details, relations), so evidence and history stay in view too at
        1280×720."""
        names = QGridLayout()
        for column, (editor_, label) in enumerate(((self.name_en, self.tr("English")),
                                                   (self.name_zh, self.tr("Chinese 中文")))):
            editor_.line_edit.setPlaceholderText(label)
            editor_.line_edit.setAccessibleName(label)
            names.addWidget(editor_.widget, 0, column)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.addRow(self.tr("Status"), self.status_combo)
        details_layout.addLayout(top)
        for page in self.detail_pages.values():
            page.hide()
            details_layout.addWidget(page)
        details_layout.addWidget(self.relations)
        details_layout.addStretch(1)
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setWidget(details)
        evidence_box = QGroupBox(self.tr("Evidence"))
        QVBoxLayout(evidence_box).addWidget(self.evidence_table)
        self.notes_tabs = QTabWidget()
        self.notes_tabs.addTab(self.history_list, self.tr("History"))
        self.notes_tabs.addTab(self.comments, self.tr("Comments"))
        for pane in (self.details_scroll, evidence_box, self.notes_tabs):
            self.sections.addWidget(pane)
        self.sections.setChildrenCollapsible(False)
        self.sections.setStretchFactor(0, 1)
        self.sections.setSizes([300, 90, 110])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(names)
        layout.addWidget(self.sections, 1)

    def _watch(self, field_editor: FieldEditor) -> None:
        field_editor.edited.connect(self._on_field_edited)
        field_editor.finished.connect(self._on_field_finished)

    def field_editor(self, name: str) -> FieldEditor:
        """The editor of one field of the current record."""
        if name == "name_en":
            return self.name_en
        if name == "name_zh":
            return self.name_zh
        assert self.record is not None
        return self._editors[self.record.kind][name]

    def typed_values(self) -> list[tuple[str, str]]:
        """What was typed and not saved yet: (field label, text) of each such field."""
        if self.record is None:
            return []
        return [(field_label(self.record.kind, name), str(self.field_editor(name).value() or ""))
                for name in sorted(self._dirty)]

    def forget_record(self, record_id: int) -> None:
        """The record was deleted: drop it (and anything typed into it) from the form."""
        if self.record is not None and self.record.id == record_id:
            self._dirty.clear()  # nothing left to save into: show_record must not try
            self.show_record(None)

    def unlink_selected_evidence(self) -> None:
        """Remove the selected evidence row from the record (undoable)."""
        row = self.evidence_table.currentRow()
        if 0 <= row < len(self._evidence):
            self._undo_stack.push(UnlinkEvidenceCommand(self._editor, self._evidence[row]))

    def show_record(self, record_id: int | None) -> None:
        """Show a record (saving what was typed into the previous one first)."""
        self.save_pending()
        if record_id is None:
            self.record = None
            self.heading.setText(self.tr("No record selected"))
            self.status_combo.setCurrentIndex(-1)
            self.relations.show_record(None, [])
            self.comments.show_record(None)
            self.setEnabled(False)
            return
        self._display(self._editor.load(record_id))

    def _display(self, record: Record) -> None:
        self.record = record
        self.setEnabled(True)
        names = " · ".join(part for part in (record.name_en, record.name_zh) if part)
        self.heading.setText(f"<b>{html.escape(record.key)}</b> · {_(record.kind.label)}"
                             + (f" — {html.escape(names)}" if names else ""))
        for kind, page in self.detail_pages.items():
            page.setVisible(kind is record.kind)
        for name in ("name_en", "name_zh"):
            name_edit = self.name_en if name == "name_en" else self.name_zh
            if name not in self._dirty:
                name_edit.set_value(record.value(name))
                if not name_edit.line_edit.hasFocus():
                    name_edit.line_edit.setCursorPosition(0)  # a long name shows its start
        for name, field_editor in self._editors[record.kind].items():
            if name not in self._dirty:
                field_editor.set_value(record.value(name))
        self.status_combo.setCurrentIndex(list(ReviewStatus).index(record.status))
        in_context = record_evidence_in_context(self._editor.database, record.id)
        self._show_evidence(in_context)
        self.relations.show_record(record, [item.evidence for item in in_context])
        self.comments.show_record(record.id, record.key)
        self._show_history(record)

    def _show_evidence(self, in_context: list[EvidenceInContext]) -> None:
        self._evidence = [item.evidence for item in in_context]
        self.evidence_table.setRowCount(len(in_context))
        for row, item in enumerate(in_context):
            span = item.evidence
            where_text = item.section_title or item.document_title
            if span.relation_id is not None:
                where_text = self.tr("Relation · {where}").format(where=where_text)
            elif span.alias_id is not None:
                where_text = self.tr("Alias · {where}").format(where=where_text)
            where = QTableWidgetItem(where_text)
            where.setToolTip(f"{item.document_title}, characters {span.start}–{span.end}")
            self.evidence_table.setItem(row, 0, where)
            quote = QTableWidgetItem(" ".join(span.exact.split()))
            quote.setToolTip(f"…{span.prefix}[{span.exact}]{span.suffix}…")
            self.evidence_table.setItem(row, 1, quote)

    def _show_history(self, record: Record) -> None:
        self.history_list.clear()
        self._revisions = list(reversed(history(self._editor.database, record.id)))
        for revision in self._revisions:
            when = format_moment(revision.changed_at)
            self.history_list.addItem(f"v{revision.version} · {when} · {revision.changed_by} · "
                                      f"{_describe(revision, record.kind)}")

    def revert_selected_change(self) -> None:
        """Put back the value the selected change replaced (itself an undoable change)."""
        row, record = self.history_list.currentRow(), self.record
        if record is None or not 0 <= row < len(self._revisions):
            return
        revision = self._revisions[row]
        if revision.action == "status" and revision.old_value is not None:
            self._undo_stack.push(StatusChangeCommand(
                self._editor, record.id, record.key, record.status,
                ReviewStatus(revision.old_value),
            ))
        elif revision.action == "edit" and revision.field is not None:
            self._undo_stack.push(FieldEditCommand(
                self._editor, record.id, record.key, revision.field,
                record.value(revision.field), revision.old_value,
                label=field_label(record.kind, revision.field), mergeable=False,
            ))

    def _on_field_edited(self, name: str) -> None:
        self._dirty.add(name)
        self._save_timer.start()

    def _on_field_finished(self, name: str) -> None:
        self._dirty.add(name)
        self.save_pending()

    def save_pending(self) -> None:
        """Save every field typed into since the last save, one undoable command each."""
        self._save_timer.stop()
        record, dirty = self.record, sorted(self._dirty)
        self._dirty.clear()
        if record is None:
            return
        for name in dirty:
            new_value = self.field_editor(name).value()
            old_value = record.value(name)
            if same_value(old_value, new_value):
                continue
            self._undo_stack.push(
                FieldEditCommand(self._editor, record.id, record.key, name, old_value, new_value,
                                 label=field_label(record.kind, name))
            )
            if self.record is not None:
                record = self.record

    def _on_status_combo_activated(self, index: int) -> None:
        if self.record is None:
            return
        status = ReviewStatus(self.status_combo.itemData(index))
        if status != self.record.status:
            self._undo_stack.push(
                StatusChangeCommand(
                    self._editor, self.record.id, self.record.key, self.record.status, status
                )
            )

    def _on_editor_record_changed(self, record: Record) -> None:
        if self.record is not None and record.id == self.record.id:
            self._display(record)

    def refresh_from_project(self) -> None:
        """Show the record as someone else just changed it, keeping what is being typed.

        A field typed into here that they left alone is saved over their version as usual; a
        field they changed too is a conflict: the form shows their value and asks which to keep.
        """
        shown_record = self.record
        if shown_record is None:
            return
        fresh = self._editor.load(shown_record.id)
        for name in sorted(self._dirty):
            theirs, mine = fresh.value(name), self.field_editor(name).value()
            if same_value(theirs, shown_record.value(name)) or same_value(theirs, mine):
                continue
            self._dirty.discard(name)
            self._conflicts.append(FieldConflict(
                fresh.id, fresh.key, name, field_label(fresh.kind, name), mine, theirs,
                fresh.updated_by, fresh.updated_at))
        self._display(fresh)
        if self._conflicts:
            QTimer.singleShot(0, self._settle_conflicts)

    def _on_conflict_found(self, conflict: FieldConflict) -> None:
        self._conflicts.append(conflict)
        # Asked once the refused save has finished (it runs inside an undo-stack push).
        QTimer.singleShot(0, self._settle_conflicts)

    def _settle_conflicts(self) -> None:
        """Ask about each conflict in turn; keeping mine saves it as a new, undoable edit."""
        if self._settling:
            return
        self._settling = True
        try:
            while self._conflicts:
                conflict = self._conflicts.pop(0)
                if self.choose_side(self, conflict) is Side.MINE:
                    self._undo_stack.push(FieldEditCommand(
                        self._editor, conflict.record_id, conflict.record_key, conflict.field,
                        conflict.theirs, conflict.mine, label=conflict.label, mergeable=False))
        finally:
            self._settling = False

    def _on_evidence_table_cell_clicked(self, row: int, _column: int) -> None:
        span = self._evidence[row]
        self.evidence_activated.emit(span.document_id, span.start, span.end)

    def focus_name(self) -> None:
        """Put the cursor in the English (or, for Chinese quotes, the Chinese) name."""
        target = self.name_zh if self.record and not self.record.name_en else self.name_en
        target.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if hasattr(target.widget, "selectAll"):
            target.widget.selectAll()
