"""Exports that take only some statuses or kinds, and say so in the README sheet."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from curator.domain.records import RecordKind, ReviewStatus
from curator.exchange.snapshot import ExportFilter
from curator.services.exporting import collect_snapshot, export_project
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


def _fill(database: ProjectDatabase) -> None:
    with database.unit_of_work() as session:
        for kind in RecordKind:
            for status in ReviewStatus:
                create_record(session, kind, user="u", name_en=f"{kind.value} {status.value}",
                              status=status)


def test_no_filter_takes_every_record(database: ProjectDatabase) -> None:
    _fill(database)
    snapshot = collect_snapshot(database)
    assert [len(snapshot.records[kind]) for kind in RecordKind] == [5, 5, 5]
    assert snapshot.filter_text == ""


def test_statuses_and_kinds_narrow_the_records(database: ProjectDatabase) -> None:
    _fill(database)
    choose = ExportFilter(frozenset({ReviewStatus.APPROVED, ReviewStatus.NEEDS_REVIEW}),
                          frozenset({RecordKind.EVENT}))
    snapshot = collect_snapshot(database, choose=choose)
    assert [record.status for record in snapshot.records[RecordKind.EVENT]] == [
        ReviewStatus.NEEDS_REVIEW, ReviewStatus.APPROVED]
    assert snapshot.records[RecordKind.PERSON] == []
    assert snapshot.filter_text == "status needs review, approved; kind event"


def test_the_filter_reads_back_from_its_words() -> None:
    choose = ExportFilter(frozenset({ReviewStatus.APPROVED}), frozenset({RecordKind.PERSON}))
    assert ExportFilter.parse(choose.describe()) == choose
    assert ExportFilter.parse("") == ExportFilter()


def test_the_readme_sheet_names_the_filter(database: ProjectDatabase, tmp_path: Path) -> None:
    _fill(database)
    target = tmp_path / "out.xlsx"
    export_project(database, target, choose=ExportFilter(frozenset({ReviewStatus.APPROVED})))
    readme = {row[0]: row[1] for row in load_workbook(target)["README"].iter_rows(
        values_only=True) if row}
    assert readme["Filter"] == "status approved"
    assert readme["Events"] == 1


def test_json_takes_the_filter_too(database: ProjectDatabase, tmp_path: Path) -> None:
    _fill(database)
    target = tmp_path / "out.json"
    export_project(database, target, choose=ExportFilter(kinds=frozenset({RecordKind.PERSON})))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert (len(data["events"]), len(data["people"])) == (0, 5)


def test_a_folder_target_gets_csv_files(database: ProjectDatabase, tmp_path: Path) -> None:
    _fill(database)
    export_project(database, tmp_path / "csv")
    assert (tmp_path / "csv" / "Events.csv").read_bytes().startswith(b"\xef\xbb\xbfKey,")
