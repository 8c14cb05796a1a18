"""Team mode: the same schema and store code on a real PostgreSQL server.

Uses the server at $CURATOR_TEST_POSTGRES (default: postgres@127.0.0.1:5432, database test)
to create a throw-away database per test module. Skipped where no server answers, except
under CI, where a missing server is a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from curator.domain.documents import SourceText
from curator.domain.records import RecordKind
from curator.domain.relations import Relation, RelationKind
from curator.errors import EditConflict
from curator.store.aliases import add_alias, aliases_of
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document
from curator.store.evidence import add_evidence, evidence_in_document
from curator.store.records import count_records, create_record, get_record, update_field
from curator.store.relations import add_relation, relations_of, update_relation
from curator.store.removal import delete_record, restore_record
from tests.postgres_server import scratch_database


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty database on the server, dropped afterwards."""
    with scratch_database() as url:
        yield url


@pytest.fixture
def team_project(postgres_url: str) -> Iterator[ProjectDatabase]:
    """The project on the server (its schema made by the migrations on first open)."""
    database = ProjectDatabase.open(postgres_url)
    yield database
    database.close()


def test_records_and_evidence_round_trip_on_postgresql(team_project: ProjectDatabase) -> None:
    source = SourceText("Report", "Vice Minister Zheng Wenkai met 郑文凯.", "r.txt", "utf-8",
                        "text/plain")
    with team_project.unit_of_work() as session:
        document_id = add_document(session, source, user="alice")
        record = create_record(session, RecordKind.PERSON, user="alice", name_en="Zheng Wenkai")
        record = update_field(session, record.id, "name_zh", "郑文凯",
                              expected_version=record.version, user="alice")
        add_evidence(session, record.id, document_id, 14, 26, user="alice")
    with team_project.unit_of_work() as session:
        assert get_record(session, record.id).name_zh == "郑文凯"
        assert [e.exact for e in evidence_in_document(session, document_id)] == ["Zheng Wenkai"]
        assert count_records(session, RecordKind.PERSON, text="zheng") == 1


def test_a_colleague_edit_in_between_is_a_conflict(team_project: ProjectDatabase) -> None:
    with team_project.unit_of_work() as session:
        record = create_record(session, RecordKind.EVENT, user="alice")
    with team_project.unit_of_work() as session:
        update_field(session, record.id, "city", "Beijing",
                     expected_version=record.version, user="bob")
    with pytest.raises(EditConflict, match="bob"), team_project.unit_of_work() as session:
        update_field(session, record.id, "city", "Rio", expected_version=record.version,
                     user="alice")


def test_deleted_record_restores_under_its_key_and_keys_are_not_reused(
    team_project: ProjectDatabase,
) -> None:
    with team_project.unit_of_work() as session:
        record = create_record(session, RecordKind.ORGANIZATION, user="alice")
        deleted = delete_record(session, record.id, user="alice")
        newcomer = create_record(session, RecordKind.ORGANIZATION, user="alice")
        restored = restore_record(session, deleted, user="alice")
    assert (restored.key, newcomer.key) == (record.key, "O-0002")


def test_a_project_made_at_0001_upgrades_on_postgresql(
    make_project_at_0001: Callable[[Engine], None],
) -> None:
    with scratch_database() as url:
        engine = create_engine(url)
        make_project_at_0001(engine)
        engine.dispose()
        database = ProjectDatabase.open(url)
        with database.engine.connect() as connection:
            evidence = connection.execute(text("SELECT id, exact FROM evidence")).all()
            roles = connection.execute(text("SELECT count(*) FROM role")).scalar()
            countries = connection.execute(text(
                "SELECT country FROM event_detail ORDER BY record_id")).scalars().all()
        database.close()
    assert (evidence, roles) == ([(7, "Zheng Wenkai")], 17)
    assert countries == ["BR", "Brazil and Peru"]  # what it cannot resolve stays, to fix


def test_relations_and_aliases_round_trip_and_come_back_on_postgresql(
    team_project: ProjectDatabase,
) -> None:
    with team_project.unit_of_work() as session:
        event = create_record(session, RecordKind.EVENT, user="alice", name_en="Visit")
        person = create_record(session, RecordKind.PERSON, user="alice", name_en="Zheng")
        relation = add_relation(session, Relation(
            0, RelationKind.PARTICIPANT, event.id, person.id, None, role="head of delegation",
        ), user="alice", expected_version=None)
        add_relation(session, Relation(0, RelationKind.EVENT_COUNTRY, event.id, None, "巴西"),
                     user="alice", expected_version=None)
        add_alias(session, person.id, "Mr. Zheng", user="alice", expected_version=None)
    with pytest.raises(EditConflict), team_project.unit_of_work() as session:
        update_relation(session, relation.id, "role", "speaker", user="bob", expected_version=1)
    with team_project.unit_of_work() as session:
        deleted = delete_record(session, person.id, user="alice")
    with team_project.unit_of_work() as session:
        restore_record(session, deleted, user="alice")
    with team_project.unit_of_work() as session:
        views = relations_of(session, event.id)
        aliases = [alias.text for alias in aliases_of(session, person.id)]
    assert [(v.relation.id if v.other else v.relation.country_code) for v in views] == [
        relation.id, "BR"]
    assert aliases == ["Mr. Zheng"]
