"""Corrections made in an exported workbook: reading them and previewing what they change.

The workbook's rows are matched with the project's records by key. A row whose record moved
on in the project since the export (its version rose) is a conflict when the workbook changes
it too: the project's history since the workbook's version tells which fields the project
changed and who changed them, so a field the workbook left as exported never conflicts.
Applying (and undoing) is `services.correction_steps`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from curator.domain.comments import clean_comment
from curator.domain.countries import resolve_country
from curator.domain.country_fields import is_country_field
from curator.domain.local_formats import format_moment
from curator.domain.records import (
    DETAIL_FIELDS,
    FieldValue,
    Record,
    RecordKind,
    ReviewStatus,
    field_label,
    same_value,
)
from curator.domain.relations import RelationKind
from curator.domain.translation import _
from curator.errors import AlreadyImported
from curator.exchange.new_keys import is_placeholder
from curator.exchange.preview import (
    AliasChange,
    CommentChange,
    Conflict,
    ConflictField,
    CorrectionPreview,
    Deletion,
    FieldChange,
    NewRecord,
    RecordChange,
    RelationChange,
)
from curator.exchange.workbook_reader import Progress, ReadLimits
from curator.exchange.workbook_rows import (
    AliasEdit,
    CommentEdit,
    RecordEdit,
    RelationEdit,
    read_edits,
)
from curator.services import imported_workbooks
from curator.store import bulk_reading
from curator.store.bulk_reading import FieldChange as Revision
from curator.store.comments import all_comments
from curator.store.database import ProjectDatabase
from curator.store.roles import role_names

CHOICE_FIELDS = {(kind, spec.name): spec.choices for kind in RecordKind
                 for spec in DETAIL_FIELDS[kind] if spec.choices}


def preview_corrections(
    database: ProjectDatabase, source: Path, *, limits: ReadLimits | None = None,
    progress: Progress | None = None,
) -> CorrectionPreview:
    """Read the edited workbook `source` and say what importing it would change.

    WorkbookInvalid (naming sheet, row and column) for a workbook that does not fit; nothing
    is written either way. `progress` hears while the sheets are read and may cancel.
    """
    fingerprint = _refuse_an_imported_file(database, Path(source))
    edits = read_edits(Path(source), limits=limits, progress=progress)
    preview = CorrectionPreview(Path(source), rows_read=edits.row_count,
                                fingerprint=fingerprint)
    with database.unit_of_work() as session:
        project = _ProjectState.read(session, edits.choose.kinds or set(RecordKind))
        comparer = _Comparer(session, project, preview)
        for kind, rows in edits.records.items():
            if edits.choose.takes(kind):
                comparer.records(kind, rows, edits.choose.statuses, edits.exported_at)
        comparer.relations(edits.relations, edits.relation_sheets)
        if edits.has_alias_sheet:
            comparer.aliases(edits.aliases)
        comparer.comments(edits.comments)
        comparer.finish()
    return preview


def _refuse_an_imported_file(database: ProjectDatabase, source: Path) -> str:
    """The file's fingerprint; AlreadyImported if the project took in this very file before
    (its import not undone)."""
    try:
        digest = imported_workbooks.fingerprint(source)
    except OSError:
        return ""  # reading the workbook says why it cannot be read
    with database.unit_of_work() as session:
        earlier = imported_workbooks.earlier_import(session, digest)
    if earlier is not None:
        raise AlreadyImported(_(
            "{file} was imported into this project already ({when}, by {user}, as "
            "{earlier_file}). Importing it again would add its new rows a second time; to go "
            "on correcting, export a fresh workbook.").format(
                file=source.name, when=format_moment(earlier.at), user=earlier.user,
                earlier_file=earlier.file_name))
    return digest


@dataclass
class _ProjectState:
    """The project as the comparison needs it, read in bulk."""

    records: dict[str, Record]
    relations: dict[str, list[bulk_reading.RelationRowLine]]
    aliases: dict[str, list[bulk_reading.AliasRowLine]]
    ids: dict[str, tuple[int, RecordKind, int]]

    @classmethod
    def read(cls, session: Session, kinds: Iterable[RecordKind]) -> _ProjectState:
        records = {record.key: record for kind in kinds
                   for record in bulk_reading.records_of_kind(session, kind)}
        relations: dict[str, list[bulk_reading.RelationRowLine]] = defaultdict(list)
        for line in bulk_reading.relation_lines(session):
            relations[line.subject_key].append(line)
        aliases: dict[str, list[bulk_reading.AliasRowLine]] = defaultdict(list)
        for alias in bulk_reading.alias_lines(session):
            aliases[alias.record_key].append(alias)
        return cls(records, relations, aliases, bulk_reading.record_ids_by_key(session))


class _Comparer:
    """Builds the preview from the workbook's edits and the project's state."""

    def __init__(self, session: Session, project: _ProjectState,
                 preview: CorrectionPreview) -> None:
        self.session, self.project, self.preview = session, project, preview
        self.workbook_versions: dict[str, int] = {}
        self.moved: dict[str, Conflict] = {}
        """Records whose version moved on since the export: key -> conflict being built."""
        self._history: dict[int, list[Revision]] = {}
        self.new: dict[str, NewRecord] = {}
        """The new rows the workbook gave a placeholder key ("NEW-1"), by that key."""
        self._names: dict[tuple[RecordKind, str], str] | None = None
        """Existing records' keys by (kind, folded name), read when a new row first asks."""

    # Records ----------------------------------------------------------------------------

    def records(self, kind: RecordKind, rows: list[RecordEdit],
                statuses: frozenset[ReviewStatus], exported_at: object) -> None:
        keyed = {row.key: row for row in rows if row.key is not None}
        moved = {}
        for key, row in keyed.items():
            record = self._record(row, key)
            assert row.version is not None
            self.workbook_versions[key] = row.version
            if row.version != record.version:
                moved[record.id] = row.version
        self._history.update(bulk_reading.changes_since(self.session, moved))
        for key, row in keyed.items():
            record = self.project.records[key]
            self.preview.versions[record.id] = record.version
            self._compare(record, row)
        for row in rows:
            if row.key is None:
                self._add(row)
        for record in self.project.records.values():
            if record.kind is not kind or record.key in keyed:
                continue
            if statuses and record.status not in statuses:
                continue
            if exported_at is not None and record.created_at.replace(tzinfo=None) > \
                    exported_at.replace(tzinfo=None):  # type: ignore[attr-defined]
                continue  # made after the export: not missing, just new
            self.preview.versions[record.id] = record.version
            self._delete(record, exported_at)

    def _record(self, row: RecordEdit, key: str) -> Record:
        record = self.project.records.get(key)
        if record is None:
            raise self._refuse(row, "key", _(
                "no record {key} in the project (deleted since the export? clear the key to "
                "add the row as a new record).").format(key=key))
        return record

    def _values(self, row: RecordEdit, record: Record | None) -> dict[str, FieldValue]:
        """The row's values, checked where the project must judge: countries and choices."""
        values = dict(row.values)
        for name, value in row.values.items():
            if value is None or (record is not None and same_value(value, record.value(name))):
                continue
            if is_country_field(row.kind, name):
                code = resolve_country(str(value))
                if code is None:
                    raise self._refuse(row, name, _(
                        "“{value}” is not a country Curator knows (an ISO code such as BR, or "
                        "a name in English or Chinese).").format(value=value))
                values[name] = code
            elif (row.kind, name) in CHOICE_FIELDS:
                choices = {choice.lower(): choice for choice in CHOICE_FIELDS[row.kind, name]}
                if str(value).lower() not in choices:
                    raise self._refuse(row, name, _("“{value}” is not one of: {choices}.").format(
                        value=value, choices=", ".join(filter(None, choices.values()))))
                values[name] = choices[str(value).lower()]
        return values

    @staticmethod
    def _refuse(row: RecordEdit, name: str, message: str) -> Exception:
        place = row.place
        return type(place)(place.sheet, place.row, row.columns.get(name, "")).refuse(message)

    def _differences(self, row: RecordEdit, record: Record) -> list[FieldChange]:
        values = self._values(row, record)
        changes = [FieldChange(name, field_label(record.kind, name), record.value(name), value)
                   for name, value in values.items() if not same_value(value, record.value(name))]
        if row.status is not None and row.status is not record.status:
            changes.append(FieldChange("status", "Status", record.status.value, row.status.value))
        return changes

    def _compare(self, record: Record, row: RecordEdit) -> None:
        changes = self._differences(row, record)
        if row.version == record.version:
            if changes:
                self.preview.changed.append(RecordChange(
                    record.id, record.kind, record.key, _name(record), record.version,
                    tuple(changes)))
            return
        history = self._history.get(record.id, [])
        changed_by = history[-1].changed_by if history else record.updated_by
        fields = tuple(
            ConflictField(change.name, change.label, change.old, change.new,
                          _last_changer(history, change.name))
            for change in changes if not _is_as_exported(history, change)
        )
        self.moved[record.key] = Conflict(
            record.id, record.kind, record.key, _name(record), row.version, record.version,
            changed_by, fields)

    def _add(self, row: RecordEdit) -> None:
        values = self._values(row, None)
        new = NewRecord(row.kind, row.place.row, row.status or ReviewStatus.DRAFT, values,
                        row.placeholder, self._same_name(row.kind, values))
        self.preview.added.append(new)
        if row.placeholder is not None:
            self.new[row.placeholder] = new

    def _same_name(self, kind: RecordKind, values: dict[str, FieldValue]) -> str | None:
        """The key of a record of `kind` with a new row's English or Chinese name, if any."""
        if self._names is None:
            self._names = {}
            for record in self.project.records.values():
                for name in (record.name_en, record.name_zh):
                    if name.strip():
                        self._names.setdefault((record.kind, name.strip().casefold()),
                                               record.key)
        for value in (values.get("name_en"), values.get("name_zh")):
            if isinstance(value, str) and value.strip():
                key = self._names.get((kind, value.strip().casefold()))
                if key is not None:
                    return key
        return None

    def _delete(self, record: Record, exported_at: object) -> None:
        changed_after = exported_at is not None and record.updated_at.replace(tzinfo=None) > \
            exported_at.replace(tzinfo=None)  # type: ignore[attr-defined]
        if changed_after:
            self.moved[record.key] = Conflict(
                record.id, record.kind, record.key, _name(record), None, record.version,
                record.updated_by, deleted_in_workbook=True)
        else:
            self.preview.deleted.append(Deletion(record.id, record.kind, record.key,
                                                 _name(record), record.version))

    # Relations and aliases ----------------------------------------------------------------

    def _known(self, key: str) -> bool:
        """Whether `key` names a record of the project or one this import adds."""
        return key in self.new if is_placeholder(key) else key in self.project.ids

    def _id(self, key: str) -> int:
        """The record's id; 0 for a record this import adds (it has none yet)."""
        return 0 if is_placeholder(key) else self.project.ids[key][0]

    def _new_name(self, key: str) -> str | None:
        return self.new[key].name if key in self.new else None

    def relations(self, rows: list[RelationEdit], kinds: set[RelationKind]) -> None:
        by_subject: dict[str, list[RelationEdit]] = defaultdict(list)
        for row in rows:
            self._check_relation(row)
            by_subject[row.subject_key].append(row)
        subjects = set(by_subject) | {key for key in self.workbook_versions
                                      if key in self.project.relations}
        for key in sorted(subjects):
            ours = [line for line in self.project.relations.get(key, []) if line.kind in kinds]
            theirs = by_subject.get(key, [])
            removable = key in self.workbook_versions  # its row was in the workbook
            self._relation_changes(key, ours if removable else [], theirs)

    def _check_relation(self, row: RelationEdit) -> None:
        for column, key in (("A", row.subject_key), ("B", row.object_key)):
            if (key != row.object_key or row.kind.spec.object_kind is not None) and \
                    not self._known(key):
                raise row.place.__class__(row.place.sheet, row.place.row, column).refuse(
                    _("no record {key} in the project.").format(key=key))
        if row.role is not None and row.role not in self._roles(row.kind):
            raise row.place.refuse(_(
                "“{role}” is not a role of {relations}; add it to the roles first.").format(
                role=row.role, relations=_(row.kind.spec.label).lower()))

    def _roles(self, kind: RelationKind) -> set[str]:
        if not hasattr(self, "_role_cache"):
            self._role_cache: dict[RelationKind, set[str]] = {}
        if kind not in self._role_cache:
            self._role_cache[kind] = role_names(self.session, kind)
        return self._role_cache[kind]

    def _relation_changes(self, key: str, ours: list[bulk_reading.RelationRowLine],
                          theirs: list[RelationEdit]) -> None:
        mine = Counter(row.identity for row in theirs)
        stored = Counter(_identity(line) for line in ours)
        subject_id = self._id(key)
        changes = []
        for line in ours:
            identity = _identity(line)
            if mine[identity] > 0:
                mine[identity] -= 1
            else:
                changes.append(self._relation_change(False, line.kind, subject_id, key,
                                                     line.object_key, identity, line.id))
        for row in theirs:
            if stored[row.identity] > 0:
                stored[row.identity] -= 1
            else:
                changes.append(self._relation_change(True, row.kind, subject_id, key,
                                                     row.object_key, row.identity, None))
        self._place(key, relations=changes)

    def _relation_change(self, added: bool, kind: RelationKind, subject_id: int, key: str,
                         object_key: str, identity: tuple[str | None, ...],
                         relation_id: int | None) -> RelationChange:
        object_id = self._id(object_key) if kind.spec.object_kind else None
        role, title, start, end = identity[3:]
        new_names = tuple((side, name) for side in (key, object_key)
                          if (name := self._new_name(side)) is not None)
        return RelationChange(added, kind, subject_id, key, object_key, object_id, role, title,
                              start, end, relation_id, new_names)

    def aliases(self, rows: list[AliasEdit]) -> None:
        by_record: dict[str, list[AliasEdit]] = defaultdict(list)
        for row in rows:
            if not self._known(row.record_key):
                raise row.place.__class__(row.place.sheet, row.place.row, "A").refuse(
                    _("no record {key} in the project.").format(key=row.record_key))
            by_record[row.record_key].append(row)
        for key in sorted(set(by_record) | {k for k in self.workbook_versions
                                            if k in self.project.aliases}):
            record_id = self._id(key)
            removable = key in self.workbook_versions
            ours = {alias.text: alias for alias in self.project.aliases.get(key, [])}
            theirs = {row.text: row for row in by_record.get(key, [])}
            changes = [AliasChange(False, record_id, key, text, alias.id)
                       for text, alias in ours.items() if removable and text not in theirs]
            changes += [AliasChange(True, record_id, key, text, new_name=self._new_name(key))
                        for text in theirs if text not in ours]
            self._place(key, aliases=changes)

    def comments(self, rows: list[CommentEdit]) -> None:
        """The workbook's comments that the project's record does not have yet: added (an
        import never changes or deletes a comment; who made it and when are shown only)."""
        if not rows:
            return
        had: dict[str, Counter[str]] = defaultdict(Counter)
        for comment, key in all_comments(self.session):
            had[key][comment.text] += 1
        for row in rows:
            if not self._known(row.record_key):
                raise row.place.__class__(row.place.sheet, row.place.row, "A").refuse(
                    _("no record {key} in the project.").format(key=row.record_key))
            try:
                text = clean_comment(row.text)
            except ValueError as error:
                raise row.place.refuse(str(error)) from error
            if had[row.record_key][text] > 0:
                had[row.record_key][text] -= 1
            else:
                self.preview.comments.append(CommentChange(
                    self._id(row.record_key), row.record_key, text,
                    self._new_name(row.record_key)))

    def _place(self, key: str, *, relations: list[RelationChange] = (),  # type: ignore[assignment]
               aliases: list[AliasChange] = ()) -> None:  # type: ignore[assignment]
        """Relation or alias changes of a record: clean, or part of its conflict if it moved."""
        if not relations and not aliases:
            return
        conflict = self.moved.get(key)
        if conflict is None:
            self.preview.relations += relations
            self.preview.aliases += aliases
            return
        self.moved[key] = Conflict(
            conflict.record_id, conflict.kind, conflict.key, conflict.name,
            conflict.workbook_version, conflict.project_version, conflict.changed_by,
            conflict.fields, (*conflict.relations, *relations), (*conflict.aliases, *aliases),
            conflict.deleted_in_workbook)

    def finish(self) -> None:
        """Keep the conflicts that hold a change of the workbook's."""
        self.preview.conflicts = [
            conflict for conflict in self.moved.values()
            if conflict.fields or conflict.relations or conflict.aliases
            or conflict.deleted_in_workbook
        ]


def _identity(line: bulk_reading.RelationRowLine) -> tuple[str | None, ...]:
    return (line.kind.value, line.subject_key, line.object_key, line.role, line.title,
            line.start_date, line.end_date)


def _name(record: Record) -> str:
    return record.name_en or record.name_zh


def _text(value: FieldValue) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value)


def _is_as_exported(history: list[Revision], change: FieldChange) -> bool:
    """Whether the workbook holds what the field was at the export (the project changed it
    since; the workbook did not), judged from the first revision of it after the export."""
    first = next((item for item in history if item.field == change.name
                  and item.action in ("edit", "status")), None)
    return first is not None and _text(first.old_value) == _text(change.new)


def _last_changer(history: list[Revision], name: str) -> str:
    return next((item.changed_by for item in reversed(history) if item.field == name), "")
