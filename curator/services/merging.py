"""Merging a duplicate into the record kept, and undoing the merge.

The kept record takes the other's relations, evidence, aliases and names (as aliases) and
the fields it lacks; the other is deleted. Both histories say so, naming the other key.
"""

from __future__ import annotations

from curator.domain.records import Record
from curator.services.identity import current_user
from curator.store import merging as merge_store
from curator.store.database import ProjectDatabase
from curator.store.merging import MergedRecord as MergedRecord  # re-exported for the UI


def merge_records(
    database: ProjectDatabase, keep_id: int, other_id: int, *,
    keep_version: int | None = None, other_version: int | None = None,
) -> MergedRecord:
    """Merge `other_id` into `keep_id`; returns what `unmerge_records` needs.

    EditConflict if either record changed since the versions given (None: as they are
    now); InvalidValue for records of two kinds, or a merge that would put an organization
    inside itself.
    """
    with database.unit_of_work() as session:
        return merge_store.merge_records(
            session, keep_id, other_id, user=current_user(),
            keep_version=keep_version, other_version=other_version,
        )


def unmerge_records(database: ProjectDatabase, merged: MergedRecord) -> Record:
    """Undo a merge: the other record back under its key with all that moved; returns it.

    EditConflict if the kept record changed since the merge.
    """
    with database.unit_of_work() as session:
        return merge_store.unmerge_records(session, merged, user=current_user())
