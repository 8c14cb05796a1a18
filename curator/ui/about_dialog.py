"""Help → About: Curator's version and the licences of the libraries it ships with."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from curator.services.about import bundled_libraries, curator_version


class AboutDialog(QDialog):
    """Names the version, the licence, and each bundled library with its licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Curator"))
        self.version = curator_version()
        heading = QLabel(self.tr(
            "<h3>Curator {version}</h3><p>A workbench for curating events, people and "
            "organizations from source documents, in English and Chinese.</p>"
            "<p>Curator is free software under the MIT licence. It ships with these "
            "libraries, each under its own licence:</p>").format(version=self.version))
        heading.setWordWrap(True)
        libraries = bundled_libraries()
        self.table = QTableWidget(len(libraries), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        for row, library in enumerate(libraries):
            for column, text in enumerate((library.name, library.version, library.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)
