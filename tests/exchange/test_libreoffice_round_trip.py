"""LibreOffice reads the workbook cleanly, and a workbook it saved comes back through the preview.

Needs `soffice` (apt-get install libreoffice-calc-nogui); skipped where it is absent (CI).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.services.correcting import preview_corrections
from curator.services.exporting import export_project
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, set_cell

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _soffice(*arguments: str, folder: Path) -> None:
    assert SOFFICE is not None
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    *arguments, "--outdir", str(folder)], check=True, capture_output=True,
                   timeout=180)


def test_libreoffice_converts_every_sheet_cleanly(database: ProjectDatabase,
                                                  tmp_path: Path) -> None:
    build_project(database)
    workbook = tmp_path / "export.xlsx"
    export_project(database, workbook)
    _soffice("--convert-to", ALL_SHEETS_CSV, str(workbook), folder=tmp_path)
    with (tmp_path / "export-Events.csv").open(encoding="utf-8") as stream:
        events = list(csv.reader(stream))
    assert events[1][:4] == ["E-0001", "Visit to Brazil", "访问巴西", "needs review"]
    with (tmp_path / "export-Participants.csv").open(encoding="utf-8") as stream:
        assert len(list(csv.reader(stream))) == 3


def test_a_workbook_saved_by_libreoffice_comes_back_through_the_preview(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    build_project(database)
    edited = tmp_path / "edited" / "export.xlsx"
    edited.parent.mkdir()
    export_project(database, edited)
    book = load_workbook(edited)
    set_cell(book["Events"], "E-0001", "City", "=1+1")
    set_cell(book["People"], "P-0001", "Name (EN)", "Zheng Wenkai, Vice Minister")
    book.save(edited)
    saved = tmp_path / "saved"
    saved.mkdir()
    _soffice("--convert-to", "xlsx:Calc MS Excel 2007 XML", str(edited), folder=saved)
    preview = preview_corrections(database, saved / "export.xlsx")
    assert sorted((change.key, field.name, field.new) for change in preview.changed
                  for field in change.fields) == [
        ("E-0001", "city", "=1+1"), ("P-0001", "name_en", "Zheng Wenkai, Vice Minister")]
    assert not (preview.added or preview.deleted or preview.relations or preview.aliases
                or preview.conflicts), preview.lines()
