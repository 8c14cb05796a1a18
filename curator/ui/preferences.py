"""Preferences: the user's name (for history, comments and exports) and the open project's
review rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from curator.services import identity

if TYPE_CHECKING:
    from curator.store.database import ProjectDatabase


class PreferencesDialog(QDialog):
    """Name and review rule; OK applies them (the rule only with a project open)."""

    def __init__(self, database: ProjectDatabase | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def apply(self) -> None:
        """Keep the name and, with a project open, its review rule."""
        identity.set_preferred_name(self.name_edit.text())
        if self._database is not None:
            from curator.services.reviewing import require_second_reviewer

            require_second_reviewer(self._database, self.second_reviewer.isChecked())
