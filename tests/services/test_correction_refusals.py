"""Workbooks that do not fit are refused with sheet, row and column, and nothing changes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from curator.errors import WorkbookInvalid
from curator.exchange.workbook_reader import ReadLimits
from curator.services.correcting import preview_corrections
from curator.services.exporting import collect_snapshot
from curator.store.database import ProjectDatabase
from tests.services.workbook_edits import build_project, edit_workbook, exported, set_cell


def _state(database: ProjectDatabase) -> Any:
    snapshot = collect_snapshot(database)
    return (snapshot.records, snapshot.relations, snapshot.aliases)


def _drop_version_column(book: Any) -> None:
    book["Events"].delete_cols(14)


CASES = [
    (lambda book: book.remove(book["People"]), r"has no sheet People"),
    (lambda book: book["Events"].delete_cols(4), r"Sheet Events, row 1: the column “Status”"),
    (lambda book: set_cell(book["Events"], "E-0001", "Key", "E-0099"),
     r"Sheet Events, row 2, column A \(Key\): no record E-0099 in the project"),
    (lambda book: set_cell(book["Events"], "E-0001", "Key", "P-0001"),
     r"Sheet Events, row 2, column A \(Key\): P-0001 is not the key of an event"),
    (lambda book: set_cell(book["Events"], "E-0001", "Start date", "32 June 2012"),
     r"Sheet Events, row 2, column F \(Start date\): “32 June 2012” is not a date"),
    (lambda book: set_cell(book["Events"], "E-0001", "Status", "done"),
     r"Sheet Events, row 2, column D \(Status\): “done” is not a status"),
    (lambda book: set_cell(book["Events"], "E-0001", "Country", "Atlantis"),
     r"Sheet Events, row 2, column I \(Country\): “Atlantis” is not a country"),
    (lambda book: set_cell(book["Events"], "E-0001", "Participants", "many"),
     r"Sheet Events, row 2, column L \(Participants\): expected a whole number"),
    (lambda book: set_cell(book["Events"], "E-0001", "Type", "party"),
     r"Sheet Events, row 2, column E \(Type\): “party” is not one of"),
    (lambda book: set_cell(book["Events"], "E-0001", "Version", None),
     r"Sheet Events, row 2, column N \(Version\): E-0001 has no version"),
    (lambda book: set_cell(book["Participants"], "E-0001", "Role", "juggler"),
     r"Sheet Participants, row 2: “juggler” is not a role"),
    (lambda book: set_cell(book["Participants"], "E-0001", "Person key", "P-0042"),
     r"Sheet Participants, row 2, column B: no record P-0042"),
]


@pytest.mark.parametrize(("edit", "message"), CASES)
def test_a_workbook_that_does_not_fit_is_refused_and_changes_nothing(
    database: ProjectDatabase, tmp_path: Path, edit: Any, message: str
) -> None:
    build_project(database)
    path = edit_workbook(exported(database, tmp_path), edit)
    before = _state(database)
    with pytest.raises(WorkbookInvalid, match=message):
        preview_corrections(database, path)
    assert _state(database) == before


def test_a_file_that_is_no_workbook_is_refused(database: ProjectDatabase,
                                                tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(WorkbookInvalid, match="not an Excel workbook"):
        preview_corrections(database, path)


def test_a_zip_bomb_is_refused_without_being_unpacked(
    database: ProjectDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            zeros = b"\0" * (1 << 20)
            for _ in range(64):  # 64 MB of zeros: about 64 KB packed
                part.write(zeros)
        archive.writestr("xl/workbook.xml", "<workbook/>")

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a part of the bomb was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    monkeypatch.setattr(zipfile.ZipFile, "read", never)
    with pytest.raises(WorkbookInvalid, match="zip bomb"):
        preview_corrections(database, bomb, limits=ReadLimits(max_ratio=100))


def test_a_workbook_declaring_entities_is_refused(database: ProjectDatabase,
                                                  tmp_path: Path) -> None:
    build_project(database)
    path = exported(database, tmp_path)
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.'
              'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
              't="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    _replace_part(path, "xl/worksheets/sheet2.xml", laughs.encode())
    with pytest.raises(WorkbookInvalid, match="DTD or entities"):
        preview_corrections(database, path)


def test_rows_beyond_the_limit_are_refused(database: ProjectDatabase, tmp_path: Path) -> None:
    build_project(database)
    with pytest.raises(WorkbookInvalid, match="more rows than are read"):
        preview_corrections(database, exported(database, tmp_path),
                            limits=ReadLimits(max_rows=2))


def test_a_cell_longer_than_excel_allows_is_refused(database: ProjectDatabase,
                                                     tmp_path: Path) -> None:
    build_project(database)
    with pytest.raises(WorkbookInvalid, match=r"Sheet README, row 1, column A: the cell holds"):
        preview_corrections(database, exported(database, tmp_path),
                            limits=ReadLimits(max_cell=5))


def _replace_part(path: Path, name: str, content: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {item: archive.read(item) for item in archive.namelist()}
    parts[name] = content
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in parts.items():
            archive.writestr(item, data)
