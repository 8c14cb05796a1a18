"""`copy` moves a whole project between a SQLite file and PostgreSQL, both ways, losing nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy

from curator.domain.records import RecordKind
from curator.domain.relations import RelationKind
from curator.errors import ProjectError
from curator.services.aliasing import add_alias
from curator.services.annotating import create_record_from_selection
from curator.services.commenting import add_comment
from curator.services.copying import copy_project
from curator.services.duplicates import dismiss_pair
from curator.services.editing import delete_record, edit_field, load_record
from curator.services.importing import import_document
from curator.services.relating import add_relation, create_named_record
from curator.store.copying import id_counter, project_tables
from curator.store.database import ProjectDatabase
from tests.conftest import SAMPLE_TEXT


@pytest.fixture
def laptop_project(tmp_path: Path, sample_source: Path) -> Path:
    """A SQLite project holding a bit of everything, and a deleted record (ids past the top)."""
    path = tmp_path / "laptop.curator"
    database = ProjectDatabase.open(path)
    document_id = import_document(database, sample_source).document_id
    start = SAMPLE_TEXT.index("Zheng Wenkai")
    zheng = create_record_from_selection(database, RecordKind.PERSON, document_id, start,
                                         start + 12)
    visit = create_named_record(database, RecordKind.EVENT, "Delegation visit to Brazil")
    lgop = create_named_record(database, RecordKind.ORGANIZATION, "LGOP (国务院扶贫办)")
    edit_field(database, visit.id, "start_date", "2012-06-12",
               expected_version=load_record(database, visit.id).version)
    add_relation(database, RelationKind.PARTICIPANT, visit.id, object_id=zheng.id,
                 title="Vice Minister")
    add_relation(database, RelationKind.EVENT_COUNTRY, visit.id, country="Brazil")
    add_alias(database, lgop.id, "State Council Leading Group Office")
    add_comment(database, zheng.id, "Check the title in the 2013 yearbook.")
    bank = create_named_record(database, RecordKind.ORGANIZATION, "World Bank")
    dismiss_pair(database, lgop.id, bank.id)
    gone = create_named_record(database, RecordKind.PERSON, "Someone Removed")
    delete_record(database, gone.id)
    database.close()
    return path


def _contents(location: str | Path) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, Any]]:
    """Every row of every table in key order, and every table's id counter."""
    database = ProjectDatabase.open(location, create=False, read_only=True)
    try:
        with database.engine.connect() as connection:
            rows = {table.name: [tuple(row) for row in connection.execute(
                sqlalchemy.select(table).order_by(*(table.primary_key.columns or table.columns)))]
                for table in project_tables()}
            counters = {table.name: id_counter(connection, table) for table in project_tables()}
    finally:
        database.close()
    return rows, counters


def test_a_laptop_project_copied_to_the_server_and_back_is_the_same_in_every_table(
    laptop_project: Path, new_postgres_url: str, tmp_path: Path
) -> None:
    original = _contents(laptop_project)

    to_server = copy_project(laptop_project, new_postgres_url)
    on_server = _contents(new_postgres_url)
    copy_project(new_postgres_url, tmp_path / "back.curator")
    back = _contents(tmp_path / "back.curator")

    assert to_server.rows["record"] == 4 and to_server.rows["relation"] == 2
    for table in original[0]:
        assert on_server[0][table] == original[0][table], table
        assert back[0][table] == original[0][table], table
    assert on_server[1] == original[1] and back[1] == original[1]


def test_a_copy_never_hands_out_a_deleted_records_id_or_key(
    laptop_project: Path, new_postgres_url: str
) -> None:
    copy_project(laptop_project, new_postgres_url)
    database = ProjectDatabase.open(new_postgres_url)
    try:
        record = create_named_record(database, RecordKind.PERSON, "New Person")
    finally:
        database.close()

    assert (record.id, record.key) == (6, "P-0003")  # 5 and P-0002 were the deleted one's


def test_copying_into_a_project_that_holds_data_is_refused(
    laptop_project: Path, new_postgres_url: str
) -> None:
    copy_project(laptop_project, new_postgres_url)

    with pytest.raises(ProjectError, match="holds a project already"):
        copy_project(laptop_project, new_postgres_url)


def test_copying_onto_an_existing_file_is_refused(laptop_project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.curator"
    other.write_bytes(b"")

    with pytest.raises(ProjectError, match="exists already"):
        copy_project(laptop_project, other)
    assert other.read_bytes() == b""


def test_a_sqlite_copy_of_a_sqlite_project_is_the_same(
    laptop_project: Path, tmp_path: Path
) -> None:
    copy_project(laptop_project, tmp_path / "copy.curator")

    assert _contents(tmp_path / "copy.curator") == _contents(laptop_project)
