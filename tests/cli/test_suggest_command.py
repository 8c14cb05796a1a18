"""`curator suggest [DOCUMENT...]`: suggested records for the project's documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.cli import main
from curator.domain.records import RecordKind, ReviewStatus
from curator.store.database import ProjectDatabase
from curator.store.records import counts_by_kind_and_status


@pytest.fixture
def project(tmp_path: Path, sample_source: Path) -> Path:
    """A project holding the sample report."""
    path = tmp_path / "suggest.curator"
    assert main(["-p", str(path), "import", str(sample_source)]) == 0
    return path


def _suggested(path: Path) -> dict[RecordKind, int]:
    database = ProjectDatabase.open(path)
    with database.unit_of_work() as session:
        counts = counts_by_kind_and_status(session)
    database.close()
    return {kind: counts[kind][ReviewStatus.SUGGESTED] for kind in RecordKind}


def test_suggest_fills_the_project_with_suggested_records(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-p", str(project), "suggest"]) == 0
    assert "Suggested in 1 document(s): 1 events, 1 people" in capsys.readouterr().out
    assert _suggested(project) == {RecordKind.EVENT: 1, RecordKind.PERSON: 1,
                                   RecordKind.ORGANIZATION: 2}


def test_suggest_twice_adds_nothing(project: Path) -> None:
    assert main(["-p", str(project), "suggest", "1"]) == 0
    first = _suggested(project)
    assert main(["-p", str(project), "suggest", "1"]) == 0
    assert _suggested(project) == first


def test_an_unknown_document_is_refused(project: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-p", str(project), "suggest", "7"]) == 1
    assert "no document 7" in capsys.readouterr().err
    assert sum(_suggested(project).values()) == 0
