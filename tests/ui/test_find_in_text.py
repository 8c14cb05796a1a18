"""Ctrl+F in the window: every hit marked, Enter and Shift+Enter walk them, Escape unmarks;
Ctrl+L filters the record lists, and a match in another tab is shown, not read as none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.services.annotating import create_record_from_selection
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow
from curator.ui.palette import FIND_HIT_BACKGROUND
from tests.ui.gestures import commit_text

BULLETIN = """Weekly Bulletin

On May 4, 2014, a delegation from the Ministry of Planning visited Nairobi.
The delegation met officials in 内罗毕 and then returned.

On May 9, the DELEGATION signed an agreement in 内罗毕.
"""


def _bulletin_window(tmp_path: Path, open_window: Callable[[Path], MainWindow]) -> MainWindow:
    source = tmp_path / "bulletin.txt"
    source.write_text(BULLETIN, encoding="utf-8")
    from curator.services.importing import import_document

    database = ProjectDatabase.open(tmp_path / "find.curator")
    document = import_document(database, source).document_id
    text = BULLETIN
    start = text.index("Ministry of Planning")
    create_record_from_selection(database, RecordKind.ORGANIZATION, document, start,
                                 start + len("Ministry of Planning"))
    database.close()
    return open_window(tmp_path / "find.curator")


def _marked(window: MainWindow) -> list[str]:
    """The text drawn in the find-hit colour, block by block."""
    view = window.workbench.source_view
    marked = []
    block = view.document().begin()
    while block.isValid():
        for text_format in block.layout().formats():
            if text_format.format.background().color() == FIND_HIT_BACKGROUND:
                cursor = QTextCursor(view.document())
                cursor.setPosition(block.position() + text_format.start)
                cursor.setPosition(block.position() + text_format.start + text_format.length,
                                   QTextCursor.MoveMode.KeepAnchor)
                marked.append(cursor.selectedText())
        block = block.next()
    return marked


def _focus_text(qtbot: QtBot, window: MainWindow) -> None:
    window.workbench.source_view.setFocus()
    qtbot.waitUntil(window.workbench.source_view.hasFocus)


def _find(qtbot: QtBot, window: MainWindow, phrase: str) -> None:
    _focus_text(qtbot, window)
    qtbot.keyClick(window.workbench.source_view, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    bar = window.workbench.find_bar
    assert bar.isVisible() and bar.phrase_edit.hasFocus()
    with qtbot.waitSignal(bar.phrase_changed):
        if phrase.isascii():
            qtbot.keyClicks(bar.phrase_edit, phrase)
        else:  # QTest types ASCII keys only; an input method commits the rest
            commit_text(bar.phrase_edit, phrase)


def test_ctrl_f_marks_every_hit_and_selects_the_first(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _bulletin_window(tmp_path, open_window)
    _find(qtbot, window, "delegation")
    assert [m.lower() for m in _marked(window)] == ["delegation"] * 3
    assert window.workbench.source_view.textCursor().selectedText() == "delegation"
    assert window.workbench.find_bar.position_label.text() == "1 of 3"


def test_enter_and_shift_enter_walk_the_hits_and_wrap_around(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _bulletin_window(tmp_path, open_window)
    _find(qtbot, window, "delegation")
    edit = window.workbench.find_bar.phrase_edit
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.workbench.source_view.textCursor().selectedText() == "DELEGATION"
    assert window.workbench.find_bar.position_label.text() == "3 of 3"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.workbench.find_bar.position_label.text() == "1 of 3"
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.workbench.find_bar.position_label.text() == "3 of 3"


def test_a_two_character_chinese_phrase_is_found(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _bulletin_window(tmp_path, open_window)
    _find(qtbot, window, "内罗毕")
    assert _marked(window) == ["内罗毕", "内罗毕"]


def test_escape_closes_the_bar_unmarks_and_returns_to_the_text(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _bulletin_window(tmp_path, open_window)
    _find(qtbot, window, "Nairobi")
    assert _marked(window) == ["Nairobi"]
    qtbot.keyClick(window.workbench.find_bar.phrase_edit, Qt.Key.Key_Escape)
    assert not window.workbench.find_bar.isVisible()
    assert _marked(window) == []
    assert window.workbench.source_view.hasFocus()


def test_a_phrase_not_in_the_text_says_so(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _bulletin_window(tmp_path, open_window)
    _find(qtbot, window, "Mombasa")
    assert window.workbench.find_bar.position_label.text() == "No matches"
    assert _marked(window) == []


def test_ctrl_l_filters_and_opens_the_tab_that_has_matches(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _bulletin_window(tmp_path, open_window)
    panel = window.workbench.record_panel
    panel.tabs.setCurrentIndex(list(RecordKind).index(RecordKind.PERSON))
    _focus_text(qtbot, window)
    qtbot.keyClick(window.workbench.source_view, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    assert panel.filter_edit.hasFocus()
    with qtbot.waitSignal(panel.filter_applied):
        qtbot.keyClicks(panel.filter_edit, "planning")
    assert list(RecordKind)[panel.tabs.currentIndex()] is RecordKind.ORGANIZATION
    assert panel.tabs.tabText(panel.tabs.currentIndex()) == "Organizations (1)"
