"""Settings kept in the project itself, so every member of a team works by the same rules."""

from __future__ import annotations

from sqlmodel import Session

from curator.store.tables import ProjectSettingRow

SECOND_REVIEWER = "review.second_reviewer"
"""Whether a record must be approved by someone other than its last editor ("1" or "0")."""


def get_setting(session: Session, name: str) -> str | None:
    """A setting's value, or None if it was never set."""
    row = session.get(ProjectSettingRow, name)
    return None if row is None else row.value


def set_setting(session: Session, name: str, value: str) -> None:
    """Set (or replace) a setting."""
    row = session.get(ProjectSettingRow, name) or ProjectSettingRow(name=name, value=value)
    row.value = value
    session.add(row)
    session.flush()


def delete_setting(session: Session, name: str) -> None:
    """Forget a setting (nothing happens if it was never set)."""
    row = session.get(ProjectSettingRow, name)
    if row is not None:
        session.delete(row)
        session.flush()


def second_reviewer_required(session: Session) -> bool:
    """Whether the project asks for a second pair of eyes before approval."""
    return get_setting(session, SECOND_REVIEWER) == "1"
