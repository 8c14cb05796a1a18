"""Reporting how far a long write has come, and letting the one who asked stop it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Progress = Callable[[int, int], None]
"""Told (done, total) as work goes on; it may raise OperationCancelled to stop the work."""

Item = TypeVar("Item")

REPORTS_PER_RUN = 200
"""About how many times a run reports, however large it is."""


class ProgressCounter:
    """Counts items passing through and reports every so often."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._every = max(1, total // REPORTS_PER_RUN)

    def counted(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items, reporting progress as they are consumed."""
        for item in items:
            yield item
            self.done += 1
            if self._progress is not None and self.done % self._every == 0:
                self._progress(self.done, self.total)

    def advance(self, count: int) -> None:
        """Count `count` items done at once, reporting when a reporting step is passed."""
        before = self.done // self._every
        self.done += count
        if self._progress is not None and self.done // self._every != before:
            self._progress(self.done, self.total)

    def finish(self) -> None:
        """Report that everything is done."""
        if self._progress is not None:
            self._progress(self.total, self.total)
