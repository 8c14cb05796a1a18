"""curator duplicates: the likely pairs listed, as text or JSON, without changing the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.cli import main
from curator.domain.records import RecordKind
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Wang Yi twice (in either script), and IPRCC with its expansion."""
    path = tmp_path / "p.curator"
    database = ProjectDatabase.open(path)
    with database.unit_of_work() as session:
        for kind, name_en, name_zh in (
            (RecordKind.PERSON, "Wang Yi", ""), (RecordKind.PERSON, "", "王毅"),
            (RecordKind.ORGANIZATION, "IPRCC", ""),
            (RecordKind.ORGANIZATION, "International Poverty Reduction Center in China", ""),
        ):
            create_record(session, kind, user="setup", name_en=name_en, name_zh=name_zh)
    database.close()
    return path


def test_pairs_are_listed_with_score_and_reason(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-p", str(project), "duplicates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:4] for line in lines] == [
        ["90", "same name in another script", "P-0001 Wang Yi", "P-0002 王毅"],
        ["90", "acronym and expansion", "O-0001 IPRCC",
         "O-0002 International Poverty Reduction Center in China"]]


def test_one_kind_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = project.read_bytes()
    assert main(["-p", str(project), "duplicates", "--json", "--kind", "person"]) == 0
    [pair] = json.loads(capsys.readouterr().out)
    assert (pair["reason"], [side["key"] for side in pair["records"]]) == (
        "same name in another script", ["P-0001", "P-0002"])
    assert project.read_bytes() == before
