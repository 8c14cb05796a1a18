"""The outline and the source text keep step: a section clicked comes to the top of the
view, and the outline selects the section the text has been scrolled to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from curator.services import browsing
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow

_PARAGRAPH = ("The office sent delegations abroad and received visitors from many countries, "
              "to learn from their experience of reducing poverty.\n\n")
LONG_REPORT = ("Annual Report\n\nOverview\n\n" + _PARAGRAPH * 30
               + "【Visits】From June 12 to 22, 2012, a delegation went to Brazil.\n\n"
               + _PARAGRAPH * 30
               + "【Trainings】The centre held a seminar.\n\n" + _PARAGRAPH * 30)


@pytest.fixture
def long_document(database: ProjectDatabase, tmp_path: Path) -> int:
    """A report of three sections, each several screens long; its document id."""
    from curator.services.importing import import_document

    source = tmp_path / "long-report.txt"
    source.write_text(LONG_REPORT, encoding="utf-8")
    return import_document(database, source).document_id


def _section_item(window: MainWindow, title: str) -> QTreeWidgetItem:
    assert window.workbench is not None
    return window.workbench.outline.findItems(title, Qt.MatchFlag.MatchRecursive)[0]


def _section_start(window: MainWindow, document_id: int, title: str) -> int:
    assert window.workbench is not None
    opened = browsing.open_document(window.workbench.database, document_id)
    return next(section.start for section in opened.sections if section.title == title)


def test_a_section_clicked_scrolls_to_the_top_of_the_view(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, long_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    window.resize(1280, 720)
    QApplication.processEvents()
    window.workbench.outline.itemClicked.emit(_section_item(window, "Visits"), 0)
    QApplication.processEvents()
    view = window.workbench.source_view
    assert view.top_offset() == _section_start(window, long_document, "Visits")
    assert view.verticalScrollBar().value() > 0


def test_the_outline_selects_the_section_scrolled_to(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, long_document: int
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    window.resize(1280, 720)
    QApplication.processEvents()
    view, outline = window.workbench.source_view, window.workbench.outline
    text = view.toPlainText()
    visits = _section_start(window, long_document, "Visits")
    inside = text.index(_PARAGRAPH, visits + len(_PARAGRAPH) * 5)  # within Visits
    view.show_at_top(inside)
    assert outline.currentItem() is _section_item(window, "Visits")
    view.verticalScrollBar().setValue(0)
    assert outline.currentItem() is outline.topLevelItem(0)  # before the first section
