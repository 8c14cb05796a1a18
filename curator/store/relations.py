"""Relations between records: adding, editing, removing and restoring them, each a revision."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from curator.domain.countries import country_name, resolve_country
from curator.domain.dates import parse_partial_date
from curator.domain.evidence import Evidence
from curator.domain.records import RecordKind
from curator.domain.relations import (
    RELATION_FIELDS,
    RecordSide,
    Relation,
    RelationKind,
    RelationView,
    describe_relation,
)
from curator.domain.translation import _
from curator.errors import EditConflict, InvalidValue, RecordNotFound
from curator.store.evidence import evidence_of, put_back_evidence
from curator.store.records import touch_record
from curator.store.revisions import add_revision
from curator.store.roles import role_names
from curator.store.tables import RecordRow, RelationRow

RelationValue = str | int | None


@dataclass(frozen=True)
class RemovedRelation:
    """A removed relation with its evidence and audit trail: what a restore puts back."""

    relation: Relation
    evidence: list[Evidence]
    created_at: datetime
    created_by: str


def _record(session: Session, record_id: int) -> RecordRow:
    row = session.get(RecordRow, record_id)
    if row is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    return row


def _relation_row(session: Session, relation_id: int) -> RelationRow:
    row = session.get(RelationRow, relation_id)
    if row is None:
        raise RecordNotFound(_("Relation {relation_id} no longer exists.").format(
                                 relation_id=relation_id))
    return row


def _to_domain(row: RelationRow) -> Relation:
    assert row.id is not None
    return Relation(
        id=row.id, kind=RelationKind(row.kind), subject_id=row.subject_id,
        object_id=row.object_id, country_code=row.country_code, role=row.role,
        title=row.title, start_date=row.start_date, end_date=row.end_date, version=row.version,
    )


def _side(row: RecordRow) -> RecordSide:
    assert row.id is not None
    return RecordSide(row.id, RecordKind(row.kind), row.key, row.name_en, row.name_zh)


def _text(value: RelationValue) -> str | None:
    return None if value is None or not str(value).strip() else " ".join(str(value).split())


def _checked(session: Session, relation: Relation) -> Relation:
    """The relation with its values normalized; InvalidValue for what its kind cannot take."""
    spec = relation.kind.spec
    subject = _record(session, relation.subject_id)
    if subject.kind != spec.subject_kind.value:
        raise InvalidValue(_("{label} belong to {a}, not to {key}.").format(
                               label=spec.label, a=_a(spec.subject_kind), key=subject.key))
    if spec.object_kind is None:
        code = resolve_country(relation.country_code or "")
        if code is None:
            raise InvalidValue(_("{value!r} is not a country Curator knows; type its "
                                 "name in English or Chinese, or its ISO code (BR, "
                                 "CN).").format(value=relation.country_code or ''))
        relation = replace(relation, object_id=None, country_code=code)
    else:
        if relation.object_id is None:
            raise InvalidValue(_("Choose the {lower} first.").format(
                                   lower=spec.object_kind.label.lower()))
        other = _record(session, relation.object_id)
        if other.kind != spec.object_kind.value:
            raise InvalidValue(_("{key} is not {a}.").format(
                                   key=other.key, a=_a(spec.object_kind)))
        relation = replace(relation, country_code=None)
    role, title = _text(relation.role), _text(relation.title)
    if role is not None and (not spec.has_role or role not in role_names(session, relation.kind)):
        raise InvalidValue(_("{role!r} is not a role of {lower}; add it to the roles "
                             "first.").format(role=role, lower=spec.label.lower()))
    if title is not None and not spec.has_title:
        raise InvalidValue(_("{label} have no title.").format(label=spec.label))
    start, end = _date(relation.start_date), _date(relation.end_date)
    if (start or end) and not spec.has_dates:
        raise InvalidValue(_("{label} have no dates.").format(label=spec.label))
    if start and end and end[: min(len(start), len(end))] < start[: min(len(start), len(end))]:
        raise InvalidValue(_("The end date {end} is before the start date {start}.").format(
                               end=end, start=start))
    return replace(relation, role=role, title=title, start_date=start, end_date=end)


def _a(kind: RecordKind) -> str:
    """ "an event", "a person"."""
    noun = kind.label.lower()
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _date(value: str | None) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        return parse_partial_date(str(value)).iso()
    except ValueError as error:
        raise InvalidValue(str(error)) from error


def _check_fits(session: Session, relation: Relation) -> None:
    """Refuse a duplicate, a second parent, or an organization inside itself."""
    same = select(RelationRow.id).where(
        RelationRow.kind == relation.kind.value, RelationRow.subject_id == relation.subject_id,
        RelationRow.id != (relation.id or 0))
    if relation.kind is RelationKind.PARENT:
        if session.exec(same).first() is not None:
            raise InvalidValue(_("An organization has one parent organization; change that one."))
        _check_no_cycle(session, relation)
        return
    duplicate = same.where(
        RelationRow.object_id == relation.object_id,
        RelationRow.country_code == relation.country_code, RelationRow.role == relation.role)
    if session.exec(duplicate).first() is not None:
        raise InvalidValue(_("The record already has this relation."))


def _check_no_cycle(session: Session, relation: Relation) -> None:
    parent_id, seen = relation.object_id, {relation.subject_id}
    while parent_id is not None:
        if parent_id in seen:
            raise InvalidValue(_("An organization cannot be inside itself."))
        seen.add(parent_id)
        parent_id = session.exec(select(RelationRow.object_id).where(
            RelationRow.kind == RelationKind.PARENT.value, RelationRow.subject_id == parent_id,
        )).first()


def describe(session: Session, relation: Relation) -> str:
    """The relation in a history line's words, naming the other side by key and name."""
    if relation.object_id is None:
        return describe_relation(relation, "", country_name=country_name(
            relation.country_code or ""))
    other = session.get(RecordRow, relation.object_id)
    name = "" if other is None else f"{other.key} {other.name_en or other.name_zh}".strip()
    return describe_relation(relation, name or f"#{relation.object_id}")


def add_relation(
    session: Session, relation: Relation, *, user: str, expected_version: int | None
) -> Relation:
    """Write a new relation on its subject (a new version of it); its id is chosen anew."""
    relation = _checked(session, replace(relation, id=0, version=1))
    _check_fits(session, relation)
    version = touch_record(session, relation.subject_id, expected_version=expected_version,
                           user=user)
    stored = _insert(session, relation, user=user, new=True)
    add_revision(session, relation.subject_id, version=version, action="relation", user=user,
                 field=relation.kind.value, new_value=describe(session, stored))
    return stored


def _insert(
    session: Session, relation: Relation, *, user: str, new: bool,
    created: tuple[datetime, str] | None = None,
) -> Relation:
    now = datetime.now(UTC)
    created_at, created_by = created or (now, user)
    row = RelationRow(
        id=None if new else relation.id, kind=relation.kind.value,
        subject_id=relation.subject_id, object_id=relation.object_id,
        country_code=relation.country_code, role=relation.role, title=relation.title,
        start_date=relation.start_date, end_date=relation.end_date, version=relation.version,
        created_at=created_at, created_by=created_by, updated_at=now, updated_by=user,
    )
    session.add(row)
    session.flush()
    return _to_domain(row)


def update_relation(
    session: Session, relation_id: int, name: str, value: RelationValue, *,
    user: str, expected_version: int | None,
) -> Relation:
    """Change one field of a relation (object, country, role, title, dates) as a revision."""
    row = _relation_row(session, relation_id)
    old = _to_domain(row)
    if name not in RELATION_FIELDS or name not in old.kind.spec.editable_fields:
        raise ValueError(f"{old.kind.spec.label} have no editable field {name!r}")
    changes: dict[str, Any] = {name: value}
    new = _checked(session, replace(old, **changes))
    if new == old:
        return old
    _check_fits(session, new)
    version = touch_record(session, old.subject_id, expected_version=expected_version, user=user)
    before = describe(session, old)
    for field_name in RELATION_FIELDS:
        setattr(row, field_name, getattr(new, field_name))
    row.version, row.updated_at, row.updated_by = old.version + 1, datetime.now(UTC), user
    session.add(row)
    session.flush()
    stored = _to_domain(row)
    add_revision(session, old.subject_id, version=version, action="relation", user=user,
                 field=old.kind.value, old_value=before, new_value=describe(session, stored))
    return stored


def remove_relation(
    session: Session, relation_id: int, *, user: str, expected_version: int | None
) -> RemovedRelation:
    """Delete a relation and its evidence (a new version of its subject); returns both."""
    row = _relation_row(session, relation_id)
    removed = _removed(session, row)
    version = touch_record(session, row.subject_id, expected_version=expected_version, user=user)
    add_revision(session, row.subject_id, version=version, action="relation", user=user,
                 field=row.kind, old_value=describe(session, removed.relation))
    session.delete(row)  # its evidence goes with it (ON DELETE CASCADE)
    session.flush()
    return removed


def _removed(session: Session, row: RelationRow) -> RemovedRelation:
    assert row.id is not None
    return RemovedRelation(_to_domain(row), evidence_of(session, relation_ids=[row.id]),
                           row.created_at, row.created_by)


def restore_relation(
    session: Session, removed: RemovedRelation, *, user: str, expected_version: int | None
) -> Relation:
    """Put a removed relation back under its id, with its evidence (a new version)."""
    relation = removed.relation
    if session.get(RelationRow, relation.id) is not None:
        raise EditConflict(_("This relation is back already."))
    for record_id in (relation.subject_id, relation.object_id):
        if record_id is not None and session.get(RecordRow, record_id) is None:
            raise RecordNotFound(_("The relation cannot come back: a record it joins was "
                                   "deleted."))
    version = touch_record(session, relation.subject_id, expected_version=expected_version,
                           user=user)
    stored = put_back_relations(session, [removed], user=user)[0]
    add_revision(session, relation.subject_id, version=version, action="relation", user=user,
                 field=relation.kind.value, new_value=describe(session, stored))
    return stored


def put_back_relations(
    session: Session, removed: list[RemovedRelation], *, user: str
) -> list[Relation]:
    """Insert relations again under their ids with their evidence (no revision, no checks)."""
    stored = [
        _insert(session, item.relation, user=user, new=False,
                created=(item.created_at, item.created_by))
        for item in removed
    ]
    put_back_evidence(session, (span for item in removed for span in item.evidence), user=user)
    session.flush()
    return stored


def relations_touching(session: Session, record_id: int) -> list[RemovedRelation]:
    """Every relation a record stands at either end of, with evidence (before deleting it)."""
    rows = session.exec(select(RelationRow).where(_touching(record_id))).all()
    return [_removed(session, row) for row in rows]


def _touching(record_id: int) -> ColumnElement[bool]:
    """Relations with `record_id` at either end."""
    return or_(col(RelationRow.subject_id) == record_id, col(RelationRow.object_id) == record_id)


def relation_subject_id(session: Session, relation_id: int) -> int:
    """The id of the record a relation is written on."""
    return _relation_row(session, relation_id).subject_id


def get_relation(session: Session, relation_id: int) -> Relation:
    """One relation as stored."""
    return _to_domain(_relation_row(session, relation_id))


def relations_of(session: Session, record_id: int) -> list[RelationView]:
    """A record's relations seen from it, both ways: an event's participants, a person's events.

    Ordered by kind, then the other side's key (countries by code).
    """
    subject, other = aliased(RecordRow), aliased(RecordRow)
    rows = session.exec(
        select(RelationRow, subject, other)
        .join(subject, col(subject.id) == RelationRow.subject_id)
        .join(other, col(other.id) == RelationRow.object_id, isouter=True)
        .where(_touching(record_id))
    ).all()
    views = [_view(row, subject_row, object_row, record_id)
             for row, subject_row, object_row in rows]
    order = list(RelationKind)
    return sorted(views, key=lambda view: (
        order.index(view.relation.kind), not view.as_subject,
        view.other.key if view.other else view.relation.country_code or "", view.relation.id))


def _view(
    row: RelationRow, subject: RecordRow, other: RecordRow | None, record_id: int
) -> RelationView:
    relation = _to_domain(row)
    as_subject = relation.subject_id == record_id
    if relation.country_code is not None:
        code = relation.country_code
        return RelationView(relation, as_subject, None, country_name(code, "en"),
                            country_name(code, "zh"))
    assert other is not None
    return RelationView(relation, as_subject, _side(other if as_subject else subject))


def all_relations(session: Session) -> list[tuple[Relation, RecordSide, RecordSide | None]]:
    """Every relation with both of its sides (None for a country), by kind, then subject key."""
    subject, other = aliased(RecordRow), aliased(RecordRow)
    rows = session.exec(
        select(RelationRow, subject, other)
        .join(subject, col(subject.id) == RelationRow.subject_id)
        .join(other, col(other.id) == RelationRow.object_id, isouter=True)
        .order_by(col(subject.number), col(RelationRow.id))
    ).all()
    order = list(RelationKind)
    lines = [
        (_to_domain(row), _side(subject_row), None if object_row is None else _side(object_row))
        for row, subject_row, object_row in rows
    ]
    return sorted(lines, key=lambda line: order.index(line[0].kind))  # stable: keys stay sorted
