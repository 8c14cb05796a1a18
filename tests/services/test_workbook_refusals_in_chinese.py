"""A malformed workbook row is refused in the language in use: the place around the sheet's
and column's names (which stay as the workbook has them) and the reason itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from curator.errors import WorkbookInvalid
from curator.languages import set_language
from curator.services.correcting import preview_corrections
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, edit_workbook, exported, set_cell

CASES = [
    (lambda book: set_cell(book["Events"], "E-0001", "Status", "done"),
     "工作表 Events，第 2 行，D 列（Status）：“done”不是状态；可用的有：suggested, draft"),
    (lambda book: set_cell(book["Events"], "E-0001", "Participants", "many"),
     "工作表 Events，第 2 行，L 列（Participants）：应为整数，实为“many”。"),
    (lambda book: set_cell(book["Events"], "E-0001", "Key", "P-0001"),
     "工作表 Events，第 2 行，A 列（Key）：P-0001 不是事件的键。"),
    (lambda book: set_cell(book["Events"], "E-0001", "Key", "E-0099"),
     "工作表 Events，第 2 行，A 列（Key）：项目中没有记录 E-0099（导出后已被删除？"),
    (lambda book: set_cell(book["Events"], "E-0001", "Version", None),
     "工作表 Events，第 2 行，N 列（Version）：E-0001 没有版本号"),
    (lambda book: set_cell(book["Participants"], "E-0001", "Person key", None),
     "工作表 Participants，第 2 行，B 列（Person key）：关系需要其人物的键。"),
]


@pytest.mark.parametrize(("edit", "message"), CASES)
def test_a_malformed_row_is_refused_in_chinese(
    database: ProjectDatabase, tmp_path: Path, edit: Any, message: str
) -> None:
    build_project(database)
    path = edit_workbook(exported(database, tmp_path), edit)
    set_language("zh_CN")
    with pytest.raises(WorkbookInvalid) as refused:
        preview_corrections(database, path)
    assert message in str(refused.value)
    assert "Sheet" not in str(refused.value) and "column" not in str(refused.value)
