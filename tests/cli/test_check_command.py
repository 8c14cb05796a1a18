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


def test_a_command_that_upgrades_a_project_names_the_copy_it_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine

    from tests.store.conftest import _make_project_at_0001

    project = tmp_path / "old.curator"
    engine = create_engine(f"sqlite:///{project}")
    _make_project_at_0001(engine)
    engine.dispose()

    assert main(["-p", str(project), "rename-document", "1", "Report of 2012"]) == 0
    assert (f"was upgraded for this version of Curator; a copy as it was is at "
            f"{tmp_path / 'old.schema-0001-backup.curator'}") in capsys.readouterr().err


def test_copy_makes_a_new_project_file_and_counts_what_it_copied(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.curator"
    main(["-p", str(project), "import", str(sample_source)])
    capsys.readouterr()

    assert main(["copy", str(project), str(tmp_path / "q.curator")]) == 0
    captured = capsys.readouterr()
    assert captured.out == (f"Copied {project} to {tmp_path / 'q.curator'}: 1 documents, "
                            "0 records, 0 relations, 0 evidence spans, 0 revisions.\n")
    assert captured.err == ""
    assert main(["-p", str(tmp_path / "q.curator"), "check"]) == 0
