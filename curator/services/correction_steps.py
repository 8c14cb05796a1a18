"""Applying a workbook's corrections in one transaction, and undoing or redoing them whole.

Each change is a step that knows how to undo and redo itself through the store's operations,
so every step writes its revision and checks its record's version like an edit in the window.
The records an import touched also get one history line: "imported from FILE by USER".
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlmodel import Session

from curator.domain.comments import Comment
from curator.domain.records import FieldValue, ReviewStatus
from curator.domain.relations import Relation
from curator.domain.translation import _
from curator.errors import EditConflict
from curator.exchange.preview import (
    AliasChange,
    CommentChange,
    Conflict,
    CorrectionPreview,
    FieldChange,
    RelationChange,
)
from curator.services import imported_workbooks
from curator.services.identity import current_user
from curator.store import aliases as alias_store
from curator.store import comments as comment_store
from curator.store import records as record_store
from curator.store import relations as relation_store
from curator.store import removal
from curator.store.aliases import RemovedAlias
from curator.store.database import ProjectDatabase
from curator.store.relations import RemovedRelation
from curator.store.removal import DeletedRecord
from curator.store.revisions import add_revision


class _Versions:
    """The version of each record as this import last left it (the base of its next write),
    and the ids of the records it added, by the placeholder keys the workbook gave them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known: dict[int, int] = {}
        self.created: dict[str, int] = {}

    def record_id(self, record_id: int, key: str) -> int:
        """`record_id`, or, if 0 (a record this import adds), the id it was created with."""
        return record_id or self.created[key]

    def of(self, record_id: int) -> int:
        if record_id not in self.known:
            self.known[record_id] = record_store.get_record(self.session, record_id).version
        return self.known[record_id]

    def bumped(self, record_id: int) -> None:
        self.known[record_id] = self.of(record_id) + 1


class _Step:
    """One change of an import."""

    record_id: int

    def redo(self, session: Session, versions: _Versions, user: str) -> None:
        raise NotImplementedError

    def undo(self, session: Session, versions: _Versions, user: str) -> None:
        raise NotImplementedError


@dataclass
class _FieldStep(_Step):
    record_id: int
    name: str
    old: FieldValue
    new: FieldValue

    def _set(self, session: Session, versions: _Versions, user: str, value: FieldValue) -> None:
        if self.name == "status":
            record = record_store.set_status(session, self.record_id, ReviewStatus(str(value)),
                                             expected_version=versions.of(self.record_id),
                                             user=user)
        else:
            record = record_store.update_field(session, self.record_id, self.name, value,
                                               expected_version=versions.of(self.record_id),
                                               user=user)
        versions.known[self.record_id] = record.version

    def redo(self, session: Session, versions: _Versions, user: str) -> None:
        self._set(session, versions, user, self.new)

    def undo(self, session: Session, versions: _Versions, user: str) -> None:
        self._set(session, versions, user, self.old)


@dataclass
class _CreateStep(_Step):
    record_id: int = 0
    change: object = None
    deleted: DeletedRecord | None = None

    def redo(self, session: Session, versions: _Versions, user: str) -> None:
        from curator.exchange.preview import NewRecord

        assert isinstance(self.change, NewRecord)
        new = self.change
        if new.placeholder is not None:
            versions.created[new.placeholder] = self.record_id
        if self.deleted is not None:  # brought back under its id and key by a redo
            record = removal.restore_record(session, self.deleted, user=user)
            versions.known[record.id] = record.version
            return
        record = record_store.create_record(
            session, new.kind, user=user, name_en=str(new.values.get("name_en") or ""),
            name_zh=str(new.values.get("name_zh") or ""), status=new.status)
        self.record_id = record.id
        if new.placeholder is not None:
            versions.created[new.placeholder] = record.id
        version = record.version
        for name, value in new.values.items():
            if name not in ("name_en", "name_zh") and value not in (None, ""):
                version = record_store.update_field(session, record.id, name, value,
                                                    expected_version=version, user=user).version
        versions.known[record.id] = version

    def undo(self, session: Session, versions: _Versions, user: str) -> None:
        self.deleted = removal.delete_record(session, self.record_id, user=user,
                                             expected_version=versions.of(self.record_id))
        versions.known.pop(self.record_id, None)


@dataclass
class _DeleteStep(_Step):
    record_id: int
    deleted: DeletedRecord | None = None

    def redo(self, session: Session, versions: _Versions, user: str) -> None:
        self.deleted = removal.delete_record(session, self.record_id, user=user,
                                             expected_version=versions.of(self.record_id))
        versions.known.pop(self.record_id, None)

    def undo(self, session: Session, versions: _Versions, user: str) -> None:
        assert self.deleted is not None
        record = removal.restore_record(session, self.deleted, user=user)
        versions.known[record.id] = record.version


class _AddOrRemoveStep(_Step):
    """A row the workbook added (redo adds it, undo removes it) or removed (the reverse)."""

    change: RelationChange | AliasChange

    def _add(self, session: Session, versions: _Versions, user: str) -> None:
        raise NotImplementedError

    def _remove(self, session: Session, versions: _Versions, user: str) -> None:
        raise NotImplementedError

    def _adopt_existing(self) -> None:
        """Take the id of the row the workbook removed, before its first removal."""
        raise NotImplementedError

    def redo(self, session: Session, versions: _Versions, user: str) -> None:
        if self.change.added:
            self._add(session, versions, user)
        else:
            self._adopt_existing()
            self._remove(session, versions, user)

    def undo(self, session: Session, versions: _Versions, user: str) -> None:
        if self.change.added:
            self._remove(session, versions, user)
        else:
            self._add(session, versions, user)


@dataclass
class _RelationStep(_AddOrRemoveStep):
    record_id: int
    change: RelationChange
    relation_id: int | None = None
    removed: RemovedRelation | None = None

    def _add(self, session: Session, versions: _Versions, user: str) -> None:
        if self.removed is not None:
            stored = relation_store.restore_relation(
                session, self.removed, user=user, expected_version=versions.of(self.record_id))
        else:
            change = self.change
            change = replace(
                change, subject_id=versions.record_id(change.subject_id, change.subject_key),
                object_id=None if change.object_id is None
                else versions.record_id(change.object_id, change.object_key))
            self.record_id = change.subject_id
            stored = relation_store.add_relation(session, Relation(
                0, change.kind, change.subject_id, change.object_id,
                None if change.object_id is not None else change.object_key, change.role,
                change.title, change.start_date, change.end_date),
                user=user, expected_version=versions.of(self.record_id))
        self.relation_id = stored.id
        versions.bumped(self.record_id)

    def _remove(self, session: Session, versions: _Versions, user: str) -> None:
        assert self.relation_id is not None
        self.removed = relation_store.remove_relation(
            session, self.relation_id, user=user, expected_version=versions.of(self.record_id))
        versions.bumped(self.record_id)

    def _adopt_existing(self) -> None:
        self.relation_id = self.relation_id or self.change.relation_id


@dataclass
class _AliasStep(_AddOrRemoveStep):
    record_id: int
    change: AliasChange
    alias_id: int | None = None
    removed: RemovedAlias | None = None

    def _add(self, session: Session, versions: _Versions, user: str) -> None:
        if self.removed is not None:
            alias = alias_store.restore_alias(session, self.removed, user=user,
                                              expected_version=versions.of(self.record_id))
        else:
            self.record_id = versions.record_id(self.record_id, self.change.record_key)
            alias = alias_store.add_alias(session, self.record_id, self.change.text, user=user,
                                          expected_version=versions.of(self.record_id))
        self.alias_id = alias.id
        versions.bumped(self.record_id)

    def _remove(self, session: Session, versions: _Versions, user: str) -> None:
        assert self.alias_id is not None
        self.removed = alias_store.remove_alias(session, self.alias_id, user=user,
                                                expected_version=versions.of(self.record_id))
        versions.bumped(self.record_id)

    def _adopt_existing(self) -> None:
        self.alias_id = self.alias_id or self.change.alias_id


@dataclass
class _CommentStep(_Step):
    """A comment the workbook adds: redo adds it (puts it back under its id after an undo),
    undo removes it. Comments have no version, so the record's is left alone."""

    record_id: int
    change: CommentChange
    comment: Comment | None = None

    def redo(self, session: Session, versions: _Versions, user: str) -> None:
        if self.comment is not None:
            comment_store.put_back_comment(session, self.comment)
        else:
            self.record_id = versions.record_id(self.record_id, self.change.record_key)
            self.comment = comment_store.add_comment(session, self.record_id, self.change.text,
                                                     user=user)

    def undo(self, session: Session, versions: _Versions, user: str) -> None:
        assert self.comment is not None
        self.comment = comment_store.remove_comment(session, self.comment.id)


@dataclass
class AppliedCorrections:
    """An applied import: what it did, in order, so it can be undone and redone whole."""

    source: Path
    steps: list[_Step]
    versions: dict[int, int] = field(default_factory=dict)
    """Each touched record's version after the last apply, undo or redo."""
    applied: bool = True
    fingerprint: str = ""
    """The workbook file's SHA-256: the project remembers it while the import stands."""

    @property
    def record_ids(self) -> set[int]:
        """The records it touched (new ones included)."""
        return {step.record_id for step in self.steps}

    @property
    def change_count(self) -> int:
        """How many changes it made."""
        return len(self.steps)


def _plan(preview: CorrectionPreview, take_workbook: set[str], delete: bool) -> list[_Step]:
    """The steps of an import: additions (first, so that relations, aliases and comments can
    name them), clean changes, the conflicts resolved for the workbook, and deletions if
    confirmed."""
    steps: list[_Step] = [_CreateStep(change=new) for new in preview.added]
    for change in preview.changed:
        steps += _field_steps(change.record_id, change.fields)
    conflicts = [conflict for conflict in preview.conflicts if conflict.key in take_workbook]
    for conflict in conflicts:
        steps += _conflict_steps(conflict)
    steps += [_RelationStep(change.subject_id, change) for change in preview.relations]
    steps += [_AliasStep(change.record_id, change) for change in preview.aliases]
    steps += [_CommentStep(change.record_id, change) for change in preview.comments]
    if delete:
        steps += [_DeleteStep(gone.record_id) for gone in preview.deleted]
    return steps


def _field_steps(record_id: int, fields: tuple[FieldChange, ...]) -> list[_Step]:
    # Details before the status: approving a record last reads as the curator would do it.
    ordered = sorted(fields, key=lambda change: change.name == "status")
    return [_FieldStep(record_id, change.name, change.old, change.new) for change in ordered]


def _conflict_steps(conflict: Conflict) -> list[_Step]:
    if conflict.deleted_in_workbook:
        return [_DeleteStep(conflict.record_id)]
    steps: list[_Step] = [_FieldStep(conflict.record_id, item.name, item.project_value,
                                     item.workbook_value) for item in conflict.fields]
    steps += [_RelationStep(change.subject_id, change) for change in conflict.relations]
    steps += [_AliasStep(change.record_id, change) for change in conflict.aliases]
    return steps


def apply_corrections(
    database: ProjectDatabase, preview: CorrectionPreview, *,
    take_workbook: set[str] | None = None, delete: bool = False,
) -> AppliedCorrections:
    """Apply the preview's changes in one transaction: every clean change, the conflicts whose
    keys are in `take_workbook` (the workbook's side; the others keep the project's), and the
    deletions only if `delete`. EditConflict, with nothing applied, if a record changed since
    the preview."""
    applied = AppliedCorrections(preview.source, _plan(preview, take_workbook or set(), delete),
                                 fingerprint=preview.fingerprint)
    _run(database, applied, forward=True, versions=preview.versions)
    return applied


def undo_corrections(database: ProjectDatabase, applied: AppliedCorrections) -> None:
    """Undo an applied import whole, in one transaction (EditConflict if a record it touched
    changed since, and then nothing is undone)."""
    _run(database, applied, forward=False)


def redo_corrections(database: ProjectDatabase, applied: AppliedCorrections) -> None:
    """Apply an undone import again, whole."""
    _run(database, applied, forward=True)


def _run(database: ProjectDatabase, applied: AppliedCorrections, *, forward: bool,
         versions: dict[int, int] | None = None) -> None:
    """Run the steps forward or backward in one unit of work; on success keep what they
    learnt (ids, removed rows for a restore), on failure leave `applied` as it was."""
    user = current_user()
    if applied.applied == forward and applied.versions:
        raise EditConflict(_("This import is already applied.") if forward
                           else _("This import is already undone."))
    steps = copy.deepcopy(applied.steps)  # a failed run rolls back: the steps must too
    with database.unit_of_work() as session:
        known = _Versions(session)
        known.known.update(versions or applied.versions)
        for step in (steps if forward else reversed(steps)):
            (step.redo if forward else step.undo)(session, known, user)
        if applied.fingerprint and forward:
            imported_workbooks.remember_import(session, applied.fingerprint,
                                               applied.source.name, user)
        elif applied.fingerprint:
            imported_workbooks.forget_import(session, applied.fingerprint)
        verb = "imported from" if forward else "import undone:"
        versions = known.known
        for record_id in sorted({step.record_id for step in steps}):
            if record_id in versions:
                add_revision(session, record_id, version=versions[record_id],
                             action="import", user=user,
                             new_value=f"{verb} {applied.source.name} by {user}")
        session.flush()
    applied.steps, applied.versions, applied.applied = steps, dict(versions), forward
