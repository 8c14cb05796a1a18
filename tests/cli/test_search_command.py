"""`curator search`: records and passages as lines or JSON, without writing to the project."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from curator.cli import main
from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


@pytest.fixture
def project(tmp_path: Path, sample_source: Path) -> Path:
    """A project holding the sample report and a person written in Chinese."""
    path = tmp_path / "search.curator"
    assert main(["-p", str(path), "import", str(sample_source)]) == 0
    database = ProjectDatabase.open(path)
    with database.unit_of_work() as session:
        create_record(session, RecordKind.PERSON, user="t", name_zh="郑文凯")
    database.close()
    return path


def test_search_lists_records_then_passages(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["-p", str(project), "search", "zheng wenkai"]) == 0
    record, passage = capsys.readouterr().out.splitlines()
    assert record == "P-0001\t郑文凯\tperson, draft\tname_zh: 郑文凯"
    assert passage.startswith("document 1 “Annual Report” ")
    assert "[Zheng Wenkai] led a delegation" in passage


def test_search_prints_json_with_offsets(
    project: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["-p", str(project), "search", "郑文凯", "--json", "--limit", "5"]) == 0
    results = json.loads(capsys.readouterr().out)
    [record] = results["records"]
    assert (record["key"], record["field"], record["match"]) == (
        "P-0001", "name_zh", "exact_name")
    [passage] = results["passages"]
    text = sample_source.read_text(encoding="utf-8")
    assert (passage["start"], passage["end"], passage["hit"]) == (
        text.index("郑文凯"), text.index("郑文凯") + 3, "郑文凯")


def test_search_does_not_write_to_the_project(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(project.read_bytes()).hexdigest()
    assert main(["-p", str(project), "search", "国务院"]) == 0
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before
    assert "document 1" in capsys.readouterr().out


def test_search_of_a_missing_project_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.curator"
    assert main(["-p", str(missing), "search", "x"]) == 1
    assert not missing.exists()
    assert "Traceback" not in capsys.readouterr().err
