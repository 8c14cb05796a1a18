"""A project's relations, aliases and countries reach both exports from the database."""

from __future__ import annotations

import json
from pathlib import Path

from python_calamine import CalamineWorkbook

from curator.domain.relations import RelationKind
from curator.services.aliasing import add_alias
from curator.services.editing import edit_field
from curator.services.exporting import export_project
from curator.services.relating import add_relation
from curator.store.database import ProjectDatabase

from .conftest import Cast


def _related(database: ProjectDatabase, cast: Cast) -> None:
    add_relation(database, RelationKind.PARTICIPANT, cast.visit, object_id=cast.zheng,
                 role="head of delegation", title="Vice Minister of LGOP")
    add_relation(database, RelationKind.EVENT_ORGANIZATION, cast.visit, object_id=cast.lgop,
                 role="organizer")
    add_relation(database, RelationKind.EVENT_COUNTRY, cast.visit, country="Brazil",
                 role="visited")
    add_alias(database, cast.lgop, "国务院扶贫办")
    edit_field(database, cast.zheng, "nationality", "中国", expected_version=1)


def test_json_export_holds_relations_aliases_and_country_names(
    database: ProjectDatabase, cast: Cast, tmp_path: Path
) -> None:
    _related(database, cast)
    export_project(database, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [(r["kind"], r["subject"], r["object"], r["role"]) for r in data["relations"]] == [
        ("participant", "E-0001", "P-0001", "head of delegation"),
        ("event_organization", "E-0001", "O-0001", "organizer"),
        ("event_country", "E-0001", "BR", "visited"),
    ]
    assert data["organizations"][0]["aliases"] == ["国务院扶贫办"]
    assert (data["people"][0]["nationality"], data["people"][0]["nationality_name_en"]) == (
        "CN", "China")


def test_workbook_export_read_by_a_second_reader(
    database: ProjectDatabase, cast: Cast, tmp_path: Path
) -> None:
    _related(database, cast)
    export_project(database, tmp_path / "out.xlsx")
    workbook = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx"))
    participants = workbook.get_sheet_by_name("Participants").to_python()
    countries = workbook.get_sheet_by_name("Event countries").to_python()
    aliases = workbook.get_sheet_by_name("Aliases").to_python()
    assert participants[1][:2] + participants[1][6:] == [
        "E-0001", "P-0001", "head of delegation", "Vice Minister of LGOP"]
    assert countries[1][:2] + countries[1][4:] == ["E-0001", "BR", "Brazil", "巴西", "visited"]
    assert aliases[1] == ["O-0001", "Organization", "国务院扶贫办"]
