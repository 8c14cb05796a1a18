"""Merging two records into one, and taking a merge back (what undo of a merge needs).

The kept record takes the other's relations (both directions), evidence and aliases, its
names as aliases, and the fields it lacks; the other is deleted, its history kept. What
cannot move is dropped, its evidence kept: a relation between the two (its evidence goes to
the record), one the kept record has already (its evidence goes to that one), a second
parent organization (its evidence goes to the record), an alias the kept record has.
The merge returns the other as it was, so `unmerge_records` puts every row back under
its id where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlmodel import Session, select

from curator.domain.records import DETAIL_FIELDS, NAME_FIELDS, FieldValue, Record, same_value
from curator.domain.relations import Relation, RelationKind
from curator.domain.translation import _
from curator.errors import EditConflict, InvalidValue, RecordNotFound
from curator.store.aliases import put_back_aliases, removed_aliases_of
from curator.store.evidence import evidence_for_record, put_back_evidence
from curator.store.records import get_record, touch_record
from curator.store.relations import describe, put_back_relations, relations_touching
from curator.store.removal import DeletedRecord
from curator.store.revisions import add_revision
from curator.store.tables import DETAIL_TABLES, AliasRow, EvidenceRow, RecordRow, RelationRow


@dataclass(frozen=True)
class MergedRecord:
    """A merge done: the kept record before and after, and the other as it was."""

    kept: Record
    kept_before: Record
    absorbed: DeletedRecord
    """The other record with its evidence, relations and aliases before the merge."""
    added_alias_ids: tuple[int, ...] = ()
    """The other's names, now aliases of the kept record."""
    filled: tuple[str, ...] = ()
    """Fields of the kept record that were empty and took the other's value."""
    dropped_relation_ids: tuple[int, ...] = ()
    """The other's relations that were deleted rather than moved."""


def _row(session: Session, record_id: int) -> RecordRow:
    row = session.get(RecordRow, record_id)
    if row is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    return row


def _label(record: Record | RecordRow) -> str:
    return f"{record.key} {record.name_en or record.name_zh}".strip()


def merge_records(
    session: Session, keep_id: int, other_id: int, *, user: str,
    keep_version: int | None, other_version: int | None,
) -> MergedRecord:
    """Merge `other_id` into `keep_id` (same kind); EditConflict if either moved on from the
    version given (None: the version there now)."""
    if keep_id == other_id:
        raise InvalidValue(_("A record cannot be merged with itself."))
    keep, other = _row(session, keep_id), _row(session, other_id)
    if keep.kind != other.kind:
        raise InvalidValue(_("{key} and {other} are not of the same kind.").format(
                               key=keep.key, other=other.key))
    absorbed = DeletedRecord(
        record=get_record(session, other_id), number=other.number,
        evidence=evidence_for_record(session, other_id),
        relations=relations_touching(session, other_id),
        aliases=removed_aliases_of(session, other_id),
    )
    kept_before = get_record(session, keep_id)
    version = touch_record(session, keep_id, expected_version=keep_version, user=user)
    other_after = touch_record(session, other_id, expected_version=other_version, user=user)
    dropped = _move_relations(session, absorbed, keep_id, user=user)
    filled = _fill_fields(session, kept_before, absorbed.record)
    _move_aliases(session, absorbed, keep_id)
    added = _add_names_as_aliases(session, keep_id, absorbed.record, user=user)
    for span in session.exec(select(EvidenceRow).where(EvidenceRow.record_id == other_id)).all():
        span.record_id = keep_id
        session.add(span)
    session.flush()
    add_revision(session, keep_id, version=version, action="merge", user=user,
                 new_value=_label(absorbed.record))
    for name in filled:
        add_revision(session, keep_id, version=version, action="merge", user=user, field=name,
                     old_value=kept_before.value(name) or None,
                     new_value=absorbed.record.value(name))
    add_revision(session, other_id, version=other_after, action="merge", user=user,
                 old_value=other.key, new_value=_label(kept_before))
    session.delete(other)  # its details go too (ON DELETE CASCADE); nothing else is left
    session.flush()
    return MergedRecord(get_record(session, keep_id), kept_before, absorbed, added, filled,
                        dropped)


def _same_relation(session: Session, relation: Relation) -> RelationRow | None:
    """Another relation saying the same (kind, ends, country and role), if there is one."""
    return session.exec(select(RelationRow).where(
        RelationRow.kind == relation.kind.value, RelationRow.subject_id == relation.subject_id,
        RelationRow.object_id == relation.object_id,
        RelationRow.country_code == relation.country_code, RelationRow.role == relation.role,
        RelationRow.id != relation.id)).first()


def _has_other_parent(session: Session, relation: Relation) -> bool:
    return session.exec(select(RelationRow.id).where(
        RelationRow.kind == RelationKind.PARENT.value,
        RelationRow.subject_id == relation.subject_id, RelationRow.id != relation.id,
    )).first() is not None


def _repoint_evidence(
    session: Session, *, relation_id: int | None = None, alias_id: int | None = None,
    to_record: int, to_relation: int | None = None, to_alias: int | None = None,
) -> None:
    """Give the evidence of a relation or alias about to be dropped to what replaces it."""
    spans = session.exec(select(EvidenceRow).where(
        EvidenceRow.relation_id == relation_id if relation_id is not None
        else EvidenceRow.alias_id == alias_id)).all()
    for span in spans:
        span.record_id, span.relation_id, span.alias_id = to_record, to_relation, to_alias
        session.add(span)
    session.flush()


def _move_relations(
    session: Session, absorbed: DeletedRecord, keep_id: int, *, user: str
) -> tuple[int, ...]:
    """Point the other's relations at the kept record; returns the ids of those dropped."""
    other_id = absorbed.record.id
    dropped = []
    for item in absorbed.relations:
        row = session.get(RelationRow, item.relation.id)
        assert row is not None
        before = describe(session, item.relation)
        moved = replace(
            item.relation,
            subject_id=keep_id if row.subject_id == other_id else row.subject_id,
            object_id=keep_id if row.object_id == other_id else row.object_id)
        same = _same_relation(session, moved)
        if moved.subject_id == moved.object_id or same is not None or (
                moved.kind is RelationKind.PARENT and _has_other_parent(session, moved)):
            _repoint_evidence(session, relation_id=row.id, to_record=moved.subject_id,
                              to_relation=None if same is None else same.id)
            session.delete(row)
            dropped.append(item.relation.id)
            after = None
        else:
            row.subject_id, row.object_id = moved.subject_id, moved.object_id
            session.add(row)
            after = describe(session, moved)
        session.flush()
        _note_on_subject(session, moved.subject_id, {keep_id, other_id}, item.relation.kind,
                         before, after, user=user)
    _refuse_cycle(session, keep_id)
    return tuple(dropped)


def _note_on_subject(
    session: Session, subject_id: int, merging: set[int], kind: RelationKind,
    before: str | None, after: str | None, *, user: str,
) -> None:
    """Say in a third record's history that its relation now names the kept record (no new
    version: a window editing it sees no conflict)."""
    subject = session.get(RecordRow, subject_id)
    if subject_id in merging or subject is None:
        return
    add_revision(session, subject_id, version=subject.version, action="relation", user=user,
                 field=kind.value, old_value=before, new_value=after)


def _refuse_cycle(session: Session, record_id: int) -> None:
    """Refuse a merge that puts an organization inside itself through its parents."""
    seen, current = {record_id}, record_id
    while (parent := session.exec(select(RelationRow.object_id).where(
            RelationRow.kind == RelationKind.PARENT.value,
            RelationRow.subject_id == current)).first()) is not None:
        if parent in seen:
            raise InvalidValue(_("These organizations cannot be merged: one would be inside "
                                 "itself through its parent organizations."))
        seen.add(parent)
        current = parent


def _fill_fields(session: Session, kept: Record, other: Record) -> tuple[str, ...]:
    """Give the kept record the other's value of each field it has empty."""
    filled = []
    detail = session.get(DETAIL_TABLES[kept.kind.value], kept.id)
    row = _row(session, kept.id)
    names = NAME_FIELDS + tuple(spec.name for spec in DETAIL_FIELDS[kept.kind])
    for name in names:
        value = other.value(name)
        if same_value(kept.value(name), None) and not same_value(value, None):
            setattr(row if name in NAME_FIELDS else detail, name, value)
            filled.append(name)
    session.add(row)
    session.add(detail)
    session.flush()
    return tuple(filled)


def _known_texts(session: Session, keep_id: int) -> dict[str, int | None]:
    """The kept record's names and aliases, lowercased, with the alias id (None: a name)."""
    row = _row(session, keep_id)
    known: dict[str, int | None] = {name.lower(): None for name in (row.name_en, row.name_zh)
                                    if name}
    for alias in session.exec(select(AliasRow).where(AliasRow.record_id == keep_id)):
        known.setdefault(alias.text.lower(), alias.id)
    return known


def _move_aliases(session: Session, absorbed: DeletedRecord, keep_id: int) -> None:
    """Give the other's aliases to the kept record; one it has already (as a name or an
    alias) is dropped, its evidence going to that alias or the record."""
    known = _known_texts(session, keep_id)
    for item in absorbed.aliases:
        row = session.get(AliasRow, item.alias.id)
        assert row is not None
        if row.text.lower() in known:
            _repoint_evidence(session, alias_id=row.id, to_record=keep_id,
                              to_alias=known[row.text.lower()])
            session.delete(row)
        else:
            row.record_id = keep_id
            session.add(row)
            known[row.text.lower()] = row.id
        session.flush()


def _add_names_as_aliases(
    session: Session, keep_id: int, other: Record, *, user: str
) -> tuple[int, ...]:
    """The other's names, in both scripts, as aliases of the kept record (unless known)."""
    known = _known_texts(session, keep_id)
    added = []
    for name in (other.name_en, other.name_zh):
        if name and name.lower() not in known:
            row = AliasRow(record_id=keep_id, text=name, created_at=datetime.now(UTC),
                           created_by=user)
            session.add(row)
            session.flush()
            assert row.id is not None
            added.append(row.id)
            known[name.lower()] = row.id
    return tuple(added)


def unmerge_records(session: Session, merged: MergedRecord, *, user: str) -> Record:
    """Take a merge back: the other record returns under its id and key, with its evidence,
    aliases and relations where they were, and the kept record loses what it took.

    EditConflict if the kept record changed since the merge. A moved relation removed since
    from its event stays removed.
    """
    kept, other = merged.kept, merged.absorbed.record
    if session.get(RecordRow, other.id) is not None:
        raise EditConflict(_("{key} is back already.").format(key=other.key))
    version = touch_record(session, kept.id, expected_version=kept.version, user=user)
    for alias_id in merged.added_alias_ids:
        if (alias := session.get(AliasRow, alias_id)) is not None:
            session.delete(alias)
    _unfill_fields(session, merged)
    _put_back_record(session, merged.absorbed, user=user)
    for item in merged.absorbed.aliases:
        if (alias := session.get(AliasRow, item.alias.id)) is not None:
            alias.record_id = other.id
            session.add(alias)
        else:
            put_back_aliases(session, [replace(item, evidence=[])], user=user)
    session.flush()
    relation_ids = _move_relations_back(session, merged, user=user)
    _move_evidence_back(session, merged, relation_ids, user=user)
    add_revision(session, kept.id, version=version, action="unmerge", user=user,
                 old_value=_label(other))
    add_revision(session, other.id, version=other.version + 2, action="unmerge", user=user,
                 old_value=_label(merged.kept_before), new_value=other.key)
    session.flush()
    return get_record(session, other.id)


def _unfill_fields(session: Session, merged: MergedRecord) -> None:
    kept = merged.kept_before
    row = _row(session, kept.id)
    detail = session.get(DETAIL_TABLES[kept.kind.value], kept.id)
    for name in merged.filled:
        value: FieldValue = kept.value(name)
        setattr(row if name in NAME_FIELDS else detail, name, value)
    session.add(row)
    session.add(detail)


def _put_back_record(session: Session, absorbed: DeletedRecord, *, user: str) -> None:
    record = absorbed.record
    session.add(RecordRow(
        id=record.id, kind=record.kind.value, number=absorbed.number, key=record.key,
        name_en=record.name_en, name_zh=record.name_zh, status=record.status.value,
        version=record.version + 2, created_at=record.created_at,
        created_by=record.created_by, updated_at=datetime.now(UTC), updated_by=user,
    ))
    session.flush()  # the record first: no ORM relationship tells SQLAlchemy the order
    session.add(DETAIL_TABLES[record.kind.value](record_id=record.id, **record.details))
    session.flush()


def _move_relations_back(session: Session, merged: MergedRecord, *, user: str) -> set[int]:
    """Point moved relations at the other again and put dropped ones back; returns the ids
    of the relations that are back."""
    back = set()
    dropped = set(merged.dropped_relation_ids)
    for item in merged.absorbed.relations:
        relation = item.relation
        row = session.get(RelationRow, relation.id)
        ends = [end for end in (relation.subject_id, relation.object_id)
                if end is not None and end != merged.absorbed.record.id]
        if row is not None:
            before = describe(session, replace(relation, subject_id=row.subject_id,
                                               object_id=row.object_id))
            row.subject_id, row.object_id = relation.subject_id, relation.object_id
            session.add(row)
        elif relation.id in dropped and all(session.get(RecordRow, end) for end in ends):
            before = None
            put_back_relations(session, [replace(item, evidence=[])], user=user)
        else:
            continue  # removed from its event since the merge: it stays removed
        session.flush()
        back.add(relation.id)
        _note_on_subject(session, relation.subject_id,
                         {merged.kept.id, merged.absorbed.record.id}, relation.kind,
                         before, describe(session, relation), user=user)
    return back


def _move_evidence_back(
    session: Session, merged: MergedRecord, relation_ids: set[int], *, user: str
) -> None:
    """Every span of the other and of its relations back on the record, relation or alias
    it supported."""
    spans = {span.id: span for span in merged.absorbed.evidence}
    spans |= {span.id: span for item in merged.absorbed.relations for span in item.evidence}
    spans |= {span.id: span for item in merged.absorbed.aliases for span in item.evidence}
    missing = []
    for span in spans.values():
        if span.relation_id is not None and span.relation_id not in relation_ids:
            continue
        row = session.get(EvidenceRow, span.id)
        if row is None:
            missing.append(span)
            continue
        row.record_id, row.relation_id, row.alias_id = (
            span.record_id, span.relation_id, span.alias_id)
        session.add(row)
    put_back_evidence(session, missing, user=user)
    session.flush()

