"""Exporting a large project: Curator's workbook against pandas' to_excel, JSON, and the preview
of a workbook brought back, each timed in its own process with its peak memory.

Run: uv run --with pandas python bench/export.py [RECORDS_PER_KIND | --project FILE]

Without pandas (it is not a dependency of Curator) the baseline is skipped with a message.
Each measurement runs in a child process, so each peak is its own (ru_maxrss of the child).
"""

from __future__ import annotations

import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from curator.domain.records import RecordKind, format_key
from curator.services.importing import import_document
from curator.store.database import ProjectDatabase
from curator.store.tables import DETAIL_TABLES, EvidenceRow, RecordRow

CORPUS = Path(__file__).resolve().parent.parent / "data" / "lgop-international-cooperation-2012.txt"
LARGE_PROJECT = Path("/tmp/curator-large.curator")


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


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(method: str, project: Path, folder: Path) -> dict[str, float]:
    """One measurement, in this (child) process: seconds and peak MB."""
    from curator.services.exporting import collect_snapshot, export_project

    database = ProjectDatabase.open(project, read_only=True)  # the preview only reads too
    result: dict[str, float] = {}
    # Start-up (imports, opening the project) leaves tens of thousands of objects that the
    # first full collection of Python's cycle collector walks: 60-120 ms that fell into
    # whichever method was timed, never in a window that has been open a while.
    gc.collect()
    started = time.perf_counter()
    if method == "snapshot":
        collect_snapshot(database)
    elif method in ("xlsx", "json", "zip"):
        export_project(database, folder / f"curator.{method}")
    elif method == "pandas":
        snapshot = collect_snapshot(database)
        result["read"] = time.perf_counter() - started
        _write_with_pandas(snapshot, folder / "pandas.xlsx")
    elif method == "preview":
        from curator.services.correcting import preview_corrections

        workbook = folder / "curator.xlsx"
        if not workbook.exists():
            export_project(database, workbook)
        started = time.perf_counter()
        preview = preview_corrections(database, workbook)
        result["rows"] = preview.rows_read
    result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = _peak_mb()
    database.close()
    return result


def _write_with_pandas(snapshot: object, target: Path) -> None:
    """The same sheets and cells, written the naive way: DataFrame.to_excel (openpyxl)."""
    import pandas as pd

    from curator.exchange.sheets import readme_rows, sheet_specs

    specs = sheet_specs()
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        readme = [_naive(row) for row in readme_rows(snapshot, specs)]  # type: ignore[arg-type]
        pd.DataFrame(readme).to_excel(writer, sheet_name="README", header=False, index=False)
        for spec in specs:
            rows = [_naive(row) for row in spec.rows(snapshot)]  # type: ignore[arg-type]
            frame = pd.DataFrame(rows, columns=spec.header)
            frame.to_excel(writer, sheet_name=spec.title, index=False)


def _naive(row: object) -> list[object]:
    """A row with times in naive UTC, as Excel (and pandas' writer) wants them."""
    return [value.astimezone(UTC).replace(tzinfo=None)
            if isinstance(value, datetime) and value.tzinfo is not None else value
            for value in row]  # type: ignore[attr-defined]


def _child(method: str, project: Path, folder: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", method, str(project), str(folder)],
        capture_output=True, text=True, check=True)
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Fill (or take) a project, then time each method in its own process."""
    arguments = sys.argv[1:]
    if arguments[:1] == ["--measure"]:
        method, project, folder = arguments[1], Path(arguments[2]), Path(arguments[3])
        print(json.dumps(measure(method, project, folder)))
        return
    folder = Path(tempfile.mkdtemp())
    if arguments[:1] == ["--project"] or (not arguments and LARGE_PROJECT.exists()):
        project = Path(arguments[1]) if arguments else LARGE_PROJECT
    else:
        per_kind = int(arguments[0]) if arguments else 10_000
        project = folder / "bench.curator"
        database = ProjectDatabase.open(project)
        fill(database, per_kind)
        database.close()
    database = ProjectDatabase.open(project, read_only=True)
    from curator.services.statistics import project_statistics

    statistics = project_statistics(database)
    database.close()
    total = sum(sum(by.values()) for by in statistics.records.values())
    print(f"{project}: {total:,} records, {statistics.evidence:,} evidence spans")
    results = {method: _child(method, project, folder)
               for method in ("snapshot", "xlsx", "json", "zip", "preview")}
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas baseline skipped: pandas is not installed here; run "
              "`uv run --with pandas python bench/export.py` to compare.")
    else:
        results["pandas"] = _child("pandas", project, folder)
    for method, result in results.items():
        size = ""
        for name in (f"curator.{method}", "pandas.xlsx" if method == "pandas" else ""):
            if name and (folder / name).exists():
                size = f", file {(folder / name).stat().st_size / 1e6:.1f} MB"
        extra = f" (of which reading {result['read']:.2f} s)" if "read" in result else ""
        rows = f" for {int(result['rows']):,} rows" if "rows" in result else ""
        print(f"{method:>8}: {result['seconds']:6.2f} s{extra}{rows}, peak "
              f"{result['peak_mb']:.0f} MB{size}")
    if "pandas" in results:
        ratio = results["pandas"]["seconds"] / results["xlsx"]["seconds"]
        print(f"workbook: Curator {results['xlsx']['seconds']:.2f} s vs pandas to_excel "
              f"{results['pandas']['seconds']:.2f} s: {ratio:.1f}× faster (same run)")


if __name__ == "__main__":
    main()
