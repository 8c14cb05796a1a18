"""Undoable changes: each command goes through the RecordEditor, so undo writes a revision too."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoCommand

from curator.domain.evidence import Evidence
from curator.domain.records import FieldValue, Record, RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.domain.translation import _
from curator.services.aliasing import RemovedAlias
from curator.services.editing import DeletedRecord
from curator.services.mentions import MentionSpan
from curator.services.merging import MergedRecord
from curator.services.relating import RelationValue, RemovedRelation
from curator.ui.record_editor import RecordEditor

_FIELD_EDIT_ID = 1001


class FieldEditCommand(QUndoCommand):
    """Set one field of one record; consecutive edits of the same field merge."""

    def __init__(
        self,
        editor: RecordEditor,
        record_id: int,
        record_key: str,
        name: str,
        old_value: FieldValue,
        new_value: FieldValue,
        *,
        label: str = "",
        mergeable: bool = True,
    ) -> None:
        super().__init__(_("Edit {field} of {key}").format(field=_(label) if label else name,
                                                           key=record_key))
        self._mergeable = mergeable
        self._editor = editor
        self.record_id = record_id
        self.name = name
        self.old_value = old_value
        self.new_value = new_value

    def redo(self) -> None:
        """Save the new value; a refused edit leaves nothing on the stack."""
        if not self._editor.set_field(self.record_id, self.name, self.new_value,
                                      base=self.old_value):
            self.setObsolete(True)

    def undo(self) -> None:
        """Save the old value back."""
        if not self._editor.set_field(self.record_id, self.name, self.old_value,
                                      base=self.new_value):
            self.setObsolete(True)

    def id(self) -> int:
        """Typing into a field merges into one step; a revert stands alone (-1)."""
        return _FIELD_EDIT_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        """Fold a following edit of the same field into this one."""
        if not isinstance(other, FieldEditCommand) or other.isObsolete():
            return False  # a refused edit must not replace the value this step restores
        if (other.record_id, other.name) != (self.record_id, self.name):
            return False
        self.new_value = other.new_value
        return True


class StatusChangeCommand(QUndoCommand):
    """Move one record to another review status."""

    def __init__(
        self, editor: RecordEditor, record_id: int, record_key: str,
        old_status: ReviewStatus, new_status: ReviewStatus,
    ) -> None:
        super().__init__(_("Mark {key} {status}").format(key=record_key,
                                                         status=_(new_status.label).lower()))
        self._editor = editor
        self.record_id = record_id
        self.old_status = old_status
        self.new_status = new_status

    def redo(self) -> None:
        """Save the new status."""
        if not self._editor.set_status(self.record_id, self.new_status):
            self.setObsolete(True)

    def undo(self) -> None:
        """Restore the old status."""
        if not self._editor.set_status(self.record_id, self.old_status):
            self.setObsolete(True)


class CreateRecordCommand(QUndoCommand):
    """Create a record from a selection; undo deletes it, redo brings the same record back."""

    def __init__(
        self, editor: RecordEditor, kind: RecordKind, document_id: int, start: int, end: int
    ) -> None:
        super().__init__(_("New {kind}").format(kind=_(kind.label).lower()))
        self._editor = editor
        self._selection = (kind, document_id, start, end)
        self.record: Record | None = None
        self._deleted: DeletedRecord | None = None

    def _create(self) -> Record | None:
        return self._editor.create_from_selection(*self._selection)

    def redo(self) -> None:
        """Create the record the first time, restore it after an undo."""
        if self._deleted is None:
            self.record = self._create()
        else:
            self.record = self._editor.restore(self._deleted)
        if self.record is None:
            self.setObsolete(True)
        else:
            self.setText(_("New {kind} {key}").format(kind=_(self.record.kind.label).lower(),
                                                       key=self.record.key))

    def undo(self) -> None:
        """Delete the record again."""
        if self.record is not None:
            self._deleted = self._editor.delete(self.record.id)
            if self._deleted is None:
                self.setObsolete(True)


class CreateNamedRecordCommand(CreateRecordCommand):
    """Create a record from a typed name (a picker's "Create …"); undo deletes it."""

    def __init__(self, editor: RecordEditor, kind: RecordKind, name: str) -> None:
        super().__init__(editor, kind, 0, 0, 0)
        self._kind, self._name = kind, name

    def _create(self) -> Record | None:
        return self._editor.create_named(self._kind, self._name)


class DeleteRecordCommand(QUndoCommand):
    """Delete a record with its evidence; undo restores it under the same key."""

    def __init__(self, editor: RecordEditor, record_id: int, record_key: str) -> None:
        super().__init__(_("Delete {key}").format(key=record_key))
        self._editor = editor
        self._record_id = record_id
        self._deleted: DeletedRecord | None = None

    def redo(self) -> None:
        """Delete the record."""
        self._deleted = self._editor.delete(self._record_id)
        if self._deleted is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Restore it."""
        if self._deleted is None or self._editor.restore(self._deleted) is None:
            self.setObsolete(True)


class LinkEvidenceCommand(QUndoCommand):
    """Link a span to a record as evidence; undo unlinks it."""

    def __init__(
        self, editor: RecordEditor, record_id: int, record_key: str,
        document_id: int, start: int, end: int, *, relation_id: int | None = None,
    ) -> None:
        super().__init__((_("Link evidence to {key} relation") if relation_id is not None
                          else _("Link evidence to {key}")).format(key=record_key))
        self._editor = editor
        self._span = (record_id, document_id, start, end)
        self._relation_id = relation_id
        self._evidence_id: int | None = None

    def redo(self) -> None:
        """Link the span."""
        self._evidence_id = self._editor.link_evidence(*self._span,
                                                       relation_id=self._relation_id)
        if self._evidence_id is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Unlink it."""
        if self._evidence_id is None or self._editor.unlink_evidence(self._evidence_id) is None:
            self.setObsolete(True)


class LinkMentionsCommand(QUndoCommand):
    """Link found mentions of a record as its evidence, all at once; undo unlinks them all."""

    def __init__(self, editor: RecordEditor, record_id: int, record_key: str,
                 spans: Sequence[MentionSpan]) -> None:
        super().__init__(_("Link {count} mentions to {key}").format(count=len(spans),
                                                                    key=record_key))
        self._editor = editor
        self._record_id = record_id
        self._spans = list(spans)
        self._evidence_ids: list[int] | None = None

    def redo(self) -> None:
        """Link every span."""
        self._evidence_ids = self._editor.link_mentions(self._record_id, self._spans)
        if self._evidence_ids is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Unlink them."""
        if self._evidence_ids is None or not self._editor.unlink_mentions(
                self._record_id, self._evidence_ids):
            self.setObsolete(True)


class UnlinkEvidenceCommand(QUndoCommand):
    """Remove one evidence span from its record; undo links the same span again."""

    def __init__(self, editor: RecordEditor, evidence: Evidence) -> None:
        super().__init__(_("Remove evidence from {key}").format(key=evidence.record_key))
        self._editor = editor
        self._evidence_id: int | None = evidence.id
        self._span = (evidence.record_id, evidence.document_id, evidence.start, evidence.end)
        self._relation_id = evidence.relation_id

    def redo(self) -> None:
        """Remove the span."""
        if self._evidence_id is None or self._editor.unlink_evidence(self._evidence_id) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Link it again."""
        self._evidence_id = self._editor.link_evidence(*self._span,
                                                       relation_id=self._relation_id)
        if self._evidence_id is None:
            self.setObsolete(True)


class AddRelationCommand(QUndoCommand):
    """Relate a record to another or to a country; undo removes it, redo restores the same."""

    def __init__(
        self, editor: RecordEditor, kind: RelationKind, subject_id: int, text: str, *,
        object_id: int | None = None, country: str | None = None,
    ) -> None:
        super().__init__(text)
        self._editor = editor
        self._new = (kind, subject_id, object_id, country)
        self.relation_id: int | None = None
        self._removed: RemovedRelation | None = None

    def redo(self) -> None:
        """Add the relation the first time, restore it after an undo."""
        if self._removed is None:
            kind, subject_id, object_id, country = self._new
            self.relation_id = self._editor.add_relation(kind, subject_id, object_id=object_id,
                                                         country=country)
            if self.relation_id is None:
                self.setObsolete(True)
        elif not self._editor.restore_relation(self._removed):
            self.setObsolete(True)

    def undo(self) -> None:
        """Remove it again."""
        if self.relation_id is not None:
            self._removed = self._editor.remove_relation(self.relation_id)
            if self._removed is None:
                self.setObsolete(True)


class EditRelationCommand(QUndoCommand):
    """Change one field of a relation (role, title, a date)."""

    def __init__(
        self, editor: RecordEditor, relation_id: int, name: str,
        old_value: RelationValue, new_value: RelationValue, text: str,
    ) -> None:
        super().__init__(text)
        self._editor = editor
        self._change = (relation_id, name)
        self._values = (old_value, new_value)

    def redo(self) -> None:
        """Save the new value."""
        if not self._editor.edit_relation(*self._change, self._values[1]):
            self.setObsolete(True)

    def undo(self) -> None:
        """Save the old value back."""
        if not self._editor.edit_relation(*self._change, self._values[0]):
            self.setObsolete(True)


class RemoveRelationCommand(QUndoCommand):
    """Remove a relation with its evidence; undo restores it under the same id."""

    def __init__(self, editor: RecordEditor, relation_id: int, text: str) -> None:
        super().__init__(text)
        self._editor = editor
        self._relation_id = relation_id
        self._removed: RemovedRelation | None = None

    def redo(self) -> None:
        """Remove the relation."""
        self._removed = self._editor.remove_relation(self._relation_id)
        if self._removed is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Restore it."""
        if self._removed is None or not self._editor.restore_relation(self._removed):
            self.setObsolete(True)


class AddAliasCommand(QUndoCommand):
    """Give a record an alias (typed, or a selection with it as evidence); undo removes it."""

    def __init__(
        self, editor: RecordEditor, record_id: int, record_key: str, text: str, *,
        selection: tuple[int, int, int] | None = None,
    ) -> None:
        super().__init__(_("Add alias “{text}” to {key}").format(text=text, key=record_key))
        self._editor = editor
        self._new = (record_id, text, selection)
        self.alias_id: int | None = None
        self._removed: RemovedAlias | None = None

    def redo(self) -> None:
        """Add the alias the first time, restore it after an undo."""
        if self._removed is None:
            record_id, text, selection = self._new
            self.alias_id = self._editor.add_alias(record_id, text, selection=selection)
            if self.alias_id is None:
                self.setObsolete(True)
        elif not self._editor.restore_alias(self._removed):
            self.setObsolete(True)

    def undo(self) -> None:
        """Remove it again."""
        if self.alias_id is not None:
            self._removed = self._editor.remove_alias(self.alias_id)
            if self._removed is None:
                self.setObsolete(True)


class RemoveAliasCommand(QUndoCommand):
    """Remove an alias with its evidence; undo restores it under the same id."""

    def __init__(self, editor: RecordEditor, alias_id: int, text: str, record_key: str) -> None:
        super().__init__(_("Remove alias “{text}” from {key}").format(text=text,
                                                                      key=record_key))
        self._editor = editor
        self._alias_id = alias_id
        self._removed: RemovedAlias | None = None

    def redo(self) -> None:
        """Remove the alias."""
        self._removed = self._editor.remove_alias(self._alias_id)
        if self._removed is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Restore it."""
        if self._removed is None or not self._editor.restore_alias(self._removed):
            self.setObsolete(True)


class MergeRecordsCommand(QUndoCommand):
    """Merge one record into another; undo brings the other back with all that moved."""

    def __init__(
        self, editor: RecordEditor, keep_id: int, other_id: int, keep_key: str, other_key: str
    ) -> None:
        super().__init__(_("Merge {other} into {kept}").format(other=other_key, kept=keep_key))
        self._editor = editor
        self._ids = (keep_id, other_id)
        self.merged: MergedRecord | None = None

    def redo(self) -> None:
        """Merge (again, after an undo: the other is back under its id)."""
        self.merged = self._editor.merge(*self._ids)
        if self.merged is None:
            self.setObsolete(True)

    def undo(self) -> None:
        """Bring the other record back as it was."""
        if self.merged is None or self._editor.unmerge(self.merged) is None:
            self.setObsolete(True)


class DismissDuplicateCommand(QUndoCommand):
    """Say two records are not duplicates; undo lets them be listed again."""

    def __init__(
        self, editor: RecordEditor, first_id: int, second_id: int, first_key: str,
        second_key: str,
    ) -> None:
        super().__init__(_("Not duplicates: {first} and {second}").format(first=first_key,
                                                                          second=second_key))
        self._editor = editor
        self._ids = (first_id, second_id)

    def redo(self) -> None:
        """Remember the dismissal."""
        if not self._editor.dismiss_duplicates(*self._ids):
            self.setObsolete(True)

    def undo(self) -> None:
        """Forget it."""
        if not self._editor.undo_dismissal(*self._ids):
            self.setObsolete(True)
