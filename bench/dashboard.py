"""Time the dashboard's refresh on a project: the counts read in SQL, and the charts drawn.

Run: QT_QPA_PLATFORM=offscreen uv run python bench/dashboard.py PROJECT [RUNS]
     (PROJECT: e.g. one made by bench/generate_project.py at scale 1.0)
"""

from __future__ import annotations

import statistics
import sys
import time

from PySide6.QtWidgets import QApplication

from curator.domain.records import RecordKind
from curator.services.dashboard import dashboard_data
from curator.store.database import ProjectDatabase
from curator.store.record_filters import RecordFilter


def _median_ms(action: object, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    """Read the counts of the whole project and of a filter; then refresh a shown dashboard."""
    project, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 7
    app = QApplication(sys.argv[:1])
    database = ProjectDatabase.open(project, read_only=True)
    dashboard_data(database)  # warm the page cache once
    for label, filters in (
        ("whole project", None),
        ("filter text 'visit'", {RecordKind.EVENT: RecordFilter(text="visit")}),
        ("one month of events", {RecordKind.EVENT: RecordFilter(started_in="2012-06")}),
    ):
        median, worst = _median_ms(lambda f=filters: dashboard_data(database, f), runs)
        print(f"counts, {label}: median {median:.0f} ms, worst {worst:.0f} ms")
    from curator.ui.dashboard.dashboard_window import DashboardWindow
    from curator.ui.record_panel import RecordPanel

    panel = RecordPanel(database)
    window = DashboardWindow(database, panel, lambda _record_id: None)
    window.show()
    app.processEvents()
    median, worst = _median_ms(lambda: (window.refresh(), app.processEvents()), runs)
    print(f"dashboard refresh (counts and six charts drawn): median {median:.0f} ms, "
          f"worst {worst:.0f} ms")
    window.close()
    database.close()


if __name__ == "__main__":
    main()
