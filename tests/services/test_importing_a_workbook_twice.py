"""The same edited workbook imported twice: the second time is refused before anything is read
into the project, so its new rows are not created again; after an undo it may come back; a
workbook edited further is another file and is taken, its preview naming the record that has a
new row's name already. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator.domain.records import RecordKind
from curator.errors import AlreadyImported
from curator.services.correcting import preview_corrections
from curator.services.correction_steps import apply_corrections, undo_corrections
from curator.services.exporting import collect_snapshot
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, edit_workbook, exported


def _add_wang_wei(book: Any) -> None:
    book["People"].append([None, "Wang Wei", "王伟", "draft", "Counsellor"])


def _people(database: ProjectDatabase) -> list[str]:
    return sorted(record.name_en for record in
                  collect_snapshot(database).records[RecordKind.PERSON])


def test_a_workbook_imported_once_is_refused_the_second_time(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    build_project(database)
    workbook = edit_workbook(exported(database, tmp_path), _add_wang_wei)
    apply_corrections(database, preview_corrections(database, workbook))
    assert _people(database) == ["Jane Doe", "Wang Wei", "Zheng Wenkai"]

    with pytest.raises(AlreadyImported, match=r"export\.xlsx was imported into this project "
                                              r"already .*by tester"):
        preview_corrections(database, workbook)
    assert _people(database) == ["Jane Doe", "Wang Wei", "Zheng Wenkai"]


def test_after_an_undo_the_same_workbook_may_be_imported_again(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    build_project(database)
    workbook = edit_workbook(exported(database, tmp_path), _add_wang_wei)
    applied = apply_corrections(database, preview_corrections(database, workbook))
    undo_corrections(database, applied)

    again = preview_corrections(database, workbook)
    assert [new.name for new in again.added] == ["Wang Wei"]
    apply_corrections(database, again)
    assert _people(database) == ["Jane Doe", "Wang Wei", "Zheng Wenkai"]


def test_a_workbook_edited_further_is_another_file_and_is_taken(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    build_project(database)
    workbook = edit_workbook(exported(database, tmp_path), _add_wang_wei)
    apply_corrections(database, preview_corrections(database, workbook))

    def retitle(book: Any) -> None:
        book["Events"]["B2"] = "Delegation visit to Brazil"

    edit_workbook(workbook, retitle)
    preview = preview_corrections(database, workbook)
    assert [change.key for change in preview.changed] == ["E-0001"]
    # Its keyless row is new to the import, and the preview says a record has its name.
    [again] = preview.added
    assert again.same_name_as == "P-0003"
    assert "P-0003 has this name already" in "\n".join(preview.lines())


def test_a_new_row_of_a_name_nobody_has_carries_no_note(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    build_project(database)
    workbook = edit_workbook(exported(database, tmp_path), _add_wang_wei)
    [new] = preview_corrections(database, workbook).added
    assert new.same_name_as is None
