"""Running one service call off the UI thread, its progress and outcome back as signals."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from curator.errors import CuratorError, OperationCancelled

Progress = Callable[[int, int], None]
Work = Callable[[Progress], object]
"""The call to run: it hears progress as (done, in all) and returns its result."""


class BackgroundJob(QThread):
    """Runs `work` on its own thread; the signals arrive on the thread that made the job.

    Cancelling is a request: the work's next progress report raises OperationCancelled,
    and a service undoes what it had not committed (a unit of work rolls back).
    """

    progressed = Signal(int, int)
    """The work reported progress: done, in all."""
    succeeded = Signal(object)
    """The work is done: what it returned."""
    failed = Signal(str)
    """The work stopped on an error the user can act on: its message."""
    cancelled = Signal(str)
    """The work stopped because it was asked to: what the service said of it."""

    def __init__(self, work: Work, *, cancel_message: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel_message = cancel_message
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (from any thread)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        """Whether the work was asked to stop."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise OperationCancelled(self._cancel_message)
        self.progressed.emit(done, total)

    def run(self) -> None:
        """The work, on the job's thread (QThread override). A bug propagates to the window's
        excepthook, and `finished` is emitted all the same."""
        try:
            result = self._work(self._progress)
        except OperationCancelled as cancelled:
            self.cancelled.emit(str(cancelled))
        except CuratorError as error:
            self.failed.emit(str(error))
        else:
            self.succeeded.emit(result)
