"""Aliases: the other forms a record appears under, typed or taken from a selection.

Each change is a new version of the record, checked against `expected_version` (None: the
version there now), and returns what its undo needs.
"""

from __future__ import annotations

from curator.domain.relations import Alias
from curator.services.annotating import selected_span
from curator.services.identity import current_user
from curator.store import aliases as alias_store
from curator.store import evidence as evidence_store
from curator.store.aliases import RemovedAlias as RemovedAlias  # re-exported for the UI
from curator.store.database import ProjectDatabase
from curator.store.documents import document_text


def add_alias(
    database: ProjectDatabase, record_id: int, text: str, *, expected_version: int | None = None
) -> int:
    """Give a record another name it appears under; returns the alias id."""
    with database.unit_of_work() as session:
        return alias_store.add_alias(
            session, record_id, text, user=current_user(), expected_version=expected_version
        ).id


def add_alias_from_selection(
    database: ProjectDatabase,
    record_id: int,
    document_id: int,
    start: int,
    end: int,
    *,
    expected_version: int | None = None,
) -> int:
    """Take the selected words as an alias of a record, the selection as its evidence."""
    user = current_user()
    with database.unit_of_work() as session:
        text = document_text(session, document_id)
        start, end = selected_span(text, start, end)
        alias = alias_store.add_alias(
            session, record_id, text[start:end], user=user, expected_version=expected_version
        )
        evidence_store.add_evidence(
            session, record_id, document_id, start, end, user=user, text=text, alias_id=alias.id
        )
    return alias.id


def remove_alias(
    database: ProjectDatabase, alias_id: int, *, expected_version: int | None = None
) -> RemovedAlias:
    """Remove an alias with its evidence; returns what `restore_alias` puts back."""
    with database.unit_of_work() as session:
        return alias_store.remove_alias(
            session, alias_id, user=current_user(), expected_version=expected_version
        )


def restore_alias(
    database: ProjectDatabase, removed: RemovedAlias, *, expected_version: int | None = None
) -> Alias:
    """Put a removed alias back under its old id, with its evidence."""
    with database.unit_of_work() as session:
        return alias_store.restore_alias(
            session, removed, user=current_user(), expected_version=expected_version
        )


def record_aliases(database: ProjectDatabase, record_id: int) -> list[Alias]:
    """A record's aliases in the order they were added."""
    with database.unit_of_work() as session:
        return alias_store.aliases_of(session, record_id)


def alias_record_id(database: ProjectDatabase, alias_id: int) -> int:
    """The record an alias belongs to: the one whose version its changes check."""
    with database.unit_of_work() as session:
        return alias_store.alias_record_id(session, alias_id)
