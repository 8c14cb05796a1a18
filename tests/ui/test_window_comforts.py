"""The window for long days: recent projects (never a password), files dropped on it,
Help → About, an empty project saying what to do first, outline tooltips."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from curator.services.importing import import_document
from curator.store.database import ProjectDatabase
from curator.ui.about_dialog import AboutDialog
from curator.ui.main_window import MainWindow
from curator.ui.recent_projects import without_password


def test_opened_projects_are_listed_under_recent_projects(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    ProjectDatabase.open(tmp_path / "other.curator").close()
    window = open_window(tmp_path / "test.curator")
    assert window.switch_to_project(tmp_path / "other.curator", create=False)
    locations = window.recent_menu.locations()
    assert locations[:2] == [str(tmp_path / "other.curator"), str(tmp_path / "test.curator")]
    window.recent_menu.actions()[1].trigger()  # the second: test.curator
    assert window.workbench is not None
    assert window.workbench.database.location == str(tmp_path / "test.curator")


def test_a_recent_database_url_is_kept_without_its_password() -> None:
    kept = without_password("postgresql://anna:s3cr3t@db.example.org/curation")
    assert kept == "postgresql://anna@db.example.org/curation"
    assert without_password("/home/anna/my.curator") == "/home/anna/my.curator"


def test_files_dropped_on_the_window_are_imported(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_source: Path
) -> None:
    window = open_window(tmp_path / "test.curator")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(sample_source))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.workbench is not None
    assert window.workbench.outline.topLevelItemCount() == 1
    assert "Zheng Wenkai" in window.workbench.source_view.toPlainText()


def test_about_names_the_version_and_the_licences_of_bundled_libraries(qtbot: object) -> None:
    dialog = AboutDialog()
    rows = {dialog.table.item(row, 0).text().lower(): dialog.table.item(row, 2).text()
            for row in range(dialog.table.rowCount())}
    assert dialog.version == "0.1.0" or dialog.version
    assert rows["pyqtgraph"] == "MIT"
    assert "LGPL" in rows["pyside6_essentials"]
    dialog.deleteLater()


def test_an_empty_project_says_what_to_do_first(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    assert "File → Import" in window.workbench.source_view.placeholderText()
    assert "Ctrl+I" in window.workbench.source_view.placeholderText()


def test_outline_entries_show_their_full_title_as_a_tooltip(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, sample_source: Path
) -> None:
    database = ProjectDatabase.open(tmp_path / "test.curator")
    import_document(database, sample_source)
    database.close()
    window = open_window(tmp_path / "test.curator")
    assert window.workbench is not None
    document = window.workbench.outline.topLevelItem(0)
    assert document is not None and document.text(0) in document.toolTip(0)
    section = document.child(0)
    assert section is not None and section.toolTip(0) == section.text(0)
