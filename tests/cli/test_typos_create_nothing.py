"""A typo on the command line is an error, never a new project file somewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.cli import COMMANDS, main


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder, to see that nothing appears in it."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*"))


@pytest.mark.parametrize("argv", [["sugest"], ["-p", "{project}", "suggestt"],
                                  ["-p", "{project}", "stat", "--json"], ["--create", "sugest"]])
def test_an_unknown_command_lists_the_commands_and_creates_nothing(
    workdir: Path, tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "targets" / "p.curator"
    project.parent.mkdir()
    before = _files_under(tmp_path)
    assert main([part.format(project=project) for part in argv]) == 2
    error = capsys.readouterr().err
    assert "is not a command" in error and all(command in error for command in COMMANDS)
    assert _files_under(tmp_path) == before


@pytest.mark.parametrize("command", [["stats"], ["documents"], ["export", "out.json"],
                                     ["remove-document", "1"]])
def test_a_missing_project_is_refused_by_every_command_and_not_created(
    workdir: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-p", "my-projet.curator", *command]) == 1
    assert "There is no project at my-projet.curator" in capsys.readouterr().err
    assert _files_under(workdir) == []


def test_import_does_not_create_a_project_whose_name_lacks_the_suffix(
    workdir: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-p", "myproject", "import", str(sample_source)]) == 1
    error = capsys.readouterr().err
    assert "There is no project at myproject" in error and "--create" in error
    assert _files_under(workdir) == []


def test_import_creates_a_project_named_with_the_suffix_or_with_create(
    workdir: Path, sample_source: Path
) -> None:
    assert main(["-p", "new.curator", "import", str(sample_source)]) == 0
    assert main(["-p", "plain", "import", "--create", str(sample_source)]) == 0
    assert main(["--create", "-p", "other", "import", str(sample_source)]) == 0
    assert {path.name for path in workdir.iterdir()} == {"new.curator", "plain", "other"}


def test_a_command_without_a_project_says_it_uses_the_demo(
    workdir: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from curator.paths import demo_project_path

    assert main(["import", str(sample_source)]) == 0
    [notice] = capsys.readouterr().err.splitlines()
    assert notice == f"curator: no -p given: using the demo project at {demo_project_path()}"
    assert _files_under(workdir) == []


def test_a_failed_import_into_a_new_folder_removes_the_folders_it_made(
    workdir: Path, sample_source: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sqlalchemy.exc import OperationalError

    from curator.store import migrating

    def disk_full(_engine: object) -> None:
        raise OperationalError("CREATE TABLE", {}, Exception("database or disk is full"))

    monkeypatch.setattr(migrating, "upgrade_to_head", disk_full)
    project = workdir / "new" / "deeper" / "p.curator"
    assert main(["-p", str(project), "import", str(sample_source)]) == 1
    assert "Cannot create the project" in capsys.readouterr().err
    assert _files_under(workdir) == []
