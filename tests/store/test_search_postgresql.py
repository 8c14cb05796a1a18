"""Search on a PostgreSQL project: the same results through pg_trgm instead of FTS5."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from curator.domain.documents import SourceText
from curator.domain.records import RecordKind
from curator.domain.search_results import MatchRank
from curator.services.searching import search
from curator.store.aliases import add_alias
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document
from curator.store.records import create_record
from curator.store.removal import delete_record, restore_record

TEXT = "Report\n\nVice Minister Fan Xiaojian met the delegation.\n会议在北京举行。\n"


@pytest.fixture
def team_project(new_postgres_url: str) -> Iterator[ProjectDatabase]:
    """A project on the server with three records and a document."""
    database = ProjectDatabase.open(new_postgres_url)
    with database.unit_of_work() as session:
        create_record(session, RecordKind.PERSON, user="u", name_en="Fan Xiaojian")
        create_record(session, RecordKind.PERSON, user="u", name_en="Lv Youqing")
        office = create_record(session, RecordKind.ORGANIZATION, user="u", name_zh="國務院扶贫办")
        add_alias(session, office.id, "LGOP", user="u", expected_version=None)
        add_document(session, SourceText("Report", TEXT, "r.txt", "utf-8", "text/plain"),
                     user="u")
    yield database
    database.close()


QUERIES = {
    "范小建": "P-0001", "fanxiaojian": "P-0001", "lyu": "P-0002", "lü": "P-0002",
    "国务院": "O-0001", "扶贫": "O-0001", "范": "P-0001", "lgop": "O-0001", "iaoji": "P-0001",
}


def test_records_are_found_on_postgresql(team_project: ProjectDatabase) -> None:
    found = {query: [hit.key for hit in search(team_project, query).records]
             for query in QUERIES}
    assert found == {query: [key] for query, key in QUERIES.items()}


def test_passages_are_found_on_postgresql(team_project: ProjectDatabase) -> None:
    hits = search(team_project, "北京").passages + search(team_project, "DELEGATION").passages
    assert [(hit.start, hit.end) for hit in hits] == [
        (TEXT.index("北京"), TEXT.index("北京") + 2),
        (TEXT.index("delegation"), TEXT.index("delegation") + 10)]


def test_the_index_follows_deletion_and_restore_on_postgresql(
    team_project: ProjectDatabase,
) -> None:
    with team_project.unit_of_work() as session:
        deleted = delete_record(session, 1, user="u")
    assert search(team_project, "fan xiaojian").records == ()
    with team_project.unit_of_work() as session:
        restore_record(session, deleted, user="u")
    [hit] = search(team_project, "fan xiaojian").records
    assert (hit.key, hit.rank) == ("P-0001", MatchRank.EXACT_NAME)


def test_substring_search_uses_the_trigram_index(team_project: ProjectDatabase) -> None:
    with team_project.engine.connect() as connection:
        indexes = set(connection.execute(text(
            "SELECT indexname FROM pg_indexes WHERE tablename IN ('search_key', 'passage')"
        )).scalars())
    assert {"ix_search_key_form_trigrams", "ix_passage_text_trigrams",
            "ix_search_key_weight_form"} <= indexes
