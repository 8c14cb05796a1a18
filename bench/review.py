"""Review mode on a large project: building the queue, and moving to the next record (form
filled, text scrolled, evidence marked, the window repainted).

Run: QT_QPA_PLATFORM=offscreen uv run python bench/review.py PROJECT [MOVES]
     (PROJECT: e.g. /tmp/curator-large.curator from bench/generate_project.py; opened, not
     changed: moving through the queue writes nothing)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from curator.store.database import ProjectDatabase
from curator.ui.main_window import MainWindow


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main() -> None:
    """Open the project, enter review mode, press Next `MOVES` times and time each move."""
    project = Path(sys.argv[1])
    moves = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    app = QApplication(sys.argv[:1])
    database = ProjectDatabase.open(project, create=False)
    window = MainWindow()
    window.resize(1500, 900)
    window.attach(database)
    window.show()
    app.processEvents()
    review = window.review_mode
    assert review is not None
    started = time.perf_counter()
    review.set_active(True)
    app.processEvents()
    print(f"{review.model.rowCount():,} records to review; review mode entered (queue read, "
          f"first record shown) in {_ms(started):.0f} ms")
    wall: list[float] = []
    cpu: list[float] = []  # this process's own time: the figure a busy machine distorts least
    switches = 0
    for _move in range(moves):
        document = window.workbench.source_view.document_id
        started, started_cpu = time.perf_counter(), time.process_time()
        review.next_action.trigger()
        app.processEvents()  # paint: the form, the scrolled text, the mark
        wall.append(_ms(started))
        cpu.append((time.process_time() - started_cpu) * 1000)
        switches += window.workbench.source_view.document_id != document
    print(f"next record, {moves} moves ({switches} into another document):")
    for name, timings in (("wall clock", wall), ("CPU", cpu)):
        timings.sort()
        print(f"  {name}: median {statistics.median(timings):.1f} ms, 95th percentile "
              f"{timings[int(len(timings) * 0.95)]:.1f} ms, worst {timings[-1]:.1f} ms")
    window.close()
    database.close()


if __name__ == "__main__":
    main()
