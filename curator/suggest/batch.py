"""Many documents read at once, one process a core: the rules are plain Python, so threads
would take turns; processes read side by side. Nothing here touches the project.

A document is read by itself (the rules carry nothing from one document to the next), so
readings come back in the order the documents were given and equal what `suggest_document`
gives in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from curator.domain.documents import Section
from curator.suggest.pipeline import suggest_document
from curator.suggest.suggestions import DocumentSuggestions, PlainSuggestions, from_plain, to_plain

Reading = tuple[str, Sequence[Section]]
"""A document's text and its sections."""

_AHEAD = 4
"""Documents handed out per process before the first is awaited."""
WORTH_A_PROCESS = 100_000
"""Characters below which a second process costs more than it saves: starting one costs
about what reading 100,000 characters does (measured: 0.36 s for a new interpreter on the
project's machine, which reads 0.6-0.8 MB/s a core; forking costs far less)."""


def worth_parallel(sizes: Sequence[int]) -> bool:
    """Whether documents of these sizes are best read by several processes: more than one
    document, more than one core, and enough text to pay for starting the processes."""
    return len(sizes) > 1 and (os.cpu_count() or 1) > 1 and sum(sizes) >= 2 * WORTH_A_PROCESS


def suggest_documents(readings: Iterable[Reading], *, workers: int | None = None
                      ) -> Generator[DocumentSuggestions, None, None]:
    """The suggestions for each document, in the order given, read by `workers` processes
    (one a core by default). A few documents are handed out ahead of the one awaited, the
    longest first (so no process is left reading a long one alone at the end), and a long
    list is never all in memory; stopping the iteration cancels those not begun."""
    workers = workers or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                             initializer=_leave_interrupts_to_the_caller) as pool:
        pending: deque[Future[PlainSuggestions]] = deque()
        documents = iter(readings)
        try:
            while True:
                fresh = list(islice(documents, _AHEAD * workers - len(pending)))
                longest_first = sorted(range(len(fresh)), key=lambda i: -len(fresh[i][0]))
                futures = {index: pool.submit(_plain_suggestions, fresh[index][0],
                                              tuple(fresh[index][1]))
                           for index in longest_first}
                pending.extend(futures[index] for index in range(len(fresh)))
                if not pending:
                    return
                yield from_plain(pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()


def _leave_interrupts_to_the_caller() -> None:
    """Ctrl+C reaches every process of the terminal's group: the caller stops the run (and
    waits for the documents under way), so a reading process ignores it rather than
    printing a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _plain_suggestions(text: str, sections: Sequence[Section]) -> PlainSuggestions:
    """What a reading process sends back."""
    return to_plain(suggest_document(text, sections))


def _context() -> multiprocessing.context.BaseContext:
    """Forking is quickest (the rules are loaded already), but safe only in a process with no
    other thread (a window's process has Qt's); elsewhere each process starts anew."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
