"""File → Import Corrections: read an edited workbook with progress, preview, apply as one step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog, QWidget

from curator.errors import CuratorError, OperationCancelled
from curator.ui.messages import show_error
from curator.ui.workbook.preview_dialog import CorrectionPreviewDialog

if TYPE_CHECKING:
    from curator.exchange.preview import CorrectionPreview
    from curator.ui.workbench import Workbench

PROGRESS_DELAY_MS = 300


def ask_workbook(parent: QWidget) -> Path | None:
    """Ask for the edited workbook to import."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, parent.tr("Import Corrections"), str(Path.home()),
        parent.tr("Excel workbook (*.xlsx)"))
    return Path(path) if path else None


def read_preview(workbench: Workbench, path: Path) -> CorrectionPreview | None:
    """The preview of `path`'s corrections, read with a cancellable progress dialog; None if
    cancelled or refused (the refusal is shown)."""
    from curator.services.correcting import preview_corrections

    workbench.save_pending()
    dialog = QProgressDialog(workbench.tr("Reading {name}…").format(name=path.name),
                             workbench.tr("Cancel"), 0, 1000, workbench)
    dialog.setWindowTitle(workbench.tr("Import Corrections"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise OperationCancelled(workbench.tr("Import cancelled; nothing was changed."))

    try:
        return preview_corrections(workbench.database, path, progress=progress)
    except OperationCancelled as cancelled:
        workbench.status_changed.emit(str(cancelled))
    except CuratorError as error:
        show_error(workbench, workbench.tr("Workbook not imported"), str(error))
    finally:
        dialog.close()
    return None


def import_corrections(workbench: Workbench, path: Path) -> bool:
    """Preview `path`'s corrections and, if the user applies them, push one undoable step."""
    from curator.services.correction_steps import apply_corrections
    from curator.ui.workbook.import_command import ImportCorrectionsCommand

    preview = read_preview(workbench, path)
    if preview is None:
        return False
    dialog = CorrectionPreviewDialog(preview, workbench, role_labels=_role_labels(workbench))
    if not confirm_preview(dialog):
        return False
    try:
        applied = apply_corrections(workbench.database, preview,
                                    take_workbook=dialog.take_workbook(),
                                    delete=dialog.delete_confirmed)
    except CuratorError as error:
        show_error(workbench, workbench.tr("Corrections not applied"), str(error))
        return False
    workbench.undo_stack.push(ImportCorrectionsCommand(
        workbench.editor, applied, lambda: workbench.record_panel.refresh()))
    workbench.status_changed.emit(workbench.tr("Applied {count} change(s) from {name}.").format(
        count=applied.change_count, name=path.name))
    return True


def _exec_preview(dialog: CorrectionPreviewDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


confirm_preview = _exec_preview
"""Shows the preview and says whether the user applied it; tests replace this to answer."""


def _role_labels(workbench: Workbench) -> dict[str, str]:
    """Every stored role name and how the window shows it (its Chinese name in Chinese)."""
    from curator.domain.relations import RelationKind
    from curator.services.relating import relation_roles

    try:
        return {role.name: role.label for kind in RelationKind if kind.spec.has_role
                for role in relation_roles(workbench.database, kind)}
    except CuratorError:
        return {}
