"""The preview of an edited workbook's corrections, where conflicts are settled before applying."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from curator.domain.translation import _
from curator.exchange.preview import CorrectionPreview, value_label

MIN_VALUE_WIDTH = 120
"""The project's and the workbook's columns are never narrower than this."""


class CorrectionPreviewDialog(QDialog):
    """Lists every change; each conflict has a box to take the workbook's side (unticked: the
    project's stays); deletions apply only if their box is ticked."""

    def __init__(self, preview: CorrectionPreview, parent: QWidget | None = None,
                 role_labels: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.role_labels = role_labels or {}
        self.setWindowTitle(self.tr("Import Corrections — {name}").format(
            name=preview.source.name))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(preview.summary()))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Project"), self.tr("Workbook")])
        layout.addWidget(self.tree)
        self._conflict_items: dict[str, QTreeWidgetItem] = {}
        self._fill()
        self._fit_columns()
        self.delete_box = QCheckBox(self.tr("Also delete the {count} record(s) whose rows are "
                                            "gone from the workbook").format(
            count=len(preview.deleted)))
        self.delete_box.setVisible(bool(preview.deleted))
        layout.addWidget(self.delete_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Apply"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(not preview.is_empty)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _section(self, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        item.setFirstColumnSpanned(True)  # a long title reads across the whole row
        item.setExpanded(True)
        return item

    def _fit_columns(self) -> None:
        """The change column takes the room the values leave; a value column is as wide as
        its longest value up to a quarter of the dialog; every cell's tooltip is its text, and
        a line with nothing in the value columns spans the row."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        widest = max(self.width() // 4, MIN_VALUE_WIDTH)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.resizeColumnToContents(column)
            header.resizeSection(column, min(max(header.sectionSize(column),
                                                 MIN_VALUE_WIDTH), widest))
        items = QTreeWidgetItemIterator(self.tree)
        while item := items.value():
            for column in range(3):
                item.setToolTip(column, item.text(column))
            if not item.text(1) and not item.text(2) and item.parent() is not None:
                item.setFirstColumnSpanned(True)
            items += 1

    def _fill(self) -> None:
        preview = self.preview
        if preview.added:
            section = self._section(self.tr("Records added"), len(preview.added))
            for new in preview.added:
                QTreeWidgetItem(section, [self.tr("{kind} ({row}): {name}").format(
                    kind=_(new.kind.label), row=new.row_label(), name=new.name)
                    + new.same_name_note(), "", _(new.status.label)])
        if preview.changed:
            section = self._section(self.tr("Records changed"), len(preview.changed))
            for change in preview.changed:
                parent = QTreeWidgetItem(section, [f"{change.key} {change.name}"])
                for field in change.fields:
                    QTreeWidgetItem(parent, [_(field.label),
                                             _shown(value_label(field.name, field.old)),
                                             _shown(value_label(field.name, field.new))])
        if preview.deleted:
            section = self._section(self.tr("Rows deleted (records deleted only if ticked "
                                            "below)"), len(preview.deleted))
            for gone in preview.deleted:
                QTreeWidgetItem(section, [f"{gone.key} {gone.name}"])
        changes = [c.describe(self.role_labels) for c in preview.relations] + [
            c.describe() for c in preview.aliases]
        if changes:
            section = self._section(self.tr("Relations and aliases"), len(changes))
            for line in changes:
                QTreeWidgetItem(section, [line])
        if preview.comments:
            section = self._section(self.tr("Comments added"), len(preview.comments))
            for comment in preview.comments:
                QTreeWidgetItem(section, [comment.describe()])
        if preview.conflicts:
            section = self._section(self.tr("Conflicts: changed in the project since the export "
                                            "(tick to take the workbook's side)"),
                                    len(preview.conflicts))
            for conflict in preview.conflicts:
                item = QTreeWidgetItem(section, [
                    f"{conflict.key} {conflict.name}",
                    self.tr("changed by {who}").format(who=conflict.changed_by or "?"),
                    self.tr("row deleted") if conflict.deleted_in_workbook else ""])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                for clash in conflict.fields:
                    by = f" ({clash.changed_by})" if clash.changed_by else ""
                    QTreeWidgetItem(item, [
                        _(clash.label), _shown(value_label(clash.name, clash.project_value)) + by,
                        _shown(value_label(clash.name, clash.workbook_value))])
                lines = [c.describe(self.role_labels) for c in conflict.relations]
                lines += [c.describe() for c in conflict.aliases]
                for line in lines:
                    QTreeWidgetItem(item, [line])
                item.setExpanded(True)
                self._conflict_items[conflict.key] = item

    def take_workbook(self) -> set[str]:
        """The conflicting keys ticked to take the workbook's values."""
        return {key for key, item in self._conflict_items.items()
                if item.checkState(0) == Qt.CheckState.Checked}

    def set_taken(self, key: str, taken: bool) -> None:
        """Tick or untick a conflict (as a click would)."""
        self._conflict_items[key].setCheckState(
            0, Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked)

    @property
    def delete_confirmed(self) -> bool:
        """Whether the deletions are to be applied."""
        return self.delete_box.isChecked()


def _shown(value: object) -> str:
    return "∅" if value is None or value == "" else str(value)
