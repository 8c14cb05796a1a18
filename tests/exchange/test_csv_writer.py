"""Tests of write_csv_files: one UTF-8-with-BOM file per sheet, in a folder or a .zip."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from curator.exchange.csv_writer import write_csv_files
from curator.exchange.snapshot import ProjectSnapshot

FILES = ["README.csv", "Events.csv", "People.csv", "Organizations.csv", "Participants.csv",
         "Event organizations.csv", "Event countries.csv", "Affiliations.csv",
         "Parent organizations.csv", "Aliases.csv", "Comments.csv", "Evidence.csv",
         "Documents.csv"]


def _rows(raw: bytes) -> list[list[str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_a_folder_gets_one_file_per_sheet(snapshot: ProjectSnapshot, tmp_path: Path) -> None:
    target = tmp_path / "export"
    assert write_csv_files(snapshot, target) == FILES
    assert sorted(path.name for path in target.iterdir()) == sorted(FILES)


def test_chinese_names_and_formula_looking_text_come_through(
    snapshot: ProjectSnapshot, tmp_path: Path
) -> None:
    write_csv_files(snapshot, tmp_path / "export")
    people = _rows((tmp_path / "export" / "People.csv").read_bytes())
    assert people[1][:3] == ["P-0001", "Zheng Wenkai", "郑文凯"]
    events = _rows((tmp_path / "export" / "Events.csv").read_bytes())
    assert events[2][1] == '=HYPERLINK("http://x")'


def test_dates_are_iso_text(snapshot: ProjectSnapshot, tmp_path: Path) -> None:
    write_csv_files(snapshot, tmp_path / "export")
    head, first, _ = _rows((tmp_path / "export" / "Events.csv").read_bytes())
    row = dict(zip(head, first, strict=True))
    assert (row["Start date"], row["End date"], row["Created"]) == (
        "2019-05-06", "2019-05", "2024-01-02 03:04:05")


def test_a_zip_holds_the_same_files(snapshot: ProjectSnapshot, tmp_path: Path) -> None:
    target = tmp_path / "export.zip"
    write_csv_files(snapshot, target)
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == FILES
        aliases = _rows(archive.read("Aliases.csv"))
    assert aliases[1:] == [["P-0001", "Person", "Mr. Zheng"], ["O-0001", "Organization", "LGOP"],
                           ["O-0001", "Organization", "=扶贫办"]]
    assert list(tmp_path.iterdir()) == [target]
