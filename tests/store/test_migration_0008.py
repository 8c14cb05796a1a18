"""Migration 0008 takes the full-text insert triggers away from a project made at 0007; what
it held stays found, and what is added afterwards is found too, the FTS5 tables in step."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from curator.domain.documents import SourceText
from curator.domain.records import RecordKind
from curator.domain.search_keys import parse_query
from curator.store import migrating
from curator.store.database import ProjectDatabase
from curator.store.documents import add_document
from curator.store.records import create_record
from curator.store.search import find_passages, find_records

pytestmark = pytest.mark.sqlite_only


def test_upgrade_drops_the_insert_triggers_and_keeps_the_index_in_step(tmp_path: Path) -> None:
    file = tmp_path / "old.curator"
    engine = create_engine(f"sqlite:///{file}")
    with engine.begin() as connection:
        command.upgrade(migrating.alembic_config(connection), "0007")
        connection.execute(text(
            "INSERT INTO record (id, kind, number, key, name_en, name_zh, status, version, "
            "created_at, created_by, updated_at, updated_by) VALUES (1, 'person', 1, 'P-0001', "
            "'Zheng Wenkai', '郑文凯', 'draft', 1, '2026-12-01', 'a', '2026-12-01', 'a')"))
        connection.execute(text(
            "INSERT INTO search_key (record_id, field, weight, value, form, han) "
            "VALUES (1, 'name_en', 1, 'Zheng Wenkai', 'zheng wenkai', NULL)"))
    engine.dispose()

    database = ProjectDatabase.open(file)
    with database.unit_of_work() as session:
        triggers = set(session.connection().execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
        assert migrating.current_revision(session.connection()) == "0008"
        assert not triggers & {"search_key_indexed", "passage_indexed"}
        assert {"search_key_unindexed", "passage_unindexed"} <= triggers
        create_record(session, RecordKind.ORGANIZATION, user="u", name_en="World Bank")
        add_document(session, SourceText("Visit", "Talks in Brasilia.", "visit.txt", "utf-8",
                                         "text/plain"), user="u")
    with database.unit_of_work() as session:
        for table in migrating.FULL_TEXT_TABLES:
            session.connection().execute(
                text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))
        found = [hit.key for query in ("heng wen", "world bank")
                 for hit in find_records(session, parse_query(query), limit=5)]
        passages = find_passages(session, parse_query("brasilia"), limit=5)
    database.close()
    assert found == ["P-0001", "O-0001"]
    assert [(hit.start, hit.end) for hit in passages] == [(9, 17)]
