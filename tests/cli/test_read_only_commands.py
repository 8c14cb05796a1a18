"""Commands that only read (stats, documents, export) never write to the project."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from curator.cli import main
from curator.store import engines

READ_ONLY_COMMANDS = [["stats"], ["stats", "--json"], ["documents"], ["export", "{out}/x.json"],
                      ["export", "{out}/x.xlsx"]]


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file in `folder` with the SHA-256 of its bytes."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir())}


@pytest.fixture
def project(tmp_path: Path, sample_source: Path) -> Path:
    """A project alone in its folder, closed (no -wal or -shm beside it)."""
    folder = tmp_path / "projects"
    folder.mkdir()
    path = folder / "p.curator"
    assert main(["-p", str(path), "import", str(sample_source)]) == 0
    assert [p.name for p in folder.iterdir()] == ["p.curator"]
    return path


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS)
def test_a_read_only_command_leaves_the_project_byte_identical_with_no_side_files(
    project: Path, tmp_path: Path, command: list[str]
) -> None:
    before = _fingerprint(project.parent)
    argv = [part.format(out=tmp_path) for part in command]
    assert main(["-p", str(project), *argv]) == 0
    assert _fingerprint(project.parent) == before  # no -wal, no -shm, same bytes


def test_reading_refuses_writes_at_the_database(project: Path) -> None:
    from sqlalchemy import text

    from curator.errors import StorageError
    from curator.store.database import ProjectDatabase

    database = ProjectDatabase.open(project, read_only=True)
    try:
        with pytest.raises(StorageError, match="opened for reading only"), \
                database.unit_of_work() as session:
            session.execute(text("DELETE FROM document"))
    finally:
        database.close()


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS)
def test_a_read_only_command_gives_an_empty_or_missing_file_no_schema(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.curator"
    empty.touch()
    argv = [part.format(out=tmp_path) for part in command]
    assert main(["-p", str(empty), *argv]) == 1
    assert main(["-p", str(tmp_path / "missing.curator"), *argv]) == 1
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.curator"]
    assert "Traceback" not in capsys.readouterr().err


def test_a_project_made_by_an_earlier_curator_is_read_without_upgrading_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from curator.store import migrating

    old = tmp_path / "old" / "first.curator"
    old.parent.mkdir()
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(migrating.alembic_config(connection), "0001")
    engine.dispose()
    before = _fingerprint(old.parent)
    capsys.readouterr()
    assert main(["-p", str(old), "stats", "--json"]) == 0
    assert '"documents": 0' in capsys.readouterr().out
    assert _fingerprint(old.parent) == before


def test_in_a_folder_nobody_may_write_the_project_is_read_immutable(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root every folder is writable, so the folder's answer is stood in for here; the
    # test below runs the same case for real as an ordinary user where one is available.
    real_access = os.access
    monkeypatch.setattr(engines.os, "access", lambda path, mode: (
        False if Path(path) in (project, project.parent) and mode == os.W_OK
        else real_access(path, mode)))
    assert "immutable=1" in engines.read_only_sqlite_uri(project)
    before = _fingerprint(project.parent)
    assert main(["-p", str(project), "export", str(tmp_path / "x.json")]) == 0
    assert _fingerprint(project.parent) == before


def test_changing_a_project_in_a_read_only_folder_names_the_folder(
    project: Path, sample_source: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from curator.store import database

    real_access = os.access
    monkeypatch.setattr(database.os, "access", lambda path, mode: (
        False if Path(path) == project.parent and mode == os.W_OK
        else real_access(path, mode)))
    assert main(["-p", str(project), "remove-document", "1"]) == 1
    error = capsys.readouterr().err
    assert f"its folder {project.parent} is read-only" in error


READER = """
import sys
from curator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run_as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str] | None:
    """Run the CLI as the unprivileged user `nobody`, or None where that is impossible."""
    runuser = shutil.which("runuser")
    if os.geteuid() != 0 or runuser is None:
        return None
    probe = subprocess.run([runuser, "-u", "nobody", "--", sys.executable, "-c", "import curator"],
                           capture_output=True, text=True, cwd=cwd)
    if probe.returncode != 0:
        return None
    return subprocess.run([runuser, "-u", "nobody", "--", sys.executable, "-c", READER, *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_a_project_in_a_read_only_folder_is_read_and_exported_as_an_ordinary_user(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    project.parent.chmod(0o555)
    project.chmod(0o444)
    before = _fingerprint(project.parent)
    try:
        result = _run_as_nobody("-p", str(project), "export", str(out / "x.json"), cwd=out)
        if result is None:
            pytest.skip("no unprivileged user can run this Python (root ignores permissions)")
        assert result.returncode == 0, result.stderr
        assert (out / "x.json").is_file()
        assert _fingerprint(project.parent) == before
    finally:
        project.parent.chmod(0o755)
