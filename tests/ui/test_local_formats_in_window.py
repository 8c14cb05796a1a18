"""The window writes moments and counts for the language chosen: the history's dates, the
dashboard's summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.languages import set_language
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow
from curator.ui.translation import install_translators, remove_translators
from tests.dashboard_project import build_known_project


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application in each language in turn, English again afterwards."""
    set_language(request.param)
    translators = install_translators(qapp)
    yield request.param
    remove_translators(qapp, translators)
    set_language("en")


def test_history_dates_are_written_in_the_language(
    language: str, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int,
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    text = window.workbench.source_view.toPlainText()
    start = text.index("From June 12 to 22, 2012")
    window.workbench.source_view.select_span(start, start + 24)
    window.workbench.create_record_from_selection(RecordKind.EVENT)
    line = window.workbench.record_form.history_list.item(0).text()
    if language == "zh_CN":
        assert "年" in line and "月" in line and "日" in line
    else:
        assert any(f" {month} " in f" {line} " for month in (
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))


def test_the_dashboard_summary_is_written_in_the_language(
    language: str, open_window: Callable[[Path], MainWindow], tmp_path: Path, qtbot: QtBot,
) -> None:
    database = ProjectDatabase.open(tmp_path / "test.curator")
    build_known_project(database)
    database.close()
    window = open_window(tmp_path / "test.curator")
    dashboard = window.view_menu.show_dashboard()
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)
    expected = {"en": "9 records, 1 approved (11%)", "zh_CN": "9 条记录，1 条已批准（11%）"}
    assert expected[language] in dashboard.summary.text()
