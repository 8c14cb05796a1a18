"""A project file with damaged pages gives every command a sentence and exit 1, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from curator.services.importing import import_document
from curator.store.database import ProjectDatabase

PAGE = 4096


@pytest.fixture(scope="module")
def healthy_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of 80 documents: large enough that its tables span many pages."""
    folder = tmp_path_factory.mktemp("healthy")
    project = folder / "big.curator"
    database = ProjectDatabase.open(project)
    for number in range(80):
        source = folder / f"bulletin-{number}.txt"
        source.write_text(
            f"Bulletin {number}\n\n"
            + f"On May {number % 28 + 1}, 2013, delegation {number} visited Nairobi. " * 60,
            encoding="utf-8",
        )
        import_document(database, source)
    database.close()
    assert project.stat().st_size > 100 * PAGE
    return project


def _damaged_copy(healthy: Path, folder: Path) -> Path:
    """A copy whose middle pages are overwritten (not truncated), as a failing disk leaves it."""
    data = bytearray(healthy.read_bytes())
    start, end = len(data) // 4 // PAGE * PAGE, 3 * len(data) // 4 // PAGE * PAGE
    data[start:end] = b"\xa5" * (end - start)
    damaged = folder / "damaged.curator"
    damaged.write_bytes(bytes(data))
    return damaged


def test_the_copy_really_is_damaged(healthy_project: Path, tmp_path: Path) -> None:
    damaged = _damaged_copy(healthy_project, tmp_path)
    connection = sqlite3.connect(damaged)
    try:
        [result] = connection.execute("PRAGMA quick_check").fetchone()
    finally:
        connection.close()
    assert result != "ok"


@pytest.mark.parametrize("command", [
    ["stats"], ["stats", "--json"], ["documents"], ["export", "{tmp}/out.json"],
    ["export", "{tmp}/out.xlsx"], ["import", "{tmp}/new.txt"], ["remove-document", "3"],
])
def test_every_command_on_a_damaged_project_says_so_in_a_sentence(
    healthy_project: Path, tmp_path: Path, command: list[str]
) -> None:
    damaged = _damaged_copy(healthy_project, tmp_path)
    (tmp_path / "new.txt").write_text("A new bulletin about a visit to Lima.\n")
    argv = [part.format(tmp=tmp_path) for part in command]
    result = subprocess.run(
        [sys.executable, "-m", "curator", "-p", str(damaged), *argv],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "sqlalche.me" not in result.stderr
    [message] = result.stderr.strip().splitlines()
    assert str(damaged) in message and "damaged" in message
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.xlsx").exists()

