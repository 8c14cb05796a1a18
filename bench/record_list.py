"""Filtering a record list of 100,000 people as one types: time per keystroke.

Run: QT_QPA_PLATFORM=offscreen uv run python bench/record_list.py [RECORDS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from curator.domain.records import RecordKind, format_key
from curator.store.database import ProjectDatabase
from curator.store.tables import PersonDetailRow, RecordRow
from curator.ui.record_list_model import RecordListModel

SURNAMES = ["Zheng", "Fan", "Wang", "Li", "Zhang", "Chen", "Liu", "Silva", "Kargbo", "Mellsop"]
GIVEN = ["Wenkai", "Xiaojian", "Ying", "Bigong", "Gillian", "Momodu", "Tiago", "Hongbo"]


def fill(database: ProjectDatabase, count: int) -> None:
    """Insert `count` people in bulk (a benchmark shortcut past the per-record service)."""
    now = datetime.now(UTC)
    rows = [
        {"id": n, "kind": "person", "number": n, "key": format_key(RecordKind.PERSON, n),
         "name_en": f"{random.choice(SURNAMES)} {random.choice(GIVEN)} {n}",
         "name_zh": "郑文凯" if n % 97 == 0 else "", "status": "draft", "version": 1,
         "created_at": now, "created_by": "bench", "updated_at": now, "updated_by": "bench"}
        for n in range(1, count + 1)
    ]
    with database.unit_of_work() as session:
        session.execute(insert(RecordRow), rows)
        session.execute(insert(PersonDetailRow), [{"record_id": r["id"]} for r in rows])


def main() -> None:
    """Type a name letter by letter into the model's filter and time each keystroke."""
    random.seed(3)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    QApplication(sys.argv[:1])
    database = ProjectDatabase.open(Path(tempfile.mkdtemp()) / "bench.curator")
    fill(database, count)
    started = time.perf_counter()
    model = RecordListModel(database, RecordKind.PERSON)
    print(f"{count:,} records; first page shown in {(time.perf_counter() - started) * 1000:.0f} ms")
    typed = ""
    timings = []
    for letter in "wenkai 1":
        typed += letter
        started = time.perf_counter()
        model.set_filter(typed)
        timings.append((time.perf_counter() - started) * 1000)
        print(f"  filter {typed!r}: {timings[-1]:.0f} ms, {model.count_label} matches shown")
    print(f"median per keystroke: {sorted(timings)[len(timings) // 2]:.0f} ms, "
          f"worst {max(timings):.0f} ms")
    for rare in ("郑文凯", "no such name"):  # few or no matches: the whole table is scanned
        started = time.perf_counter()
        model.set_filter(rare)
        print(f"  filter {rare!r}: {(time.perf_counter() - started) * 1000:.0f} ms, "
              f"{model.count_label} matches")
    started = time.perf_counter()
    model.set_filter("")
    while model.canFetchMore() and model.rowCount() < 5_000:
        model.fetchMore()
    print(f"scrolling in 5,000 rows page by page: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
