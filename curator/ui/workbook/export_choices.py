"""Which records an export takes: statuses and kinds, asked after the file name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.translation import _
from curator.exchange.snapshot import ExportFilter


class ExportChoicesDialog(QDialog):
    """Ticks for each review status and record kind; all ticked exports every record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export — which records"))
        layout = QVBoxLayout(self)
        self.status_boxes = {status: QCheckBox(_(status.label)) for status in ReviewStatus}
        self.kind_boxes = {kind: QCheckBox(_(kind.plural_label)) for kind in RecordKind}
        for title, boxes in ((self.tr("Statuses"), self.status_boxes),
                             (self.tr("Kinds"), self.kind_boxes)):
            group = QGroupBox(title)
            row = QHBoxLayout(group)
            for box in boxes.values():
                box.setChecked(True)
                row.addWidget(box)
            layout.addWidget(group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExportFilter:
        """The filter ticked (all of a group ticked, or none: no filter on it)."""
        statuses = {status for status, box in self.status_boxes.items() if box.isChecked()}
        kinds = {kind for kind, box in self.kind_boxes.items() if box.isChecked()}
        return ExportFilter(
            frozenset() if len(statuses) == len(ReviewStatus) else frozenset(statuses),
            frozenset() if len(kinds) == len(RecordKind) else frozenset(kinds))


def _ask(parent: QWidget | None) -> ExportFilter | None:
    dialog = ExportChoicesDialog(parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


ask_export_choice = _ask
"""Asks which records to export (None: cancelled); tests replace this to answer."""
