"""The search index follows every change in the transaction that makes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from curator.domain.documents import SourceText
from curator.domain.records import RecordKind
from curator.domain.search_keys import parse_query
from curator.store.aliases import add_alias, remove_alias
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document, delete_document
from curator.store.migrating import FULL_TEXT_TABLES
from curator.store.records import create_record, update_field
from curator.store.removal import delete_record, restore_record
from curator.store.search import find_passages, find_records
from curator.store.search_index import rebuild_search_index
from curator.store.tables import PersonDetailRow, RecordRow


def _found(session: Session, query: str) -> list[str]:
    return [hit.key for hit in find_records(session, parse_query(query), limit=20)]


def _passages(session: Session, query: str) -> list[tuple[int, int]]:
    return [(hit.start, hit.end) for hit in find_passages(session, parse_query(query), limit=20)]


def test_an_edit_is_found_before_the_transaction_ends(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai")
        update_field(session, record.id, "name_en", "Fan Xiaojian",
                     expected_version=record.version, user="u")
        assert (_found(session, "范小建"), _found(session, "zheng")) == (["P-0001"], [])


def test_a_detail_field_edit_is_found(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai")
        update_field(session, record.id, "position", "Vice Minister",
                     expected_version=record.version, user="u")
        assert _found(session, "vice minister") == ["P-0001"]


def test_a_rolled_back_edit_leaves_the_index_as_it_was(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai")
    with pytest.raises(RuntimeError), database.unit_of_work() as session:
        update_field(session, record.id, "name_en", "Fan Xiaojian",
                     expected_version=record.version, user="u")
        raise RuntimeError("the user's action failed half way")
    with database.unit_of_work() as session:
        assert (_found(session, "zheng wenkai"), _found(session, "fan")) == (["P-0001"], [])


def test_an_alias_added_and_removed_is_followed(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.ORGANIZATION, user="u", name_en="LGOP")
        alias = add_alias(session, record.id, "國務院扶贫办", user="u", expected_version=None)
        assert _found(session, "国务院") == ["O-0001"]
        remove_alias(session, alias.id, user="u", expected_version=None)
        assert _found(session, "国务院") == []


def test_a_deletion_and_its_restore_are_followed(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_zh="吕友清")
        add_alias(session, record.id, "Lyu Youqing", user="u", expected_version=None)
        deleted = delete_record(session, record.id, user="u")
        assert _found(session, "吕友清") == _found(session, "lyu youqing") == []
        restore_record(session, deleted, user="u")
        assert _found(session, "吕友清") == ["P-0001"]
        assert [h.value for h in find_records(session, parse_query("lyu y"), limit=5)] == [
            "吕友清"]


def test_a_document_is_split_into_passages_and_removed_with_them(
    database: ProjectDatabase,
) -> None:
    text = "Title\n\nThe delegation visited 北京.\n"
    with database.unit_of_work() as session:
        document_id = add_document(session, SourceText("T", text, "t.txt", "utf-8",
                                                       "text/plain"), user="u")
        assert _passages(session, "北京") == [(text.index("北京"), text.index("北京") + 2)]
        assert _passages(session, "DELEGATION") == [(11, 21)]
        delete_document(session, document_id)
        assert _passages(session, "北京") == _passages(session, "delegation") == []


@pytest.mark.sqlite_only  # SQLite's FTS5 tables
def test_rebuild_indexes_rows_inserted_in_bulk(database: ProjectDatabase) -> None:
    now = datetime.now(UTC)
    with database.unit_of_work() as session:
        session.execute(insert(RecordRow), [{
            "id": 1, "kind": "person", "number": 1, "key": "P-0001", "name_en": "",
            "name_zh": "范小建", "status": "draft", "version": 1, "created_at": now,
            "created_by": "bulk", "updated_at": now, "updated_by": "bulk"}])
        session.execute(insert(PersonDetailRow), [{"record_id": 1, "position": "主任"}])
        assert _found(session, "fan xiaojian") == []
        rebuild_search_index(session.connection())
        assert _found(session, "fan xiaojian") == _found(session, "主任") == ["P-0001"]
        _check_full_text_tables(session)


@pytest.mark.sqlite_only  # SQLite's FTS5 tables, fed with the rows they index (0008)
def test_full_text_tables_hold_exactly_the_rows_after_edits_and_removals(
        database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        kept = create_record(session, RecordKind.PERSON, user="u", name_en="Zheng Wenkai",
                             name_zh="郑文凯")
        gone = create_record(session, RecordKind.ORGANIZATION, user="u", name_en="World Bank")
        update_field(session, kept.id, "name_en", "Fan Xiaojian",
                     expected_version=kept.version, user="u")
        add_alias(session, kept.id, "Minister Fan", user="u", expected_version=None)
        delete_record(session, gone.id, user="u")
        text_ = "Visit of the delegation to 北京 in May."
        document_id = add_document(session, SourceText("Visit", text_, "visit.txt", "utf-8",
                                                       "text/plain"), user="u")
        add_document(session, SourceText("Talks", "Talks in Brasilia.", "talks.txt", "utf-8",
                                         "text/plain"), user="u")
        delete_document(session, document_id)
        _check_full_text_tables(session)
        assert _found(session, "minister fan") == _found(session, "郑文凯") == ["P-0001"]
        assert _found(session, "world bank") == []
        assert _passages(session, "brasilia") == [(9, 17)]
        assert _passages(session, "北京") == []


def _check_full_text_tables(session: Session) -> None:
    """Have SQLite check each FTS5 index against its table's rows (raises if they differ)."""
    for table in FULL_TEXT_TABLES:
        session.connection().execute(
            text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))


def test_upgrading_a_project_builds_its_index(
    tmp_path: Path, make_project_at_0001: Callable[[Engine], None]
) -> None:
    file = tmp_path / "old.curator"
    engine = create_engine(f"sqlite:///{file}")
    make_project_at_0001(engine)
    engine.dispose()
    database = ProjectDatabase.open(file)
    with database.unit_of_work() as session:
        assert _found(session, "vice minister") == ["P-0001"]
        assert _passages(session, "brazil") == [(33, 39)]
    database.close()


@pytest.mark.sqlite_only  # SQLite's FTS5 tables
def test_the_full_text_tables_follow_the_keys(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        record = create_record(session, RecordKind.PERSON, user="u", name_zh="范小建")
        delete_record(session, record.id, user="u")
        _check_full_text_tables(session)
