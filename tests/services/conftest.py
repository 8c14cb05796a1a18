"""Service fixtures: a delegation visit with its head, the office that organized it, a bank."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.store.records import create_record
from tests.backends import BACKENDS, either_backend


@dataclass(frozen=True)
class Cast:
    """Ids of the records of a small project."""

    visit: int
    zheng: int
    lgop: int
    bank: int


@pytest.fixture
def cast(database: ProjectDatabase) -> Cast:
    """E-0001 the visit to Brazil, P-0001 Zheng Wenkai, O-0001 LGOP, O-0002 World Bank."""
    with database.unit_of_work() as session:
        ids = [
            create_record(session, kind, user="setup", name_en=name).id
            for kind, name in (
                (RecordKind.EVENT, "Delegation visit to Brazil"),
                (RecordKind.PERSON, "Zheng Wenkai"),
                (RecordKind.ORGANIZATION, "LGOP"),
                (RecordKind.ORGANIZATION, "World Bank"),
            )
        ]
    return Cast(*ids)


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ProjectDatabase]:
    """A new, empty project: every data-layer test runs on SQLite and on PostgreSQL."""
    yield from either_backend(request, tmp_path)
