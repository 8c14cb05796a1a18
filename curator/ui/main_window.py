"""The main window's frame: menus, toolbar, status bar and settings around a workbench.

The frame imports no database code, so it can be on screen while the project opens; the
workbench (`ui/workbench.py`) is built and attached once the project is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QMenu, QToolBar

from curator.paths import PROJECT_SUFFIX
from curator.ui.recent_projects import RecentProjectsMenu
from curator.ui.settings import WindowSettings
from curator.ui.view_menu import ViewMenu

if TYPE_CHECKING:
    from curator.store.database import ProjectDatabase
    from curator.ui.review.review_mode import ReviewMode
    from curator.ui.workbench import Workbench

STATUS_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    """Curator's window; shows "Opening…" until a project's workbench is attached."""

    def __init__(self, *, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self._settings = settings or WindowSettings()
        self.workbench: Workbench | None = None
        self.review_mode: ReviewMode | None = None
        self.setWindowTitle("Curator")
        self.undo_stack = QUndoStack(self)
        placeholder = QLabel(self.tr("Opening the project…"))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.setAcceptDrops(True)  # files dropped on the window are imported
        self._build_actions()
        self.resize(1400, 860)
        if (geometry := self._settings.geometry) is not None:
            self.restoreGeometry(geometry)

    def _action(
        self,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        slot: Callable[..., object],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self.tr("Annotate"))
        self.toolbar.setObjectName("annotateToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&New Project…"), QKeySequence.StandardKey.New,
                                         lambda: self.choose_project(create=True)))
        file_menu.addAction(self._action(self.tr("&Open Project…"), QKeySequence.StandardKey.Open,
                                         lambda: self.choose_project(create=False)))
        self.recent_menu = RecentProjectsMenu(self._settings, self._on_recent_project_chosen,
                                              self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.import_action = self._action(self.tr("&Import…"), "Ctrl+I", self.import_files)
        self.import_action.setIconText(self.tr("Import"))
        self.export_action = self._action(self.tr("&Export…"), "Ctrl+Shift+E", self.export)
        self.export_action.setIconText(self.tr("Export"))
        self.import_corrections_action = self._action(
            self.tr("Import &Corrections…"), "", self.import_corrections)
        file_menu.addAction(self.import_corrections_action)
        self.import_folder_action = self._action(self.tr("Import &Folder…"), "Ctrl+Shift+I",
                                                 self.import_folder)
        file_menu.addActions([self.import_action, self.import_folder_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Restore &Backup…"), "", self.restore_backup))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        # Not QUndoStack.createUndoAction: typing not yet saved must become a step first.
        self.undo_action = self._action(self.tr("&Undo"), QKeySequence.StandardKey.Undo,
                                        self.undo)
        self.redo_action = self._action(self.tr("&Redo"), QKeySequence.StandardKey.Redo,
                                        self.redo)
        for action, label in ((self.undo_action, self.tr("Undo")),
                              (self.redo_action, self.tr("Redo"))):
            action.setIconText(label)  # the menu names the step, the toolbar stays short
            action.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        self.undo_stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        # A status line about the last step is stale once another step is done or undone.
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("&Preferences…"), "Ctrl+,",
                                         self.open_preferences))
        self.view_menu = ViewMenu(self, self._settings)
        self.menuBar().addMenu(self.view_menu)
        self.record_menu: QMenu = self.menuBar().addMenu(self.tr("&Record"))
        self.help_menu: QMenu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self._action(self.tr("&Keyboard Shortcuts"),
                                              QKeySequence.StandardKey.HelpContents,
                                              self.show_shortcuts))
        self.help_menu.addAction(self._action(self.tr("Show &Log"), "", self.show_log))
        self.help_menu.addSeparator()
        self.help_menu.addAction(self._action(self.tr("&About Curator"), "", self.show_about))
        for action in (self.import_action, self.import_folder_action, self.export_action):
            action.setEnabled(False)

    def undo(self) -> None:
        """Undo the last step, after saving what is still being typed (it is a step too)."""
        if self.workbench is not None:
            self.workbench.save_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        """Redo the next step, unless saving pending typing just made a new one."""
        if self.workbench is not None:
            self.workbench.save_pending()
        self.undo_stack.redo()

    def _on_undo_stack_undo_text_changed(self, step: str) -> None:
        self.undo_action.setText(self.tr("&Undo {step}").format(step=step).strip())

    def _on_undo_stack_redo_text_changed(self, step: str) -> None:
        self.redo_action.setText(self.tr("&Redo {step}").format(step=step).strip())

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        self.statusBar().clearMessage()

    def attach(self, database: ProjectDatabase) -> Workbench:
        """Show a project: build its workbench and hook its actions into menus and toolbar."""
        from curator.ui.workbench import Workbench

        workbench = Workbench(database, self.undo_stack)
        self.workbench = workbench
        self.view_menu.attach(workbench)
        self.recent_menu.remember(database.location)
        self.setCentralWidget(workbench)
        self.setWindowTitle(f"Curator — {Path(database.location).name}")
        self.record_menu.addActions(workbench.annotation_actions)
        self.record_menu.addSeparator()
        self.record_menu.addActions(workbench.record_actions)
        self.record_menu.addSeparator()
        self.record_menu.addAction(workbench.suggest_action)
        self.toolbar.addActions(workbench.annotation_actions)
        self.toolbar.addSeparator()
        self.toolbar.addAction(workbench.suggest_action)
        self.toolbar.addAction(workbench.search_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.import_action, self.export_action])
        from curator.ui.review.review_mode import ReviewMode

        self.review_mode = ReviewMode(self, workbench)
        self.menuBar().insertMenu(self.help_menu.menuAction(), self.review_mode.menu)
        self.toolbar.insertAction(workbench.search_action, self.review_mode.toggle_action)
        for action in (self.import_action, self.import_folder_action, self.export_action):
            action.setEnabled(True)
        workbench.status_changed.connect(
            lambda message: self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
        )
        if (state := self._settings.splitter_state) is not None:
            workbench.restoreState(state)
        location = self.tr("Project: {location}").format(location=database.location)
        self.statusBar().showMessage(location)
        return workbench

    def choose_project(self, *, create: bool) -> None:
        """Ask for a project file to create or open, and switch to it."""
        pattern = self.tr("Curator projects (*{suffix});;All files (*)").format(
            suffix=PROJECT_SUFFIX)
        if create:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("New Project"), str(Path.home() / f"project{PROJECT_SUFFIX}"),
                pattern, options=QFileDialog.Option.DontConfirmOverwrite)
            if path and not Path(path).suffix:
                path += PROJECT_SUFFIX
            if path and Path(path).exists():
                from curator.ui.messages import show_error

                show_error(self, self.tr("New Project"), self.tr(
                    "{path} exists already. Choose another name, or open it with Open Project."
                ).format(path=path))
                return
        else:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Open Project"), str(Path.home()), pattern)
        if path:
            self.switch_to_project(path, create=create)

    def switch_to_project(self, location: str | Path, *, create: bool) -> bool:
        """Close the open project and show the one at `location` (kept if that fails)."""
        from curator.errors import CuratorError
        from curator.services.projects import open_project
        from curator.ui.messages import show_error

        if self.workbench is not None:
            self.workbench.save_pending()  # before anything can fail: typing is never lost
        try:
            database = open_project(location, create=create)
        except CuratorError as error:
            show_error(self, self.tr("Cannot open the project"), str(error))
            return False
        self.detach()
        self.attach(database)
        return True

    def detach(self) -> None:
        """Close the open project: save typing, forget its undo steps, drop its workbench."""
        if self.workbench is None:
            return
        self.workbench.save_pending()
        self.workbench.stop_background_work()
        self._settings.splitter_state = self.workbench.saveState()
        self.undo_stack.clear()  # its steps belong to the project being closed
        self.view_menu.detach()
        if self.review_mode is not None:
            self.review_mode.detach()
            self.review_mode = None
        self.record_menu.clear()
        self.toolbar.clear()
        self.workbench.database.close()
        self.workbench.deleteLater()
        self.workbench = None

    def import_files(self) -> None:
        """Ask for source files and import them into the open project."""
        if self.workbench is None:
            return
        from curator.services.importing import IMPORTABLE_SUFFIXES

        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), "",
            self.tr("Source documents ({patterns})").format(
                patterns=" ".join(f"*{suffix}" for suffix in IMPORTABLE_SUFFIXES)
            ),
        )
        self.workbench.import_paths([Path(path) for path in paths])

    def restore_backup(self) -> bool:
        """Put the open project file back as one of its daily backups has it, after asking."""
        from curator.errors import CuratorError
        from curator.services.backups import list_backups, restore_backup
        from curator.ui.messages import confirm, show_error

        if self.workbench is None:
            return False
        title = self.tr("Restore Backup")
        if not self.workbench.database.is_sqlite:
            show_error(self, title, self.tr("Curator keeps backups of project files; a team "
                                            "database is backed up on its server."))
            return False
        project = Path(self.workbench.database.location)
        backups = list_backups(project)
        if not backups:
            show_error(self, title, self.tr("There is no backup of this project yet."))
            return False
        labels = [backup.path.stem for backup in backups]
        label, chosen = QInputDialog.getItem(
            self, title, self.tr("Put the project back as it was on:"), labels, 0, False)
        if not chosen or not confirm(self, title, self.tr(
                "Replace the project with its backup of {day}? What was changed since is kept "
                "in a copy beside the backups.").format(day=label)):
            return False
        self.detach()
        try:
            before = restore_backup(backups[labels.index(label)].path, project)
        except CuratorError as error:
            show_error(self, title, str(error))
            before = None
        self.switch_to_project(project, create=False)
        if before is not None:
            self.statusBar().showMessage(self.tr(
                "Restored the backup of {day}; the project as it was is in {copy}.").format(
                day=label, copy=before))
        return before is not None

    def show_log(self) -> bool:
        """Open Curator's log file in the desktop's viewer for text files."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from curator.log_file import log_file_path
        from curator.ui.messages import show_error

        path = log_file_path()
        if not path.exists():
            show_error(self, self.tr("Show Log"), self.tr(
                "There is no log yet; it will be at {path}.").format(path=path))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def import_folder(self) -> None:
        """Ask for a folder and import the files in it that Curator can read."""
        if self.workbench is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.workbench.import_paths([Path(folder)])

    def export(self) -> None:
        """Ask for a file name and export the open project to it."""
        if self.workbench is None:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / "curator-export.xlsx"),
            self.tr("Excel workbook (*.xlsx);;JSON (*.json);;CSV files in a .zip (*.zip)"),
        )
        if not target:
            return
        from curator.ui.workbook.export_choices import ask_export_choice

        choice = ask_export_choice(self)
        if choice is not None:
            self.workbench.export_to(Path(target), choose=choice)

    def import_corrections(self) -> None:
        """Ask for an edited workbook and bring its corrections back after a preview."""
        if self.workbench is None:
            return
        from curator.ui.workbook.importing_corrections import ask_workbook, import_corrections

        path = ask_workbook(self)
        if path is not None:
            import_corrections(self.workbench, path)

    def open_preferences(self) -> None:
        """Show the Preferences dialog (the user's name; the open project's review rule)."""
        from curator.ui.preferences import PreferencesDialog

        if self.workbench is not None:
            self.workbench.save_pending()  # typed under the old name, saved under it
        database = self.workbench.database if self.workbench is not None else None
        dialog = PreferencesDialog(database, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        """Show every keyboard shortcut of the window on one page."""
        from curator.ui.review.shortcuts_page import ShortcutsPage

        page = ShortcutsPage(self)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.open()

    def show_about(self) -> None:
        """Show Curator's version and the licences of the libraries it ships with."""
        from curator.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_recent_project_chosen(self, location: str) -> None:
        self.switch_to_project(location, create=False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept files dragged over the window."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Open a dropped project file; import any other dropped files and folders."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

    def open_dropped(self, paths: list[Path]) -> None:
        """Open the first project file among `paths`, or else import them all."""
        projects = [path for path in paths if path.suffix == PROJECT_SUFFIX]
        if projects:
            self.switch_to_project(projects[0], create=False)
        elif self.workbench is not None:
            self.workbench.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Save what is still being typed, remember the layout, then close."""
        self._settings.geometry = self.saveGeometry()
        if self.workbench is not None:
            self.workbench.save_pending()
            self.workbench.stop_background_work()
            self._settings.splitter_state = self.workbench.saveState()
        super().closeEvent(event)
