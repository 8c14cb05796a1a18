"""`curator import-workbook` of a file already imported: refused in a sentence, exit status 1,
nothing added a second time."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.cli import main
from curator.domain.records import RecordKind
from curator.services.exporting import collect_snapshot
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project


def test_the_second_import_of_one_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.curator"
    database = ProjectDatabase.open(project)
    build_project(database)
    database.close()
    workbook = tmp_path / "edited.xlsx"
    assert main(["-p", str(project), "export", str(workbook)]) == 0
    book = load_workbook(workbook)
    book["People"].append([None, "Wang Wei", "王伟", "draft", "Counsellor"])
    book.save(workbook)

    assert main(["-p", str(project), "import-workbook", str(workbook), "--yes"]) == 0
    capsys.readouterr()
    assert main(["-p", str(project), "import-workbook", str(workbook), "--yes"]) == 1
    error = capsys.readouterr().err
    assert "edited.xlsx was imported into this project already" in error
    assert "Traceback" not in error

    database = ProjectDatabase.open(project, read_only=True)
    try:
        names = [r.name_en for r in collect_snapshot(database).records[RecordKind.PERSON]]
    finally:
        database.close()
    assert names.count("Wang Wei") == 1
