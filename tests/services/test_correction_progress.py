"""Reading a workbook back reports progress and can be cancelled, scanned rows or not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator.domain.records import RecordKind
from curator.errors import OperationCancelled
from curator.services.correcting import preview_corrections
from curator.store.database import ProjectDatabase
from curator.store.records import create_record
from tests.services.workbook_edits import edit_workbook, exported, set_cell

PEOPLE = 600
"""Rows enough for the sheets to report progress many times over."""


@pytest.fixture
def workbook(database: ProjectDatabase, tmp_path: Path) -> Path:
    with database.unit_of_work() as session:
        for number in range(PEOPLE):
            create_record(session, RecordKind.PERSON, user="u", name_en=f"Person {number}",
                          name_zh="郑文凯 & co" if number % 3 else "")
    return exported(database, tmp_path)


def test_progress_rises_to_the_end_while_the_sheets_are_read(
    database: ProjectDatabase, workbook: Path
) -> None:
    reports: list[tuple[int, int]] = []
    preview = preview_corrections(database, workbook,
                                  progress=lambda done, total: reports.append((done, total)))
    assert preview.rows_read == PEOPLE and preview.is_empty
    done = [report[0] for report in reports]
    assert done == sorted(done) and len(set(done)) > 5
    assert reports[-1][0] == reports[-1][1]


def test_cancelling_stops_the_reading(database: ProjectDatabase, workbook: Path) -> None:
    calls = 0

    def cancel_soon(_done: int, _total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OperationCancelled("stopped")

    with pytest.raises(OperationCancelled):
        preview_corrections(database, workbook, progress=cancel_soon)
    assert calls == 3


def test_an_edit_saved_by_another_program_is_previewed(database: ProjectDatabase,
                                                       workbook: Path) -> None:
    def edit(book: Any) -> None:
        set_cell(book["People"], "P-0042", "Name (EN)", "Person <42> & \"co\"")
        set_cell(book["People"], "P-0042", "Notes", "two\nlines")

    edit_workbook(workbook, edit)
    preview = preview_corrections(database, workbook)
    [change] = preview.changed
    assert [(field.old, field.new) for field in change.fields] == [
        ("Person 41", "Person <42> & \"co\""), (None, "two\nlines")]
