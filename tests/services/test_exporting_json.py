"""The JSON export streamed from the database writes what the snapshot writer writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from curator.domain.records import RecordKind, ReviewStatus
from curator.domain.relations import RelationKind
from curator.exchange.json_writer import write_json
from curator.exchange.snapshot import ExportFilter
from curator.services import annotating, browsing, commenting
from curator.services.aliasing import add_alias
from curator.services.demo import open_demo_project
from curator.services.editing import edit_field, load_record
from curator.services.exporting import collect_snapshot, export_project
from curator.services.relating import add_relation
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project


@pytest.fixture
def demo(tmp_path: Path) -> Any:
    """The demo project (a chapter in sections, records with evidence, relations), with a
    comment, an alias, a country and a second span on one record added."""
    database = open_demo_project(tmp_path / "demo.curator")
    [person] = browsing.record_page(database, RecordKind.PERSON)
    organizations = browsing.record_page(database, RecordKind.ORGANIZATION)
    events = browsing.record_page(database, RecordKind.EVENT)
    [document] = browsing.documents(database)
    commenting.add_comment(database, person.id, "Check the title: \"主任\"\nsecond line")
    add_alias(database, organizations[0].id, "国务院扶贫办")
    edit_field(database, person.id, "nationality", "中国",
               expected_version=load_record(database, person.id).version)
    add_relation(database, RelationKind.EVENT_COUNTRY, events[0].id, country="Brazil",
                 role="visited")
    annotating.link_selection_as_evidence(database, person.id, document.id, 0, 8)
    yield database
    database.close()


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data


def _both(database: ProjectDatabase, folder: Path,
          choose: ExportFilter | None = None) -> tuple[Path, Path]:
    """The project exported as JSON by the service (streamed) and from a snapshot."""
    streamed, from_snapshot = folder / "streamed.json", folder / "snapshot.json"
    export_project(database, streamed, choose=choose)
    write_json(collect_snapshot(database, choose=choose), from_snapshot)
    return streamed, from_snapshot


def test_streamed_export_equals_the_snapshot_writers(demo: ProjectDatabase,
                                                      tmp_path: Path) -> None:
    streamed, from_snapshot = _both(demo, tmp_path)
    data = _load(streamed)
    assert data == _load(from_snapshot)
    assert data["relations"] and any(r["comments"] for r in data["people"])
    assert any(r["aliases"] for r in data["organizations"])


def test_streamed_export_holds_sections_countries_and_comments(demo: ProjectDatabase,
                                                               tmp_path: Path) -> None:
    export_project(demo, tmp_path / "out.json")
    [person] = _load(tmp_path / "out.json")["people"]
    assert (person["nationality"], person["nationality_name_zh"]) == ("CN", "中国")
    assert person["comments"][0]["text"] == "Check the title: \"主任\"\nsecond line"
    assert person["comments"][0]["at"].endswith("+00:00")
    assert any(span["section"] for span in person["evidence"])


def test_a_records_spans_keep_document_and_start_order(demo: ProjectDatabase,
                                                       tmp_path: Path) -> None:
    export_project(demo, tmp_path / "out.json")
    [person] = _load(tmp_path / "out.json")["people"]
    places = [(span["document"], span["start"]) for span in person["evidence"]]
    assert len(places) >= 2 and places == sorted(places) and places[0][1] == 0


@pytest.mark.parametrize("choose", [
    ExportFilter(statuses=frozenset({ReviewStatus.APPROVED})),
    ExportFilter(kinds=frozenset({RecordKind.EVENT})),
])
def test_a_filtered_streamed_export_equals_the_snapshot_writers(
    demo: ProjectDatabase, tmp_path: Path, choose: ExportFilter
) -> None:
    streamed, from_snapshot = _both(demo, tmp_path, choose)
    assert _load(streamed) == _load(from_snapshot)


def test_the_export_says_how_many_records_of_each_kind_it_wrote(
    demo: ProjectDatabase, tmp_path: Path
) -> None:
    written = export_project(demo, tmp_path / "out.json",
                             choose=ExportFilter(kinds=frozenset({RecordKind.ORGANIZATION})))
    assert written == {RecordKind.EVENT: 0, RecordKind.PERSON: 0, RecordKind.ORGANIZATION: 2}
    assert export_project(demo, tmp_path / "out.xlsx") == {
        RecordKind.EVENT: 2, RecordKind.PERSON: 1, RecordKind.ORGANIZATION: 2}


def test_a_large_export_reports_progress_in_steps(database: ProjectDatabase,
                                                  tmp_path: Path) -> None:
    from curator.store.records import create_record

    with database.unit_of_work() as session:
        for number in range(5_000):
            create_record(session, RecordKind.PERSON, user="u", name_en=f"Person {number}")
    reports: list[tuple[int, int]] = []
    export_project(database, tmp_path / "out.json",
                   progress=lambda done, total: reports.append((done, total)))
    assert reports[0] == (0, 5_000) and reports[-1] == (5_000, 5_000)
    assert len(reports) > 2
    assert len(_load(tmp_path / "out.json")["people"]) == 5_000


def test_streamed_export_equals_the_snapshot_writers_on_each_database(
    database: ProjectDatabase, tmp_path: Path
) -> None:
    ids = build_project(database)
    commenting.add_comment(database, ids["P-0001"], "Check his title")
    streamed, from_snapshot = _both(database, tmp_path)
    data = _load(streamed)
    assert data == _load(from_snapshot)
    assert data["people"][0]["comments"][0]["at"].endswith("+00:00")
    assert data["people"][0]["created_at"].endswith("+00:00")
