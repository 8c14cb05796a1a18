"""Made-up history: when records were created, and the revisions of a tenth of them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from curator.domain.records import ReviewStatus
from synthetic.records import Record

STARTED = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
"""When the made-up team began curating (fixed, so a seed gives the same project)."""
USERS = ("alice", "bob", "chen.li", "wang.fang", "m.silva")
SUGGESTER = "Curator suggestions"
_ORDER = (ReviewStatus.DRAFT, ReviewStatus.NEEDS_REVIEW, ReviewStatus.APPROVED)


def created_at(record_id: int) -> datetime:
    """When a record was made: about every two minutes of working time, in id order."""
    return STARTED + timedelta(seconds=record_id * 97)


def creator(rng: random.Random, status: str) -> str:
    """Who made a record: the machine for suggested ones."""
    return SUGGESTER if status == ReviewStatus.SUGGESTED.value else rng.choice(USERS)


@dataclass(frozen=True)
class Change:
    """One revision row as planned."""

    version: int
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    changed_by: str


def plan_history(rng: random.Random, record: Record, key: str, created_by: str) -> list[Change]:
    """The revisions of a record: created, a field or two edited, an alias, its status set."""
    when = created_at(record.id)
    changes = [Change(1, "create", None, None, key, when, created_by)]

    def add(action: str, field: str | None, old: str | None, new: str | None) -> None:
        nonlocal when
        when += timedelta(minutes=rng.randrange(5, 60 * 24 * 20))
        changes.append(Change(len(changes) + 1, action, field, old, new, when,
                              rng.choice(USERS)))

    if record.name_en and rng.random() < 0.5:
        add("edit", "name_en", record.name_en.lower(), record.name_en)
    filled = [(name, value) for name, value in record.detail.items() if value is not None]
    for name, value in rng.sample(filled, min(len(filled), rng.randrange(0, 3))):
        add("edit", name, None, str(value))
    if record.alias:
        add("alias", "alias", None, record.alias)
    status = ReviewStatus(record.status)
    if status is not ReviewStatus.SUGGESTED:
        path = [*_ORDER[:_ORDER.index(status) + 1]] if status in _ORDER else [
            ReviewStatus.DRAFT, ReviewStatus.NEEDS_REVIEW, status]
        for old, new in zip(path, path[1:], strict=False):
            add("status", "status", old.value, new.value)
    return changes
