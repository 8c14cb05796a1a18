"""File → Import Corrections: preview, conflicts settled in the dialog, one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.domain.records import RecordKind, ReviewStatus
from curator.exchange.snapshot import ExportFilter
from curator.services.editing import load_record
from curator.services.exporting import export_project
from curator.store.database import ProjectDatabase
from curator.store.records import update_field
from curator.ui.main_window import MainWindow
from curator.ui.workbook import export_choices, importing_corrections
from curator.ui.workbook.preview_dialog import CorrectionPreviewDialog
from tests.services.workbook_edits import build_project, set_cell


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, int], Path]:
    """A project, and a workbook of it with a city changed and a name changed on both sides."""
    path, workbook = tmp_path / "p.curator", tmp_path / "edited.xlsx"
    database = ProjectDatabase.open(path)
    ids = build_project(database)
    export_project(database, workbook)
    version = load_record(database, ids["P-0001"]).version
    with database.unit_of_work() as session:
        update_field(session, ids["P-0001"], "name_en", "Zheng (project)",
                     expected_version=version, user="bob")
    database.close()
    book = load_workbook(workbook)
    set_cell(book["Events"], "E-0001", "City", "Rio de Janeiro")
    set_cell(book["People"], "P-0001", "Name (EN)", "Zheng (workbook)")
    book.save(workbook)
    return path, ids, workbook


def _answer(monkeypatch: pytest.MonkeyPatch, take: set[str]) -> list[CorrectionPreviewDialog]:
    shown: list[CorrectionPreviewDialog] = []

    def answer(dialog: CorrectionPreviewDialog) -> bool:
        shown.append(dialog)
        for key in take:
            dialog.set_taken(key, True)
        return True

    monkeypatch.setattr(importing_corrections, "confirm_preview", answer)
    return shown


def test_the_import_is_one_step_undone_whole(
    open_window: Callable[[Path], MainWindow], project: tuple[Path, dict[str, int], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, ids, workbook = project
    window = open_window(path)
    assert window.workbench is not None
    shown = _answer(monkeypatch, take={"P-0001"})
    assert importing_corrections.import_corrections(window.workbench, workbook)
    assert [conflict.key for conflict in shown[0].preview.conflicts] == ["P-0001"]
    database = window.workbench.database
    assert load_record(database, ids["E-0001"]).details["city"] == "Rio de Janeiro"
    assert load_record(database, ids["P-0001"]).name_en == "Zheng (workbook)"
    assert window.undo_stack.count() == 1
    window.undo()
    assert load_record(database, ids["E-0001"]).details["city"] == "Brasília"
    assert load_record(database, ids["P-0001"]).name_en == "Zheng (project)"
    window.redo()
    assert load_record(database, ids["E-0001"]).details["city"] == "Rio de Janeiro"


def test_an_unticked_conflict_keeps_the_project_value(
    open_window: Callable[[Path], MainWindow], project: tuple[Path, dict[str, int], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, ids, workbook = project
    window = open_window(path)
    assert window.workbench is not None
    _answer(monkeypatch, take=set())
    importing_corrections.import_corrections(window.workbench, workbook)
    assert load_record(window.workbench.database, ids["P-0001"]).name_en == "Zheng (project)"


def test_a_refused_workbook_is_shown_and_changes_nothing(
    open_window: Callable[[Path], MainWindow], project: tuple[Path, dict[str, int], Path],
    shown_errors: list[tuple[str, str]], tmp_path: Path,
) -> None:
    path, _ids, _workbook = project
    window = open_window(path)
    assert window.workbench is not None
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert not importing_corrections.import_corrections(window.workbench, broken)
    assert shown_errors and "not an Excel workbook" in shown_errors[0][1]
    assert window.undo_stack.count() == 0


def test_the_export_dialog_choices_become_a_filter(qtbot: object) -> None:
    dialog = export_choices.ExportChoicesDialog()
    assert dialog.choice() == ExportFilter()
    dialog.status_boxes[ReviewStatus.DRAFT].setChecked(False)
    dialog.kind_boxes[RecordKind.PERSON].setChecked(False)
    choice = dialog.choice()
    assert ReviewStatus.DRAFT not in choice.statuses and len(choice.statuses) == 4
    assert choice.kinds == frozenset({RecordKind.EVENT, RecordKind.ORGANIZATION})
    dialog.deleteLater()


def test_the_history_line_names_the_file_and_the_user() -> None:
    from datetime import UTC, datetime

    from curator.services.editing import Revision
    from curator.ui.record_form import _describe

    revision = Revision(5, "import", None, None, "imported from edited.xlsx by tester",
                        datetime.now(UTC), "tester")
    assert _describe(revision, RecordKind.EVENT) == "imported from edited.xlsx by tester"
