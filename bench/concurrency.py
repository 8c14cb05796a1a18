"""Edits per second with one and with four writers, on SQLite and on PostgreSQL.

    uv run python bench/concurrency.py [--edits 300] [--postgres URL_OF_AN_ADMIN_DATABASE]

Each writer is its own process (as each curator's window is), opens the project, creates its
own ten people, waits at a gate until every writer is ready, then saves `--edits` field edits
through the same service the window uses (`editing.edit_field`, one transaction each, a
revision and a search-index update each). Half of the edits go to a record shared by all
writers, so conflicts (refused, not lost) happen as they would in a team; they are counted.
The PostgreSQL run uses a scratch database made and dropped on the server named by `--postgres`
(default: the test server, postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def writer(project: str, gate: str, edits: int, seed: int) -> None:
    """One writer process: prints {"saved": n, "conflicts": n, "seconds": s}."""
    from curator.domain.records import RecordKind
    from curator.errors import EditConflict
    from curator.services import editing, relating
    from curator.store.database import ProjectDatabase

    database = ProjectDatabase.open(project)
    mine = [relating.create_named_record(database, RecordKind.PERSON, f"Writer {seed} #{n}").id
            for n in range(10)]
    shared = 1  # the first record, made before the writers start
    Path(gate + f".ready{seed}").touch()
    while not Path(gate).exists():
        time.sleep(0.005)
    saved = conflicts = 0
    started = time.perf_counter()
    for step in range(edits):
        record_id = shared if step % 2 else mine[step % len(mine)]
        version = editing.load_record(database, record_id).version
        try:
            editing.edit_field(database, record_id, "position", f"Title {seed}-{step}",
                               expected_version=version)
            saved += 1
        except EditConflict:
            conflicts += 1
    seconds = time.perf_counter() - started
    database.close()
    print(json.dumps({"saved": saved, "conflicts": conflicts, "seconds": seconds}))


def run(project: str, writers: int, edits: int) -> dict[str, float]:
    """Start `writers` processes on `project` at once; edits saved per second in all."""
    from curator.domain.records import RecordKind
    from curator.services import relating
    from curator.store.database import ProjectDatabase

    database = ProjectDatabase.open(project)
    relating.create_named_record(database, RecordKind.PERSON, "Shared person")
    database.close()
    with tempfile.TemporaryDirectory() as scratch:
        gate = str(Path(scratch) / "gate")
        processes = [subprocess.Popen(
            [sys.executable, __file__, "--writer", project, gate, str(edits), str(seed)],
            stdout=subprocess.PIPE, text=True) for seed in range(writers)]
        while sum(Path(gate + f".ready{seed}").exists() for seed in range(writers)) < writers:
            time.sleep(0.01)
        started = time.perf_counter()
        Path(gate).touch()
        results = [json.loads(process.communicate()[0].splitlines()[-1])
                   for process in processes]
        wall = time.perf_counter() - started
    saved = sum(result["saved"] for result in results)
    conflicts = sum(result["conflicts"] for result in results)
    return {"writers": writers, "saved": saved, "conflicts": conflicts,
            "seconds": round(wall, 2), "edits_per_second": round(saved / wall, 1)}


def _scratch_database(server: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"curator_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name, make_url(server).set(database=name).render_as_string(hide_password=False)


def _drop(server: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def main() -> None:
    if sys.argv[1:2] == ["--writer"]:
        project, gate, edits, seed = sys.argv[2:6]
        writer(project, gate, int(edits), int(seed))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=300, help="edits per writer")
    parser.add_argument("--postgres", default=DEFAULT_SERVER,
                        help="an admin URL of the PostgreSQL server ('' to skip it)")
    arguments = parser.parse_args()
    print(f"load before: {os.getloadavg()[0]:.1f}")
    for writers in (1, 4):
        with tempfile.TemporaryDirectory() as folder:
            result = run(str(Path(folder) / "bench.curator"), writers, arguments.edits)
        print("sqlite    ", json.dumps(result))
        if arguments.postgres:
            name, url = _scratch_database(arguments.postgres)
            try:
                print("postgresql", json.dumps(run(url, writers, arguments.edits)))
            finally:
                _drop(arguments.postgres, name)


if __name__ == "__main__":
    main()
