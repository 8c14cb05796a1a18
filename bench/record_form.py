"""The records issue's window figures on a large project: the picker's latency per keystroke
and the time to open a record with its relations in the form.

Run: QT_QPA_PLATFORM=offscreen uv run python bench/record_form.py PROJECT [--records N]

PROJECT is best the generated one (bench/generate_project.py). Each typed query is timed a
keystroke at a time, as the picker asks for matches after each; opening is timed for N
events and people that have relations, each shown in a real RecordForm.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.ui.record_editor import RecordEditor
from curator.ui.record_form import RecordForm
from curator.ui.records.picker_sources import RecordSource

TYPED = {
    RecordKind.PERSON: ("zheng wenkai", "范小建", "li", "wang yi", "lyu"),
    RecordKind.ORGANIZATION: ("iprcc", "ministry of agriculture", "国务院", "world bank"),
}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def time_picker(database: ProjectDatabase) -> None:
    """Per keystroke: the picker's entries for each prefix of each typed query."""
    for kind, queries in TYPED.items():
        source = RecordSource(database, kind)
        for query in queries:
            times = []
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                source.entries(query[:end])
                times.append(time.perf_counter() - started)
            print(f"picker {kind.value:12} {query!r:28} median {_ms(statistics.median(times))}"
                  f"  worst {_ms(max(times))}  ({len(times)} keystrokes)")


def time_opening(database: ProjectDatabase, count: int) -> None:
    """Show records with relations in a real form; median and worst time to show one."""
    with database.engine.connect() as connection:
        ids = connection.execute(text(
            "SELECT subject_id FROM relation GROUP BY subject_id HAVING count(*) >= 3 "
            "ORDER BY subject_id LIMIT 5000")).scalars().all()
    chosen = random.Random(7).sample(list(ids), min(count, len(ids)))
    form = RecordForm(RecordEditor(database), QUndoStack())
    form.resize(520, 900)
    form.show()
    form.show_record(chosen[0])  # the first pays for imports and caches
    times = []
    for record_id in chosen[1:]:
        started = time.perf_counter()
        form.show_record(record_id)
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
    print(f"open a record with its relations ({len(times)} records with >= 3 relations): "
          f"median {_ms(statistics.median(times))}  worst {_ms(max(times))}")


def main() -> None:
    """Time the picker and the form on PROJECT."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--records", type=int, default=60)
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    database = ProjectDatabase.open(arguments.project, create=False)
    try:
        time_picker(database)
        time_opening(database, arguments.records)
    finally:
        database.close()
    del app


if __name__ == "__main__":
    main()
