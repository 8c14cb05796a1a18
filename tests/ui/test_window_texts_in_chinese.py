"""Texts the window builds from the data model — kind and status names, duplicate reasons,
the import preview's rows, the country field's hint, history lines — read in Chinese."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind, RecordSummary, ReviewStatus
from curator.domain.relations import RelationKind
from curator.exchange.preview import (
    Conflict,
    ConflictField,
    CorrectionPreview,
    FieldChange,
    NewRecord,
    RecordChange,
    RelationChange,
)
from curator.identity.candidates import DuplicateReason
from curator.services.duplicates import LikelyDuplicate
from curator.store.database import ProjectDatabase
from curator.ui import workbench as workbench_module
from curator.ui.duplicates.pair_model import DuplicatePairsModel
from curator.ui.main_window import MainWindow
from curator.ui.records.country_editor import CountryFieldEditor
from curator.ui.workbook.preview_dialog import CorrectionPreviewDialog
from tests.dashboard_project import build_known_project


def _texts(dialog: CorrectionPreviewDialog) -> list[str]:
    found: list[str] = []

    def walk(item: object) -> None:
        for index in range(item.childCount()):  # type: ignore[attr-defined]
            child = item.child(index)  # type: ignore[attr-defined]
            found.extend(child.text(column) for column in range(3))
            walk(child)

    walk(dialog.tree.invisibleRootItem())
    return found


def test_the_same_name_question_names_the_kind_in_chinese(
    in_chinese: None, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    match = RecordSummary(1, RecordKind.PERSON, "P-0001", "Li Wei", "", ReviewStatus.DRAFT)
    monkeypatch.setattr(workbench_module.duplicates, "records_matching_selection",
                        lambda *_args: [match])
    questions: list[str] = []
    monkeypatch.setattr(workbench_module, "choose",
                        lambda _parent, _title, question, _options: questions.append(question))
    window.workbench._ask_about_same_name(RecordKind.PERSON, 1, (0, 6))
    assert "人物" in questions[0] and "person" not in questions[0]


def test_duplicate_reasons_are_shown_in_chinese(in_chinese: None) -> None:
    first = RecordSummary(1, RecordKind.ORGANIZATION, "O-0001", "UNDP", "", ReviewStatus.DRAFT)
    second = RecordSummary(2, RecordKind.ORGANIZATION, "O-0002", "United Nations Development "
                           "Programme", "", ReviewStatus.DRAFT)
    model = DuplicatePairsModel()
    model.set_pairs([LikelyDuplicate(first, second, DuplicateReason.ACRONYM, 85, "UNDP")])
    assert model.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == "缩写与全称"


def test_the_review_progress_chart_speaks_chinese(
    in_chinese: None, open_window: Callable[[Path], MainWindow], tmp_path: Path, qtbot: QtBot,
) -> None:
    database = ProjectDatabase.open(tmp_path / "test.curator")
    build_known_project(database)
    database.close()
    window = open_window(tmp_path / "test.curator")
    dashboard = window.view_menu.show_dashboard()
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)
    chart = dashboard.status_chart
    assert chart.categories == ["事件", "人物", "机构"]
    assert chart.value("事件", "草稿") == 3
    note = dashboard.panels["statuses"].note.text()
    assert "草稿" in note and "Draft" not in note


def test_the_import_preview_speaks_chinese(in_chinese: None, qtbot: QtBot) -> None:
    preview = CorrectionPreview(
        Path("edited.xlsx"),
        added=[NewRecord(RecordKind.PERSON, 6, ReviewStatus.DRAFT, {"name_en": "Li Wei"})],
        changed=[RecordChange(1, RecordKind.EVENT, "E-0001", "Visit", 2, (
            FieldChange("status", "Status", "draft", "approved"),))],
        relations=[RelationChange(True, RelationKind.PARTICIPANT, 1, "E-0001", "P-0003", 3,
                                  role="attendee")],
        conflicts=[Conflict(2, RecordKind.PERSON, "P-0002", "Fan", 1, 2, "alice", (
            ConflictField("status", "Status", "approved", "draft", "alice"),))])
    dialog = CorrectionPreviewDialog(preview, role_labels={"attendee": "出席者"})
    qtbot.addWidget(dialog)
    texts = _texts(dialog)
    assert "人物（第 6 行）：Li Wei" in texts
    assert "草稿" in texts and "draft" not in texts
    assert "状态" in texts and "已批准" in texts
    assert any("，担任出席者" in text for text in texts)
    assert not any(" as " in text or "row" in text for text in texts)
    lines = preview.lines()
    assert lines[0].startswith("导入 edited.xlsx：新增 1 条")
    assert "+ 新人物（第 6 行）：Li Wei [草稿]" in lines


def test_the_country_field_hint_is_chinese(in_chinese: None, qtbot: QtBot) -> None:
    editor = CountryFieldEditor("country")
    edit = editor.widget
    assert isinstance(edit, QLineEdit)
    assert edit.placeholderText() == "英文、中文或代码 (TZ)"


def test_history_names_the_suggestion_confidence(in_chinese: None) -> None:
    from curator.services.editing import Revision
    from curator.ui.record_form import _describe

    revision = Revision(2, "edit", "confidence", None, "0.95", datetime(2026, 1, 1), "alice")
    assert _describe(revision, RecordKind.PERSON) == "推荐置信度: ∅ → 0.95"


LONG = "International Department of the Central Committee of the Communist Party of China"


def test_the_import_preview_shows_whole_columns(qtbot: QtBot) -> None:
    preview = CorrectionPreview(
        Path("edited.xlsx"),
        changed=[RecordChange(1, RecordKind.ORGANIZATION, "O-0001", LONG, 2, (
            FieldChange("name_en", "Name (EN)", "IDCPC", LONG),))],
        conflicts=[Conflict(2, RecordKind.PERSON, "P-0002", "Fan", 1, 2, "rosalind", (
            ConflictField("title", "Title", "Minister", "Vice Minister", "rosalind"),))])
    dialog = CorrectionPreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree, header = dialog.tree, dialog.tree.header()
    assert header.sectionPosition(2) + header.sectionSize(2) <= tree.viewport().width()
    conflict = dialog._conflict_items["P-0002"]
    metrics = tree.fontMetrics()
    assert header.sectionSize(1) > metrics.horizontalAdvance(conflict.text(1))
    section = conflict.parent()
    assert tree.isFirstColumnSpanned(tree.indexOfTopLevelItem(section), tree.rootIndex())
    assert conflict.child(0).toolTip(1) == conflict.child(0).text(1) == "Minister (rosalind)"
    changed = tree.topLevelItem(0).child(0).child(0)
    assert changed.toolTip(2) == LONG


def test_find_duplicates_keeps_both_records_and_the_explanation_in_view(
    qtbot: QtBot, database: ProjectDatabase,
) -> None:
    from PySide6.QtGui import QUndoStack

    from curator.ui.duplicates.dialog import DuplicatesDialog
    from curator.ui.record_editor import RecordEditor

    first = RecordSummary(1, RecordKind.ORGANIZATION, "O-0001", LONG, "中共中央对外联络部",
                          ReviewStatus.DRAFT)
    second = RecordSummary(2, RecordKind.ORGANIZATION, "O-0002", LONG + " (IDCPC)", "",
                           ReviewStatus.DRAFT)
    dialog = DuplicatesDialog(database, RecordEditor(database), QUndoStack())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.model.set_pairs([LikelyDuplicate(first, second, DuplicateReason.SIMILAR_SPELLING,
                                            80, f"“{LONG}” and “{LONG} (IDCPC)” differ little")])
    header, room = dialog.table.horizontalHeader(), dialog.table.viewport().width()
    assert header.sectionPosition(3) + header.sectionSize(3) < room - 150
    assert header.sectionPosition(4) + header.sectionSize(4) <= room
    assert dialog.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole).startswith(f"“{LONG}”")


def test_undo_steps_and_status_choices_speak_chinese(in_chinese: None, qtbot: QtBot,
                                                     database: ProjectDatabase) -> None:
    from curator.ui.commands import FieldEditCommand, StatusChangeCommand
    from curator.ui.record_editor import RecordEditor
    from curator.ui.workbook.export_choices import ExportChoicesDialog

    editor = RecordEditor(database)
    status = StatusChangeCommand(editor, 1, "E-0001", ReviewStatus.DRAFT,
                                 ReviewStatus.NEEDS_REVIEW)
    assert status.text() == "将 E-0001 标记为需要复核"
    edit = FieldEditCommand(editor, 1, "E-0001", "city", None, "Beijing", label="City")
    assert edit.text().startswith("编辑 E-0001 的") and "Edit" not in edit.text()
    choices = ExportChoicesDialog()
    qtbot.addWidget(choices)
    assert choices.status_boxes[ReviewStatus.DRAFT].text() == "草稿"
    assert choices.kind_boxes[RecordKind.PERSON].text() == "人物"
