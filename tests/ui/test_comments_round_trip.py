"""Comments typed in the form come back after reopening, and in the JSON and the workbook."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from curator.domain.records import RecordKind
from curator.services.exporting import export_project
from curator.ui.main_window import MainWindow


def test_a_comment_typed_in_the_form_round_trips(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int,
) -> None:
    project = tmp_path / "test.curator"
    window = open_window(project)
    workbench = window.workbench
    text = workbench.source_view.toPlainText()
    start = text.index("IPRCC")
    workbench.source_view.select_span(start, start + 5)
    record = workbench.create_record_from_selection(RecordKind.ORGANIZATION)
    assert record is not None
    entry = workbench.record_form.comments.entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Full name in the heading?")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert entry.text() == ""
    assert workbench.record_form.comments.texts[-1].endswith("\nFull name in the heading?")
    window.undo_action.trigger()
    assert workbench.record_form.comments.texts == []
    window.redo_action.trigger()
    window.close()

    reopened = open_window(project)
    reopened.workbench.open_record(record.id)
    [shown] = reopened.workbench.record_form.comments.texts
    assert shown.startswith("tester · ") and shown.endswith("Full name in the heading?")

    export_project(reopened.workbench.database, tmp_path / "out.json")
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    [organization] = exported["organizations"]
    assert [(c["by"], c["text"]) for c in organization["comments"]] == [
        ("tester", "Full name in the heading?")]
    export_project(reopened.workbench.database, tmp_path / "out.xlsx")
    sheet = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_name("Comments")
    rows = sheet.to_python()
    assert rows[0] == ["Record key", "Record type", "When", "Who", "Comment"]
    assert [rows[1][0], rows[1][1], rows[1][3], rows[1][4]] == [
        "O-0001", "Organization", "tester", "Full name in the heading?"]
