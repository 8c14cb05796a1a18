"""The relation tables and aliases of the record in the form, and the changes made in them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from curator.domain.evidence import Evidence
from curator.domain.records import Record, RecordKind
from curator.domain.relations import RelationKind, RelationView, Role
from curator.services import aliasing, relating
from curator.services.relating import RelationValue
from curator.ui.commands import (
    AddAliasCommand,
    AddRelationCommand,
    CreateNamedRecordCommand,
    CreateRecordCommand,
    EditRelationCommand,
    RemoveAliasCommand,
    RemoveRelationCommand,
)
from curator.ui.record_editor import RecordEditor
from curator.ui.records.alias_list import AliasList
from curator.ui.records.picker import PickerEntry, PickerSource, RecordPicker
from curator.ui.records.picker_sources import CountrySource, RecordSource
from curator.ui.records.relation_table import RelationTable, describe_other
from curator.ui.records.section import Section


@dataclass(frozen=True)
class SourceSelection:
    """The words selected in the source text: where they are and what they say."""

    document_id: int
    start: int
    end: int
    text: str


TableKey = tuple[RelationKind, bool]
"""A relation kind and whether the record is its subject (True) or its object."""

PAGES: dict[RecordKind, list[tuple[TableKey, str]]] = {
    RecordKind.EVENT: [((RelationKind.PARTICIPANT, True), "Participants"),
                       ((RelationKind.EVENT_ORGANIZATION, True), "Organizations"),
                       ((RelationKind.EVENT_COUNTRY, True), "Countries")],
    RecordKind.PERSON: [((RelationKind.AFFILIATION, True), "Affiliations"),
                        ((RelationKind.PARTICIPANT, False), "Events")],
    RecordKind.ORGANIZATION: [((RelationKind.PARENT, True), "Parent organization"),
                              ((RelationKind.EVENT_ORGANIZATION, False), "Events"),
                              ((RelationKind.AFFILIATION, False), "People")],
}
"""The relation tables of each kind's form, in order, with their headings."""

NOUNS: dict[RelationKind, str] = {
    RelationKind.PARTICIPANT: "participant", RelationKind.EVENT_ORGANIZATION: "organization",
    RelationKind.EVENT_COUNTRY: "country", RelationKind.AFFILIATION: "affiliation",
    RelationKind.PARENT: "parent organization",
}
FIELD_NOUNS = {"role": "role", "title": "title", "start_date": "start", "end_date": "end"}


def _ancestors(widget: QWidget) -> list[QWidget]:
    parents: list[QWidget] = []
    parent = widget.parentWidget()
    while parent is not None:
        parents.append(parent)
        parent = parent.parentWidget()
    return parents


class RelationsPanel(QWidget):
    """Aliases and relation tables of one record; every change is an undoable command."""

    record_activated = Signal(int)
    """A row's other record should be opened: its id."""

    def __init__(
        self, editor: RecordEditor, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._undo_stack = undo_stack
        self.record: Record | None = None
        self.selection: Callable[[], SourceSelection | None] = lambda: None
        """The selection in the source text now (the workbench sets this)."""
        self.picker: RecordPicker | None = None
        self.aliases = AliasList()
        self.aliases.add_requested.connect(self._on_aliases_add_requested)
        self.aliases.remove_requested.connect(self._on_aliases_remove_requested)
        self.alias_section = Section(self.tr("Aliases"), self.aliases)
        self.tables: dict[RecordKind, dict[TableKey, RelationTable]] = {}
        self._sections: dict[RecordKind, dict[TableKey, Section]] = {}
        self.pages = {kind: self._build_page(kind) for kind in RecordKind}
        self._current_table: RelationTable | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.alias_section)
        for page in self.pages.values():
            page.hide()
            layout.addWidget(page)

    def _build_page(self, record_kind: RecordKind) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.tables[record_kind], self._sections[record_kind] = {}, {}
        for (kind, as_subject), heading in PAGES[record_kind]:
            table = RelationTable(kind, as_subject=as_subject,
                                  roles=self._roles_of(kind))
            table.add_requested.connect(lambda k=kind: self.open_picker(k))
            table.remove_requested.connect(self._on_table_remove_requested)
            table.open_requested.connect(self.record_activated)
            # Queued: the cell's editor closes before the saved edit redraws the table.
            table.model.edit_requested.connect(
                lambda relation_id, field, value, k=kind: self._on_table_edit_requested(
                    k, relation_id, field, value), Qt.ConnectionType.QueuedConnection)
            table.view.selectionModel().currentChanged.connect(
                lambda _current, _previous, t=table: self._on_table_current_changed(t))
            section = Section(self.tr(heading), table)
            self.tables[record_kind][(kind, as_subject)] = table
            self._sections[record_kind][(kind, as_subject)] = section
            layout.addWidget(section)
        return page

    def _roles_of(self, kind: RelationKind) -> Callable[[], list[Role]]:
        return lambda: relating.relation_roles(self._editor.database, kind)

    def table(self, kind: RelationKind, *, as_subject: bool = True) -> RelationTable:
        """The table of the current record's `kind` relations (its subject's, by default)."""
        assert self.record is not None
        return self.tables[self.record.kind][(kind, as_subject)]

    def role_names(self, kind: RelationKind) -> list[str]:
        """The roles a relation of `kind` may have, as the project has them now."""
        return [role.name for role in relating.relation_roles(self._editor.database, kind)]

    def show_record(self, record: Record | None, evidence: list[Evidence]) -> None:
        """Show a record's aliases and relations; `evidence` is its evidence (to mark rows)."""
        self.record = record
        for kind, page in self.pages.items():
            page.setVisible(record is not None and kind is record.kind)
        if record is None:
            return
        database = self._editor.database
        views = relating.record_relations(database, record.id)
        relation_evidence = Counter(span.relation_id for span in evidence if span.relation_id)
        for key, table in self.tables[record.kind].items():
            shown = [view for view in views if (view.relation.kind, view.as_subject) == key]
            table.show_relations(shown, dict(relation_evidence))
            self._sections[record.kind][key].set_count(len(shown))
        aliases = aliasing.record_aliases(database, record.id)
        self.aliases.show_aliases(aliases, {span.alias_id for span in evidence if span.alias_id})
        self.alias_section.set_count(len(aliases))

    def current_relation(self) -> RelationView | None:
        """The relation last selected in one of the record's own tables (for evidence)."""
        table = self._current_table
        if self.record is None or table is None or table.isHidden():
            return None
        current = table.current_relation()
        return current if current is not None and current.as_subject else None

    def open_picker(self, kind: RelationKind) -> RecordPicker | None:
        """Find (or create) the other side of a new `kind` relation in a popup."""
        record = self.record
        if record is None:
            return None
        object_kind = kind.spec.object_kind
        source: PickerSource
        if object_kind is None:
            source = CountrySource()
        else:
            source = RecordSource(
                self._editor.database, object_kind, selected_text=self._selected_text,
                excluded=frozenset({record.id}))
        table = self.table(kind)
        scroll_area = next((widget for widget in _ancestors(table)
                            if isinstance(widget, QScrollArea)), None)
        if scroll_area is not None:
            scroll_area.ensureWidgetVisible(table)
        picker = RecordPicker(source, table.view)
        picker.picked.connect(
            lambda entry: self._add_picked(kind, record.id, record.key, entry))
        picker.destroyed.connect(lambda: setattr(self, "picker", None))
        self.picker = picker
        picker.popup()
        return picker

    def _selected_text(self) -> str:
        selection = self.selection()
        return "" if selection is None else selection.text

    def _add_picked(
        self, kind: RelationKind, subject_id: int, subject_key: str, entry: PickerEntry
    ) -> None:
        text = self.tr("Add {noun} to {key}").format(noun=NOUNS[kind], key=subject_key)
        command: AddRelationCommand | None
        if entry.record_id is not None or entry.country is not None:
            command = AddRelationCommand(self._editor, kind, subject_id, text,
                                         object_id=entry.record_id, country=entry.country)
            self._undo_stack.push(command)
        else:
            command = self._create_and_add(kind, subject_id, text, entry)
        if command is not None and command.relation_id is not None and self.record is not None:
            spec = kind.spec
            field = "role" if spec.has_role else "title" if spec.has_title else "other"
            self.table(kind).select_relation(command.relation_id, field)

    def _create_and_add(
        self, kind: RelationKind, subject_id: int, text: str, entry: PickerEntry
    ) -> AddRelationCommand | None:
        """Create the other record (from the typed name or the selection), then relate it."""
        object_kind = kind.spec.object_kind
        assert object_kind is not None
        create: CreateRecordCommand
        if entry.from_selection:
            selection = self.selection()
            if selection is None:
                return None
            create = CreateRecordCommand(self._editor, object_kind, selection.document_id,
                                         selection.start, selection.end)
        else:
            create = CreateNamedRecordCommand(self._editor, object_kind, entry.create_name or "")
        self._undo_stack.beginMacro(text)
        self._undo_stack.push(create)
        command = None
        if create.record is not None:
            command = AddRelationCommand(self._editor, kind, subject_id, text,
                                         object_id=create.record.id)
            self._undo_stack.push(command)
        self._undo_stack.endMacro()
        return command

    def _on_table_edit_requested(
        self, kind: RelationKind, relation_id: int, field: str, value: RelationValue
    ) -> None:
        record = self.record
        view = next((view for view in self.table(kind).model.views
                     if view.relation.id == relation_id), None) if record else None
        if record is None or view is None:
            return
        if (field == "role" and isinstance(value, str) and value not in self.role_names(kind)
                and self._editor.add_role(kind, value) is None):
            return
        text = self.tr("Set {field} of {noun} {other} in {key}").format(
            field=FIELD_NOUNS.get(field, field), noun=NOUNS[kind],
            other=describe_other(view).split("  ")[0], key=record.key)
        self._undo_stack.push(EditRelationCommand(
            self._editor, relation_id, field, view.relation.value(field), value, text))

    def _on_table_remove_requested(self, relation_id: int) -> None:
        record = self.record
        view = next((view for table in self.tables[record.kind].values()
                     for view in table.model.views if view.relation.id == relation_id),
                    None) if record else None
        if record is None or view is None:
            return
        text = self.tr("Remove {noun} {other} from {key}").format(
            noun=NOUNS[view.relation.kind], other=describe_other(view).split("  ")[0],
            key=record.key)
        self._undo_stack.push(RemoveRelationCommand(self._editor, relation_id, text))

    def _on_table_current_changed(self, table: RelationTable) -> None:
        self._current_table = table

    def _on_aliases_add_requested(self, text: str) -> None:
        if self.record is not None:
            self._undo_stack.push(
                AddAliasCommand(self._editor, self.record.id, self.record.key, text))

    def _on_aliases_remove_requested(self, alias_id: int) -> None:
        alias = next((alias for alias in self.aliases.aliases if alias.id == alias_id), None)
        if self.record is not None and alias is not None:
            self._undo_stack.push(
                RemoveAliasCommand(self._editor, alias.id, alias.text, self.record.key))
