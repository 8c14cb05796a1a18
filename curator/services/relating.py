"""Relating records: who took part in an event and how, who belongs where, and the roles.

Each change is one unit of work and a new version of the record the relation is written on
(its subject: the event for a participant), checked against `expected_version` (None: the
version there now) and noted in that record's history. Each returns what its undo needs.
"""

from __future__ import annotations

from curator.domain.records import Record, RecordKind, ReviewStatus
from curator.domain.relations import Relation, RelationKind, RelationView, Role
from curator.domain.translation import _
from curator.errors import InvalidValue
from curator.services.annotating import _guess_names as guess_names
from curator.services.identity import current_user
from curator.store import records as record_store
from curator.store import relations as relation_store
from curator.store import roles as role_store
from curator.store.database import ProjectDatabase
from curator.store.relations import RelationValue as RelationValue  # re-exported for the UI
from curator.store.relations import RemovedRelation as RemovedRelation  # re-exported for the UI


def relation_roles(database: ProjectDatabase, kind: RelationKind) -> list[Role]:
    """The roles a relation of `kind` may have (seeded ones first, then the project's own)."""
    with database.unit_of_work() as session:
        return role_store.list_roles(session, kind)


def add_role(
    database: ProjectDatabase, kind: RelationKind, name: str, *, name_zh: str = ""
) -> Role:
    """Extend the roles of a relation kind; InvalidValue for a blank or known name."""
    with database.unit_of_work() as session:
        return role_store.add_role(session, kind, name, name_zh=name_zh)


def add_relation(
    database: ProjectDatabase,
    kind: RelationKind,
    subject_id: int,
    *,
    object_id: int | None = None,
    country: str | None = None,
    role: str | None = None,
    title: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    expected_version: int | None = None,
) -> int:
    """Relate `subject_id` to a record (`object_id`) or a `country` (code or name in either
    language); returns the new relation's id. InvalidValue names what cannot be taken."""
    relation = Relation(
        id=0, kind=kind, subject_id=subject_id, object_id=object_id, country_code=country,
        role=role, title=title, start_date=start_date, end_date=end_date,
    )
    with database.unit_of_work() as session:
        return relation_store.add_relation(
            session, relation, user=current_user(), expected_version=expected_version
        ).id


def edit_relation(
    database: ProjectDatabase,
    relation_id: int,
    name: str,
    value: RelationValue,
    *,
    expected_version: int | None = None,
) -> Relation:
    """Change one field of a relation (`object_id`, `country_code`, `role`, `title`,
    `start_date`, `end_date`, as its kind allows); returns the relation as saved."""
    with database.unit_of_work() as session:
        return relation_store.update_relation(
            session, relation_id, name, value, user=current_user(),
            expected_version=expected_version,
        )


def remove_relation(
    database: ProjectDatabase, relation_id: int, *, expected_version: int | None = None
) -> RemovedRelation:
    """Remove a relation with its evidence; returns what `restore_relation` puts back."""
    with database.unit_of_work() as session:
        return relation_store.remove_relation(
            session, relation_id, user=current_user(), expected_version=expected_version
        )


def restore_relation(
    database: ProjectDatabase, removed: RemovedRelation, *, expected_version: int | None = None
) -> Relation:
    """Put a removed relation back under its old id, with its evidence."""
    with database.unit_of_work() as session:
        return relation_store.restore_relation(
            session, removed, user=current_user(), expected_version=expected_version
        )


def record_relations(database: ProjectDatabase, record_id: int) -> list[RelationView]:
    """A record's relations both ways, with the other side's key and names (or country)."""
    with database.unit_of_work() as session:
        return relation_store.relations_of(session, record_id)


def load_relation(database: ProjectDatabase, relation_id: int) -> Relation:
    """One relation as stored now."""
    with database.unit_of_work() as session:
        return relation_store.get_relation(session, relation_id)


def relation_subject_id(database: ProjectDatabase, relation_id: int) -> int:
    """The record a relation is written on: the one whose version its changes check."""
    with database.unit_of_work() as session:
        return relation_store.relation_subject_id(session, relation_id)


def create_named_record(database: ProjectDatabase, kind: RecordKind, name: str) -> Record:
    """Create a draft record to relate to, named as typed ("Fan Xiaojian (范小建)" fills both
    names; Chinese alone the Chinese name). InvalidValue for a blank name."""
    name_en, name_zh = guess_names(name)
    if not (name_en or name_zh):
        raise InvalidValue(_("Type a name for the new record first."))
    with database.unit_of_work() as session:
        return record_store.create_record(session, kind, user=current_user(), name_en=name_en,
                                          name_zh=name_zh, status=ReviewStatus.DRAFT)
