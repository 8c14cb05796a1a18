"""`curator export` with --status and --kind, and to CSV files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.cli import main
from curator.domain.records import RecordKind, ReviewStatus
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.curator"
    database = ProjectDatabase.open(path)
    with database.unit_of_work() as session:
        for kind in RecordKind:
            for status in ReviewStatus:
                create_record(session, kind, user="u", name_en=f"{kind} {status}", status=status)
    database.close()
    return path


def test_repeated_status_and_kind_options_narrow_the_export(tmp_path: Path) -> None:
    project, target = _project(tmp_path), tmp_path / "out.xlsx"
    assert main(["-p", str(project), "export", str(target), "--status", "approved",
                 "--status", "needs review", "--kind", "event"]) == 0
    book = load_workbook(target)
    assert [row[3] for row in book["Events"].iter_rows(min_row=2, values_only=True)] == [
        "needs review", "approved"]
    assert book["People"].max_row == 1
    readme = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True) if row}
    assert readme["Filter"] == "status needs review, approved; kind event"


def test_an_unknown_status_is_a_usage_error(tmp_path: Path) -> None:
    project = _project(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["-p", str(project), "export", str(tmp_path / "o.xlsx"), "--status", "done"])
    assert exit_.value.code == 2
    assert not (tmp_path / "o.xlsx").exists()


def test_a_zip_target_holds_csv_files(tmp_path: Path) -> None:
    project, target = _project(tmp_path), tmp_path / "out.zip"
    assert main(["-p", str(project), "export", str(target), "--kind", "person"]) == 0
    with zipfile.ZipFile(target) as archive:
        people = archive.read("People.csv").decode("utf-8-sig").splitlines()
    assert len(people) == 6
