"""`curator import-workbook`: the preview printed, then applied with --yes, only printed with
--dry-run, as JSON with --json; a refusal names its place and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.cli import main
from curator.services.editing import load_record
from curator.services.relating import record_relations
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, set_cell


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.curator"
    database = ProjectDatabase.open(path)
    build_project(database)
    database.close()
    return path


def _edited(project: Path, tmp_path: Path, city: str = "Rio de Janeiro") -> Path:
    target = tmp_path / "edited.xlsx"
    assert main(["-p", str(project), "export", str(target)]) == 0
    book = load_workbook(target)
    set_cell(book["Events"], "E-0001", "City", city)
    book.save(target)
    return target


def _city(project: Path) -> object:
    database = ProjectDatabase.open(project)
    try:
        return load_record(database, 1).details["city"]
    finally:
        database.close()


def test_dry_run_prints_the_preview_and_changes_nothing(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = _edited(project, tmp_path)
    capsys.readouterr()
    assert main(["-p", str(project), "import-workbook", str(workbook), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "~ E-0001 City: “Brasília” → “Rio de Janeiro”" in out
    assert _city(project) == "Brasília"


def test_yes_applies_without_asking(project: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    workbook = _edited(project, tmp_path)
    assert main(["-p", str(project), "import-workbook", str(workbook), "--yes"]) == 0
    assert "Applied 1 change(s) from edited.xlsx" in capsys.readouterr().err
    assert _city(project) == "Rio de Janeiro"


def test_without_a_terminal_to_answer_nothing_is_applied(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = _edited(project, tmp_path)
    assert main(["-p", str(project), "import-workbook", str(workbook)]) == 1
    assert "Nothing was changed." in capsys.readouterr().err
    assert _city(project) == "Brasília"


def test_json_prints_the_preview_for_scripts(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = _edited(project, tmp_path, city="=1+1")
    capsys.readouterr()
    assert main(["-p", str(project), "import-workbook", str(workbook), "--json",
                 "--dry-run"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["changed"] == [{"key": "E-0001", "kind": "event", "fields": [
        {"field": "city", "old": "Brasília", "new": "=1+1"}]}]


def test_a_malformed_workbook_is_refused_with_its_place(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "edited.xlsx"
    assert main(["-p", str(project), "export", str(workbook)]) == 0
    book = load_workbook(workbook)
    set_cell(book["Events"], "E-0001", "Start date", "someday")
    book.save(workbook)
    assert main(["-p", str(project), "import-workbook", str(workbook), "--yes"]) == 1
    assert "Sheet Events, row 2, column F (Start date)" in capsys.readouterr().err


def test_a_new_person_and_their_participation_come_in_one_import(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "edited.xlsx"
    assert main(["-p", str(project), "export", str(workbook)]) == 0
    book = load_workbook(workbook)
    book["People"].append(["NEW-1", "Li Wei", "李伟", "draft"])
    book["Participants"].append(["E-0001", "NEW-1", None, None, None, None, "attendee"])
    book.save(workbook)
    capsys.readouterr()
    assert main(["-p", str(project), "import-workbook", str(workbook), "--yes"]) == 0
    assert "+ Participants: E-0001 → NEW-1 (new: Li Wei) as attendee" in capsys.readouterr().out
    database = ProjectDatabase.open(project)
    try:
        assert [(view.other.key, view.relation.role) for view in record_relations(database, 1)
                if view.as_subject and view.other][-1] == ("P-0003", "attendee")
    finally:
        database.close()
