"""Search everything (Ctrl+K): a Chinese query finds a person recorded in pinyin, Enter opens
it in the form; a passage hit scrolls the text to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.services.annotating import create_record_from_selection
from curator.services.editing import edit_field
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow
from tests.ui.gestures import commit_text

NEWS = """Provincial News

On April 2, 2015, Deputy Governor Fan Xiaojian opened a seminar in 昆明.
Experts from 北京 and Hanoi discussed rural credit.
"""


def _news_window(tmp_path: Path, open_window: Callable[[Path], MainWindow]) -> MainWindow:
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    database = ProjectDatabase.open(tmp_path / "search.curator")
    document = import_document(database, source).document_id
    start = NEWS.index("Fan Xiaojian")
    person = create_record_from_selection(database, RecordKind.PERSON, document, start,
                                          start + len("Fan Xiaojian"))
    edit_field(database, person.id, "name_zh", "范小建", expected_version=person.version)
    database.close()
    return open_window(tmp_path / "search.curator")


def _search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    window.workbench.source_view.setFocus()
    qtbot.waitUntil(window.workbench.source_view.hasFocus)
    qtbot.keyClick(window.workbench.source_view, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier)
    dialog = window.workbench._search_dialog
    assert dialog is not None and dialog.isVisible()
    commit_text(dialog.query_edit, query)
    qtbot.waitUntil(lambda: dialog.results.count() > 0)


def test_a_chinese_query_finds_the_person_and_enter_opens_the_record(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _news_window(tmp_path, open_window)
    _search(qtbot, window, "范小建")
    dialog = window.workbench._search_dialog
    assert dialog is not None
    assert dialog.results.item(0).text().startswith("P-0001  Fan Xiaojian")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    record = window.workbench.record_form.record
    assert record is not None and record.key == "P-0001"


def test_a_two_character_query_finds_its_passage_and_scrolls_the_text_to_it(
    qtbot: QtBot, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = _news_window(tmp_path, open_window)
    _search(qtbot, window, "北京")
    dialog = window.workbench._search_dialog
    assert dialog is not None
    rows = [dialog.results.item(row).text() for row in range(dialog.results.count())]
    passage_row = next(row for row, text in enumerate(rows) if "北京" in text)
    dialog.results.setCurrentRow(passage_row)
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert window.workbench.source_view.textCursor().selectedText() == "北京"
