"""A workbook date Curator cannot read is refused in one sentence that names it once, in the
language in use."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.errors import WorkbookInvalid
from curator.services.correcting import preview_corrections
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, edit_workbook, exported, set_cell


def _refusal(database: ProjectDatabase, tmp_path: Path, written: str) -> str:
    tmp_path.mkdir(exist_ok=True)
    path = edit_workbook(exported(database, tmp_path), lambda book: set_cell(
        book["Events"], "E-0001", "Start date", written))
    with pytest.raises(WorkbookInvalid) as refused:
        preview_corrections(database, path)
    return str(refused.value)


def test_a_bad_date_is_named_once(database: ProjectDatabase, tmp_path: Path) -> None:
    build_project(database)
    message = _refusal(database, tmp_path, "15/3/2019")
    assert message.count("15/3/2019") == 1
    assert message.count("not a date") == 1 and "(not a date)" not in message
    assert "Write it as 2012, 2012-06" in message


def test_a_bad_date_is_refused_in_chinese(in_chinese: None, database: ProjectDatabase,
                                          tmp_path: Path) -> None:
    build_project(database)
    message = _refusal(database, tmp_path, "15/3/2019")
    assert "“15/3/2019” 不是 Curator 能识别的日期。请写成 2012、2012-06" in message
    assert "not a date" not in message and "Write it" not in message
    impossible = _refusal(database, tmp_path / "again", "2019-02-30")
    assert "日历中没有这个月或这一天" in impossible
