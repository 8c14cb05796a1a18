"""Duplicates in the window: the same-name question at P, the dialog's merge and dismissal,
each an undoable step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.errors import RecordNotFound
from curator.services.annotating import create_record_from_selection, record_evidence
from curator.services.duplicates import find_duplicates
from curator.services.editing import load_record
from curator.store.database import ProjectDatabase
from curator.ui import messages
from curator.ui.duplicates.pair_model import DuplicatePairsModel
from curator.ui.main_window import MainWindow

NAME = "Zheng Wenkai"
Asked = list[tuple[str, list[str]]]


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Callable[[int | None], Asked]:
    """Answer every choice with the option of this index (None: Cancel); returns the asked."""
    def answering(index: int | None) -> Asked:
        asked: Asked = []

        def ask(_parent: QWidget | None, title: str, _question: str,
                options: Sequence[str]) -> int | None:
            asked.append((title, list(options)))
            return index

        monkeypatch.setattr(messages, "ask_choice", ask)
        return asked
    return answering


def _press_p_on_the_name(qtbot: QtBot, window: MainWindow) -> None:
    assert window.workbench is not None
    view = window.workbench.source_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    start = view.toPlainText().index(NAME)
    view.select_span(start, start + len(NAME))
    qtbot.keyClick(view, Qt.Key.Key_P)


def _people(window: MainWindow) -> int:
    assert window.workbench is not None
    model = window.workbench.record_panel.models[RecordKind.PERSON]
    model.reload()
    return model.rowCount()


def _two_of_one_man(database: ProjectDatabase, document_id: int, source: Path) -> None:
    """P-0001 and P-0002 both Zheng Wenkai, as pressing P twice made them before this check."""
    start = source.read_text(encoding="utf-8").index(NAME)
    for _ in range(2):
        create_record_from_selection(database, RecordKind.PERSON, document_id, start,
                                     start + len(NAME))


def test_pressing_p_on_a_known_name_offers_to_link_the_words_to_it(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int, database: ProjectDatabase, answer: Callable[[int | None], Asked],
) -> None:
    window = open_window(tmp_path / "test.curator")
    asked = answer(0)
    _press_p_on_the_name(qtbot, window)
    assert asked == []  # nothing of that name yet: created at once
    _press_p_on_the_name(qtbot, window)
    assert asked == [("Same Name Exists", ["Link to P-0001 Zheng Wenkai",
                                           "Create a New Record"])]
    assert _people(window) == 1
    assert len(record_evidence(database, load_record(database, 1).id)) == 2
    window.undo()
    assert len(record_evidence(database, 1)) == 1


def test_the_curator_may_create_a_new_record_anyway_or_cancel(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int, answer: Callable[[int | None], Asked],
) -> None:
    window = open_window(tmp_path / "test.curator")
    _press_p_on_the_name(qtbot, window)
    answer(None)
    _press_p_on_the_name(qtbot, window)
    assert _people(window) == 1
    answer(1)
    _press_p_on_the_name(qtbot, window)
    assert _people(window) == 2


def test_merging_in_the_dialog_is_undone_by_ctrl_z(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    sample_source: Path, database: ProjectDatabase, answer: Callable[[int | None], Asked],
) -> None:
    _two_of_one_man(database, sample_document, sample_source)
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    dialog = window.workbench.find_duplicates()
    assert dialog.model.rowCount() == 1
    asked = answer(0)
    assert dialog.merge_selected()
    assert asked[0][1] == ["Keep P-0001 Zheng Wenkai (older)", "Keep P-0002 Zheng Wenkai"]
    assert dialog.model.rowCount() == 0
    with pytest.raises(RecordNotFound):
        load_record(database, 2)
    assert len(record_evidence(database, 1)) == 2
    window.undo()
    assert (load_record(database, 2).key, len(record_evidence(database, 2))) == ("P-0002", 1)
    assert len(record_evidence(database, 1)) == 1
    window.redo()
    assert _people(window) == 1


def test_a_pair_dismissed_in_the_dialog_stays_away_until_undone(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_document: int,
    sample_source: Path, database: ProjectDatabase,
) -> None:
    _two_of_one_man(database, sample_document, sample_source)
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    dialog = window.workbench.find_duplicates()
    assert dialog.dismiss_selected()
    assert window.workbench.find_duplicates().model.rowCount() == 0
    window.undo()
    assert window.workbench.find_duplicates().model.rowCount() == 1


def test_find_duplicates_is_in_the_record_menu(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert "Find Duplicates…" in [action.text() for action in window.record_menu.actions()]


def test_the_pair_model_passes_qt_model_checks(
    qtmodeltester: ModelTester, database: ProjectDatabase, sample_document: int,
    sample_source: Path,
) -> None:
    _two_of_one_man(database, sample_document, sample_source)
    model = DuplicatePairsModel()
    model.set_pairs(find_duplicates(database))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "Same name"
