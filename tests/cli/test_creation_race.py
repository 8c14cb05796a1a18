"""Several first imports into one new project at the same moment: every acknowledged document
is kept, on SQLite and on PostgreSQL, and no process deletes another's project."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from curator.services.browsing import documents
from curator.store.database import ProjectDatabase

# Each process imports everything slow before waiting at the gate, so they reach
# ProjectDatabase.open within a few milliseconds of each other.
RACER = """
import sys, time
from pathlib import Path
import curator.cli, curator.ingest, curator.services.importing, curator.store.database
gate = Path(sys.argv[1])
while not gate.exists():
    time.sleep(0.001)
sys.exit(curator.cli.main(sys.argv[2:]))
"""


def _sources(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"bulletin-{number}.txt"
        path.write_text(
            f"Bulletin {number}\n\nOn May {number + 1}, 2013, delegation {number} visited "
            f"Nairobi and met with officials of the Ministry of Planning.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _race(project: str, sources: list[Path], gate: Path) -> list[subprocess.CompletedProcess]:
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(gate), "-p", project, "import", str(source)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for source in sources
    ]
    time.sleep(1.5)  # let every racer import its modules and reach the gate
    gate.touch()
    results = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(racer.args, racer.returncode, out, err))
    return results


def _acknowledged(results: list[subprocess.CompletedProcess]) -> set[str]:
    """The source files the racers said were imported."""
    names = set()
    for result in results:
        names.update(re.findall(r"(bulletin-\d+\.txt): imported as document", result.stdout))
    return names


@pytest.mark.parametrize("racers", [2, 8])
def test_first_imports_into_one_new_sqlite_project_all_land(tmp_path: Path, racers: int) -> None:
    project = tmp_path / "shared" / "new.curator"
    sources = _sources(tmp_path, racers)

    results = _race(str(project), sources, tmp_path / "go")

    assert [r.returncode for r in results] == [0] * racers, [r.stderr for r in results]
    assert _acknowledged(results) == {source.name for source in sources}
    database = ProjectDatabase.open(project, create=False)
    try:
        assert {info.source_name for info in documents(database)} == {s.name for s in sources}
    finally:
        database.close()
    assert sorted(p.name for p in project.parent.iterdir()) == ["new.curator"]


@pytest.mark.parametrize("racers", [2, 8])
def test_first_imports_into_one_new_postgresql_project_all_land(
    tmp_path: Path, new_postgres_url: str, racers: int
) -> None:
    sources = _sources(tmp_path, racers)

    results = _race(new_postgres_url, sources, tmp_path / "go")

    assert [r.returncode for r in results] == [0] * racers, [r.stderr for r in results]
    assert _acknowledged(results) == {source.name for source in sources}
    database = ProjectDatabase.open(new_postgres_url, create=False)
    try:
        assert {info.source_name for info in documents(database)} == {s.name for s in sources}
    finally:
        database.close()


def test_the_same_file_imported_twice_at_once_is_stored_once_and_both_succeed(
    tmp_path: Path,
) -> None:
    project = tmp_path / "new.curator"
    source = _sources(tmp_path, 1)[0]

    results = _race(str(project), [source, source], tmp_path / "go")

    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert all("Someone else" not in r.stderr for r in results)
    database = ProjectDatabase.open(project, create=False)
    try:
        assert len(documents(database)) == 1
    finally:
        database.close()
