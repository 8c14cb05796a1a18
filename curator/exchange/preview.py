"""What importing an edited workbook would change: the preview shown before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curator.domain.records import FieldValue, RecordKind, ReviewStatus, vocabulary_label
from curator.domain.relations import RelationKind
from curator.domain.translation import _


@dataclass(frozen=True)
class FieldChange:
    """One field of a record, from the project's value to the workbook's."""

    name: str
    label: str
    old: FieldValue
    new: FieldValue


@dataclass(frozen=True)
class RecordChange:
    """A record the workbook changes: its fields (status included) old → new."""

    record_id: int
    kind: RecordKind
    key: str
    name: str
    version: int
    """The project's version the change applies to."""
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class NewRecord:
    """A row without a key: a record to add."""

    kind: RecordKind
    row: int
    status: ReviewStatus
    values: dict[str, FieldValue]
    placeholder: str | None = None
    """The key the user gave the row ("NEW-1"), which relations, aliases and comments of the
    same import name it by; it gets its real key when applied."""
    same_name_as: str | None = None
    """The key of a record of its kind that has its name already: perhaps the same one, added
    by an earlier import of this workbook before it was edited further."""

    @property
    def name(self) -> str:
        """Its name, English first."""
        return str(self.values.get("name_en") or self.values.get("name_zh") or "")

    def same_name_note(self) -> str:
        """" — P-0006 has this name already", or nothing."""
        if self.same_name_as is None:
            return ""
        return " — " + _("{key} has this name already").format(key=self.same_name_as)

    def row_label(self) -> str:
        """Where it is in the workbook, in the language in use: “row 4, NEW-1”."""
        if self.placeholder:
            return _("row {row}, {placeholder}").format(row=self.row,
                                                        placeholder=self.placeholder)
        return _("row {row}").format(row=self.row)


@dataclass(frozen=True)
class Deletion:
    """A record whose row is gone from its sheet: deleted only if the user confirms."""

    record_id: int
    kind: RecordKind
    key: str
    name: str
    version: int


@dataclass(frozen=True)
class RelationChange:
    """A relation the workbook adds or removes (an edited one is both). A side the import
    adds has the id 0, its placeholder for key and its name in `new_names`."""

    added: bool
    kind: RelationKind
    subject_id: int
    subject_key: str
    object_key: str
    object_id: int | None
    role: str | None = None
    title: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    relation_id: int | None = None
    """The stored relation a removal takes away."""
    new_names: tuple[tuple[str, str], ...] = ()
    """(placeholder, name) of the sides that are records this import adds."""

    def describe(self, role_labels: Mapping[str, str] | None = None) -> str:
        """In a line: “+ Participants: E-0001 → P-0003 as speaker (Minister)”; a new record
        as “NEW-1 (new: Li Wei)”. `role_labels` shows a stored role name in the language in
        use (Role.label)."""
        names = dict(self.new_names)
        text = _("{relation}: {subject} → {object}").format(
            relation=_(self.kind.spec.label), subject=_named(self.subject_key, names),
            object=_named(self.object_key, names))
        if self.role:
            text += _(" as {role}").format(role=(role_labels or {}).get(self.role, self.role))
        if self.title:
            text += f" ({self.title})"
        if self.start_date or self.end_date:
            text += f" {self.start_date or '…'} – {self.end_date or '…'}"
        return f"{'+' if self.added else '−'} {text}"


@dataclass(frozen=True)
class AliasChange:
    """An alias the workbook adds or removes."""

    added: bool
    record_id: int
    record_key: str
    text: str
    alias_id: int | None = None
    new_name: str | None = None
    """The name of the record when the import adds it (its id 0, its key a placeholder)."""

    def describe(self) -> str:
        """In a line: “+ Alias of P-0001: Minister Fan”."""
        key = _named(self.record_key, {self.record_key: self.new_name or ""})
        return _("{sign} Alias of {key}: {text}").format(
            sign="+" if self.added else "−", key=key, text=self.text)


@dataclass(frozen=True)
class CommentChange:
    """A comment the workbook adds (an import never changes or deletes one)."""

    record_id: int
    record_key: str
    text: str
    new_name: str | None = None
    """The name of the record when the import adds it (its id 0, its key a placeholder)."""

    def describe(self) -> str:
        """In a line: “+ Comment on P-0001: Check the title”."""
        key = _named(self.record_key, {self.record_key: self.new_name or ""})
        return _("+ Comment on {key}: {text}").format(key=key, text=self.text)


@dataclass(frozen=True)
class ConflictField:
    """A field both the workbook and the project changed since the export (or that the workbook
    changed on a record the project changed)."""

    name: str
    label: str
    project_value: FieldValue
    workbook_value: FieldValue
    changed_by: str
    """Who changed it in the project since the export ("" if only other fields changed)."""


@dataclass(frozen=True)
class Conflict:
    """A row whose record changed in the project after the export: nothing of it is applied
    unless the user takes the workbook's side."""

    record_id: int
    kind: RecordKind
    key: str
    name: str
    workbook_version: int | None
    project_version: int
    changed_by: str
    fields: tuple[ConflictField, ...] = ()
    relations: tuple[RelationChange, ...] = ()
    aliases: tuple[AliasChange, ...] = ()
    deleted_in_workbook: bool = False


@dataclass
class CorrectionPreview:
    """Every change an edited workbook would make, and the rows in conflict."""

    source: Path
    added: list[NewRecord] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    deleted: list[Deletion] = field(default_factory=list)
    relations: list[RelationChange] = field(default_factory=list)
    aliases: list[AliasChange] = field(default_factory=list)
    comments: list[CommentChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rows_read: int = 0
    versions: dict[int, int] = field(default_factory=dict)
    """Record id -> the project's version the preview compared with (what applying expects)."""
    fingerprint: str = ""
    """The SHA-256 of the workbook file as it was read: applying records it as imported."""

    @property
    def status_changes(self) -> list[tuple[str, FieldChange]]:
        """(key, change) of every status the workbook changes."""
        return [(change.key, item) for change in self.changed for item in change.fields
                if item.name == "status"]

    @property
    def is_empty(self) -> bool:
        """Whether the workbook changes nothing (conflicts aside)."""
        return not (self.added or self.changed or self.deleted or self.relations
                    or self.aliases or self.comments or self.conflicts)

    def summary(self) -> str:
        """One line: how many of each."""
        parts = [_("{count} added").format(count=len(self.added)),
                 _("{count} changed").format(count=len(self.changed)),
                 _("{count} status changes").format(count=len(self.status_changes)),
                 _("{count} deleted (if confirmed)").format(count=len(self.deleted)),
                 _("{count} relation changes").format(count=len(self.relations)),
                 _("{count} alias changes").format(count=len(self.aliases)),
                 _("{count} comments added").format(count=len(self.comments)),
                 _("{count} conflicts").format(count=len(self.conflicts))]
        return ", ".join(parts)

    def lines(self) -> list[str]:
        """The preview as text, one change a line, for a terminal or a dialog."""
        lines = [_("Import of {name}: {summary}").format(name=self.source.name,
                                                        summary=self.summary())]
        for new in self.added:
            lines.append(_("+ new {kind} ({row}): {name} [{status}]").format(
                kind=_(new.kind.label).lower(), row=new.row_label(), name=new.name,
                status=_(new.status.label).lower()) + new.same_name_note())
        for change in self.changed:
            for item in change.fields:
                lines.append(f"~ {change.key} {_(item.label)}: "
                             f"{_shown(value_label(item.name, item.old))} → "
                             f"{_shown(value_label(item.name, item.new))}")
        for gone in self.deleted:
            lines.append(_("− delete {key} {name} (only with deletions confirmed)").format(
                key=gone.key, name=gone.name))
        lines += [change.describe() for change in self.relations]
        lines += [change.describe() for change in self.aliases]
        lines += [change.describe() for change in self.comments]
        for conflict in self.conflicts:
            lines.append(_(
                "! conflict {key} {name}: changed in the project by {who} since the export "
                "(version {old} → {new})").format(
                key=conflict.key, name=conflict.name, who=conflict.changed_by or _("someone"),
                old=conflict.workbook_version, new=conflict.project_version))
            if conflict.deleted_in_workbook:
                lines.append("    " + _("its row was deleted in the workbook"))
            for clash in conflict.fields:
                by = _(" (changed by {who})").format(
                    who=clash.changed_by) if clash.changed_by else ""
                lines.append("    " + _(
                    "{field}: project {project}{by}, workbook {workbook}").format(
                    field=_(clash.label),
                    project=_shown(value_label(clash.name, clash.project_value)),
                    by=by, workbook=_shown(value_label(clash.name, clash.workbook_value))))
            lines += [f"    {change.describe()}" for change in conflict.relations]
            lines += [f"    {change.describe()}" for change in conflict.aliases]
        return lines

    def as_json(self) -> dict[str, Any]:
        """The preview as plain JSON-ready objects, for scripts."""
        return {
            "source": str(self.source),
            "added": [{"kind": new.kind.value, "row": new.row, "status": new.status.value,
                       "values": new.values, "placeholder": new.placeholder,
                       "same_name_as": new.same_name_as}
                      for new in self.added],
            "changed": [{"key": change.key, "kind": change.kind.value, "fields": [
                {"field": item.name, "old": item.old, "new": item.new}
                for item in change.fields]} for change in self.changed],
            "statuses": [{"key": key, "old": item.old, "new": item.new}
                         for key, item in self.status_changes],
            "deleted": [{"key": gone.key, "kind": gone.kind.value, "name": gone.name}
                        for gone in self.deleted],
            "relations": [_relation_json(change) for change in self.relations],
            "aliases": [{"added": change.added, "record": change.record_key,
                         "text": change.text} for change in self.aliases],
            "comments": [{"record": change.record_key, "text": change.text}
                         for change in self.comments],
            "conflicts": [{
                "key": conflict.key, "kind": conflict.kind.value,
                "workbook_version": conflict.workbook_version,
                "project_version": conflict.project_version, "changed_by": conflict.changed_by,
                "deleted_in_workbook": conflict.deleted_in_workbook,
                "fields": [{"field": item.name, "project": item.project_value,
                            "workbook": item.workbook_value, "changed_by": item.changed_by}
                           for item in conflict.fields],
                "relations": [_relation_json(change) for change in conflict.relations],
                "aliases": [{"added": change.added, "text": change.text}
                            for change in conflict.aliases],
            } for conflict in self.conflicts],
        }


def _relation_json(change: RelationChange) -> dict[str, Any]:
    return {"added": change.added, "kind": change.kind.value, "subject": change.subject_key,
            "object": change.object_key, "role": change.role, "title": change.title,
            "start_date": change.start_date, "end_date": change.end_date}


def _named(key: str, new_names: dict[str, str]) -> str:
    """A key as a preview shows it: a new record's placeholder with the record's name."""
    name = new_names.get(key)
    return _("{key} (new: {name})").format(key=key, name=name) if name else key


def value_label(name: str, value: FieldValue) -> FieldValue:
    """A field's value as the window shows it: a status or a vocabulary value in the language
    in use, anything else as it is."""
    if isinstance(value, str) and value:
        if name == "status" and value in set(ReviewStatus):
            return _(ReviewStatus(value).label).lower()
        return vocabulary_label(name, value)
    return value


def _shown(value: FieldValue) -> str:
    return "∅" if value is None or value == "" else f"“{value}”"
