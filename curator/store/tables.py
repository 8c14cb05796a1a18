"""SQLModel tables: the database schema (created and upgraded by Alembic, never create_all)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def _parent(
    table_column: str, *, on_delete: str = "CASCADE", primary: bool = False,
    nullable: bool = False,
) -> Column:
    """An integer column referencing `table_column`."""
    return Column(
        Integer,
        ForeignKey(table_column, ondelete=on_delete),
        primary_key=primary,
        nullable=nullable,
        index=not primary,
    )


class DocumentRow(SQLModel, table=True):
    """An imported source; its normalized text never changes after import."""

    __tablename__ = "document"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    source_name: str
    sha256: str = Field(unique=True, index=True)
    encoding: str
    media_type: str
    language: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    imported_at: datetime
    imported_by: str


class SectionRow(SQLModel, table=True):
    """A heading detected in a document at import, with the span it covers."""

    __tablename__ = "section"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document.id"))
    ordinal: int
    title: str
    level: int
    start: int
    end: int


class RecordRow(SQLModel, table=True):
    """What every event, person and organization has in common."""

    __tablename__ = "record"
    __table_args__ = (
        UniqueConstraint("kind", "number", name="uq_record_kind_number"),
        Index("ix_record_kind_key", "kind", "key"),
        Index("ix_record_kind_status", "kind", "status"),  # review progress, counted
        # Never hand a deleted record's id to a new one: revisions refer to ids.
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    number: int
    key: str = Field(unique=True)
    name_en: str = ""
    name_zh: str = ""
    status: str
    version: int = 1
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


class KeySequenceRow(SQLModel, table=True):
    """The last key number issued per record kind, so a deleted record's key is never reused."""

    __tablename__ = "key_sequence"

    kind: str = Field(primary_key=True)
    last_number: int = 0


class EventDetailRow(SQLModel, table=True):
    """Fields only events have."""

    __tablename__ = "event_detail"
    __table_args__ = (
        # The dashboard's counts by month and type, its timeline and its countries read
        # these instead of the table (migration 0007).
        Index("ix_event_detail_start_date_event_type", "start_date", "event_type"),
        Index("ix_event_detail_country", "country"),
    )

    record_id: int | None = Field(
        default=None, sa_column=_parent("record.id", primary=True)
    )
    event_type: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    city: str | None = None
    country: str | None = None
    participant_count: int | None = None
    description: str | None = None


class PersonDetailRow(SQLModel, table=True):
    """Fields only people have."""

    __tablename__ = "person_detail"

    record_id: int | None = Field(
        default=None, sa_column=_parent("record.id", primary=True)
    )
    position: str | None = None
    nationality: str | None = None
    description: str | None = None


class OrganizationDetailRow(SQLModel, table=True):
    """Fields only organizations have."""

    __tablename__ = "organization_detail"

    record_id: int | None = Field(
        default=None, sa_column=_parent("record.id", primary=True)
    )
    acronym: str | None = None
    org_kind: str | None = None
    country: str | None = None
    description: str | None = None


class EvidenceRow(SQLModel, table=True):
    """A span of a document supporting a record, or one field of it."""

    __tablename__ = "evidence"
    __table_args__ = (
        Index("ix_evidence_document_start", "document_id", "start"),
        {"sqlite_autoincrement": True},  # a restored span takes back its old id
    )

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(sa_column=_parent("record.id"))
    document_id: int = Field(sa_column=_parent("document.id", on_delete="RESTRICT"))
    field: str | None = None
    start: int
    end: int
    exact: str = Field(sa_column=Column(Text, nullable=False))
    prefix: str = ""
    suffix: str = ""
    created_at: datetime
    created_by: str
    # Evidence may support one relation or one alias of its record rather than the record.
    relation_id: int | None = Field(
        default=None, sa_column=_parent("relation.id", nullable=True)
    )
    alias_id: int | None = Field(default=None, sa_column=_parent("alias.id", nullable=True))


class RelationRow(SQLModel, table=True):
    """A relation written on its subject record: to another record, or to a country.

    One table for every kind (`domain.relations.RelationKind`): which columns apply to a
    kind is said once in `RELATION_SPECS`.
    """

    __tablename__ = "relation"
    __table_args__ = (
        CheckConstraint(
            "(object_id IS NULL) <> (country_code IS NULL)", name="ck_relation_one_object"
        ),
        # The dashboard's rankings: the records and countries most events relate to.
        Index("ix_relation_kind_object_subject", "kind", "object_id", "subject_id"),
        Index("ix_relation_kind_country_subject", "kind", "country_code", "subject_id"),
        {"sqlite_autoincrement": True},  # a restored relation takes back its old id
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    subject_id: int = Field(sa_column=_parent("record.id"))
    object_id: int | None = Field(default=None, sa_column=_parent("record.id", nullable=True))
    country_code: str | None = None
    role: str | None = None
    title: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    version: int = 1
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


class RoleRow(SQLModel, table=True):
    """One role of a relation kind's vocabulary (seeded by migration 0002, extensible)."""

    __tablename__ = "role"
    __table_args__ = (
        UniqueConstraint("relation_kind", "name", name="uq_role_kind_name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    relation_kind: str
    name: str
    name_zh: str = ""


class AliasRow(SQLModel, table=True):
    """Another form a record appears under in the sources."""

    __tablename__ = "alias"
    __table_args__ = (
        UniqueConstraint("record_id", "text", name="uq_alias_record_text"),
        {"sqlite_autoincrement": True},  # a restored alias takes back its old id
    )

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(sa_column=_parent("record.id"))
    text: str
    created_at: datetime
    created_by: str


class RevisionRow(SQLModel, table=True):
    """One change to a record: who, when, which field, old and new value."""

    __tablename__ = "revision"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(index=True)
    version: int
    action: str
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    changed_at: datetime
    changed_by: str


class CommentRow(SQLModel, table=True):
    """One comment on a record (who, when, what).

    No foreign key, as for revisions: ids are never reused, so a record's comments wait while
    it is deleted and are there again when undo brings it back.
    """

    __tablename__ = "comment"
    __table_args__ = ({"sqlite_autoincrement": True},)  # a restored comment takes back its id

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime
    created_by: str


class ProjectSettingRow(SQLModel, table=True):
    """One setting that belongs to the project rather than to a user (a team's rules)."""

    __tablename__ = "project_setting"

    name: str = Field(primary_key=True)
    value: str


class SearchKeyRow(SQLModel, table=True):
    """One folded form a record is found by (`store.search_index` keeps these in step).

    SQLite also indexes `form` by trigrams and `han` by character (FTS5 tables made by
    migration 0003, fed by `search_index` as it inserts keys, emptied by delete triggers);
    PostgreSQL indexes `form` with pg_trgm.
    """

    __tablename__ = "search_key"
    __table_args__ = (
        # Exact and prefix lookups per field weight; PostgreSQL needs the pattern operator
        # class for LIKE 'prefix%' under a non-C collation.
        Index("ix_search_key_weight_form", "weight", "form",
              postgresql_ops={"form": "text_pattern_ops"}),
    )

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(sa_column=_parent("record.id"))
    field: str
    weight: int
    value: str
    form: str
    han: str | None = None


class PassageRow(SQLModel, table=True):
    """A paragraph of a document, folded for search, with its span in the document's text."""

    __tablename__ = "passage"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document.id"))
    start: int
    end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    han: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class DuplicateDismissalRow(SQLModel, table=True):
    """Two records a curator said are not duplicates, so detection never lists them again.

    Record ids, smaller first, with no foreign key: ids are never reused, and a dismissal
    outlives a record deleted and brought back by undo.
    """

    __tablename__ = "duplicate_dismissal"

    first_id: int = Field(primary_key=True)
    second_id: int = Field(primary_key=True)
    dismissed_at: datetime
    dismissed_by: str


DETAIL_TABLES: dict[str, type[SQLModel]] = {
    "event": EventDetailRow,
    "person": PersonDetailRow,
    "organization": OrganizationDetailRow,
}
"""Detail table of each record kind, by `RecordKind` value."""
