"""Exporting a large project: seconds and memory for the workbook and for JSON.

Run: uv run python bench/export.py [RECORDS_PER_KIND]
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from curator.domain.records import RecordKind, format_key
from curator.services.exporting import export_project
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase
from curator.store.tables import DETAIL_TABLES, EvidenceRow, RecordRow

CORPUS = Path(__file__).resolve().parent.parent / "data" / "lgop-international-cooperation-2012.txt"


def fill(database: ProjectDatabase, per_kind: int) -> None:
    """Insert `per_kind` records of each kind, each with one evidence span, in bulk."""
    document_id = import_document(database, CORPUS).document_id
    now = datetime.now(UTC)
    record_id = 0
    with database.unit_of_work() as session:
        for kind in RecordKind:
            rows = []
            for number in range(1, per_kind + 1):
                record_id += 1
                rows.append({
                    "id": record_id, "kind": kind.value, "number": number,
                    "key": format_key(kind, number), "name_en": f"{kind.label} {number}",
                    "name_zh": "郑文凯" if number % 7 == 0 else "", "status": "draft",
                    "version": 1, "created_at": now, "created_by": "bench",
                    "updated_at": now, "updated_by": "bench",
                })
            session.execute(insert(RecordRow), rows)
            session.execute(insert(DETAIL_TABLES[kind.value]),
                            [{"record_id": row["id"]} for row in rows])
            session.execute(insert(EvidenceRow), [
                {"record_id": row["id"], "document_id": document_id, "start": start,
                 "end": start + 12, "exact": "x" * 12, "prefix": "", "suffix": "",
                 "created_at": now, "created_by": "bench"}
                for row in rows for start in [random.randrange(0, 40_000)]
            ])


def main() -> None:
    """Fill a project, then time each export format."""
    per_kind = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = Path(tempfile.mkdtemp())
    database = ProjectDatabase.open(folder / "bench.curator")
    fill(database, per_kind)
    print(f"{per_kind * 3:,} records, {per_kind * 3:,} evidence spans")
    for suffix in (".xlsx", ".json"):
        started = time.perf_counter()
        export_project(database, folder / f"export{suffix}")
        elapsed = time.perf_counter() - started
        size = (folder / f"export{suffix}").stat().st_size / 1e6
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        print(f"{suffix}: {elapsed:.1f} s, file {size:.1f} MB, process peak so far {peak:.0f} MB")


if __name__ == "__main__":
    main()
