"""Two (and four) Curator processes changing one SQLite project side by side: every change is
either saved or refused as a conflict, none fails with "database is locked", and no key is
handed out twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from curator.store.database import ProjectDatabase
from tests.store.stream_check import problems_after

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("writers", [2, 4])
def test_processes_writing_one_sqlite_file_all_succeed(tmp_path: Path, writers: int) -> None:
    project = tmp_path / "shared.curator"
    ProjectDatabase.open(project).close()
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store.edit_stream", str(project), str(seed), "120",
             str(tmp_path)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for seed in range(1, writers + 1)
    ]
    lines: list[str] = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err  # a StorageError ("locked") would end the stream
        assert "locked" not in err
        lines += out.splitlines()
    assert sum(line.startswith("ack create") for line in lines) >= writers * 10
    assert sum(line.startswith("ack import") for line in lines) >= writers
    database = ProjectDatabase.open(project)
    try:
        assert problems_after(database, lines) == []
        with database.engine.connect() as connection:
            keys = connection.exec_driver_sql("SELECT key FROM record").scalars().all()
        assert len(keys) == len(set(keys)) == sum(
            line.startswith("ack create") for line in lines)
    finally:
        database.close()
