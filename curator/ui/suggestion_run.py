"""Suggest in the window: the service on a background thread, with progress and Cancel,
while the window stays in use."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from curator.services import suggesting
from curator.store.database import ProjectDatabase
from curator.ui.background_job import BackgroundJob, Progress
from curator.ui.messages import show_error

PROGRESS_DELAY_MS = 500
"""The progress dialog shows only if the run is still going after this."""


class SuggestionRun(QObject):
    """One run of suggestions over one document; a window has at most one at a time."""

    finished = Signal(object)
    """Suggestions were stored: the `SuggestionReport`."""
    stopped = Signal(str)
    """The run was cancelled (nothing of the document was stored) or failed: what to say."""

    def __init__(self, database: ProjectDatabase, document_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._dialog = QProgressDialog(self.tr("Reading the document…"), self.tr("Cancel"),
                                       0, 1000, parent)
        self._dialog.setWindowTitle(self.tr("Suggest"))
        self._dialog.setWindowModality(Qt.WindowModality.NonModal)  # reading goes on meanwhile
        self._dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.canceled.connect(self.cancel)

        def work(progress: Progress) -> suggesting.SuggestionReport:
            return suggesting.suggest(database, [document_id], progress=progress)

        self.job = BackgroundJob(work, cancel_message=self.tr(
            "Suggestions cancelled; nothing was added."), parent=self)
        self.job.progressed.connect(self._on_job_progressed)
        self.job.succeeded.connect(self.finished)
        self.job.cancelled.connect(self.stopped)
        self.job.failed.connect(self._on_job_failed)
        self.job.finished.connect(self._on_job_finished)

    def start(self) -> None:
        """Begin; the signals say how it ended."""
        self.job.start()

    def cancel(self) -> None:
        """Stop at the next step; the document under way is left as it was."""
        self._dialog.setLabelText(self.tr("Cancelling…"))
        self.job.cancel()

    def stop_and_wait(self) -> None:
        """Cancel and wait until the thread has ended (the project is closing)."""
        self.job.cancel()
        self.job.wait()
        self.blockSignals(True)  # what the job said meanwhile is for a workbench now gone

    @property
    def running(self) -> bool:
        """Whether the run has not ended yet."""
        return self.job.isRunning()

    def _on_job_progressed(self, done: int, total: int) -> None:
        if self.job.cancel_requested:
            return
        self._dialog.setLabelText(self.tr("Reading the document…") if 2 * done < total
                                  else self.tr("Storing the suggestions…"))
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)

    def _on_job_failed(self, message: str) -> None:
        show_error(self._dialog.parentWidget(), self.tr("Suggestions failed"), message)
        self.stopped.emit(message)

    def _on_job_finished(self) -> None:
        self._dialog.close()
        self._dialog.deleteLater()
        self.deleteLater()
