"""Comments added in the workbook's Comments sheet come back: previewed, applied, undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator.errors import WorkbookInvalid
from curator.services import commenting
from curator.services.correcting import preview_corrections
from curator.services.correction_steps import (
    apply_corrections,
    redo_corrections,
    undo_corrections,
)
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, edit_workbook, exported


@pytest.fixture
def ids(database: ProjectDatabase) -> dict[str, int]:
    ids = build_project(database)
    commenting.add_comment(database, ids["P-0001"], "Check his title")
    return ids


def _texts(database: ProjectDatabase, record_id: int) -> list[str]:
    return [comment.text for comment in commenting.comments(database, record_id)]


def _add_rows(*rows: tuple[str, str]) -> Any:
    def edit(book: Any) -> None:
        for key, text in rows:
            book["Comments"].append([key, None, None, None, text])
    return edit


def test_an_exported_comment_read_back_adds_nothing(database: ProjectDatabase,
                                                   ids: dict[str, int], tmp_path: Path) -> None:
    preview = preview_corrections(database, exported(database, tmp_path))
    assert preview.is_empty and preview.comments == []


def test_a_comment_added_in_the_workbook_is_previewed(database: ProjectDatabase,
                                                     ids: dict[str, int],
                                                     tmp_path: Path) -> None:
    path = edit_workbook(exported(database, tmp_path), _add_rows(
        ("E-0001", "  Two lines:\nsee p. 3  "), ("P-0001", "Check his title")))
    preview = preview_corrections(database, path)
    assert [(c.record_key, c.text) for c in preview.comments] == [
        ("E-0001", "Two lines:\nsee p. 3"), ("P-0001", "Check his title")]
    assert "+ Comment on E-0001: Two lines:\nsee p. 3" in preview.lines()
    assert preview.as_json()["comments"][0] == {"record": "E-0001",
                                                "text": "Two lines:\nsee p. 3"}


def test_applying_adds_the_comments_and_undo_takes_them_away(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path), _add_rows(("E-0001", "Date unsure")))
    applied = apply_corrections(database, preview_corrections(database, path))
    assert _texts(database, ids["E-0001"]) == ["Date unsure"]
    [comment] = commenting.comments(database, ids["E-0001"])
    assert comment.created_by == "tester"
    undo_corrections(database, applied)
    assert _texts(database, ids["E-0001"]) == []
    redo_corrections(database, applied)
    assert commenting.comments(database, ids["E-0001"]) == [comment]
    assert _texts(database, ids["P-0001"]) == ["Check his title"]


def test_a_deleted_comment_row_deletes_nothing(database: ProjectDatabase,
                                              ids: dict[str, int], tmp_path: Path) -> None:
    path = edit_workbook(exported(database, tmp_path),
                         lambda book: book["Comments"].delete_rows(2))
    assert preview_corrections(database, path).is_empty


def test_a_comment_on_an_unknown_record_is_refused(database: ProjectDatabase,
                                                   ids: dict[str, int], tmp_path: Path) -> None:
    path = edit_workbook(exported(database, tmp_path), _add_rows(("O-0042", "Who?")))
    with pytest.raises(WorkbookInvalid, match=r"Sheet Comments, row 3, column A: no record"):
        preview_corrections(database, path)


def test_a_comment_row_without_text_is_refused(database: ProjectDatabase,
                                               ids: dict[str, int], tmp_path: Path) -> None:
    path = edit_workbook(exported(database, tmp_path), _add_rows(("E-0001", "  ")))
    with pytest.raises(WorkbookInvalid, match=r"Sheet Comments, row 3.*needs its record"):
        preview_corrections(database, path)


def test_a_workbook_without_a_comments_sheet_is_still_read(
    database: ProjectDatabase, ids: dict[str, int], tmp_path: Path
) -> None:
    path = edit_workbook(exported(database, tmp_path),
                         lambda book: book.remove(book["Comments"]))
    assert preview_corrections(database, path).is_empty
