"""Queries and writes on events, people and organizations, with optimistic locking."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from curator.domain.countries import resolve_country
from curator.domain.country_fields import is_country_field
from curator.domain.dates import parse_partial_date
from curator.domain.records import (
    DETAIL_FIELDS,
    NAME_FIELDS,
    FieldValue,
    FieldWidget,
    Record,
    RecordKind,
    RecordSummary,
    ReviewStatus,
    editable_fields,
    field_spec,
    format_key,
)
from curator.domain.translation import _
from curator.errors import EditConflict, InvalidValue, RecordNotFound
from curator.store.key_numbers import claim_key_numbers
from curator.store.record_filters import RecordFilter, filtered_records, ordered
from curator.store.revisions import add_revision
from curator.store.tables import DETAIL_TABLES, RecordRow


def create_record(
    session: Session,
    kind: RecordKind,
    *,
    user: str,
    name_en: str = "",
    name_zh: str = "",
    status: ReviewStatus = ReviewStatus.DRAFT,
) -> Record:
    """Create a record with the next key of its kind (keys are never reused)."""
    number = claim_key_numbers(session, kind)
    now = datetime.now(UTC)
    row = RecordRow(
        kind=kind.value,
        number=number,
        key=format_key(kind, number),
        name_en=name_en,
        name_zh=name_zh,
        status=status.value,
        created_at=now,
        created_by=user,
        updated_at=now,
        updated_by=user,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    session.add(DETAIL_TABLES[kind.value](record_id=row.id))
    add_revision(session, row.id, version=1, action="create", user=user, new_value=row.key)
    session.flush()
    return get_record(session, row.id)


def _record_row(session: Session, record_id: int) -> RecordRow:
    row = session.get(RecordRow, record_id)
    if row is None:
        raise RecordNotFound(_("Record {record_id} no longer exists.").format(
                                 record_id=record_id))
    return row


def get_record(session: Session, record_id: int) -> Record:
    """The whole record with its kind-specific fields."""
    row = _record_row(session, record_id)
    return _to_domain(row, session.get(DETAIL_TABLES[row.kind], record_id))


def all_records(session: Session, kind: RecordKind) -> list[Record]:
    """Every record of `kind` with its fields, in key order, in one query."""
    detail_table = DETAIL_TABLES[kind.value]
    rows = session.exec(
        select(RecordRow, detail_table)
        .join(detail_table, col(detail_table.record_id) == RecordRow.id, isouter=True)  # type: ignore[attr-defined]
        .where(RecordRow.kind == kind.value)
        .order_by(col(RecordRow.number))
    ).all()
    return [_to_domain(row, detail) for row, detail in rows]


def _to_domain(row: RecordRow, detail: object) -> Record:
    kind = RecordKind(row.kind)
    details = {spec.name: getattr(detail, spec.name, None) for spec in DETAIL_FIELDS[kind]}
    assert row.id is not None
    return Record(
        id=row.id,
        kind=kind,
        key=row.key,
        name_en=row.name_en,
        name_zh=row.name_zh,
        status=ReviewStatus(row.status),
        version=row.version,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        details=details,
    )


def _coerce(kind: RecordKind, name: str, value: FieldValue) -> FieldValue:
    if name in NAME_FIELDS:
        return "" if value is None else str(value).strip()
    spec = field_spec(kind, name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if spec.widget is FieldWidget.INTEGER:
        try:
            number = int(value)
        except ValueError as error:
            raise InvalidValue(_("{label} must be a whole number, not {value!r}").format(
                                   label=spec.label, value=value)) from error
        if number < 0:
            raise InvalidValue(_("{label} cannot be negative ({number}).").format(
                                   label=spec.label, number=number))
        return number
    if spec.widget is FieldWidget.DATE:
        try:
            return parse_partial_date(str(value)).iso()
        except ValueError as error:
            raise InvalidValue(_("{label}: {error}").format(
                label=_(spec.label), error=error)) from error
    if is_country_field(kind, name):
        code = resolve_country(str(value))
        if code is None:
            raise InvalidValue(
                _("{label}: {strip!r} is not a country Curator knows; type its name "
                  "in English or Chinese, or its ISO code (BR, CN).").format(
                    label=spec.label, strip=str(value).strip())
            )
        return code
    return str(value).strip()


def _check_date_order(detail: object, name: str, value: FieldValue) -> None:
    """Refuse an end date before the start date (compared at the coarser precision)."""
    if name not in ("start_date", "end_date") or not isinstance(value, str):
        return
    start = value if name == "start_date" else getattr(detail, "start_date", None)
    end = value if name == "end_date" else getattr(detail, "end_date", None)
    if start and end:
        shared = min(len(start), len(end))
        if end[:shared] < start[:shared]:
            raise InvalidValue(_("The end date {end} is before the start date {start}.").format(
                                   end=end, start=start))


def _bump_version(session: Session, row: RecordRow, expected_version: int, user: str) -> int:
    """Claim the next version of a record, failing if someone else changed it first."""
    new_version = expected_version + 1
    result = session.execute(
        update(RecordRow)
        .where(col(RecordRow.id) == row.id, col(RecordRow.version) == expected_version)
        .values(version=new_version, updated_at=datetime.now(UTC), updated_by=user)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(row)
        raise EditConflict(
            _("{key} was changed by {updated_by} since you opened it; your edit was "
              "not applied. The record now shows their version.").format(
                key=row.key, updated_by=row.updated_by)
        )
    session.refresh(row)
    return new_version


def touch_record(
    session: Session, record_id: int, *, expected_version: int | None, user: str
) -> int:
    """Claim a new version for a change beside the record's fields (its evidence, say).

    With `expected_version` None the current version is taken as read.
    """
    row = _record_row(session, record_id)
    return _bump_version(session, row, expected_version or row.version, user)


def update_field(
    session: Session,
    record_id: int,
    name: str,
    value: FieldValue,
    *,
    expected_version: int,
    user: str,
) -> Record:
    """Set one field, writing a revision; raises EditConflict if the version moved on."""
    row = _record_row(session, record_id)
    kind = RecordKind(row.kind)
    if name not in editable_fields(kind):
        raise ValueError(f"{kind.label} has no editable field {name!r}")
    new_value = _coerce(kind, name, value)
    target = row if name in NAME_FIELDS else session.get(DETAIL_TABLES[kind.value], record_id)
    _check_date_order(target, name, new_value)
    old_value = getattr(target, name)
    if old_value == new_value:
        return get_record(session, record_id)
    version = _bump_version(session, row, expected_version, user)
    setattr(target, name, new_value)
    session.add(target)
    add_revision(
        session, record_id, version=version, action="edit", user=user,
        field=name, old_value=old_value, new_value=new_value,
    )
    session.flush()
    return get_record(session, record_id)


def set_status(
    session: Session,
    record_id: int,
    status: ReviewStatus,
    *,
    expected_version: int,
    user: str,
) -> Record:
    """Move a record to another review status, writing a revision."""
    row = _record_row(session, record_id)
    if row.status == status.value:
        return get_record(session, record_id)
    old_status = row.status
    version = _bump_version(session, row, expected_version, user)
    row.status = status.value
    session.add(row)
    add_revision(
        session, record_id, version=version, action="status", user=user,
        field="status", old_value=old_status, new_value=status.value,
    )
    session.flush()
    return get_record(session, record_id)


def _with_text(filters: RecordFilter | None, text: str) -> RecordFilter:
    base = filters or RecordFilter()
    return replace(base, text=text) if text else base


def list_summaries(
    session: Session,
    kind: RecordKind,
    *,
    text: str = "",
    offset: int = 0,
    limit: int = 200,
    filters: RecordFilter | None = None,
    order_by: str = "key",
    descending: bool = False,
) -> list[RecordSummary]:
    """One page of a kind's records whose key or names contain `text` and that pass
    `filters`, sorted by `order_by` (a column of `record_filters.sortable_columns`)."""
    query = ordered(filtered_records(session, kind, _with_text(filters, text)), kind,
                    order_by=order_by, descending=descending)
    rows = session.exec(query.offset(offset).limit(limit)).all()
    return [
        RecordSummary(
            id=r.id or 0,
            kind=kind,
            key=r.key,
            name_en=r.name_en,
            name_zh=r.name_zh,
            status=ReviewStatus(r.status),
        )
        for r in rows
    ]


def count_records(
    session: Session, kind: RecordKind, *, text: str = "", filters: RecordFilter | None = None
) -> int:
    """How many records of `kind` match `text` and pass `filters`."""
    subquery = filtered_records(session, kind, _with_text(filters, text)).subquery()
    return session.exec(select(func.count()).select_from(subquery)).one()


def counts_by_kind_and_status(session: Session) -> dict[RecordKind, dict[ReviewStatus, int]]:
    """Record counts for every kind and status (zero included)."""
    counts = {kind: dict.fromkeys(ReviewStatus, 0) for kind in RecordKind}
    rows = session.exec(
        select(RecordRow.kind, RecordRow.status, func.count()).group_by(
            col(RecordRow.kind), col(RecordRow.status)
        )
    ).all()
    for kind, status, count in rows:
        counts[RecordKind(kind)][ReviewStatus(status)] = count
    return counts
