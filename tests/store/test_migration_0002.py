"""Migration 0002 upgrades a project made at 0001 without losing anything."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from curator.store import migrating
from curator.store.database import ProjectDatabase


@pytest.fixture
def old_project(
    tmp_path: Path, make_project_at_0001: Callable[[Engine], None]
) -> Iterator[Path]:
    """A SQLite project file at schema 0001."""
    file = tmp_path / "old.curator"
    engine = create_engine(f"sqlite:///{file}")
    make_project_at_0001(engine)
    engine.dispose()
    yield file


def test_upgrade_keeps_evidence_under_its_id(old_project: Path) -> None:
    database = ProjectDatabase.open(old_project)
    with database.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT id, record_id, exact, relation_id, alias_id FROM evidence")).all()
        revision = migrating.current_revision(connection)
    database.close()
    assert (rows, revision) == ([(7, 2, "Zheng Wenkai", None, None)], migrating.HEAD_REVISION)


def test_upgrade_seeds_the_role_vocabulary(old_project: Path) -> None:
    database = ProjectDatabase.open(old_project)
    with database.engine.connect() as connection:
        roles = set(connection.execute(text("SELECT relation_kind, name FROM role")).all())
    database.close()
    assert {("participant", "head of delegation"), ("event_organization", "organizer"),
            ("event_country", "visited")} <= roles
    assert len(roles) == 17


def test_upgrade_keeps_records_and_their_versions(old_project: Path) -> None:
    database = ProjectDatabase.open(old_project)
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT key, version FROM record ORDER BY id")).all()
        position = connection.execute(text(
            "SELECT position FROM person_detail WHERE record_id = 2")).scalar()
    database.close()
    assert rows == [("E-0001", 3), ("P-0001", 3), ("O-0001", 3), ("E-0002", 3)]
    assert position == "Vice Minister"


def test_upgrade_turns_country_names_into_codes(old_project: Path) -> None:
    database = ProjectDatabase.open(old_project)
    with database.engine.connect() as connection:
        events = connection.execute(text(
            "SELECT record_id, country FROM event_detail ORDER BY record_id")).all()
        nationality = connection.execute(text("SELECT nationality FROM person_detail")).scalar()
        org_country = connection.execute(text("SELECT country FROM organization_detail")).scalar()
    database.close()
    assert (events[0], nationality, org_country) == ((1, "BR"), "CN", "CN")


def test_upgrade_keeps_a_country_it_cannot_resolve_for_a_curator_to_fix(
    old_project: Path,
) -> None:
    from curator.domain.country_fields import is_country_code

    database = ProjectDatabase.open(old_project)
    with database.engine.connect() as connection:
        kept = connection.execute(text(
            "SELECT country FROM event_detail WHERE record_id = 4")).scalar()
    database.close()
    assert (kept, is_country_code(kept)) == ("Brazil and Peru", False)


def test_upgrade_writes_each_country_change_into_the_history(old_project: Path) -> None:
    from curator.store.revisions import record_history

    database = ProjectDatabase.open(old_project)
    with database.unit_of_work() as session:
        history = record_history(session, 1)
        untouched = record_history(session, 4)
    database.close()
    assert [(r.field, r.old_value, r.new_value, r.version) for r in history] == [
        ("country", "Brazil", "BR", 3)]
    assert untouched == []
