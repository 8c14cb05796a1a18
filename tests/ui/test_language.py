"""The window in Chinese: menus, labels and Qt's own buttons from the catalogs; the language
chosen in Preferences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from curator.domain.records import RecordKind
from curator.services.annotating import create_record_from_selection
from curator.services.browsing import open_document
from curator.services.editing import edit_field
from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow
from curator.ui.preferences import PreferencesDialog
from curator.ui.settings import WindowSettings
from curator.ui.translation import CatalogTranslator


def test_the_window_in_chinese_shows_chinese_menus_and_country_names(
    in_chinese: None, open_window: Callable[[Path], MainWindow], tmp_path: Path,
    sample_document: int, database: ProjectDatabase,
) -> None:
    text = open_document(database, sample_document).text
    start = text.index("From June 12 to 22, 2012")
    event = create_record_from_selection(database, RecordKind.EVENT, sample_document, start,
                                         start + len("From June 12 to 22, 2012"))
    edit_field(database, event.id, "country", "BR", expected_version=event.version)
    window = open_window(tmp_path / "test.curator")
    menus = [action.text() for action in window.menuBar().actions()]
    assert "文件(&F)" in menus and "编辑(&E)" in menus
    workbench = window.workbench
    assert workbench is not None
    workbench.open_record(event.id)
    shown = [edit.text() for edit in workbench.record_form.findChildren(QLineEdit)]
    assert any("巴西" in text for text in shown)
    assert QCoreApplication.translate("RecordListModel", "Status") == "状态"


def test_qt_own_buttons_speak_chinese(in_chinese: None, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_untranslated_text_is_left_as_it_is(in_chinese: None) -> None:
    assert CatalogTranslator().translate("Anything", "No such text anywhere") is None
    assert QCoreApplication.translate("Anything", "No such text anywhere") == (
        "No such text anywhere")


def test_the_language_chosen_in_preferences_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    settings = WindowSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = PreferencesDialog(None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.language_choice.setCurrentIndex(dialog.language_choice.findData("zh_CN"))
    dialog.apply()
    assert settings.language == "zh_CN"
    again = PreferencesDialog(None, settings=settings)
    qtbot.addWidget(again)
    assert again.language_choice.currentData() == "zh_CN"
