"""`curator -p P check`: silent success on a sound project, each problem printed, exit 1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from curator.cli import main


def test_check_of_a_sound_project_says_so(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "p.curator")
    main(["-p", project, "import", str(sample_source)])
    capsys.readouterr()

    assert main(["-p", project, "check"]) == 0
    assert capsys.readouterr().out == f"No problems found in {project}.\n"


def test_check_of_a_damaged_project_prints_each_problem_and_fails(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.curator"
    main(["-p", str(project), "import", str(sample_source)])
    connection = sqlite3.connect(project)
    connection.execute("UPDATE document SET text = text || 'x'")
    connection.commit()
    connection.close()
    capsys.readouterr()

    assert main(["-p", str(project), "check"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("documents: The text of document 1")
    assert "1 problem(s) found" in captured.err


def test_check_of_a_file_that_is_no_project_fails_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.curator"
    project.write_bytes(b"not a database at all, just some text" * 100)

    assert main(["-p", str(project), "check"]) == 1
    error = capsys.readouterr().err
    assert "not a Curator project" in error and "Traceback" not in error
