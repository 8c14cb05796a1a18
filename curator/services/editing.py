"""Editing records: one field or the review status at a time, each change a revision."""

from __future__ import annotations

from curator.domain.records import (
    NAME_FIELDS,
    FieldValue,
    FieldWidget,
    Record,
    RecordKind,
    ReviewStatus,
    editable_fields,
    field_label,
    field_spec,
)
from curator.domain.text_safety import describe_character, first_control_character
from curator.domain.translation import _
from curator.errors import InvalidValue
from curator.services import reviewing
from curator.services.identity import current_user
from curator.store import records as record_store
from curator.store import removal
from curator.store.database import ProjectDatabase
from curator.store.removal import DeletedRecord as DeletedRecord  # re-exported for the UI
from curator.store.revisions import Revision as Revision  # re-exported for the UI
from curator.store.revisions import record_history


def load_record(database: ProjectDatabase, record_id: int) -> Record:
    """The current state of one record."""
    with database.unit_of_work() as session:
        return record_store.get_record(session, record_id)


def edit_field(
    database: ProjectDatabase,
    record_id: int,
    name: str,
    value: FieldValue,
    *,
    expected_version: int,
) -> Record:
    """Set one field; raises EditConflict if someone changed the record since it was read.

    Control characters are refused (InvalidValue): exports would disagree on them, and a
    listing would show them as fake rows or colours. Only a multi-line field (notes, a
    description) may hold tabs and line breaks.
    """
    with database.unit_of_work() as session:
        if isinstance(value, str):
            _refuse_control_characters(record_store.get_record(session, record_id).kind,
                                       name, value)
        return record_store.update_field(
            session, record_id, name, value, expected_version=expected_version, user=current_user()
        )


def _refuse_control_characters(kind: RecordKind, name: str, value: str) -> None:
    if name not in editable_fields(kind):
        return  # the store refuses the field itself
    multi_line = name not in NAME_FIELDS and field_spec(kind, name).widget is FieldWidget.TEXT
    found = first_control_character(value, allow_line_breaks=multi_line)
    if found is not None:
        advice = "remove it" if multi_line else "remove it; this field is one line"
        raise InvalidValue(
            _("{field_label} cannot hold {character}; {advice}.").format(
                field_label=field_label(kind, name), character=describe_character(found),
                advice=advice)
        )


def change_status(
    database: ProjectDatabase, record_id: int, status: ReviewStatus, *, expected_version: int
) -> Record:
    """Move a record to another review status (approval may be refused: `reviewing.decide`)."""
    return reviewing.decide(database, record_id, status, expected_version=expected_version)


def history(database: ProjectDatabase, record_id: int) -> list[Revision]:
    """Every change made to a record, oldest first."""
    with database.unit_of_work() as session:
        return record_history(session, record_id)


def delete_record(
    database: ProjectDatabase, record_id: int, *, expected_version: int | None = None
) -> DeletedRecord:
    """Delete a record and its evidence; returns what `restore_record` needs to undo it."""
    with database.unit_of_work() as session:
        return removal.delete_record(
            session, record_id, user=current_user(), expected_version=expected_version
        )


def restore_record(database: ProjectDatabase, deleted: DeletedRecord) -> Record:
    """Put a deleted record back under its old key, with its evidence."""
    with database.unit_of_work() as session:
        return removal.restore_record(session, deleted, user=current_user())
