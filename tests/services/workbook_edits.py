"""Helpers for tests of workbook corrections: a small project, its export, edits by openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.relations import Relation, RelationKind
from curator.services.exporting import export_project
from curator.store import aliases as alias_store
from curator.store import relations as relation_store
from curator.store.database import ProjectDatabase
from curator.store.records import create_record, update_field


def build_project(database: ProjectDatabase) -> dict[str, int]:
    """An event with a city, two people taking part, an organization and an alias; ids by key."""
    with database.unit_of_work() as session:
        event = create_record(session, RecordKind.EVENT, user="alice", name_en="Visit to Brazil",
                              name_zh="访问巴西", status=ReviewStatus.NEEDS_REVIEW)
        event = update_field(session, event.id, "city", "Brasília", expected_version=1,
                             user="alice")
        zheng = create_record(session, RecordKind.PERSON, user="alice", name_en="Zheng Wenkai",
                              name_zh="郑文凯")
        doe = create_record(session, RecordKind.PERSON, user="alice", name_en="Jane Doe")
        lgop = create_record(session, RecordKind.ORGANIZATION, user="alice", name_en="LGOP")
        relation_store.add_relation(session, Relation(
            0, RelationKind.PARTICIPANT, event.id, zheng.id, None, role="head of delegation"),
            user="alice", expected_version=None)
        relation_store.add_relation(session, Relation(
            0, RelationKind.PARTICIPANT, event.id, doe.id, None, role="attendee"),
            user="alice", expected_version=None)
        alias_store.add_alias(session, zheng.id, "Mr. Zheng", user="alice",
                              expected_version=None)
        return {"E-0001": event.id, "P-0001": zheng.id, "P-0002": doe.id, "O-0001": lgop.id}


def exported(database: ProjectDatabase, tmp_path: Path, name: str = "export.xlsx") -> Path:
    """The project exported to a workbook."""
    target = tmp_path / name
    export_project(database, target)
    return target


def edit_workbook(path: Path, edit: Callable[[Any], None]) -> Path:
    """Open the workbook in openpyxl, let `edit` change it, save it back."""
    book = load_workbook(path)
    edit(book)
    book.save(path)
    return path


def row_of(sheet: Worksheet, key: str) -> int:
    """The row number holding `key` in column A."""
    for row in sheet.iter_rows(min_row=2, max_col=1):
        if row[0].value == key:
            return int(row[0].row)
    raise AssertionError(f"no {key} on {sheet.title}")


def set_cell(sheet: Worksheet, key: str, header: str, value: object) -> None:
    """Set the cell of column `header` on the row of `key`."""
    column = [cell.value for cell in sheet[1]].index(header) + 1
    sheet.cell(row_of(sheet, key), column).value = value
