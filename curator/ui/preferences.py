"""Preferences: the user's name (for history, comments and exports), the language of the
window and the open project's review rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator.languages import LANGUAGES
from curator.services import identity
from curator.ui.settings import WindowSettings

if TYPE_CHECKING:
    from curator.store.database import ProjectDatabase


class PreferencesDialog(QDialog):
    """Name, language and review rule; OK applies them (the rule only with a project open,
    the language at the next start)."""

    def __init__(self, database: ProjectDatabase | None, parent: QWidget | None = None, *,
                 settings: WindowSettings | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or WindowSettings()
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._database = database
        self.name_edit = QLineEdit(identity.preferred_name() or "")
        self.name_edit.setPlaceholderText(identity.default_user())
        self.name_edit.setToolTip(self.tr(
            "Written into the history, comments and exports. Empty: {name}").format(
                name=identity.default_user()))
        self.second_reviewer = QCheckBox(self.tr(
            "Require a second pair of eyes: whoever last edited a record cannot approve it"))
        if database is not None:
            from curator.services.reviewing import second_reviewer_required

            self.second_reviewer.setChecked(second_reviewer_required(database))
        else:
            self.second_reviewer.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name_edit)
        self.language_choice = self._language_choice()
        form.addRow(self.tr("Language"), self.language_choice)
        form.addRow(QLabel(self.tr("This project")))
        form.addRow(self.second_reviewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.accepted.connect(self.apply)

    def _language_choice(self) -> QComboBox:
        """The system's language or one of Curator's, each by its own name."""
        choice = QComboBox()
        choice.addItem(self.tr("As the system (restart to apply)"), "")
        for code, name in LANGUAGES.items():
            choice.addItem(self.tr("{language} (restart to apply)").format(language=name), code)
        choice.setCurrentIndex(max(0, choice.findData(self._settings.language)))
        return choice

    def apply(self) -> None:
        """Keep the name, the language and, with a project open, its review rule."""
        identity.set_preferred_name(self.name_edit.text())
        self._settings.language = str(self.language_choice.currentData())
        if self._database is not None:
            from curator.services.reviewing import require_second_reviewer

            require_second_reviewer(self._database, self.second_reviewer.isChecked())
