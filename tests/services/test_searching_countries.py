"""A search by a country's name in either language finds the records in or involving it."""

from __future__ import annotations

from curator.domain.records import RecordKind
from curator.domain.relations import RelationKind
from curator.domain.search_keys import SearchField
from curator.services.editing import edit_field
from curator.services.relating import add_relation, remove_relation
from curator.services.searching import search
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


def _event(database: ProjectDatabase, name: str) -> int:
    with database.unit_of_work() as session:
        return create_record(session, RecordKind.EVENT, user="t", name_en=name).id


def _keys(database: ProjectDatabase, query: str) -> list[str]:
    return [hit.key for hit in search(database, query).records]


def test_the_chinese_name_of_an_events_country_finds_it(database: ProjectDatabase) -> None:
    visit = _event(database, "Study tour of rural credit cooperatives")
    edit_field(database, visit, "country", "Tanzania", expected_version=1)
    hit = search(database, "坦桑尼亚").records[0]
    assert (hit.key, hit.field, hit.value) == ("E-0001", SearchField.COUNTRY, "坦桑尼亚")
    assert _keys(database, "tanzania") == ["E-0001"]


def test_the_countries_an_event_involves_find_it_and_stop_when_removed(
    database: ProjectDatabase,
) -> None:
    visit = _event(database, "Delegation visit")
    relation = add_relation(database, RelationKind.EVENT_COUNTRY, visit, country="MZ",
                            role="visited")
    assert _keys(database, "莫桑比克") == ["E-0001"]
    remove_relation(database, relation)
    assert _keys(database, "莫桑比克") == []


def test_a_persons_nationality_finds_them(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        person = create_record(session, RecordKind.PERSON, user="t", name_en="Ana Souza").id
    edit_field(database, person, "nationality", "巴西", expected_version=1)
    assert _keys(database, "Brazil") == ["P-0001"]


def test_upgrading_a_project_indexes_the_countries_it_already_holds(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import text

    from curator.store import migrating

    project = tmp_path / "older.curator"
    database = ProjectDatabase.open(project)
    visit = _event(database, "Seminar on microfinance")
    edit_field(database, visit, "country", "KE", expected_version=1)
    with database.engine.begin() as connection:  # as a project made before 0006 was
        command.downgrade(migrating.alembic_config(connection), "0005")
    with database.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT count(*) FROM search_key WHERE field = 'country'")).scalar() == 0
    database.close()
    assert _keys(reopened := ProjectDatabase.open(project), "肯尼亚") == ["E-0001"]
    reopened.close()
