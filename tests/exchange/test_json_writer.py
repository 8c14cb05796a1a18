"""Tests of write_json, reading the file back with json.load."""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path
from typing import Any

import pytest

from curator.domain.country_fields import COUNTRY_FIELDS
from curator.domain.records import DETAIL_FIELDS, RecordKind
from curator.errors import ExportFailed
from curator.exchange import json_writer
from curator.exchange.json_writer import write_json
from curator.exchange.snapshot import ProjectSnapshot

LISTS = {
    RecordKind.EVENT: "events",
    RecordKind.PERSON: "people",
    RecordKind.ORGANIZATION: "organizations",
}
RECORD_KEYS = {
    "key",
    "name_en",
    "name_zh",
    "aliases",
    "status",
    "version",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "evidence",
    "comments",
}


@pytest.fixture
def path(snapshot: ProjectSnapshot, tmp_path: Path) -> Path:
    """The snapshot written as JSON."""
    target = tmp_path / "export.json"
    write_json(snapshot, target)
    return target


@pytest.fixture
def data(path: Path) -> dict[str, Any]:
    """The written file, parsed."""
    with path.open(encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


def record(data: dict[str, Any], kind: RecordKind, key: str) -> dict[str, Any]:
    """The record `key` from the list of `kind`."""
    (found,) = [entry for entry in data[LISTS[kind]] if entry["key"] == key]
    return found


def test_top_level_holds_project_time_documents_and_each_kind(data: dict[str, Any]) -> None:
    expected = ["project", "exported_at", "documents", "events", "people", "organizations",
                "relations"]
    assert list(data) == expected


def test_project_name_is_written(data: dict[str, Any]) -> None:
    assert data["project"] == "扶贫 project"


def test_export_time_is_iso_8601_utc(data: dict[str, Any]) -> None:
    assert data["exported_at"] == "2024-05-06T07:08:09+00:00"


def test_documents_list_their_identity_without_text(data: dict[str, Any]) -> None:
    assert data["documents"][0] == {
        "id": 1,
        "title": "扶贫工作报告",
        "source_name": "report.txt",
        "sha256": "a" * 64,
        "language": "zh",
        "encoding": "utf-8",
        "characters": 5000,
    }


@pytest.mark.parametrize("kind", list(RecordKind))
def test_each_record_has_keys_names_audit_and_every_detail_field(
    data: dict[str, Any], kind: RecordKind
) -> None:
    details = {spec.name for spec in DETAIL_FIELDS[kind]}
    details |= {f"{name}_name_{lang}" for name in COUNTRY_FIELDS[kind] for lang in ("en", "zh")}
    for entry in data[LISTS[kind]]:
        assert set(entry) == RECORD_KEYS | details


def test_records_keep_their_order(data: dict[str, Any], snapshot: ProjectSnapshot) -> None:
    for kind, name in LISTS.items():
        assert [entry["key"] for entry in data[name]] == [r.key for r in snapshot.records[kind]]


def test_record_values_are_written(data: dict[str, Any]) -> None:
    event = record(data, RecordKind.EVENT, "E-0001")
    assert event["status"] == "approved"
    assert event["version"] == 2
    assert event["event_type"] == "conference/forum"
    assert event["participant_count"] == 120
    assert event["start_date"] == "2019-05-06"


def test_missing_detail_is_null(data: dict[str, Any]) -> None:
    assert record(data, RecordKind.EVENT, "E-0001")["description"] is None
    assert record(data, RecordKind.PERSON, "P-0002")["position"] is None


def test_audit_times_are_iso_utc_even_when_naive(data: dict[str, Any]) -> None:
    person = record(data, RecordKind.PERSON, "P-0001")
    assert person["created_at"] == "2024-01-02T03:04:05+00:00"
    assert person["updated_at"] == "2024-02-03T04:05:06+00:00"
    assert (person["created_by"], person["updated_by"]) == ("alice", "李明")


def test_chinese_names_are_intact(data: dict[str, Any]) -> None:
    assert record(data, RecordKind.PERSON, "P-0001")["name_zh"] == "郑文凯"
    organization = record(data, RecordKind.ORGANIZATION, "O-0001")
    assert organization["name_zh"] == "国务院扶贫开发领导小组办公室"


def test_chinese_is_written_as_utf8_not_escaped(path: Path) -> None:
    raw = path.read_bytes()
    escaped = {int(code, 16) for code in re.findall(rb"\\u([0-9a-f]{4})", raw)}
    assert "郑文凯".encode() in raw
    assert all(code < 0x20 for code in escaped)  # only control characters are escaped


def test_file_is_indented_by_two_spaces(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith('  "project"')


def test_formula_looking_text_is_plain_text(data: dict[str, Any]) -> None:
    event = record(data, RecordKind.EVENT, "E-0002")
    assert (event["name_en"], event["name_zh"]) == ('=HYPERLINK("http://x")', "+1")


def test_evidence_is_listed_under_its_record(data: dict[str, Any]) -> None:
    evidence = record(data, RecordKind.PERSON, "P-0001")["evidence"]
    assert evidence == [
        {
            "document": 1,
            "document_title": "扶贫工作报告",
            "section": "一、概况",
            "start": 30,
            "end": 35,
            "quote": "郑文凯主任",
            "field": "name_zh",
        },
        {
            "document": 2,
            "document_title": "Forum minutes",
            "section": "",
            "start": 0,
            "end": 12,
            "quote": "=Zheng Wenkai",
            "field": "name_en",
        },
    ]


def test_record_without_evidence_has_an_empty_list(data: dict[str, Any]) -> None:
    assert record(data, RecordKind.ORGANIZATION, "O-0002")["evidence"] == []


def test_empty_project_gives_empty_lists(empty_snapshot: ProjectSnapshot, tmp_path: Path) -> None:
    target = tmp_path / "empty.json"
    write_json(empty_snapshot, target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [data[name] for name in ("documents", *LISTS.values())] == [[], [], [], []]


def test_failing_write_raises_export_failed_and_keeps_previous_export(
    snapshot: ProjectSnapshot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = path.read_bytes()

    def dump_half(content: object, stream: Any, counter: object) -> None:
        stream.write('{"project": ')
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(json_writer, "_dump", dump_half)
    with pytest.raises(ExportFailed, match="the disk is full"):
        write_json(snapshot, path)
    assert path.read_bytes() == before
    assert list(path.parent.iterdir()) == [path]


def test_target_in_missing_folder_raises_export_failed(
    snapshot: ProjectSnapshot, tmp_path: Path
) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        write_json(snapshot, tmp_path / "missing" / "export.json")


def test_each_record_stands_on_a_line_of_its_own(snapshot: ProjectSnapshot, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert sum(line.lstrip().startswith('{"key": ') for line in lines) == sum(
        map(len, snapshot.records.values()))
